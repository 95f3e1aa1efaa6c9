from __future__ import annotations

import pytest

from newsgraph.lexicon import actors
from newsgraph.lexicon.actors import actor_code, nationality_on, office_on, office_terms
from newsgraph.lexicon.loader import LexiconError


def test_putin_on_a_date_is_russian_government() -> None:
    term = office_on("Putin", "2022-02-27")
    assert term is not None
    assert (term.name, term.country, term.sector, term.role) == ("vladimir putin", "RUS", "GOV", "GOV")
    assert term.why() == "country from the office-holder table (PETRARCH2 Phoenix): RUS GOV, valid 2008-05-08 – open"


def test_dates_of_every_precision() -> None:
    assert office_on("Vladimir Putin", "2003").end == "2008-05-07"  # type: ignore[union-attr]
    assert office_on("Putin", "2008-05").country == "RUS"  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        office_on("Putin", "May 2008")


def test_a_former_official_keeps_the_country_but_no_sector() -> None:
    term = office_on("Putin", "1995")
    assert term is not None and (term.country, term.sector, term.role) == ("RUS", None, "ELI")


def test_a_date_outside_every_term_is_none() -> None:
    assert office_on("Putin", "1950") is None
    assert office_on("Nobody Atall", "2010") is None


def test_an_ambiguous_surname_is_none() -> None:
    # "Abdullah" held office in Saudi Arabia, Jordan and Afghanistan in 2005
    assert {t.country for t in office_terms("Abdullah")} >= {"SAU", "JOR", "AFG"}
    assert office_on("Abdullah", "2005") is None
    assert office_on("Abdullah", None) is None  # open terms in two countries


def test_without_a_date_only_an_open_or_undated_term_answers() -> None:
    term = office_on("Putin", None)
    assert term is not None and term.start == "2008-05-08" and term.end is None
    assert office_on("Boris Yeltsin", None) is None  # every term of his is closed
    bush = office_on("George W. Bush", None)
    assert bush is not None and (bush.country, bush.role, bush.dated) == ("USA", "ELI", False)
    assert bush.why().endswith("USA ELI, undated")


def test_names_match_without_case_accents_or_punctuation() -> None:
    assert office_terms("vladimir v putin") == office_terms("Vladimir V. Putin") != []
    assert office_on("Erdoğan", "2015").country == "TUR"  # type: ignore[union-attr]


def test_international_officials_have_no_country() -> None:
    term = office_on("Ban Ki-moon", "2010")
    assert term is not None and (term.country, term.sector, term.role) == (None, "IGO", "IGOUNO")
    assert "international body IGO" in term.why()


def test_actor_codes() -> None:
    hamas = actor_code("Hamas")
    assert hamas is not None and (hamas.code, hamas.sector, hamas.country) == ("PSEREBHMS", "REB", "PSE")
    nato = actor_code("North Atlantic Treaty Organization")
    assert nato is not None and (nato.code, nato.sector, nato.country) == ("IGOWSTNAT", "IGO", None)
    assert actor_code("the United Nations").sector == "IGO"  # type: ignore[union-attr]
    assert actor_code("Google").country == "USA"  # type: ignore[union-attr]
    assert actor_code("No Such Body") is None


def _with_rows(monkeypatch: pytest.MonkeyPatch, rows: list[dict[str, str]]) -> None:
    monkeypatch.setattr(actors, "read_table", lambda name: tuple(rows) if name == actors.OFFICES else ())
    actors.office_terms_by_key.cache_clear()


OK = {
    "name": "a b",
    "aliases": "",
    "country": "FRA",
    "sector": "GOV",
    "role": "GOV",
    "start": "",
    "end": "",
    "source": "",
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"sector": "XXX"}, "unknown sector 'XXX'"),
        ({"country": "QQQ"}, "unknown country 'QQQ'"),
        ({"start": "2001-02-30"}, "start '2001-02-30' is no YYYY-MM-DD date"),
        ({"start": "2005-01-01", "end": "2001-01-01"}, "ends 2001-01-01 before it starts"),
        ({"role": "gov"}, "is not CAMEO letters"),
    ],
)
def test_bad_rows_are_lexicon_errors(monkeypatch: pytest.MonkeyPatch, change: dict[str, str], message: str) -> None:
    _with_rows(monkeypatch, [{**OK, **change}])
    try:
        with pytest.raises(LexiconError, match=r"office_holders\.tsv: row 1 \(a b\)") as info:
            actors.office_terms_by_key()
        assert message in str(info.value)
    finally:
        actors.office_terms_by_key.cache_clear()


def test_historic_countries_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    _with_rows(monkeypatch, [{**OK, "country": "SUN"}])
    try:
        assert office_terms("A B")[0].country == "SUN"
    finally:
        actors.office_terms_by_key.cache_clear()


def test_office_record_for_pages_and_why() -> None:
    from newsgraph.lexicon.actors import office_record

    terms = office_record("Vladimir Putin", "2022-02-01", "2022-02-27")
    assert terms and all(t["why"].startswith("country from the office-holder table") for t in terms)
    assert any(t["country"] == "RUS" and t["during"] for t in terms)
    assert office_record("Nobody Atall") == []


def test_nationality_after_the_listed_terms() -> None:
    # Pelosi's rows end in 2011: in 2019 she holds no listed office but is still American
    assert office_on("Nancy Pelosi", "2019-01-03") is None
    assert nationality_on("Nancy Pelosi", "2019-01-03") == "USA"
    assert nationality_on("Nancy Pelosi", None) == "USA"


def test_no_nationality_before_the_first_term_or_for_a_shared_name() -> None:
    assert nationality_on("Nancy Pelosi", "1950") is None  # her first listed term starts in 1958
    assert nationality_on("Abdullah", "2019") is None
    assert nationality_on("Nobody Atall", "2019") is None


def test_office_holders_since_2017_are_read_beside_the_compiled_table() -> None:
    # heads of government the PETRARCH2 table (which ends about 2016) does not list
    term = office_on("Abiy Ahmed", "2021-06-01")
    assert term is not None and (term.country, term.sector) == ("ETH", "GOV")
    assert term.why() == "country from the office holders since 2017 (prime minister): ETH GOV, valid 2018-04-02 – open"
    assert nationality_on("Giuseppe Conte", "2026-03-01") == "ITA"  # out of office: still Italian
    assert office_on("Volodymyr Zelenskyy", "2023") is not None  # an alias
    # an international body's official has no country while in that office
    term = office_on("António Guterres", "2021-06-01")
    assert term is not None and term.country is None and term.sector == "IGO"


def test_recent_rows_are_checked_like_the_compiled_ones(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(
        actors, "read_table", lambda name: ({**OK, "country": "QQQ"},) if name == actors.RECENT_OFFICES else ()
    )
    actors.office_terms_by_key.cache_clear()
    try:
        with pytest.raises(LexiconError, match=r"office_holders_recent\.tsv: row 1 \(a b\): unknown country"):
            actors.office_terms_by_key()
    finally:
        actors.office_terms_by_key.cache_clear()


def test_the_heads_of_international_bodies_have_no_country_while_in_office() -> None:
    term = office_on("Kaja Kallas", "2025-06")
    assert term is not None and term.country is None  # the EU's foreign policy chief
    assert office_on("Kaja Kallas", "2022").country == "EST"  # type: ignore[union-attr]  # Estonia's prime minister
    assert office_on("Donald Trump", "2023") is None  # out of office between his terms
    assert nationality_on("Donald Trump", "2023") == "USA"
