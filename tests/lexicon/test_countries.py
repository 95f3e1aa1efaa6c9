from __future__ import annotations

import pytest

from newsgraph.lexicon.countries import capital_country, countries, country_code, country_name


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Kazakhstan", "KAZ"),
        ("Kazakh", "KAZ"),
        ("Tajik", "TJK"),
        ("Uzbek", "UZB"),
        ("Kyrgyz", "KGZ"),
        ("Turkmen", "TKM"),
        ("Russian", "RUS"),
        ("German", "DEU"),
        ("Germans", "DEU"),
        ("British", "GBR"),
        ("American", "USA"),
        ("the UK", "GBR"),
        ("U.S.", "USA"),
        ("Kazakhstan’s", "KAZ"),
        ("Tenge", None),
        ("Kremlin", None),
        ("Samoan", "WSM"),
        ("Puerto Rican", "PRI"),
        ("Dominican", "DOM"),
        # "Congo" alone is the Democratic Republic, as the agencies write it; Brazzaville's is named in full
        ("Congo", "COD"),
        ("Congolese", "COD"),
        ("Republic of Congo", "COG"),
        ("Togolese", "TGO"),
        ("Gabonese", "GAB"),
        ("Trinidad", "TTO"),  # the island for the country, as the agencies write it
        ("Antigua", "ATG"),  # so too the dateline's "ST. JOHN'S, Antigua (AP) -"
        ("", None),
    ],
)
def test_names_and_demonyms(text: str, code: str | None) -> None:
    assert country_code(text) == code


@pytest.mark.parametrize(
    ("city", "code"),
    [
        ("Moscow", "RUS"),
        ("Kyiv", "UKR"),
        ("Nur-Sultan", "KAZ"),
        ("Springfield", None),
        # filled from GeoNames where the capital is the largest city of its name; not where it is not
        ("Athens", "GRC"),
        ("Apia", "WSM"),
        ("Bogotá", "COL"),
        ("Hamilton", None),
        ("Victoria", None),
        ("Male", None),
    ],
)
def test_capitals(city: str, code: str | None) -> None:
    assert capital_country(city) == code


def test_every_iso_country_is_in_the_table() -> None:
    import pycountry

    table = countries()
    assert all(c.alpha_3 in table for c in pycountry.countries)
    assert country_name("DEU") == "Germany"
