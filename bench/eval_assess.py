"""The flag detector and the claim/opinion classifier measured on held-out sentences.

Evaluation sets (never used for training or tuning):
  tests/data/flag_sentences.jsonl     sentences with the flags a careful reader would mark
  tests/data/claims_opinions.jsonl    sentences labelled claim/opinion, category, sentiment

Tuning (--tune) uses only what ships in askback/assess/data: five-fold cross-validation on
flag_training.jsonl (employee sentences labelled with flags, most with none) for the flag
thresholds, and on training_claims.jsonl for the classifiers' ridge penalties.

Run: .venv/bin/python bench/eval_assess.py [--tune] [--markdown]
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from askback.assess import claims as claims_module
from askback.assess.claims import ClaimClassifier, training_rows
from askback.assess.flags import FlagDetector, Thresholds, flag_by_id, training_sentences
from askback.nlp.embeddings import load_installed

ROOT = Path(__file__).resolve().parent.parent
FLAG_SET = ROOT / "tests" / "data" / "flag_sentences.jsonl"
CLAIM_SET = ROOT / "tests" / "data" / "claims_opinions.jsonl"


def read(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def memo_embed() -> Callable[[Sequence[str]], np.ndarray]:
    """The real model, remembering each text's vector: tuning builds many detectors."""
    model = load_installed()
    seen: dict[str, np.ndarray] = {}

    def embed(texts: Sequence[str]) -> np.ndarray:
        missing = [t for t in dict.fromkeys(texts) if t not in seen]
        if missing:
            seen.update(zip(missing, model.embed(missing), strict=True))
        return np.stack([seen[t] for t in texts]) if texts else np.zeros((0, model.dimensions), np.float32)

    return embed


def flag_scores(
    detector: FlagDetector, texts: list[str], gold: list[set[str]], moods: list[str] | None = None
) -> dict[str, float]:
    found = detector.detect(texts, moods=moods)
    tp = fp = fn = 0
    by_how: Counter[str] = Counter()
    by_how_wrong: Counter[str] = Counter()
    for matches, truth in zip(found, gold, strict=True):
        predicted = {m.flag.id for m in matches}
        tp, fp, fn = tp + len(predicted & truth), fp + len(predicted - truth), fn + len(truth - predicted)
        for m in matches:
            (by_how if m.flag.id in truth else by_how_wrong)[m.how] += 1
    precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
    return {
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / max(1e-9, precision + recall),
        "f05": 1.25 * precision * recall / max(1e-9, 0.25 * precision + recall),
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "phrase_right": by_how["phrase"],
        "phrase_wrong": by_how_wrong["phrase"],
        "meaning_right": by_how["meaning"],
        "meaning_wrong": by_how_wrong["meaning"],
    }


TURNS = ("negation", "contrast", "comparison", "hedge", "reported")
COLOUR_OF_MOOD = {"negative": "red", "positive": "green"}


def turn_table(embed: Callable[[Sequence[str]], np.ndarray]) -> dict[str, dict[str, float]]:
    """Per kind of turn (sentences tagged when they were written): how many flags were found,
    how many were wrong, how many had the colour opposite to the sentence, and sentiment
    accuracy. The opposite colour: not among the gold flags' colours, or, where the sentence
    raises no flag, against its labelled sentiment (green on bad news, red on good news)."""
    flags = {str(r["text"]): r for r in read(FLAG_SET) if r.get("turn")}
    moods = {str(r["text"]): str(r["sentiment"]) for r in read(CLAIM_SET)}
    texts = list(flags)
    found = FlagDetector(embed).detect(texts)
    sentiment = ClaimClassifier(embed).classify(texts)
    table: dict[str, dict[str, float]] = {}
    for turn in (*TURNS, "all"):
        keep = [i for i, t in enumerate(texts) if turn in ("all", flags[t]["turn"])]
        row = Counter[str]()
        for i in keep:
            gold = set(flags[texts[i]]["flags"])  # type: ignore[call-overload]
            colours = {flag_by_id()[g].kind for g in gold} or {COLOUR_OF_MOOD.get(moods.get(texts[i], ""), "any")}
            for match in found[i]:
                row["flags"] += 1
                row["wrong"] += match.flag.id not in gold
                row["opposite"] += "any" not in colours and match.flag.kind not in colours
            row["sentiment right"] += texts[i] in moods and sentiment[i].sentiment == moods[texts[i]]
            row["with sentiment"] += texts[i] in moods
        table[turn] = {"sentences": len(keep), **{k: float(v) for k, v in row.items()}}
    return table


