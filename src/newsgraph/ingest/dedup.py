"""Near-duplicate documents with MinHash LSH (datasketch).

Syndicated copies and re-scraped teasers differ by a word or a byline; their
content hashes differ but their word shingles barely do. Each stored document
keeps its MinHash signature so the index can be rebuilt from the database.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from functools import lru_cache

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


@lru_cache(maxsize=1)
def _permutations() -> np.ndarray:
    """The permutations of every signature (datasketch draws them from its fixed seed on each new MinHash)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


@lru_cache(maxsize=4)
def _hashranges(threshold: float) -> tuple[tuple[int, int], ...]:
    """The bands of datasketch's ``MinHashLSH`` for ``threshold`` (it finds them by numeric integration, ~0.1 s)."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.casefold())
    m = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations(), hashfunc=int)
    if len(words) < SHINGLE:
        shingles = {" ".join(words)}
    else:
        shingles = set(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))
    # datasketch's default hash (sha1_hash32: the first 4 bytes of SHA-1, little-endian) for all the
    # shingles at once; ``hashfunc=int`` hands the values through (a Python call per shingle less)
    digests = b"".join([hashlib.sha1(s.encode()).digest()[:4] for s in shingles])
    m.update_batch(np.frombuffer(digests, dtype="<u4").tolist())
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.tobytes()


def from_bytes(data: bytes) -> MinHash:
    dtype = np.uint32 if len(data) == NUM_PERM * 4 else np.uint64
    values = np.frombuffer(data, dtype=dtype)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME, permutations=_permutations())


# Signatures of the latest additions kept in memory (a page's and its batch's twins are found among
# them); older ones are read back through the index's ``load`` when a query needs them.
RECENT = 2048
# New band digests wait in a dict until this many are there, then join the sorted arrays.
_TAIL = 4096


class NearDuplicateIndex:
    """An LSH index over document signatures: finds the stored twin of a new text.

    The same bands as datasketch's ``MinHashLSH`` (so the same candidates: documents sharing all
    the values of at least one band), kept compact so memory grows by ~0.3 kB a document, not
    ~7 kB: each band's values as a 64-bit digest in a sorted numpy array (the newest in a small
    dict), and full signatures only for the :data:`RECENT` latest documents; a query reads older
    candidates' signatures through ``load`` (their stored bytes). Without ``load`` every
    signature stays in memory.
    """

    def __init__(
        self, threshold: float = THRESHOLD, load: Callable[[list[str]], dict[str, bytes]] | None = None
    ) -> None:
        self._ranges = list(_hashranges(threshold))
        self._load = load
        self._keys: list[str] = []
        self._known: set[str] = set()
        self._sorted = [(np.empty(0, np.uint64), np.empty(0, np.int64)) for _ in self._ranges]
        self._tail: list[dict[int, list[int]]] = [{} for _ in self._ranges]
        self._tail_size = 0
        self._sigs: OrderedDict[str, MinHash] = OrderedDict()

    def __len__(self) -> int:
        return len(self._keys)

    def add(self, key: str, sig: MinHash) -> None:
        if self._add(key, np.asarray(sig.hashvalues)):
            self._sigs[key] = sig
            if self._load is not None and len(self._sigs) > RECENT:
                self._sigs.popitem(last=False)

    def add_bytes(self, key: str, data: bytes) -> None:
        """Add a stored signature (:func:`to_bytes`) without keeping it in memory (read back by ``load``)."""
        if self._load is None:
            self.add(key, from_bytes(data))
        else:
            self._add(key, _values(data))

    def find(self, sig: MinHash) -> tuple[str, float] | None:
        """The most similar stored document sharing a band, with its estimated Jaccard (the first added wins a tie)."""
        rows: set[int] = set()
        for (a, b), (hashes, members), tail in zip(self._ranges, self._sorted, self._tail, strict=True):
            digest = _digest(np.asarray(sig.hashvalues)[a:b])
            lo, hi = (
                np.searchsorted(hashes, np.uint64(digest), "left"),
                np.searchsorted(hashes, np.uint64(digest), "right"),
            )
            rows.update(members[lo:hi].tolist())
            rows.update(tail.get(digest, ()))
        keys = [self._keys[row] for row in sorted(rows)]
        missing = [k for k in keys if k not in self._sigs]
        loaded = {k: from_bytes(v) for k, v in self._load(missing).items()} if missing and self._load else {}
        best: tuple[str, float] | None = None
        for key in keys:
            other = self._sigs.get(key) or loaded.get(key)
            if other is None:
                continue
            sim = sig.jaccard(other)
            if best is None or sim > best[1]:
                best = (key, sim)
        return best

    def _add(self, key: str, values: np.ndarray) -> bool:
        if key in self._known:
            return False
        row = len(self._keys)
        self._keys.append(key)
        self._known.add(key)
        for (a, b), tail in zip(self._ranges, self._tail, strict=True):
            tail.setdefault(_digest(values[a:b]), []).append(row)
        self._tail_size += 1
        if self._tail_size >= _TAIL:
            self._merge()
        return True

    def _merge(self) -> None:
        """Move the tail's digests into the sorted arrays."""
        for band, tail in enumerate(self._tail):
            hashes, members = self._sorted[band]
            new = [(digest, row) for digest, rows in tail.items() for row in rows]
            all_hashes = np.concatenate([hashes, np.array([d for d, _ in new], np.uint64)])
            all_members = np.concatenate([members, np.array([r for _, r in new], np.int64)])
            order = np.argsort(all_hashes, kind="stable")
            self._sorted[band] = (all_hashes[order], all_members[order])
            tail.clear()
        self._tail_size = 0


def _values(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype=np.uint32 if len(data) == NUM_PERM * 4 else np.uint64)


def _digest(band: np.ndarray) -> int:
    """A 64-bit digest of one band's values (two bands collide by chance about once in 2**64)."""
    return int.from_bytes(hashlib.blake2b(band.tobytes(), digest_size=8).digest(), "little")
