from __future__ import annotations

import pytest

from newsgraph.ingest import dedup

BASE = (
    "The regional parliament voted on Thursday to approve a new water law after months of debate. "
    "Farmers had protested against the plan, saying it would raise their costs, while environmental groups "
    "said it did not go far enough to protect the rivers. The governor is expected to sign the law next week."
)


@pytest.mark.parametrize(
    ("variant", "near"),
    [
        (BASE.replace("Thursday", "Wednesday"), True),
        (BASE + " (Reporting by a staff writer.)", True),
        ("Football club wins the cup final after a penalty shoot-out in front of a sold-out stadium.", False),
    ],
)
def test_near_duplicates_are_found(variant: str, near: bool) -> None:
    index = dedup.NearDuplicateIndex()
    index.add("base", dedup.signature(BASE))
    found = index.find(dedup.signature(variant))
    assert (found is not None) == near
    if near:
        assert found[0] == "base" and found[1] >= dedup.THRESHOLD


@pytest.mark.parametrize("text", [BASE, "short"])
def test_signature_round_trips_through_bytes(text: str) -> None:
    sig = dedup.signature(text)
    assert dedup.from_bytes(dedup.to_bytes(sig)).jaccard(sig) == 1.0


def _texts(n: int) -> list[str]:
    """``n`` texts with no words in common."""
    return [" ".join(f"w{k}x{i}" for i in range(40)) for k in range(n)]


def test_a_bounded_index_reads_older_signatures_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup, "RECENT", 2)  # signatures kept in memory
    monkeypatch.setattr(dedup, "_TAIL", 3)  # band digests merged into the sorted arrays every 3 additions
    stored = {f"d{k}": dedup.to_bytes(dedup.signature(t)) for k, t in enumerate([BASE, *_texts(6)])}
    asked: list[list[str]] = []

    def load(keys: list[str]) -> dict[str, bytes]:
        asked.append(keys)
        return {k: stored[k] for k in keys}

    index = dedup.NearDuplicateIndex(load=load)
    index.add_bytes("d0", stored["d0"])
    for key in list(stored)[1:]:
        index.add(key, dedup.from_bytes(stored[key]))
    assert len(index) == 7
    found = index.find(dedup.signature(BASE.replace("Thursday", "Wednesday")))
    assert found is not None and found[0] == "d0" and found[1] >= dedup.THRESHOLD
    assert asked == [["d0"]]
    assert index.find(dedup.signature(_texts(7)[-1])) is None


def test_signatures_equal_datasketch_fresh_ones() -> None:
    """The permutations are drawn once (datasketch draws the same ones from its seed on every new MinHash)."""
    from datasketch import MinHash

    fresh = MinHash(num_perm=dedup.NUM_PERM, scheme=dedup.SCHEME)
    fresh.update_batch([s.encode() for s in {"the regional parliament", "regional parliament voted"}])
    assert (dedup.signature("The regional parliament voted").hashvalues == fresh.hashvalues).all()


@pytest.mark.parametrize("text", ["", "one", "two words", "Three words here", "The regional parliament voted " * 40])
def test_signatures_equal_datasketch_default_hashing(text: str) -> None:
    """The shingles hashed all at once give the values datasketch's own sha1_hash32, one by one, gives."""
    from datasketch import MinHash

    words = dedup._WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + 3]) for i in range(len(words) - 2)} if len(words) >= 3 else {" ".join(words)}
    fresh = MinHash(num_perm=dedup.NUM_PERM, scheme=dedup.SCHEME)
    fresh.update_batch([s.encode() for s in shingles])
    assert dedup.to_bytes(dedup.signature(text)) == dedup.to_bytes(fresh)


def test_index_bands_are_datasketchs() -> None:
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=dedup.THRESHOLD, num_perm=dedup.NUM_PERM)
    assert dedup.NearDuplicateIndex()._ranges == list(lsh.hashranges)