def evaluate_flags(embed: Callable[[Sequence[str]], np.ndarray]) -> dict[str, float]:
    rows = read(FLAG_SET)
    texts = [str(r["text"]) for r in rows]
    gold = [set(r["flags"]) for r in rows]  # type: ignore[call-overload]
    result = flag_scores(FlagDetector(embed), texts, gold)
    phrases_only = flag_scores(FlagDetector(None), texts, gold)
    result["phrases_only_precision"] = phrases_only["precision"]
    result["phrases_only_recall"] = phrases_only["recall"]
    result["sentences"] = len(rows)
    result["with_flags"] = sum(1 for g in gold if g)
    return result


def evaluate_claims(embed: Callable[[Sequence[str]], np.ndarray]) -> dict[str, object]:
    rows = read(CLAIM_SET)
    texts = [str(r["text"]) for r in rows]
    found = ClaimClassifier(embed).classify(texts)
    lexical = ClaimClassifier(None).classify(texts)
    out: dict[str, object] = {"sentences": len(rows)}
    for kind in ("claim", "opinion"):
        tp = sum(1 for r, f in zip(rows, found, strict=True) if r["kind"] == kind and f.kind == kind)
        predicted = sum(1 for f in found if f.kind == kind)
        actual = sum(1 for r in rows if r["kind"] == kind)
        out[kind] = (tp / max(1, predicted), tp / max(1, actual), actual)
    for task in ("kind", "category", "sentiment"):
        out[f"{task}_accuracy"] = sum(r[task] == getattr(f, task) for r, f in zip(rows, found, strict=True)) / len(rows)
        out[f"{task}_accuracy_lexical"] = sum(
            r[task] == getattr(f, task) for r, f in zip(rows, lexical, strict=True)
        ) / len(rows)
    return out


def tune_flags(embed: Callable[[Sequence[str]], np.ndarray]) -> None:
    """Five-fold cross-validation on flag_training.jsonl: each fold's detector learns from the
    other four folds (and the flags' own examples) and is scored on the fold it never saw."""
    rows = list(training_sentences())
    folds = [list(range(len(rows)))[i::5] for i in range(5)]
    grid = itertools.product((0.45,), (0.05,), (0.25,), (True,), (False, True))
    claims = [r for r in training_rows() if r.kind is not None]
    extra = [r for r in training_rows() if r.kind is None]
    results = []
    for similarity, over_none, lean, against, use_mood in grid:
        thresholds = Thresholds(
            similarity,
            0.0,
            over_none,
            phrase_against_direction=against,
            against_lean=lean,
            stance_weight=0.0,
            anchored=True,
            use_mood=use_mood,
        )
        tp = fp = fn = 0
        for held in folds:
            train = [rows[i] for i in range(len(rows)) if i not in held]
            texts = [rows[i][0] for i in held]
            unseen = set(texts)
            moods = [
                c.sentiment
                for c in ClaimClassifier(embed, [r for r in claims if r.text not in unseen] + extra).classify(texts)
            ]
            detector = FlagDetector(embed, thresholds, training=train)
            s = flag_scores(detector, texts, [set(rows[i][1]) for i in held], moods)
            tp, fp, fn = tp + int(s["tp"]), fp + int(s["fp"]), fn + int(s["fn"])
        p, r = tp / max(1, tp + fp), tp / max(1, tp + fn)
        results.append((1.25 * p * r / max(1e-9, 0.25 * p + r), p, r, thresholds))
    print("flag thresholds by F0.5 (precision first), cross-validated on flag_training.jsonl:")
    for f05, p, r, th in sorted(results, key=lambda x: -x[0])[:8]:
        print(f"  F0.5 {f05:.2f}  P {p:.2f}  R {r:.2f}  {th}")


