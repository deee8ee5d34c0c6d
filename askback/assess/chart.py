"""Charts of the comparison as inline SVG, drawn by pygal.

pygal renders SVG in pure Python (no browser, no native libraries) and escapes text through
lxml. Importing it takes about 0.2 s, so it is imported here only, when a report is drawn,
never on the CLI's start-up path. pygal adds a small script for hover tooltips; it is taken
out, so a report is a static page that runs nothing. On import pygal also appends a legacy
import hook for its map plugins to ``sys.meta_path``, which makes every later failed import
in the process emit an ImportWarning; askback draws no maps, so the hook is removed again.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from askback.core.taxonomy import CATEGORY_IDS, category

if TYPE_CHECKING:
    from askback.assess.service import CompanyResult, CompareResult

COLOURS = ("#2f6f9f", "#d08c2f", "#5a9a5a", "#9c5aa0", "#c0504d", "#4bacc6", "#7f7f7f", "#8c6d31")
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def labels() -> list[str]:
    return [category(c).label for c in CATEGORY_IDS] + ["Pay"]


def values(company: CompanyResult) -> list[float | None]:
    scores: list[float | None] = [round(company.categories[c].score, 1) for c in CATEGORY_IDS]
    return [*scores, None if company.pay is None else round(company.pay, 1)]


def comparison_chart(result: CompareResult, width: int = 900, height: int = 360) -> str:
    """Every company's scores, categories side by side (one colour per company)."""
    chart = _bar(width, height, f"Scores by category (0-10), {len(result.companies)} companies", COLOURS)
    for company in result.companies:
        chart.add(company.company.name, values(company))
    return _clean(chart.render(is_unicode=True))


def company_chart(company: CompanyResult, index: int = 0, width: int = 640, height: int = 300) -> str:
    """One company's scores by category, in the colour it has in the comparison chart."""
    colour = COLOURS[index % len(COLOURS)]
    chart = _bar(width, height, f"{company.company.name}: {company.total:.1f} / 10", (colour,))
    chart.show_legend = False
    chart.add(company.company.name, values(company))
    return _clean(chart.render(is_unicode=True))


def _pygal() -> Any:
    import pygal  # type: ignore[import-untyped]

    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "PluginImportFixer"]
    return pygal


def _bar(width: int, height: int, title: str, colours: Sequence[str]) -> Any:
    pygal = _pygal()
    from pygal.style import Style  # type: ignore[import-untyped]

    style = Style(
        background="white",
        plot_background="white",
        foreground="#333",
        foreground_strong="#111",
        foreground_subtle="#ccc",
        colors=tuple(colours),
        font_family="DejaVu Sans, Helvetica, Arial, sans-serif",
        title_font_size=16,
        label_font_size=12,
        legend_font_size=12,
        value_font_size=10,
    )
    chart = pygal.Bar(
        style=style,
        width=width,
        height=height,
        range=(0, 10),
        title=title,
        js=[],
        disable_xml_declaration=True,
        explicit_size=True,  # its own width and height: a page scales it down, never up
        legend_at_bottom=True,
        print_values=True,
        print_values_position="top",
        truncate_label=-1,
        x_label_rotation=0,
        y_labels=[0, 2, 4, 6, 8, 10],
    )
    chart.x_labels = labels()
    return chart


def _clean(svg: str) -> str:
    """No script (tooltips) and no comments (a timestamp): a static, reproducible drawing."""
    return _COMMENT.sub("", _SCRIPT.sub("", svg))
