"""``askback accounts``: what current and former employees said, classified and corroborated."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from askback.cli.options import CompanyOption, runtime
from askback.cli.output import DocFormat, DocFormatOption, FormatOption, ListFormat, emit_rows
from askback.errors import UsageError

if TYPE_CHECKING:
    from askback.assess.service import AccountRecord, AccountsSummary

accounts_app = typer.Typer()


def register(app: typer.Typer) -> None:
    app.add_typer(accounts_app, name="accounts")


@accounts_app.callback(no_args_is_help=True)
def accounts_group() -> None:
    """Add and read what employees told you; see which claims two or more people back.

    Example: askback accounts add --company acme --who former --role "Backend engineer" --file review.md
    """


@accounts_app.command(name="add")
def add(
    company: CompanyOption,
    text: Annotated[str | None, typer.Argument(help="What they said (- reads standard input).")] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="A .txt or .md file (one account), .csv or .json (many).")
    ] = None,
    who: Annotated[str | None, typer.Option("--who", help="current or former employee.")] = None,
    role: Annotated[str, typer.Option("--role", help="Their job, e.g. 'Staff engineer'.")] = "",
    when: Annotated[str, typer.Option("--when", help="When they said it: 2026-09 or 2026-09-14.")] = "",
    source: Annotated[str, typer.Option("--source", help="conversation or review.")] = "conversation",
) -> None:
    """Add one account (TEXT, or a .txt/.md file) or many (a .csv or .json file).

    CSV columns and JSON keys: text, who, role, when, source (the options fill what a row
    leaves out). Each sentence is classified as a claim or an opinion, by category and
    sentiment, and checked for red and green flags. A bad file adds nothing.

    Example: askback accounts add --company acme --who current --role "Staff engineer" "Promotions go to a committee."
    """
    from askback.assess.accounts import AccountDraft, check, read_file
    from askback.assess.service import add_accounts

    if (text is None) == (file is None):
        raise UsageError("give the account as TEXT or with --file, not both")
    defaults = AccountDraft(text="", who=who, role=role, when=when, source=source)
    if file is not None:
        drafts = read_file(file, defaults)
    else:
        said = sys.stdin.read() if text == "-" else str(text)
        drafts = [check(AccountDraft(said, who, role, when, source))]
    results = add_accounts(runtime(), company, drafts)
    new = [i for i, fresh in results if fresh]
    known = [i for i, fresh in results if not fresh]
    if new:
        typer.echo(f"Added {_accounts(len(new))} for {company}: " + ", ".join(f"#{i}" for i in new))
    if known:
        typer.echo("Already known (not added again): " + ", ".join(f"#{i}" for i in known))


def _accounts(n: int) -> str:
    return "1 account" if n == 1 else f"{n} accounts"


@accounts_app.command(name="list")
def list_accounts(company: CompanyOption, fmt: FormatOption = ListFormat.text) -> None:
    """List a company's accounts with what their sentences were classified as.

    Example: askback accounts list --company acme --format json
    """
    from askback.assess.service import list_accounts as load

    _, records = load(runtime(), company)
    rows = [_row(r) for r in records]
    columns = [
        ("id", "Id"),
        ("who", "Who"),
        ("role", "Role"),
        ("when", "When"),
        ("source", "Source"),
        ("claims", "Claims"),
        ("opinions", "Opinions"),
        ("flags", "Flags"),
        ("opening", "Opening"),
    ]
    emit_rows(rows, columns, fmt, empty="No accounts yet. Try: askback accounts add --company NAME TEXT")


def _row(r: AccountRecord) -> dict[str, object]:
    from askback.assess.flags import flag_refs

    return {
        "id": r.id,
        "who": r.who,
        "role": r.role,
        "when": r.when,
        "source": r.source,
        "claims": sum(1 for s in r.sentences if s.kind == "claim"),
        "opinions": sum(1 for s in r.sentences if s.kind == "opinion"),
        "flags": flag_refs(sorted({f for s in r.sentences for f in s.flags})),
        "opening": r.text.split("\n")[0][:60],
    }


@accounts_app.command(name="show")
def show(
    account_id: Annotated[int, typer.Argument(help="The account's number, from askback accounts list.")],
    fmt: DocFormatOption = DocFormat.text,
) -> None:
    """Show an account sentence by sentence: claim or opinion, category, sentiment, flags.

    Example: askback accounts show 3
    """
    import json

    from askback.assess.flags import flag_refs
    from askback.assess.service import account_name, get_account

    company, record = get_account(runtime(), account_id)
    sentences = [
        {"text": s.text, "kind": s.kind, "category": s.category, "sentiment": s.sentiment, "flags": flag_refs(s.flags)}
        for s in record.sentences
    ]
    if fmt is DocFormat.json:
        typer.echo(
            json.dumps({**_row(record), "company": company.slug, "sentences": sentences}, indent=2, ensure_ascii=False)
        )
        return
    typer.echo(f"{company.name}: {account_name(record)}")
    for s in record.sentences:
        named = ", ".join(f"{f['colour']} {f['id']}" for f in flag_refs(s.flags))
        flags = f"  [{named}]" if named else ""
        prefix = "- " if fmt is DocFormat.md else "  "
        typer.echo(f"{prefix}{s.kind} · {s.category} · {s.sentiment}: {s.text}{flags}")


@accounts_app.command(name="summary")
def summary(company: CompanyOption, fmt: DocFormatOption = DocFormat.text) -> None:
    """The wheat and the chaff: claims two or more people made apart from single claims and opinions.

    Statements are grouped by meaning across accounts; one person saying a thing twice
    counts once.

    Example: askback accounts summary --company acme
    """
    import json

    from askback.assess.service import accounts_summary

    found = accounts_summary(runtime(), company)
    if fmt is DocFormat.json:
        typer.echo(json.dumps(found.as_dict(), indent=2, ensure_ascii=False))
        return
    typer.echo("\n".join(summary_lines(found, markdown=fmt is DocFormat.md)))


TITLES = {
    "corroborated": "Corroborated claims (two or more people)",
    "shared-opinion": "Opinions two or more people share",
    "single-claim": "Claims one person made",
    "opinion": "Single opinions",
}


def summary_lines(found: AccountsSummary, markdown: bool = False) -> list[str]:
    from askback.core.taxonomy import category

    lines = [
        f"{'# ' if markdown else ''}{found.company.name}: {_accounts(len(found.accounts))}, "
        f"{len(found.corroborated)} corroborated claim(s)"
    ]
    for cat, buckets in found.by_category().items():
        lines += ["", f"{'## ' if markdown else ''}{category(cat).label}"]
        for bucket, groups in buckets.items():
            if groups:
                lines.append(f"  {TITLES[bucket]}:" if not markdown else f"**{TITLES[bucket]}**")
                for g in groups:
                    people = f" ({g.people} people, {g.sentiment})" if g.people > 1 else f" ({g.sentiment})"
                    lines.append(f"{'- ' if markdown else '    '}{g.text}{people}")
    return lines


@accounts_app.command(name="remove")
def remove(account_id: Annotated[int, typer.Argument(help="The account's number.")]) -> None:
    """Remove an account and its sentences.

    Example: askback accounts remove 3
    """
    from askback.assess.service import remove_account

    remove_account(runtime(), account_id)
    typer.echo(f"Removed account #{account_id}.")
