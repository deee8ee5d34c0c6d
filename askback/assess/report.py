"""The comparison as text, Markdown, JSON, a self-contained HTML page (with charts) or PDF.

Every renderer reads the same :class:`CompareResult`; none computes anything. HTML escapes
every piece of text, since company names, notes and accounts are the user's (or a web
page's) words.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import escape
from typing import TYPE_CHECKING

from askback.core.taxonomy import CATEGORY_IDS, category, role_label

if TYPE_CHECKING:
    from askback.assess.compare import CategoryScore, Evidence
    from askback.assess.service import CompanyResult, CompareResult

EVIDENCE_SHOWN = 3  # per category in text and Markdown; HTML and JSON show all


def to_json(result: CompareResult) -> str:
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False)


def heading(result: CompareResult) -> str:
    names = [c.company.name for c in result.companies]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{joined}, weighed by your priorities"


def priorities_line(result: CompareResult) -> str:
    from askback.assess.sensitivity import priority_label

    parts = [f"{priority_label(p)} {w:g}" for p, w in result.priorities.items()]
    parts = parts or ["none set: every category counts the same"]
    pay = f"pay weight {result.weights['pay']:g}"
    money = f"offers per year in {result.currency}" if result.currency else "no offers yet"
    return f"Priorities: {', '.join(parts)}; {pay}; {money}."


def _money(amount: float, currency: str) -> str:
    return f"{currency} {amount:,.0f}"


def offer_line(company: CompanyResult) -> str:
    if company.offer is None:
        return "Offer: none yet (pay counts as neutral, 5/10)"
    o = company.offer
    parts = [f"{_money(o.base, o.currency)} base"]
    if o.bonus:
        parts.append(f"{_money(o.bonus, o.currency)} bonus")
    if o.equity:
        parts.append(f"{_money(o.equity, o.currency)} equity a year")
    title = f"{o.offer.title}: " if o.offer.title else ""
    return f"Offer: {title}{' + '.join(parts)} = {_money(o.total, o.currency)} a year"


def heard_line(company: CompanyResult) -> str:
    """How much stands behind a company: interviews with something recorded, and accounts."""
    return (
        f"Heard in {_count(company.interviews, 'interview')} with something recorded and "
        f"{_count(company.accounts, 'employee account')}; {_count(company.corroborated, 'claim')} "
        f"corroborated by two or more people, {_count(company.one_person, 'statement')} "
        "from one person alone (weighted lower)"
    )


def pieces(count: int) -> str:
    return _count(count, "piece") + " of evidence"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _sign(e: Evidence) -> str:
    return "+" if e.score > 5 else "-" if e.score < 5 else "·"


def _evidence_line(e: Evidence) -> str:
    return f"{_sign(e)} {e.text}" + (f" ({e.source})" if e.source else "")


# --- text ------------------------------------------------------------------------------------


def to_text(result: CompareResult) -> str:
    return "\n".join(line.rstrip() for line in _text_lines(result)) + "\n"


def _text_lines(result: CompareResult) -> Iterator[str]:
    yield heading(result)
    yield priorities_line(result)
    yield ""
    yield from _table(result)
    for company in result.companies:
        yield ""
        yield from _company_text(company, result)
    yield from _disagreements_text(result)
    yield from _sensitivity_text(result)


def _table(result: CompareResult) -> Iterator[str]:
    width = max(12, *(len(c.company.name) for c in result.companies))
    label_width = 24
    yield " " * label_width + "".join(f"{c.company.name:>{width + 2}}" for c in result.companies)
    yield f"{'Total (0-10)':<{label_width}}" + "".join(f"{c.total:>{width + 2}.1f}" for c in result.companies)
    yield f"{'Confidence':<{label_width}}" + "".join(f"{c.confidence:>{width + 2}}" for c in result.companies)
    for cat in CATEGORY_IDS:
        label = f"{category(cat).label} (w {result.weights.get(cat, 0):g})"
        cells = "".join(f"{_cell(c.categories[cat]):>{width + 2}}" for c in result.companies)
        yield f"{label:<{label_width}}{cells}"
    pay = "".join(f"{('-' if c.pay is None else f'{c.pay:.1f}'):>{width + 2}}" for c in result.companies)
    yield f"{'Pay (w ' + format(result.weights['pay'], 'g') + ')':<{label_width}}{pay}"
    yield "(? little evidence, * some, ** a fair amount)"


def _cell(score: CategoryScore) -> str:
    marks = {"none": "?", "low": "?", "medium": "*", "high": "**"}[score.confidence]
    return f"{score.score:.1f}{marks:<2}"


def _company_text(company: CompanyResult, result: CompareResult) -> Iterator[str]:
    yield f"{company.rank}. {company.company.name}: {company.total:.1f} (confidence {company.confidence})"
    yield f"   {company.reason}"
    yield f"   {offer_line(company)}"
    yield f"   {heard_line(company)}"
    for cat in sorted(CATEGORY_IDS, key=lambda c: -result.weights.get(c, 0)):
        score = company.categories[cat]
        if not score.evidence:
            continue
        yield f"   {category(cat).label} {score.score:.1f} ({score.confidence}, {pieces(len(score.evidence))})"
        for e in score.evidence[:EVIDENCE_SHOWN]:
            yield f"     {_evidence_line(e)}"
        if len(score.evidence) > EVIDENCE_SHOWN:
            yield f"     ... {len(score.evidence) - EVIDENCE_SHOWN} more (--format md|html|json shows all)"
    if company.unknowns:
        yield "   Still unknown:"
        for u in company.unknowns:
            yield f"     {u.describe(company.company.name)}"


def _disagreements_text(result: CompareResult) -> Iterator[str]:
    if not result.disagreements:
        return
    yield ""
    yield "Interviewers who disagreed"
    for company, d in result.disagreements:
        yield f'  {company.name}: "{d.question}" ({d.reason})'
        for side in (d.first, d.second):
            rating = f" {side.rating}/5" if side.rating is not None else ""
            yield f"    {_role(side.interviewer)}{rating}: {side.text}"


def _sensitivity_text(result: CompareResult) -> Iterator[str]:
    if not result.sensitivity:
        return
    yield ""
    leader = result.companies[0].company.name
    yield f"How far each weight is from changing first place ({leader} now)"
    for flip in result.sensitivity:
        yield f"  {flip.describe(result.names)}"


def _role(role: str) -> str:
    from askback.core.taxonomy import ROLE_IDS

    return role_label(role) if role in ROLE_IDS else role


# --- Markdown --------------------------------------------------------------------------------


def to_markdown(result: CompareResult) -> str:
    return "\n".join(_md_lines(result)) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _md_lines(result: CompareResult) -> Iterator[str]:
    yield f"# {_md(heading(result))}"
    yield ""
    yield priorities_line(result)
    yield ""
    yield "| | " + " | ".join(_md(c.company.name) for c in result.companies) + " |"
    yield "|---|" + "---|" * len(result.companies)
    yield "| **Total** | " + " | ".join(f"**{c.total:.1f}** ({c.confidence})" for c in result.companies) + " |"
    for cat in CATEGORY_IDS:
        cells = " | ".join(f"{c.categories[cat].score:.1f} ({c.categories[cat].confidence})" for c in result.companies)
        yield f"| {category(cat).label} (weight {result.weights.get(cat, 0):g}) | {cells} |"
    pay = " | ".join("no offer" if c.pay is None else f"{c.pay:.1f}" for c in result.companies)
    yield f"| Pay (weight {result.weights['pay']:g}) | {pay} |"
    for company in result.companies:
        yield ""
        yield f"## {company.rank}. {_md(company.company.name)}: {company.total:.1f}"
        yield ""
        yield _md(company.reason)
        yield ""
        yield _md(offer_line(company))
        yield ""
        yield _md(heard_line(company))
        for cat in CATEGORY_IDS:
            score = company.categories[cat]
            if score.evidence:
                yield ""
                yield f"**{category(cat).label}** {score.score:.1f} ({score.confidence}, {pieces(len(score.evidence))})"
                yield ""
                yield from (f"- {_md(_evidence_line(e))}" for e in score.evidence)
        if company.unknowns:
            yield ""
            yield "**Still unknown**"
            yield ""
            yield from (f"- {_md(u.describe(company.company.name))}" for u in company.unknowns)
    lines = list(_disagreements_text(result)) + list(_sensitivity_text(result))
    for line in lines:
        if not line:
            yield ""
        elif not line.startswith(" "):
            yield f"## {_md(line)}"
            yield ""
        else:
            yield f"- {_md(line.strip())}" if not line.startswith("    ") else f"  - {_md(line.strip())}"
    yield ""


# --- HTML and PDF ----------------------------------------------------------------------------

CSS = """
body { font-family: "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; max-width: 60rem;
       margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
table { border-collapse: collapse; margin: 1rem 0; } th, td { padding: .3rem .7rem; border-bottom: 1px solid #eee; text-align: right; }
th:first-child, td:first-child { text-align: left; }
.good { color: #2d6a2d; } .bad { color: #a33; } .muted { color: #777; }
ul.evidence { margin: .2rem 0 .8rem; } figure { margin: 1rem 0; } svg { max-width: 100%; height: auto; }
@page { size: A4; margin: 1.5cm; }
"""


def to_html(result: CompareResult) -> str:
    from askback.assess.chart import company_chart, comparison_chart

    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{escape(heading(result))}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>{escape(heading(result))}</h1>",
        f"<p>{escape(priorities_line(result))}</p>",
        _html_table(result),
        f"<figure>{comparison_chart(result)}</figure>",
    ]
    for index, company in enumerate(result.companies):
        parts.append(_html_company(company, result, company_chart(company, index)))
    parts.append(_html_tail(result))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _html_table(result: CompareResult) -> str:
    head = "".join(f"<th>{escape(c.company.name)}</th>" for c in result.companies)
    rows = [
        "<tr><th>Total</th>"
        + "".join(f"<td><b>{c.total:.1f}</b> ({c.confidence})</td>" for c in result.companies)
        + "</tr>"
    ]
    for cat in CATEGORY_IDS:
        cells = "".join(
            f"<td>{c.categories[cat].score:.1f} <span class=muted>({c.categories[cat].confidence})</span></td>"
            for c in result.companies
        )
        rows.append(f"<tr><td>{escape(category(cat).label)} (weight {result.weights.get(cat, 0):g})</td>{cells}</tr>")
    pay = "".join(f"<td>{'no offer' if c.pay is None else f'{c.pay:.1f}'}</td>" for c in result.companies)
    rows.append(f"<tr><td>Pay (weight {result.weights['pay']:g})</td>{pay}</tr>")
    return f"<table><tr><th></th>{head}</tr>{''.join(rows)}</table>"


def _html_company(company: CompanyResult, result: CompareResult, chart: str) -> str:
    parts = [
        f"<h2>{company.rank}. {escape(company.company.name)}: {company.total:.1f}</h2>",
        f"<p><b>{escape(company.reason)}</b></p>",
        f"<p>{escape(offer_line(company))}</p>",
        f"<p>{escape(heard_line(company))}</p>",
        f"<figure>{chart}</figure>",
    ]
    for cat in CATEGORY_IDS:
        score = company.categories[cat]
        if not score.evidence:
            continue
        items = "".join(
            f'<li class="{"good" if e.score > 5 else "bad" if e.score < 5 else "muted"}">{escape(_evidence_line(e))}</li>'
            for e in score.evidence
        )
        parts.append(
            f"<h3>{escape(category(cat).label)} {score.score:.1f} ({score.confidence}, {pieces(len(score.evidence))})</h3>"
            f"<ul class=evidence>{items}</ul>"
        )
    if company.unknowns:
        items = "".join(f"<li>{escape(u.describe(company.company.name))}</li>" for u in company.unknowns)
        parts.append(f"<h3>Still unknown</h3><ul>{items}</ul>")
    return "\n".join(parts)


def _html_tail(result: CompareResult) -> str:
    parts = []
    if result.disagreements:
        items = []
        for company, d in result.disagreements:
            sides = "".join(
                f"<li>{escape(_role(s.interviewer))}{f' {s.rating}/5' if s.rating is not None else ''}: {escape(s.text)}</li>"
                for s in (d.first, d.second)
            )
            items.append(
                f"<li>{escape(company.name)}: “{escape(d.question)}” ({escape(d.reason)})<ul>{sides}</ul></li>"
            )
        parts.append(f"<h2>Interviewers who disagreed</h2><ul>{''.join(items)}</ul>")
    if result.sensitivity:
        flips = "".join(f"<li>{escape(f.describe(result.names))}</li>" for f in result.sensitivity)
        parts.append(f"<h2>How far each weight is from changing first place</h2><ul>{flips}</ul>")
    return "\n".join(parts)


def to_pdf(result: CompareResult) -> bytes:
    """The HTML report as PDF, through WeasyPrint; a clear error if it is not installed."""
    from askback.errors import UsageError

    try:
        import weasyprint  # type: ignore[import-untyped]
        from weasyprint.urls import URLFetcher  # type: ignore[import-untyped]
    except (ImportError, OSError) as exc:
        raise UsageError(
            f"PDF export needs WeasyPrint and its system libraries (pango), which are not usable here "
            f"({exc.__class__.__name__}); use --format html and print that from a browser instead"
        ) from None
    nothing = URLFetcher(allowed_protocols=("data",))  # the report is self-contained: fetch nothing
    return bytes(weasyprint.HTML(string=to_html(result), url_fetcher=nothing).write_pdf())
