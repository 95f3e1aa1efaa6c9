"""The CAMEO verb compiler (scripts/lexicons/cameo.py): the dictionary's format → newsgraph's patterns.

The snippets are written for these tests in the CAMEO.2.0.txt format (verbs and words of our own
choosing, not copied from the dictionary); the full compile needs ../shared and is marked ``corpus``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, require_shared

sys.path.insert(0, str(ROOT / "scripts"))

from lexicons import cameo

MODES = {
    "ASSAULT": frozenset({"firearms", "crowd-control"}),
    "AID": frozenset({"humanitarian"}),
    "REQUEST": frozenset({"assist", "meet", "yield"}),
    "CONSULT": frozenset({"visit"}),
    "PROTEST": frozenset({"demo"}),
    "CONCEDE": frozenset(),
    "COERCE": frozenset({"arrest"}),
}
PLOVER_MAP = """\
# a comment
18: ASSAULT
190: ASSAULT, , military # conventional force
193: ASSAULT, firearms, military
073: AID, , humanitarian
042: CONSULT, visit,
141: PROTEST, demo,
0831: CONCEDE, , political_institutions
173: COERCE, arrest, legal
"""
DICTIONARY = """\
####### SYNONYM SETS #######

&GUN_
+RIFLE
+PISTOL
+MACHINE_GUN

####### VERB PATTERNS #######

---  SHOOT   [190]  ---
SHOOT {SHOOTS SHOT SHOOTING}
SNIPE
- * &GUN                                              [193]         # SHOOT
- * (AT +)                                            [193]         # SNIPE
- * {RUBBER BULLETS}                                  [---]         # SHOOT
- * STATEMENT                                         [010]         # SNIPE

---  HAND   [---]  ---
+HAND_OVER {+HANDED_OVER}
DONATE [073]
- * AID (TO +)                                        [073]         # HAND
- * (FROM INJURIES)                                   [:190]        # HAND

---  APPEAL   [020]  ---
APPEAL
PLEAD
- * MEETING                                           [026]         # APPEAL
- PROTESTER *                                         [141]         # APPEAL
- * DOWN                                              [0831]        # PLEAD
"""


@pytest.fixture
def lexicons(tmp_path: Path) -> Path:
    (tmp_path / "petrarch2").mkdir()
    (tmp_path / "plover").mkdir()
    (tmp_path / "petrarch2" / "CAMEO.2.0.txt").write_text(DICTIONARY, encoding="utf-8")
    (tmp_path / "plover" / "CAMEO2PLOVER-2021.txt").write_text(PLOVER_MAP, encoding="utf-8")
    return tmp_path


def _rows(lexicons: Path) -> dict[tuple[str, tuple[str, ...]], cameo.CameoRow]:
    return {(r.lemma, r.needs): r for r in cameo.compile_cameo(lexicons, MODES)}


def test_reads_blocks_verbs_and_synsets(lexicons: Path) -> None:
    synsets, blocks = cameo.read_cameo(lexicons / "petrarch2" / "CAMEO.2.0.txt")
    assert synsets["GUN"] == ["rifle", "pistol", "machine gun"]
    assert [b.name for b in blocks] == ["shoot", "hand", "appeal"]
    assert blocks[1].verbs == [("hand", "over", None), ("donate", None, "073")]


@pytest.mark.parametrize(
    ("key", "type_", "mode", "target", "code"),
    [
        (("shoot", ()), "ASSAULT", "", ("obj",), "190"),  # the head verb alone takes the block's code
        (("shoot", ("arg:pistol|rifle",)), "ASSAULT", "firearms", ("obj",), "193"),  # a synset; two words left out
        (("shoot", ("prep:at",)), "ASSAULT", "firearms", ("prep:at",), "193"),  # "(AT +)": the target
        (("shoot", ("arg:rubber|rubbers", "arg:bullet|bullets")), "none", "", ("obj",), "---"),  # uncoded
        (("snipe", ("arg:statement|statements",)), "none", "", ("obj",), "010"),  # a statement: no event
        (("hand", ("prt:over", "prep:to", "arg:aid|aids")), "AID", "", ("prep:to",), "073"),  # multi-word verb
        (("donate", ()), "AID", "", ("obj",), "073"),  # a verb with a code of its own
        (("hand", ("prt:over", "prep:from", "arg:injuries|injury")), "ASSAULT", "", ("subj",), "190"),  # [:190]
        (("appeal", ("arg:meeting|meetings",)), "REQUEST", "meet", ("obj",), "026"),  # appeals are REQUEST
        (("plead", ("subj:protester|protesters",)), "PROTEST", "demo", ("obj",), "141"),  # a subject word
        (("appeal", ("prt:down",)), "CONCEDE", "", ("obj",), "0831"),  # a particle
    ],
)
def test_patterns_become_rows(lexicons: Path, key, type_: str, mode: str, target: tuple[str, ...], code: str) -> None:
    row = _rows(lexicons)[key]
    assert (row.type, row.mode, row.target, row.cameo) == (type_, mode, target, code)


def test_synonyms_are_coded_bare_only_for_the_head_verb(lexicons: Path) -> None:
    rows = _rows(lexicons)
    assert ("snipe", ()) not in rows  # a synonym takes the block's meaning only with a pattern's words
    assert ("snipe", ("prep:at",)) not in rows  # ... words, not a preposition alone
    assert ("plead", ()) not in rows and ("plead", ("arg:meeting|meetings",)) in rows
    assert ("appeal", ()) in rows


def test_no_default_list_is_data() -> None:
    words = cameo.no_default()
    assert {"say", "make", "die", "warn"} <= words and "attack" not in words


def test_plover_map_reads_type_and_mode(lexicons: Path) -> None:
    mapping = cameo.parse_plover_map(lexicons / "plover" / "CAMEO2PLOVER-2021.txt")
    assert mapping["193"] == ("ASSAULT", "firearms")
    assert cameo.plover_of("1931", mapping, MODES) == ("ASSAULT", "firearms")  # the longest known prefix
    assert cameo.plover_of("141", mapping, MODES) == ("PROTEST", "demo")
    assert cameo.plover_of("186", {"186": ("ASSAULT", "assassinate")}, {"ASSAULT": frozenset({"targeted"})}) == (
        "ASSAULT",
        "targeted",
    )  # the mapping's "assassinate" is the codebook's "targeted"
    assert cameo.plover_of("012", mapping, MODES) == ("none", "")


@pytest.mark.corpus
def test_full_cameo_compile_covers_every_type() -> None:
    require_shared(SHARED / "lexicons" / "petrarch2")
    modes = cameo.plover_modes(ROOT / "src" / "newsgraph" / "lexicon" / "data")
    rows = cameo.compile_cameo(SHARED / "lexicons", modes)
    assert len(rows) > 20000
    assert {r.type for r in rows} == set(modes) | {"none"}
