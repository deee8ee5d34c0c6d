"""Distil askback's static embedding model from the MiniLM it already runs (development only).

Research needs a sentence vector for thousands of sentences a run; MiniLM gives about 225 a
second on two cores, a table lookup hundreds of thousands. This script makes that table, the
way model2vec does, but with ONNX Runtime and numpy instead of PyTorch:

1. every vocabulary token goes through the int8 MiniLM alone (``[SEP] token [CLS]``, as
   model2vec found works best) and its output is mean-pooled: one 384-d vector per token;
2. the tokens are weighted by their estimated frequency (Zipf over the vocabulary's order,
   the SIF weighting), so "the" counts less than "parental";
3. the table is refined so that the mean of a sentence's token vectors comes close to
   MiniLM's vector of the whole sentence, on development text only (the CivicActions
   guidebook in ../shared and the texts askback ships: topic examples, training sentences,
   bank questions, lint prototypes). Never the 18F handbook, the demo site or tests/data:
   those measure the result. This is a regularised least-squares fit solved by conjugate
   gradients, pulled towards the step-2 vectors for tokens the text never shows;
4. all of it in the ``--dims`` principal axes of MiniLM's sentence vectors (the fit is cheaper
   there), then int8 with one scale per token: a few MB.

Run: PYTHONPATH=. .venv/bin/python scripts/distill_static.py [--dims 128] [--cache DIR]
It prints how closely the result follows MiniLM on held-out guidebook sentences.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from askback.nlp.embeddings import load_installed, model_path, tokenizer_path
from askback.nlp.static import STATIC_FILE, vocabulary_digest

ROOT = Path(__file__).resolve().parent.parent
GUIDEBOOK = ROOT.parent / "shared" / "corpora" / "civicactions-guidebook"
Matrix = npt.NDArray[np.float32]


def token_vectors(batch: int = 1024) -> Matrix:
    """Step 1: each token alone through the model, mean-pooled over its three positions."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    vocab = tokenizer.get_vocab()
    options = ort.SessionOptions()
    options.log_severity_level = 3
    session = ort.InferenceSession(str(model_path()), options, providers=["CPUExecutionProvider"])
    size = tokenizer.get_vocab_size()
    out = np.zeros((size, 384), dtype=np.float32)
    for start in range(0, size, batch):
        ids = np.arange(start, min(size, start + batch))
        rows = np.stack([np.full(len(ids), vocab["[SEP]"]), ids, np.full(len(ids), vocab["[CLS]"])], axis=1)
        rows = rows.astype(np.int64)
        feeds = {"input_ids": rows, "attention_mask": np.ones_like(rows), "token_type_ids": np.zeros_like(rows)}
        out[ids] = session.run(None, feeds)[0].mean(axis=1)
    return out


def kept_tokens() -> npt.NDArray[np.bool_]:
    """Tokens worth a row: not ``[unused]`` slots, not scripts askback never reads (CJK, Thai...)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    keep = np.ones(tokenizer.get_vocab_size(), dtype=bool)
    for token, i in tokenizer.get_vocab().items():
        if token.startswith("[unused") or any(ord(c) > 0x24F for c in token):
            keep[i] = False
    return keep


def sif_weights(size: int, coefficient: float = 1e-4) -> Matrix:
    """Step 2: a token's weight falls with its estimated frequency (rank in the vocabulary)."""
    inverse_rank = 1.0 / np.arange(2, size + 2, dtype=np.float64)
    probability = inverse_rank / inverse_rank.sum()
    weights: Matrix = (coefficient / (coefficient + probability)).astype(np.float32)
    return weights