def tune_claims(embed: Callable[[Sequence[str]], np.ndarray]) -> None:
    rows = [r for r in training_rows() if r.kind is not None]
    extra = [r for r in training_rows() if r.kind is None]
    folds = [list(range(len(rows)))[i::5] for i in range(5)]
    for task in ("kind", "category", "sentiment"):
        for penalty in (0.3, 1.0, 2.0, 3.0, 10.0):
            claims_module.PENALTY[task] = penalty
            right = 0
            for held in folds:
                train = [rows[i] for i in range(len(rows)) if i not in held] + extra
                found = ClaimClassifier(embed, train).classify([rows[i].text for i in held])
                right += sum(getattr(rows[i], task) == getattr(f, task) for i, f in zip(held, found, strict=True))
            print(f"  {task:9} penalty {penalty:>4}: cross-validated accuracy {right / len(rows):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tune", action="store_true", help="cross-validate on the training data in the package")
    parser.add_argument("--markdown", action="store_true", help="print the README's tables")
    parser.add_argument("--write-readme", action="store_true", help="write the tables into README.md")
    parser.add_argument("--flags-only", action="store_true", help="with --tune: the flag thresholds only")
    args = parser.parse_args()
    embed = memo_embed()
    if args.tune:
        tune_flags(embed)
        if not args.flags_only:
            tune_claims(embed)
        return
    flags = evaluate_flags(embed)
    claims = evaluate_claims(embed)
    turns = turn_table(embed)
    if args.markdown or args.write_readme:
        text = markdown(flags, claims, turns)
        if args.write_readme:
            write_readme(text)
        else:
            print(text)
        return
    print(f"flags: {flags['sentences']} held-out sentences, {flags['with_flags']} with a flag")
    print(
        f"  precision {flags['precision']:.2f}, recall {flags['recall']:.2f} (phrases only: "
        f"P {flags['phrases_only_precision']:.2f}, R {flags['phrases_only_recall']:.2f})"
    )
    print(
        f"  found by phrase: {flags['phrase_right']} right, {flags['phrase_wrong']} wrong; "
        f"by meaning: {flags['meaning_right']} right, {flags['meaning_wrong']} wrong"
    )
    print(f"claims: {claims['sentences']} held-out sentences")
    for kind in ("claim", "opinion"):
        p, r, n = claims[kind]  # type: ignore[misc]
        print(f"  {kind:8} precision {p:.2f}, recall {r:.2f} (n={n})")
    for task in ("kind", "category", "sentiment"):
        print(
            f"  {task} accuracy {claims[f'{task}_accuracy']:.2f} (without the model: {claims[f'{task}_accuracy_lexical']:.2f})"
        )
    print("sentences that turn (held-out, tagged when written):")
    for turn, row in turns.items():
        print(
            f"  {turn:10} {int(row['sentences']):>3} sentences: {int(row.get('flags', 0))} flags, "
            f"{int(row.get('wrong', 0))} wrong, {int(row.get('opposite', 0))} of the opposite colour; "
            f"sentiment {row.get('sentiment right', 0) / max(1, row.get('with sentiment', 0)):.2f}"
        )


README = ROOT / "README.md"
START, END = "<!-- eval_assess: start -->", "<!-- eval_assess: end -->"


def write_readme(text: str) -> None:
    """Put the figures between the README's markers, so they are never typed by hand."""
    readme = README.read_text(encoding="utf-8")
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{text}\n{END}{tail}", encoding="utf-8")


def markdown(flags: dict[str, float], claims: dict[str, object], turns: dict[str, dict[str, float]]) -> str:
    cp, cr, cn = claims["claim"]  # type: ignore[misc]
    op, orr, on = claims["opinion"]  # type: ignore[misc]
    lines = [
        "| measured on held-out sentences | precision | recall |",
        "|---|---|---|",
        f"| red and green flags ({int(flags['sentences'])} sentences, {int(flags['with_flags'])} with a flag) "
        f"| {flags['precision']:.2f} | {flags['recall']:.2f} |",
        f"| flags by phrases alone | {flags['phrases_only_precision']:.2f} | {flags['phrases_only_recall']:.2f} |",
        f"| factual claims ({cn} of {claims['sentences']} sentences) | {cp:.2f} | {cr:.2f} |",
        f"| opinions ({on}) | {op:.2f} | {orr:.2f} |",
        "",
        f"Claim or opinion: accuracy {claims['kind_accuracy']:.2f}. Category accuracy "
        f"{claims['category_accuracy']:.2f}, sentiment accuracy {claims['sentiment_accuracy']:.2f} "
        "(seven and three classes).",
        "",
        "| held-out sentences that turn | sentences | flags found | wrong | opposite colour | sentiment right |",
        "|---|---|---|---|---|---|",
    ]
    for turn, row in turns.items():
        lines.append(
            f"| {turn} | {int(row['sentences'])} | {int(row.get('flags', 0))} | {int(row.get('wrong', 0))} "
            f"| {int(row.get('opposite', 0))} | {row.get('sentiment right', 0) / max(1, row.get('with sentiment', 0)):.2f} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
