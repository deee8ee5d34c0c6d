"""``python -m askback.bank.check [DIR]``: validate the bank and print what a reviewer needs.

Counts per category and subtopic, the share of open questions, and the most alike pairs;
exits non-zero when the bank is invalid or a pair is a near-duplicate.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from askback.bank.duplicates import similar_pairs
from askback.bank.loader import DATA_DIR, load_bank
from askback.errors import AskbackError, BankError
from askback.nlp.embeddings import Embedder, load_installed


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else DATA_DIR
    try:
        bank = load_bank(data_dir)
    except BankError as exc:
        print(f"invalid bank: {exc}")
        return 1
    by_category = Counter(q.category for q in bank)
    by_subtopic = Counter((q.category, q.subtopic) for q in bank)
    print(f"{len(bank)} questions, {sum(q.form == 'open' for q in bank) / len(bank):.1%} open")
    for cat, n in sorted(by_category.items()):
        subs = ", ".join(f"{s}={c}" for (k, s), c in sorted(by_subtopic.items()) if k == cat)
        print(f"  {cat}: {n} ({subs})")
    embedder: Embedder | None
    try:
        embedder = load_installed()  # a command of its own: it loads the model itself
    except AskbackError as exc:
        print(f"(semantic check skipped: {exc})")
        embedder = None
    pairs = similar_pairs([q.text for q in bank], embedder)
    print("most alike pairs (lexical / semantic):")
    for p in pairs[:15]:
        a, b = bank[p.first], bank[p.second]
        print(f"  {p.lexical:.2f} / {p.semantic} {a.id} ~ {b.id}\n       {a.text}\n       {b.text}")
    duplicates = [p for p in pairs if p.is_duplicate()]
    if duplicates:
        print(f"{len(duplicates)} near-duplicate pairs: rewrite or remove one of each")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