def development_texts() -> list[str]:
    """Sentences from the guidebook and the texts askback ships, each once."""
    from askback.bank.loader import load_bank
    from askback.core.datafile import load_yaml
    from askback.research.extract import extract
    from askback.research.segment import sentences
    from askback.research.sources import Skip, read_source
    from askback.research.topics import TRAINING, load_spec

    texts: list[str] = []
    for item in read_source(str(GUIDEBOOK / "pages"), max_pages=10_000):
        if not isinstance(item, Skip):
            texts.extend(s.text for s in sentences(extract(item).blocks))
    texts.extend(e for examples in load_spec().examples.values() for e in examples)
    texts.extend(json.loads(line)["text"] for line in TRAINING.read_text().splitlines() if line.strip())
    texts.extend(q.text.replace("{company}", "the company") for q in load_bank())
    training = ROOT / "askback" / "plan" / "data" / "questions_training.jsonl"
    texts.extend(json.loads(line)["text"] for line in training.read_text().splitlines() if line.strip())
    lint = load_yaml(ROOT / "askback" / "plan" / "data" / "lint.yaml")
    texts.extend(p for rule in lint.values() if isinstance(rule, dict) for p in rule.get("prototypes", ()))
    return list(dict.fromkeys(t for t in texts if t.strip()))


def teacher_vectors(texts: Sequence[str], cache: Path) -> Matrix:
    """MiniLM's vectors for the development texts, kept in ``cache`` between runs of this script."""
    digest = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = cache / f"teacher-{digest}.npy"
    if path.exists():
        stored: Matrix = np.load(path)
        return stored
    vectors = load_installed().embed(list(texts))
    cache.mkdir(parents=True, exist_ok=True)
    np.save(path, vectors)
    return vectors


class BagOfTokens:
    """The sparse sentences x tokens averaging matrix, applied with numpy alone."""

    def __init__(self, token_ids: Sequence[Sequence[int]], vocabulary: int) -> None:
        self.rows = np.concatenate([np.full(len(ids), i) for i, ids in enumerate(token_ids)])
        self.cols = np.concatenate([np.asarray(ids, dtype=np.int64) for ids in token_ids])
        self.weights = np.concatenate([np.full(len(ids), 1.0 / len(ids)) for ids in token_ids]).astype(np.float32)
        self.sentences, self.vocabulary = len(token_ids), vocabulary
        self._sentence_starts = np.concatenate(([0], np.cumsum([len(ids) for ids in token_ids])[:-1]))
        order = np.argsort(self.cols, kind="stable")
        self._sorted_rows, self._sorted_weights = self.rows[order], self.weights[order]
        self._tokens, self._starts = np.unique(self.cols[order], return_index=True)

    def times(self, table: Matrix) -> Matrix:
        # Each sentence's tokens are contiguous, so a segmented sum does it (np.add.at is 20x slower).
        summed: Matrix = np.add.reduceat(table[self.cols] * self.weights[:, None], self._sentence_starts, axis=0)
        return summed

    def transposed_times(self, residual: Matrix) -> Matrix:
        out = np.zeros((self.vocabulary, residual.shape[1]), dtype=np.float32)
        contributions = residual[self._sorted_rows] * self._sorted_weights[:, None]
        out[self._tokens] = np.add.reduceat(contributions, self._starts)
        return out


def refine(prior: Matrix, bag: BagOfTokens, target: Matrix, strength: float, steps: int) -> Matrix:
    """Step 3: least squares ``|bag @ T - target|^2 + strength |T - prior|^2`` by conjugate
    gradients, started from each token's average sentence (blended with the prior for rare
    tokens), which leaves few steps to do."""
    scale = float(np.linalg.norm(target) / max(np.linalg.norm(bag.times(prior)), 1e-12))
    prior = prior * scale

    def apply(table: Matrix) -> Matrix:
        return bag.transposed_times(bag.times(table)) + strength * table

    seen = bag.transposed_times(np.ones((bag.sentences, 1), dtype=np.float32))
    average = bag.transposed_times(target) / np.clip(seen, 1e-6, None)
    table = ((seen * average + 0.5 * prior) / (seen + 0.5)).astype(np.float32)
    residual = bag.transposed_times(target) + strength * prior - apply(table)
    direction = residual.copy()
    power = float((residual * residual).sum())
    for _ in range(steps):
        moved = apply(direction)
        step = power / float((direction * moved).sum())
        table += step * direction
        residual -= step * moved
        new_power = float((residual * residual).sum())
        direction = residual + (new_power / power) * direction
        power = new_power
    return table


