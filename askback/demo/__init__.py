"""The bundled demo company: a fictional employer's website shipped in the package, so the
main job runs offline on a fresh install."""
