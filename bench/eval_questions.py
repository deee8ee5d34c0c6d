"""Question category and form measured on the held-out labelled questions in tests/data.

The classifiers learn from the bank and askback/plan/data/questions_training.jsonl only.

Run: .venv/bin/python bench/eval_questions.py
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from askback.nlp.embeddings import load_installed
from askback.nlp.form import question_form
from askback.plan.categorise import Categoriser

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "questions_labelled.jsonl"


def main() -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts = [r["text"] for r in rows]
    categoriser = Categoriser(load_installed())
    predicted = categoriser.categorise(texts)
    category_ok = sum(p == r["category"] for (p, _), r in zip(predicted, rows, strict=True))
    form_ok = sum(question_form(r["text"]) == r["form"] for r in rows)
    print(f"held-out questions: {len(rows)}")
    print(f"category accuracy: {category_ok / len(rows):.1%}")
    print(f"form accuracy:     {form_ok / len(rows):.1%}")
    confusion = Counter((r["category"], p) for (p, _), r in zip(predicted, rows, strict=True) if p != r["category"])
    print("most common category confusions (gold -> predicted):", confusion.most_common(6))
    for (_p, _), r in zip(predicted, rows, strict=True):
        if question_form(r["text"]) != r["form"]:
            print(f"  form: gold {r['form']}: {r['text']}")


if __name__ == "__main__":
    main()
