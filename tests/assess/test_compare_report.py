"""The comparison as text, Markdown, JSON, HTML with charts, and PDF."""

from __future__ import annotations

import json
import re
import sys

import pytest
from assess_helpers import PRIORITIES, interview

from askback.assess import report, service
from askback.assess.chart import comparison_chart
from askback.assess.service import CompareResult
from askback.runtime import Runtime


@pytest.fixture
def result(two_companies: Runtime) -> CompareResult:
    interview(
        two_companies,
        "<script>alert(1)</script> & Co",
        "peer",
        {"fun-after-hours-messages": (4, "Nobody <b>expects</b> replies.")},
    )
    return service.compare(
        two_companies, ["good-co", "busy-co", "<script>alert(1)</script> & Co"], "EUR", {"USD": 0.9}, PRIORITIES
    )


def test_text_shows_the_table_the_evidence_unknowns_disagreements_and_sensitivity(result: CompareResult) -> None:
    text = report.to_text(result)
    heading = text.splitlines()[0]
    assert heading.startswith("Good Co, ") and heading.endswith(", weighed by your priorities")
    assert "Busy Co" in heading and "<script>alert(1)</script> & Co" in heading
    assert "Priorities: mentoring 3, remote work 1; pay weight 1; offers per year in EUR." in text
    assert re.search(r"^Total \(0-10\) +\d+\.\d +\d+\.\d", text, re.MULTILINE)
    assert "1. Good Co: " in text
    assert "Offer: Engineer: EUR 72,000 base = EUR 72,000 a year" in text
    assert "Offer: none yet (pay counts as neutral, 5/10)" in text
    assert "Still unknown:" in text
    assert 'Good Co: "How does Good Co protect time for deep, focused work?" (rated 4/5 and 2/5)' in text
    assert "How far each weight is from changing first place (Good Co now)" in text


def test_markdown_has_a_table_and_a_section_per_company(result: CompareResult) -> None:
    md = report.to_markdown(result)
    assert md.startswith("# Good Co, ") and "Busy Co" in md.splitlines()[0]
    assert "| **Total** | " in md
    assert "## 1. Good Co: " in md
    assert "## Interviewers who disagreed" in md


def test_json_is_the_result_as_data(result: CompareResult) -> None:
    data = json.loads(report.to_json(result))
    assert data["ranking"][0] == "good-co"
    assert set(data["companies"][0]) >= {"total", "confidence", "categories", "pay", "offer", "flags", "unknowns"}


def test_html_escapes_everything_and_runs_nothing(result: CompareResult) -> None:
    html = report.to_html(result)
    assert html.startswith("<!doctype html>")
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "Nobody &lt;b&gt;expects&lt;/b&gt; replies." in html
    assert html.count("<svg") == 1 + len(result.companies)  # the comparison, then one per company
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "").replace(
        'xmlns:xlink="http://www.w3.org/1999/xlink"', ""
    )


def test_the_chart_puts_categories_side_by_side(result: CompareResult) -> None:
    svg = comparison_chart(result)
    assert svg.startswith("<svg") and "<script" not in svg and "<!--" not in svg
    for label in ("People", "Culture", "Self-development", "Essentials", "Pay"):
        assert f">{label}<" in svg
    assert "Good Co" in svg and "&lt;script&gt;" in svg


def test_pdf(result: CompareResult) -> None:
    pytest.importorskip("weasyprint")
    pdf = report.to_pdf(result)
    assert pdf.startswith(b"%PDF-") and len(pdf) > 5_000


def test_drawing_leaves_no_import_hook_behind(result: CompareResult) -> None:
    comparison_chart(result)
    assert not [f for f in sys.meta_path if type(f).__name__ == "PluginImportFixer"]
