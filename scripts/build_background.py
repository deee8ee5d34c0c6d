"""Rebuild askback/research/data/background_terms.json, the yardstick for "distinctive".

The background is ordinary company text askback itself ships, all written for the project:
the generic handbook prose in ``research/data/background.md``, the topic examples and training
sentences, and the question bank with its training questions. Each paragraph, sentence or
question is one document; the file keeps each term's document frequency. Run it after
changing any of those texts (a test checks the file is current):

    PYTHONPATH=$PWD python scripts/build_background.py [--check]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from askback.bank.loader import load_bank
from askback.core.datafile import load_yaml
from askback.research.distinctive import BACKGROUND_TERMS, BACKGROUND_TEXT, build_background, paragraphs

ROOT = Path(__file__).resolve().parent.parent / "askback"


def background_documents() -> list[str]:
    """Every generic text askback ships, one document each."""
    documents = paragraphs(BACKGROUND_TEXT.read_text(encoding="utf-8"))
    for topic in load_yaml(ROOT / "research" / "data" / "topics.yaml")["topics"].values():
        documents += list(topic.get("examples", []))
    for name in ("research/data/topic_training.jsonl", "plan/data/questions_training.jsonl"):
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        documents += [json.loads(line)["text"] for line in lines if line.strip()]
    for question in load_bank():
        documents += [question.text, *question.follow_ups, *question.listen_for.good, *question.listen_for.red_flag]
    return documents


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file is out of date")
    args = parser.parse_args()
    built = build_background(background_documents())
    text = json.dumps(built, sort_keys=True, separators=(",", ":")) + "\n"
    if args.check:
        current = BACKGROUND_TERMS.read_text(encoding="utf-8") if BACKGROUND_TERMS.exists() else ""
        if current != text:
            print(f"{BACKGROUND_TERMS} is out of date; run scripts/build_background.py", file=sys.stderr)
            return 1
        return 0
    BACKGROUND_TERMS.write_text(text, encoding="utf-8")
    print(f"{BACKGROUND_TERMS}: {built['documents']} documents, {len(built['terms'])} terms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
