"""Are plans made of the company's own material? Measured on two real handbooks and the demo.

Researches the 18F handbook, the CivicActions Guidebook (CC BY 4.0, CivicActions, Inc.; see
its LICENSE.md in ../shared/corpora) and the bundled demo company, prepares plans for four
interviews with one profile, and reports over all main questions:

- grounded share: main questions that cite a fact of the company (target at least 0.5);
- shared: main questions asked word for word by another company's plan for the same
  interview once the company's name is masked (target at most 0.3);
- answered: main questions the linter says the company's material already answers (target 0);
- repeated subtopics: main questions on a subtopic an earlier question of the plan already
  took (target 0).

The patterns and filters were developed reading 18F and the demo company; CivicActions was to
stay unseen, but its questions were read while the filters were written, so it is labelled
"read while tuning" and no figure here is held out.

Run: PYTHONPATH=$PWD .venv/bin/python bench/eval_plans.py [--home DIR] [--show 20] [--markdown]
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
HANDBOOKS = {
    "18F": (CORPORA / "18f-handbook" / "pages", "tuning"),
    "CivicActions": (CORPORA / "civicactions-guidebook" / "pages", "read while tuning"),
}
PAIRS = (("recruiter", "screen"), ("hiring-manager", "team"), ("peer", "technical"), ("skip-level", "final"))
PROFILE = {
    "role": "Senior backend engineer",
    "priorities": {"mentoring": 3.0, "work-life-balance": 2.0, "career-growth": 2.0, "technical-excellence": 1.0},
    "signals": ("team-player", "ownership"),
}
MINUTES = 15


@dataclass
class Tally:
    main: int = 0
    grounded: int = 0
    shared: int = 0
    answered: int = 0
    repeated: int = 0

    def add(self, other: Tally) -> None:
        for name in ("main", "grounded", "shared", "answered", "repeated"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, help="data directory to use (kept, so a re-run skips research)")
    parser.add_argument("--show", type=int, default=20, help="grounded questions to print per company")
    parser.add_argument("--markdown", action="store_true", help="print the figures and questions as Markdown")
    args = parser.parse_args()
    home = args.home or Path(tempfile.mkdtemp(prefix="askback-eval-plans-"))
    home.mkdir(parents=True, exist_ok=True)
    os.environ["ASKBACK_HOME"] = str(home)
    run(args.show, args.markdown)


def run(show: int, markdown: bool) -> None:
    from askback.demo.service import load_demo
    from askback.research.service import research
    from askback.runtime import Runtime

    db = Runtime.open()
    companies: dict[str, str] = {}  # name -> how it was used while tuning
    for name, (pages, role) in HANDBOOKS.items():
        if not pages.is_dir():
            print(f"skipping {name}: {pages} is missing")
            continue
        started = time.perf_counter()
        summary = research(db, name, [str(pages)])
        print(f"{name}: {summary.facts} facts, researched in {time.perf_counter() - started:.1f} s")
        companies[name] = role
    demo, _, _ = load_demo(db)
    companies[demo.name] = "tuning"
    plans = {(name, pair): _prepare(db, name, pair) for name in companies for pair in PAIRS}
    tallies = _measure(db, plans)
    _report(companies, tallies, plans, show, markdown, _candidates(db, companies))


def _prepare(db: object, company: str, pair: tuple[str, str]) -> object:
    from askback.plan.service import prepare
    from askback.runtime import Runtime

    assert isinstance(db, Runtime)
    return prepare(
        db,
        company,
        interviewer=pair[0],
        stage=pair[1],
        minutes=MINUTES,
        role=str(PROFILE["role"]),
        priorities=dict(PROFILE["priorities"]),  # type: ignore[call-overload]
        signals=tuple(PROFILE["signals"]),
    )


def cites_company(item: object) -> bool:
    """A main question grounded in the company's own material (not its job posting)."""
    from askback.core.models import PlanItem

    assert isinstance(item, PlanItem)
    return bool(item.evidence) and not item.question_id.startswith("posting-")


def masked(text: str, names: tuple[str, ...]) -> str:
    for name in sorted(names, key=len, reverse=True):
        text = re.sub(re.escape(name), "COMPANY", text, flags=re.IGNORECASE)
    return " ".join(text.lower().split())


def _measure(db: object, plans: dict[tuple[str, tuple[str, str]], object]) -> dict[str, Tally]:
    from askback.core.models import Plan
    from askback.plan.lint import lint_questions
    from askback.runtime import Runtime

    assert isinstance(db, Runtime)
    tallies: dict[str, Tally] = {}
    for (name, pair), plan in plans.items():
        assert isinstance(plan, Plan)
        tally = tallies.setdefault(name, Tally())
        main = plan.main
        others = {
            masked(item.text, other.company.names)
            for (other_name, other_pair), other in plans.items()
            if other_pair == pair and other_name != name and isinstance(other, Plan)
            for item in other.main
        }
        lint = lint_questions(db, [i.text for i in main], company=name, interviewer=pair[0], stage=pair[1])
        subtopics = Counter(i.subtopic for i in main)
        tally.add(
            Tally(
                main=len(main),
                grounded=sum(1 for i in main if cites_company(i)),
                shared=sum(1 for i in main if masked(i.text, plan.company.names) in others),
                answered=sum(1 for r in lint if r.answered is not None),
                repeated=sum(n - 1 for n in subtopics.values()),
            )
        )
    return tallies


def _candidates(db: object, companies: dict[str, str]) -> dict[str, list[str]]:
    """Each company's grounded questions as the planner ranks them, for printing past the plans."""
    from askback.plan.grounding import load_grounding
    from askback.runtime import Runtime
    from askback.store import companies as company_store

    assert isinstance(db, Runtime)
    found = {}
    with db.session() as session:
        for name in companies:
            company = company_store.get(session, name)
            grounding = load_grounding(session, company, db, str(PROFILE["role"]))
            found[name] = [q.text for q in grounding.questions]
    return found


def _report(
    companies: dict[str, str],
    tallies: dict[str, Tally],
    plans: dict[tuple[str, tuple[str, str]], object],
    show: int,
    markdown: bool,
    candidates: dict[str, list[str]],
) -> None:
    from askback.core.models import Plan

    total = Tally()
    for tally in tallies.values():
        total.add(tally)
    rows = [(f"{name} ({companies[name]})", tallies[name]) for name in companies] + [("all", total)]
    print()
    print("| company | main questions | grounded share | shared word for word | answered | repeated subtopics |")
    print("|---|---|---|---|---|---|")
    for label, t in rows:
        print(
            f"| {label} | {t.main} | {t.grounded / max(1, t.main):.2f} | {t.shared / max(1, t.main):.2f} "
            f"| {t.answered} | {t.repeated} |"
        )
    for name in companies:
        if name not in HANDBOOKS:
            continue
        print()
        print(f"{'### ' if markdown else ''}Grounded questions planned for {name} ({companies[name]})")
        print()
        seen: list[str] = []
        for kind in ("main", "backup"):
            for pair in PAIRS:
                plan = plans[(name, pair)]
                assert isinstance(plan, Plan)
                for item in plan.items:
                    if item.kind == kind and item.question_id.startswith("grounded-") and item.text not in seen:
                        seen.append(item.text)
        planned = len(seen)
        seen += [text for text in candidates[name] if text not in seen]
        for i, text in enumerate(seen[:show]):
            if i == planned:
                print("\n(next, the best grounded questions no plan above used)\n")
            print(f"- {text}" if markdown else f"  {text}")


if __name__ == "__main__":
    main()
