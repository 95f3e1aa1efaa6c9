"""Who speaks for a country: offices whose words are a government's stance, and voices that are not."""

from __future__ import annotations

import pytest

from newsgraph.core.model import Organization, Person
from newsgraph.extract.stance_office import national_office, speaks_for_country


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("Foreign Minister", True),
        ("Prime Minister of Freedonia", True),
        ("a spokesman for the president", True),
        ("State Department spokesperson", True),
        ("Chairman of the Federation Council", True),  # a parliament's chair speaks for it as a body
        ("Ohio Governor", False),
        ("the mayor of Springfield", False),
        ("former President", False),
        ("opposition leader", False),
        ("Senator", False),
        ("chairman of the board", False),
        ("national security adviser", False),
        # a title set apart from the name after it by a comma is still the title
        ("Freedonia's chief cabinet secretary, Ana Torres", True),
        ("Freedonia's Justice Minister, Ana Torres", True),
        ("former Justice Minister, Ana Torres", False),
        ("", None),
        ("farmer", None),
    ],
)
def test_national_office(role: str, expected: bool | None) -> None:
    assert national_office(role) is expected


class _Resolver:
    def resolve(self, text: str) -> Person | Organization | None:
        if "Doe" in text:
            return Person(name="Jane Doe", role="Interior Minister", country="CHL")
        if "Roe" in text:
            return Person(name="John Roe", country="CHL")  # no office in the text
        if "Party" in text:
            return Organization(name="Example Party", country="CHL")
        return None


@pytest.mark.parametrize(
    ("text", "name", "sector", "person", "expected"),
    [
        ("the Chilean government", None, "GOV", False, True),
        ("the parliament", None, "LEG", False, True),
        ("Chile", "Chile", None, False, True),
        ("the Example Party", "Example Party", "OPP", False, False),
        # a person: the office in the phrase, else the role the document gives them elsewhere
        ("Chilean President Ana Torres", "Ana Torres", "GOV", True, True),
        ("Doe", "Jane Doe", None, True, True),
        ("Roe", "John Roe", None, True, False),
        ("the governor of Texas", None, "GOV", False, False),
        ("former president Roe", "John Roe", "GOV", True, False),
        # a body named by the title of whom it serves is a body, not that office's holder
        ("U.S. Justice Department", "U.S. Justice Department", "GOV", False, True),
        ("Kyrgyz Prosecutor General's Office", "Kyrgyz Prosecutor General's Office", "GOV", False, True),
        # a consulate-general is a body, not a general ("the United States Consulate General in Lagos said")
        ("United States Consulate General", "United States Consulate General", "MIL", False, True),
        ("Chilean Consulate-General", "Chilean Consulate-General", "MIL", False, True),
        # an office of a body that is no state's: a union, a party, an armed group
        ("FNSEA president Arnaud Rousseau", "Arnaud Rousseau", "GOV", True, False),
        ("Hamas spokesman Hazem Qassem", "Hazem Qassem", "GOV", True, False),
        ("Mohammed Abdulsalam, the Houthis' chief negotiator", "Mohammed Abdulsalam", "GOV", True, False),
        ("Farmers Union president Jane Roe", "Jane Roe", "GOV", True, False),
        # an office of the state's own bodies, or of a country named before it
        ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov", "GOV", True, True),
        ("Chinese Foreign Ministry spokesperson Mao Ning", "Mao Ning", "GOV", True, True),
        # a title and the name in apposition after it
        ("Freedonia's chief cabinet secretary, Ana Torres", "Ana Torres", "GOV", True, True),
        ("the junta's spokesman, Colonel Ana Torres", "Ana Torres", "GOV", True, True),
        ("Hamas spokesman, Hazem Qassem", "Hazem Qassem", "GOV", True, False),
    ],
)
def test_speaks_for_country(text: str, name: str | None, sector: str | None, person: bool, expected: bool) -> None:
    assert speaks_for_country(text, name, sector, _Resolver(), person=person) is expected