def principal_axes(vectors: Matrix, dims: int) -> tuple[Matrix, Matrix]:
    """Step 4's basis: the mean and top ``dims`` principal axes of MiniLM's sentence vectors.
    Token vectors live in the same space (they are MiniLM outputs too), so the fit itself runs
    in these few dimensions, three times cheaper, and cosines keep most of their variance."""
    mean = vectors.mean(axis=0)
    _, _, components = np.linalg.svd(vectors - mean, full_matrices=False)
    axes: Matrix = components[:dims].T.astype(np.float32)
    return mean.astype(np.float32), axes


def compress(table: Matrix, keep: npt.NDArray[np.bool_]) -> tuple[npt.NDArray[np.int8], Matrix]:
    """int8 with a scale per row (zero rows for the tokens not kept)."""
    reduced = table.copy()
    reduced[~keep] = 0.0
    scales = np.abs(reduced).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    quantised = np.round(reduced / scales[:, None]).astype(np.int8)
    return quantised, scales.astype(np.float32)


def agreement(model: object, texts: Sequence[str], teacher: Matrix) -> float:
    """Correlation of pairwise cosines, static against MiniLM, on texts the fit did not see."""
    from askback.nlp.static import StaticEmbedder

    assert isinstance(model, StaticEmbedder)
    student = model.embed(texts)
    pairs = min(400, len(texts))
    return float(np.corrcoef((teacher @ teacher[:pairs].T).ravel(), (student @ student[:pairs].T).ravel())[0, 1])


def main() -> None:
    from tokenizers import Tokenizer

    from askback.nlp.static import StaticEmbedder

    parser = argparse.ArgumentParser()
    parser.add_argument("--dims", type=int, default=128)
    parser.add_argument("--strength", type=float, default=0.01, help="pull towards the token-alone vectors")
    parser.add_argument("--steps", type=int, default=12, help="conjugate-gradient steps")
    parser.add_argument("--cache", type=Path, default=ROOT / ".cache" / "distill")
    parser.add_argument("--out", type=Path, default=STATIC_FILE)
    args = parser.parse_args()
    started = time.perf_counter()
    tokenizer = Tokenizer.from_file(str(tokenizer_path()))
    keep = kept_tokens()
    tokens_path = args.cache / "tokens.npy"
    if tokens_path.exists():
        prior = np.load(tokens_path)
    else:
        prior = token_vectors()
        args.cache.mkdir(parents=True, exist_ok=True)
        np.save(tokens_path, prior)
    texts = development_texts()
    teacher = teacher_vectors(texts, args.cache)
    print(f"{len(texts)} development texts with MiniLM vectors; {time.perf_counter() - started:.0f} s", flush=True)
    mean, axes = principal_axes(teacher, args.dims)
    prior = ((prior - mean) @ axes) * sif_weights(len(prior))[:, None]
    prior[~keep] = 0.0
    target = (teacher - mean) @ axes
    order = np.random.default_rng(0).permutation(len(texts))
    held = set(order[: len(texts) // 10].tolist())  # a tenth of the texts only measures the fit
    fit = [i for i in range(len(texts)) if i not in held]
    ids = [e.ids or [0] for e in tokenizer.encode_batch([texts[i] for i in fit], add_special_tokens=False)]
    bag = BagOfTokens(ids, len(prior))
    table = refine(prior.astype(np.float32), bag, target[fit], args.strength, args.steps)
    quantised, scales = compress(table, keep)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out, vectors=quantised, scales=scales, vocabulary=np.array(vocabulary_digest()))
    held_texts = [texts[i] for i in sorted(held)]
    model = StaticEmbedder(args.out, tokenizer_path())
    print(
        f"{len(texts)} development texts ({len(fit)} fitted); {args.out.name}: {args.out.stat().st_size / 1e6:.1f} MB, "
        f"{args.dims} dimensions; pairwise-cosine correlation with MiniLM on {len(held_texts)} held-out texts: "
        f"{agreement(model, held_texts, teacher[sorted(held)]):.3f}; {time.perf_counter() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
