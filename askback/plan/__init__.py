"""Planning: choose, order and explain the questions for one interview."""
