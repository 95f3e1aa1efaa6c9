"""The Phoenix compiler (scripts/compile_lexicons.py, scripts/lexicons/): formats, mapping, determinism.

The snippets below are written for these tests in the Phoenix formats (invented names, not copied
from the dictionaries). The full compile needs ../shared/lexicons and is marked ``corpus``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SHARED, require_shared

sys.path.insert(0, str(ROOT / "scripts"))

import compile_lexicons
from lexicons import codes
from lexicons.common import Report, tsv_text
from lexicons.phoenix import compile_agents, parse_agents, plural
from lexicons.phoenix_actors import actor_rows, country_places, parse_blocks, person_rows, strip_titles

LEXICONS = SHARED / "lexicons"

AGENTS = """\
# a comment line
!PERSON! = MAN, WOMAN
!MINIST! = MINISTER, MINISTRY
TROOP_CARRIER [~MIL]
HERDS!PERSON! [~AGR]
!MINIST! OF_FISHERIES [~GOVAGR]
RIOT_SQUAD {} [~COP]
BANDIT_CHIEF [~CRM]
MILITIA_LEADER {MILITIA_CHIEVES} [~UAF]
TOWN_DEPUTY [~LEG] # an inline comment
PARTY_BOSS [~PTY]
MONK_FIGHTER [~BUDUAF]
STUDENT_PROTESTER [~OPPEDU]
DEFENCE_MINIST [~GOVMIL]
AD!MINIST!RATOR_GENERAL [~GOV]
CHIEF_OF_THE_WATCH [~GOV]
NO_CODE_HERE
PROTESTER [~OPP]
TOWN_DEPUTY [~JUD]
LAND_WORKER [~LABAGR]
FRIENDLY_BODY [IGO~]
"""


def _agents(text: str = AGENTS, hand: frozenset[str] = frozenset({"protester"})) -> dict[str, tuple[str, str]]:
    report = Report()
    rows = compile_agents(parse_agents(text.splitlines(), report), set(hand), report)
    return {phrase: (sector, code) for phrase, sector, code in rows}


def test_agents_map_codes_to_sectors() -> None:
    got = _agents()
    assert got["troop carrier"] == ("MIL", "~MIL")
    assert got["riot squad"] == ("POL", "~COP")  # COP → POL
    assert got["militia leader"] == ("REB", "~UAF")  # UAF → REB
    assert got["land worker"] == ("CVL", "~LABAGR")  # labour, agriculture → civilians
    assert got["friendly body"] == ("IGO", "IGO~")  # a code with the tilde after it
    assert got["monk fighter"] == ("REB", "~BUDUAF")  # a STRONG part wins over a WEAK one before it
    assert got["student protester"] == ("OPP", "~OPPEDU")


def test_agents_without_a_sector_or_in_the_hand_table_are_left_out() -> None:
    got = _agents()
    assert "bandit chief" not in got  # CRM
    assert "party boss" not in got  # PTY
    assert "protester" not in got and "protesters" not in got  # sectors.tsv wins
    assert "no code here" not in got


def test_agents_expand_markers_and_stems() -> None:
    got = _agents()
    assert {"herdsman", "herdswoman"} <= set(got) and "herdsmans" not in got  # markers get no plural
    assert {"minister of fisheries", "ministry of fisheries"} <= set(got)
    assert got["ministry of fisheries"] == ("GOV", "~GOVAGR")
    assert {"defence minister", "defence ministers", "defence ministry", "defence ministries"} <= set(got)
    assert got["administrator general"] == ("GOV", "~GOV")  # "AD!MINIST!RATOR": a marker inside a word


def test_agents_plurals() -> None:
    got = _agents()
    assert "troop carriers" in got
    assert "riot squads" not in got  # {}: no plural
    assert "militia chieves" in got and "militia leaders" not in got  # {PLURAL}: this one only
    assert got["town deputies"] == ("LEG", "~LEG")  # consonant + y
    assert "chiefs of the watch" in got  # the head noun before "of"
    assert plural("GUNMAN") == "GUNMEN"
    assert plural("ENVOY") == "ENVOYS"
    assert plural("CHURCH") == "CHURCHES"
    assert plural("ARMIES") is None and plural("LT.") is None


def test_agents_first_code_that_maps_wins() -> None:
    assert _agents()["town deputy"] == ("LEG", "~LEG")  # listed again as ~JUD: the first kept
    later = _agents("BANDIT [~CRM]\nBANDIT [~UAF]\n")
    assert later["bandit"] == ("REB", "~UAF")  # the first code that maps, not the first code


COUNTRIES = """\
# invented entries in the Phoenix country-actor format
FRANCE_  [FRA]
+FRENCH_
+LYON_
JEAN_EXEMPLE_  # a person
+PRESIDENT_JEAN_EXEMPLE
+EXEMPLE
+PRESIDENT_
+FRENCH_PRESIDENT_JEAN_EXEMPLE
\t[FRAELI 650101-950516]
\t[FRAGOV 950517-070516]
\t[FRAGOVMIL >120101]
\t[FRAELI]
FRENCH_NATIONAL_ASSEMBLY_
\t[FRALEG 580101-991231]
MARIE_MODELE_
\t[USRGOV 850311-911225]
KARL_PROBE
\t[DDRGOV 19710503-19891018]
\t[DEUELI <19901003]
PAUL_OLD_
\t[FRAGOV 300101-291231]
PAUL_BROKEN_
\t[FRAGOV 9999999-911221]
\t[KNTGOV 830101-850630]
\t[FRAGOV 850101-860101]
GASTON_EXEMPLAIRE_
PRIME_MINISTER_GASTON_EXEMPLAIRE
\t[FRAGOV 010101-020202]
UNDATED_PERSON_
\t[FRAGOV]
"""


def _persons(text: str = COUNTRIES) -> tuple[dict[str, list[tuple[str, ...]]], Report]:
    report = Report()
    blocks = parse_blocks(text.splitlines(), report, "test")
    places = country_places(blocks)
    out: dict[str, list[tuple[str, ...]]] = {}
    for block in blocks:
        rows = person_rows(block, places, report, "test")
        if rows:
            out[rows[0][0]] = rows
    return out, report


def test_persons_rows_per_code_line_with_dates_and_roles() -> None:
    persons, _ = _persons()
    rows = persons["jean exemple"]
    assert [r[2:] for r in rows] == [
        ("FRA", "", "ELI", "1965-01-01", "1995-05-16", "[FRAELI 650101-950516]"),
        ("FRA", "GOV", "GOV", "1995-05-17", "2007-05-16", "[FRAGOV 950517-070516]"),
        ("FRA", "GOV", "GOVMIL", "2012-01-01", "", "[FRAGOVMIL >120101]"),
        ("FRA", "", "ELI", "", "", "[FRAELI]"),
    ]
    assert persons["karl probe"][1][2:7] == ("DEU", "", "ELI", "", "1990-10-03")  # <date: until


def test_persons_aliases_lose_titles_and_title_only_aliases() -> None:
    persons, _ = _persons()
    assert persons["jean exemple"][0][1] == "exemple"  # "president jean exemple" = the name; "president" alone dropped


def test_persons_countries_and_years() -> None:
    persons, report = _persons()
    assert persons["marie modele"][0][2] == "SUN"  # CAMEO's USR is ISO 3166-3 SUN
    assert persons["karl probe"][0][2] == "DDR"
    assert persons["paul old"][0][5:7] == ("1930-01-01", "2029-12-31")  # 30-99 → 19xx, 00-29 → 20xx
    assert [r[7] for r in persons["paul broken"]] == ["[FRAGOV 850101-860101]"]  # bad date, no country: skipped
    assert any("bad code or date" in line for line in report.lines())


def test_non_persons_are_skipped_and_codeless_names_join_the_next_block() -> None:
    persons, _ = _persons()
    assert "france" not in persons and "lyon" not in persons  # a country block
    assert not any("assembly" in name for name in persons)  # an organisation
    assert "undated person" not in persons  # no dated code: cannot tell
    assert persons["gaston exemplaire"][0][2:] == (
        "FRA",
        "GOV",
        "GOV",
        "2001-01-01",
        "2002-02-02",
        "[FRAGOV 010101-020202]",
    )


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("french president jean exemple", "jean exemple"),
        ("united states secretary of state ann example", "ann example"),
        ("france", "france"),  # a place alone stays (and is then no person's name)
    ],
)
def test_strip_titles(phrase: str, name: str) -> None:
    places = frozenset({"france", "french", "united states"})
    assert " ".join(strip_titles(phrase.split(), places)) == name


INTERNATIONAL = """\
WORLD_WIDGET_ORGANIZATION_ [IGOWWO]
+WWO
ARMED_FRONT_OF_EXAMPLE_(AFE)_ [FRAREB]
GLOBAL_WIDGETS_INC_ [MNCUSA]
HELPERS_WITHOUT_BORDERS_ [NGOHLH]
ANNA_BEISPIEL_ [IGOWWO 990101-031231] [DEUGOV 040101-081231]
EXAMPLE_CELL [WEU]
"""


def test_actor_codes_and_persons_of_the_international_file() -> None:
    report = Report()
    actors: dict[str, tuple[str, ...]] = {}
    persons: dict[str, list[tuple[str, ...]]] = {}
    for block in parse_blocks(INTERNATIONAL.splitlines(), report, "test"):
        rows = person_rows(block, frozenset(), report, "test")
        if rows is not None:
            persons[rows[0][0]] = rows
        else:
            for row in actor_rows(block, report, "test", default_sector="REB"):
                actors[row[0]] = row
    assert actors["world widget organization"] == ("world widget organization", "wwo", "IGOWWO", "IGO", "", "", "")
    assert actors["armed front of example"][1:5] == ("afe", "FRAREB", "REB", "FRA")  # bracketed acronym → alias
    assert actors["global widgets inc"][3:5] == ("BUS", "USA")  # MNC + country
    assert actors["helpers without borders"][3:5] == ("NGO", "")
    assert actors["example cell"][3] == "REB"  # the MilNonState default
    assert [r[2:7] for r in persons["anna beispiel"]] == [
        ("", "IGO", "IGOWWO", "1999-01-01", "2003-12-31"),
        ("DEU", "GOV", "GOV", "2004-01-01", "2008-12-31"),
    ]


def test_codes() -> None:
    assert codes.parts("~GOVMED") == ["GOV", "MED"]
    assert [codes.agent_sector(c) for c in ("~COP", "~EDU", "~AGR", "~LAB", "~REF", "~HLH", "~REL")] == [
        "POL",
        *["CVL"] * 6,
    ]
    assert [codes.agent_sector(c) for c in ("~UAF", "~INS", "~REB", "~ELI", "~SPY", "~CRM")] == [
        *["REB"] * 3,
        "GOV",
        "SPY",
        None,
    ]
    with pytest.raises(codes.CodeError):
        codes.agent_sector("~XYZ")
    assert [codes.iso_country(c) for c in ("RUS", "USR", "KSV", "TMP", "MEA", "IGO")] == [
        "RUS",
        "SUN",
        "XKX",
        "TLS",
        None,
        None,
    ]
    assert codes.role_sector(["PRI", "GOV"]) == "GOV" and codes.role_sector(["ELI"]) is None
    assert codes.date_range("991231-080507") == ("1999-12-31", "2008-05-07")
    assert codes.date_range("> 20140607") == ("2014-06-07", "")
    with pytest.raises(codes.CodeError):
        codes.date_range("120230-130101")  # 30 February


def test_tsv_text_is_sorted_and_deduplicated() -> None:
    text = tsv_text(["what"], ["a", "b"], [("z", "1"), ("a", "2"), ("z", "1")])
    assert text == "# what\na\tb\na\t2\nz\t1\n"
    with pytest.raises(ValueError):
        tsv_text([], ["a"], [("x\ty",)])


@pytest.mark.corpus
def test_full_compile_is_deterministic(tmp_path: Path) -> None:
    require_shared(LEXICONS / "petrarch2")
    first, second = tmp_path / "one", tmp_path / "two"
    assert compile_lexicons.main(["--lexicons", str(LEXICONS), "--out", str(first), "--quiet"]) == 0
    assert compile_lexicons.main(["--lexicons", str(LEXICONS), "--out", str(second), "--quiet"]) == 0
    names = sorted(p.name for p in first.iterdir())
    assert names == ["NOTICE", "actor_codes.tsv", "agents.tsv", "cameo_verbs.tsv", "office_holders.tsv"]
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name
    for name in names[1:]:
        head = (first / name).read_text(encoding="utf-8").split("\n", 12)[:12]
        assert any("python scripts/compile_lexicons.py" in line for line in head)
        assert any("676801cd9cb2924bbbad09f86d15c9323e7097bf" in line for line in head)
        assert any("Copyright (c) 2014 Open Event Data" in line for line in head)
    notice = (first / "NOTICE").read_text(encoding="utf-8")
    assert "Copyright (c) 2014 Open Event Data" in notice and "Permission is hereby granted" in notice
    assert compile_lexicons.PLOVER_ATTRIBUTION in notice


@pytest.mark.corpus
def test_committed_files_are_up_to_date() -> None:
    require_shared(LEXICONS / "petrarch2")
    assert compile_lexicons.main(["--lexicons", str(LEXICONS), "--check"]) == 0


@pytest.mark.corpus
def test_check_fails_on_a_stale_file(tmp_path: Path) -> None:
    require_shared(LEXICONS / "petrarch2")
    assert compile_lexicons.main(["--lexicons", str(LEXICONS), "--out", str(tmp_path), "--quiet"]) == 0
    (tmp_path / "agents.tsv").write_text("phrase\tsector\tphoenix\n", encoding="utf-8")
    assert compile_lexicons.main(["--lexicons", str(LEXICONS), "--out", str(tmp_path), "--check"]) == 1
