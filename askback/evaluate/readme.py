"""README figures come from evaluation runs: each part owns one block between markers."""

from __future__ import annotations

import re


def block_pattern(marker: str) -> re.Pattern[str]:
    return re.compile(rf"(<!-- {re.escape(marker)}: start -->\n)(.*?)(<!-- {re.escape(marker)}: end -->)", re.DOTALL)


def read_block(readme: str, marker: str) -> str | None:
    found = block_pattern(marker).search(readme)
    return found.group(2) if found else None


def replace_block(readme: str, marker: str, body: str) -> str:
    """The README with the block's body replaced; a missing block is an error, not a silent no-op."""
    pattern = block_pattern(marker)
    if not pattern.search(readme):
        raise ValueError(f"README has no <!-- {marker}: start --> ... <!-- {marker}: end --> block")
    text = body if body.endswith("\n") else body + "\n"
    return pattern.sub(lambda m: m.group(1) + text + m.group(3), readme, count=1)
