"""The issue of a document's stances: a named thing, one label however it is written."""

from __future__ import annotations

from newsgraph.extract.stance_issue import UNSPECIFIED, asked_for, issue_label, qualified
from newsgraph.extract.stances import extract_stances


def test_a_thing_named_by_its_countries_has_one_form(parse) -> None:
    one = issue_label(parse("Greece rejected the Turkish-Libyan maritime border agreement."))
    other = issue_label(parse("Egypt criticised the maritime border agreement of Libya and Turkey."))
    assert one == other == "maritime border agreement (Libya, Turkey)"


def test_words_stay_apart_when_a_country_between_them_is_left_out(parse) -> None:
    assert issue_label(parse("Chile hailed the end of the Arab–Israeli conflict.")) == "Arab conflict (Israel)"


def test_a_proper_name_stays_as_written(parse) -> None:
    text = "Ghana welcomed the Example Free Trade Area agreement. The agreement enters into force in May."
    assert issue_label(parse(text)) == "Example Free Trade Area agreement"


def test_a_generic_word_gets_the_story_s_countries(parse) -> None:
    text = "Britain asked the United States for help. The agreement between the two was signed in 1995."
    assert issue_label(parse(text)) == "agreement (United Kingdom, United States)"


def test_a_story_without_a_country_names_its_most_named_entity(parse) -> None:
    text = "The Example Union began a strike on Monday. The Example Union said the strike would go on."
    assert issue_label(parse(text)) == "strike (Example Union)"


def test_no_issue(parse) -> None:
    assert issue_label(parse("Nothing happened today.")) == UNSPECIFIED


def test_qualified() -> None:
    assert qualified("agreement", ["USA", "GBR", "USA"]) == "agreement (United Kingdom, United States)"
    assert qualified("agreement", []) == "agreement"


def test_three_stories_are_three_issues_none_a_single_word(parse) -> None:
    """A maritime deal, a free-trade area and a diplomat's immunity never share an "agreement" column."""
    texts = [
        "On Monday, Turkey and Libya signed a maritime border agreement. Greece condemned the agreement.",
        "On Sunday, Nigeria and Benin signed the African Continental Free Trade Area agreement.",
        "On Monday, the British government asked the United States to waive the diplomatic immunity of a "
        "diplomat's wife. The embassy declined the request under a 1995 agreement.",
    ]
    issues = [{s.issue for s in extract_stances(parse(t), "d1")} for t in texts]
    labels = set().union(*issues)
    assert all(len(i) == 1 for i in issues) and len(labels) == 3
    assert all(len(label.split()) > 1 for label in labels)


def test_the_most_talked_about_named_issue_wins_and_positions_on_another_do_not_count(parse) -> None:
    text = (
        "The Example gas pipeline will carry gas from Israel to Europe. The Italian government backed the pipeline. "
        "The pipeline will cost six billion euros. Greece also rejected the Turkish-Libyan border agreement."
    )
    assert issue_label(parse(text)) == "Example gas pipeline"
    assert [(s.country, s.position) for s in extract_stances(parse(text), "d1")] == [("ITA", "supports")]


def test_label_countries() -> None:
    from newsgraph.extract.stance_issue import label_countries

    assert label_countries("30 percent tariff (Argentina)") == {"ARG"}
    assert label_countries("maritime border agreement (Libya, Turkey)") == {"LBY", "TUR"}
    assert label_countries("Example Free Trade Area (EFTA) agreement") == set()
    assert label_countries(None) == set()


def test_acts_of_a_state_on_a_person_or_a_trade_are_issues(parse) -> None:
    text = "Police arrested the opposition leader Dana Okafor on Tuesday. Australia criticised the arrest."
    assert issue_label(parse(text)).startswith("arrest")
    assert issue_label(parse("The tariff on Chilean wine took effect on Monday.")).startswith("tariff")


def test_claims_launches_levies_and_closures_are_issues(parse) -> None:
    text = "Freedonia said the claims were false. Sylvania repeated its claims on Monday."
    assert issue_label(parse(text)).startswith("claims")
    assert issue_label(parse("North Korea's missile launch drew condemnation.")).startswith("missile launch")
    assert issue_label(parse("The carbon levy takes effect in January.")).startswith("carbon levy")
    assert issue_label(parse("The closure of the border crossing angered traders.")).startswith("closure")


def test_a_word_inside_a_name_is_no_issue(parse) -> None:
    assert issue_label(parse("The Natural Law Party of Michigan nominated the pair on Friday.")) == UNSPECIFIED


def test_no_possessive_is_left_at_the_start_of_a_label(parse) -> None:
    text = "The Parliament of Iraq voted on a resolution on Sunday. Iraq's resolution was welcomed in Tehran."
    assert not issue_label(parse(text)).startswith("'s")


def test_a_phrase_with_a_country_or_a_name_is_an_issue_of_its_own(parse) -> None:
    from newsgraph.extract.stance_issue import names_other

    doc = parse("Greece rejected the Turkish-Libyan border agreement and welcomed the ceasefire.")
    objects = {t.text: t for t in doc if t.dep_ in ("dobj", "conj") and t.pos_ == "NOUN"}
    assert names_other(objects["agreement"])
    assert not names_other(objects["ceasefire"])


def test_an_undoing_asked_for_is_not_the_issue(parse) -> None:
    label = issue_label(
        parse(
            "The detention of three Latvian truck drivers angered Riga. Latvia demanded the release of "
            "Janis Ozols and called for the immediate release of the drivers."
        )
    )
    assert "release" not in label and "detention" in label


def test_asked_for(parse) -> None:
    doc = parse("Chile called for the withdrawal of the troops and urged a ceasefire.")
    by_word = {t.lower_: t for t in doc}
    assert asked_for(by_word["withdrawal"])
    assert not asked_for(by_word["ceasefire"])  # a truce asked for may be the story's issue


def test_people_named_by_their_work_are_no_issue(parse) -> None:
    text = "Rebels in Mali detained four aid workers on Monday. France condemned the detention of the aid workers."
    assert "aid" not in issue_label(parse(text))


def test_a_decision_announced_is_not_the_matter_decided(parse) -> None:
    text = (
        "The leaders of Brazil and South Africa agreed on Thursday to invite six more countries to join the group. "
        "South African President Cyril Ramaphosa announced the decision at the end of the summit."
    )
    assert not issue_label(parse(text)).startswith("decision")
