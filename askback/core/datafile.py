"""askback's own YAML data files (topics, lint rules, flags, the bank, the demo), read fast.

libyaml's C loader parses them ten times faster than the pure-Python one; the pure-Python
loader is kept as a fallback for a PyYAML built without libyaml.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def load_yaml(path: Path) -> Any:
    """The parsed document; raises ``yaml.YAMLError`` on invalid YAML."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
