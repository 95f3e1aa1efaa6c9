"""Near-duplicate documents with MinHash LSH (datasketch).

Syndicated copies and re-scraped teasers differ by a word or a byline; their
content hashes differ but their word shingles barely do. Each stored document
keeps its MinHash signature so the index can be rebuilt from the database.
"""

from __future__ import annotations

import re

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SCHEME = "affine32"  # datasketch ≥ 2.0 hashing scheme; stored signatures depend on it
# Jaccard similarity of word 3-shingles above which two documents are the same
# text. Calibrated on hand-made variants (tests/test_dedup.py, test_store.py): one
# changed word in a 30-word teaser scores ~0.82, in a 300-word article ~0.98; two
# different reports of one event stay below 0.3.
THRESHOLD = 0.7
SHINGLE = 3
_WORD = re.compile(r"\w+", re.UNICODE)


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.casefold())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    if len(words) < SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    m.update_batch([s.encode() for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.tobytes()


def from_bytes(data: bytes) -> MinHash:
    dtype = np.uint32 if len(data) == NUM_PERM * 4 else np.uint64
    values = np.frombuffer(data, dtype=dtype)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """An LSH index over document signatures: finds the stored twin of a new text."""

    def __init__(self, threshold: float = THRESHOLD) -> None:
        self._lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._sigs: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._sigs)

    def add(self, key: str, sig: MinHash) -> None:
        if key not in self._sigs:
            self._lsh.insert(key, sig)
            self._sigs[key] = sig

    def find(self, sig: MinHash) -> tuple[str, float] | None:
        """The most similar stored document above the threshold, with its estimated Jaccard."""
        best: tuple[str, float] | None = None
        for key in self._lsh.query(sig):
            sim = sig.jaccard(self._sigs[key])
            if best is None or sim > best[1]:
                best = (key, sim)
        return best
