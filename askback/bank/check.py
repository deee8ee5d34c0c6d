"""``python -m askback.bank.check``: validate the bank and print what a reviewer needs.

Counts per category and subtopic, the share of open questions, and the most alike pairs;
exits non-zero when the bank is invalid or a pair passes the near-duplicate threshold.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from askback.bank.loader import DATA_DIR, load_bank
from askback.errors import BankError
from askback.nlp.similarity import TfidfIndex

# Measured on the bank: paraphrases of one question score above 0.6, distinct questions on a
# shared subtopic stay below 0.5 (see tests/bank/test_near_duplicates.py).
NEAR_DUPLICATE = 0.6


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
    index = TfidfIndex([q.text for q in bank])
    pairs = index.pairs_above(0.45)
    print("most alike pairs:")
    for i, j, score in pairs[:15]:
        print(f"  {score:.2f} {bank[i].id} ~ {bank[j].id}\n       {bank[i].text}\n       {bank[j].text}")
    too_close = [p for p in pairs if p[2] >= NEAR_DUPLICATE]
    if too_close:
        print(f"{len(too_close)} pairs at or above {NEAR_DUPLICATE}: rewrite or remove one of each")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
