"""The terminal view of a plan: what a candidate reads before and during a call."""

from __future__ import annotations

from rich.markup import escape

from askback.bank.loader import by_id
from askback.core import taxonomy
from askback.core.models import Plan
from askback.plan.export import title


def render_plan(plan: Plan, explain: bool = False) -> str:
    """Rich markup for the plan; plain when printed to a pipe."""
    bank = by_id()
    lines = [f"[bold]{escape(title(plan))}[/bold]"]
    if plan.id is not None:
        lines.append(f"[dim]plan {plan.id}" + (f" for {escape(plan.role)}" if plan.role else "") + "[/dim]")
    lines.append("")
    for n, item in enumerate(plan.main, 1):
        label = taxonomy.category(item.category).label
        mark = " [magenta](cross-check)[/magenta]" if item.cross_check else ""
        lines.append(f"[bold cyan]{n}.[/bold cyan] [bold]{escape(item.text)}[/bold]")
        lines.append(f"   [dim]{label} · {taxonomy.subtopic(item.subtopic).label.lower()}[/dim]{mark}")
        q = bank.get(item.question_id)
        if q is not None:
            for follow in q.follow_ups:
                lines.append(f"   → {escape(follow)}")
            lines.append(f"   [green]good:[/green] {escape('; '.join(q.listen_for.good))}")
            lines.append(f"   [red]red flag:[/red] {escape('; '.join(q.listen_for.red_flag))}")
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
