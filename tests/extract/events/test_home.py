"""The story's countries from its mention counts; a name of several words counts once."""

from __future__ import annotations

from newsgraph.extract.events.home import Home, home_countries, inside_name


def test_a_long_name_counts_once_at_its_last_word(parse) -> None:
    doc = parse("The United Arab Emirates and Saudi Arabia hosted the talks with Kenya Defence Forces officers.")
    from newsgraph.extract.syntax import token_country

    counted = [t.text for t in doc if (code := token_country(t)) and not inside_name(t, code)]
    assert counted.count("Emirates") == 1 and "United" not in counted and "The" not in counted
    assert "Arabia" in counted and "Saudi" not in counted
    assert "Kenya" in counted  # the country inside an organisation's name is a mention of its own


def test_home_countries() -> None:
    assert home_countries({}) == Home()
    assert home_countries({"KEN": 2}) == Home("KEN", True, "KEN", None)
    assert home_countries({"KEN": 1}) == Home("KEN", False, None, None)
    assert home_countries({"SDN": 6, "SAU": 3}) == Home("SDN", True, "SDN", ("SDN", "SAU"))
    # a lead of less than twice the runner-up names no story country; a tie leads nowhere
    assert home_countries({"SDN": 5, "SAU": 3, "USA": 1}).dominant is None
    assert home_countries({"SDN": 3, "SAU": 3}).leading is None
    assert home_countries({"SDN": 3, "SAU": 2, "USA": 2}).pair is None


def test_the_government_of_a_story_between_two_countries_is_the_one_it_was_filed_from(parse) -> None:
    from newsgraph.extract.events.coder import extract_events
    from newsgraph.extract.events.home import filed_from

    doc = parse(
        "BAGHDAD, June 3 - Iraq summoned Turkey's ambassador on Wednesday. Turkey rejected the accusation. "
        "Turkey said Iraq wasted water. The government also sent 60 tanker trucks of drinking water to Basra."
    )
    assert filed_from(doc, ("IRQ", "TUR")) == "IRQ"
    assert filed_from(doc, ("TUR", "SYR")) is None  # a dateline of neither side says nothing
    assert filed_from(doc, None) is None
    aid = [e for e in extract_events(doc, "d") if e.type == "AID"]
    assert [e.actor_country for e in aid] == ["IRQ"]
