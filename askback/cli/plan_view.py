"""The terminal view of a plan: what a candidate reads before and during a call."""

from __future__ import annotations

from rich.markup import escape

from askback.core import taxonomy
from askback.core.models import Plan
from askback.plan.export import item_dict, title


def render_plan(plan: Plan, explain: bool = False) -> str:
    """Rich markup for the plan; plain when printed to a pipe."""
    lines = [f"[bold]{escape(title(plan))}[/bold]"]
    if plan.id is not None:
        lines.append(f"[dim]plan {plan.id}" + (f" for {escape(plan.role)}" if plan.role else "") + "[/dim]")
    lines.append("")
    for n, item in enumerate(plan.main, 1):
        label = taxonomy.category(item.category).label
        mark = " [magenta](cross-check)[/magenta]" if item.cross_check else ""
        mark += f" [bold magenta]· {escape(item.mark)}[/bold magenta]" if item.mark else ""
        lines.append(f"[bold cyan]{n}.[/bold cyan] [bold]{escape(item.text)}[/bold]")
        lines.append(f"   [dim]{label} · {taxonomy.subtopic(item.subtopic).label.lower()}[/dim]{mark}")
        d = item_dict(item)
        for evidence in d["evidence"]:
            lines.append(f"   [blue]source:[/blue] {escape(evidence['source'])}: “{escape(evidence['quote'])}”")
        for follow in d["follow_ups"]:
            lines.append(f"   → {escape(follow)}")
        if d["listen_for"]:
            lines.append(f"   [green]good:[/green] {escape('; '.join(d['listen_for']['good']))}")
            lines.append(f"   [red]red flag:[/red] {escape('; '.join(d['listen_for']['red_flag']))}")
        if explain:
            lines.append(
                f"   [yellow]why:[/yellow] {escape('; '.join(item.reasons))} [dim](score {item.score:.2f})[/dim]"
            )
        lines.append("")
    if plan.backups:
        lines.append("[bold]Backups[/bold] [dim](if a topic was already covered)[/dim]")
        for item in plan.backups:
            label = taxonomy.category(item.category).label
            lines.append(f" • [dim]{label}:[/dim] {escape(item.text)}")
            if explain:
                lines.append(f"   [yellow]why:[/yellow] {escape('; '.join(item.reasons))}")
    return "\n".join(lines)
