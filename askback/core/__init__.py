"""The domain: taxonomy and typed objects, free of I/O."""
