"""Scoring of extraction records against gold annotations (OUTPUT.md "Scoring").

Every test builds a small synthetic gold file and a record from it: ``perfect``
turns any gold into the record a flawless extractor would produce, and each test
changes one thing in it.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.core.errors import GoldFormatError
from newsgraph.evaluate.gold import load_gold, validate_gold
from newsgraph.evaluate.score import TABLE_HEADER, CategoryScore, score
from tests.conftest import ROOT

GOLD_DIR = ROOT / "tests" / "gold"
Rec = dict[str, Any]

# fmt: off
GOLD: dict[str, Any] = {
    "segmentation": {
        "documents": 2,
        "main": {
            "title": "Floods close the port of Gdańsk", "body_starts_with": "Heavy rain closed the harbour",
            "body_ends_with": "reopen on Monday.", "must_not_contain": ["Read more", "Advertisement"],
            "sources": ["Reuters", "PAP"], "picture_caption": "The flooded quay", "picture_credit": "City hall",
        },
        "teasers": [{
            "title": "Ferry strike ends", "section": "Business", "occurrences_in_page": 2,
            "body_starts_with": "Ferry workers returned", "body_must_not_contain": ["Read more"],
        }],
    },
    "persons": [
        {"name": "Anna Kowalska", "aliases": ["Kowalska"], "country": "POL", "role_contains": "mayor"},
        {"name": "Jonas Berg", "country": "SWE", "role_contains": "minister", "organization": "Swedish government"},
    ],
    "not_persons": ["Baltic", "Port Authority"],
    "organizations": [
        {"name": "Port Authority of Gdańsk", "country": "POL", "aliases": ["Port Authority"]},
        {"name": "European Union", "country": None, "aliases": ["EU"]},
    ],
    "places": [{"name": "Gdańsk", "country": "POL"}, {"name": "Baltic Sea", "country": None}],
    "countries_mentioned": ["POL", "SWE", "DEU"],
    "events": [
        {"id": "E1", "type": "CONSULT", "mode": "phone", "actor_country": "POL", "target_country": "SWE",
         "date": "2024-03-02", "evidence": "Kowalska called the Swedish minister"},
        {"id": "E2", "type_any_of": ["REQUEST", "AID"], "actor_country": "POL", "evidence": "asked the EU for funds"},
        {"id": "E3", "type": "PROTEST", "target_country": None, "evidence": "dockers marched through the old town"},
    ],
    "not_events": [{"why": "negated", "evidence": "Sweden did not send pumps",
                    "forbidden": {"actor_country": "SWE", "type_any_of": ["AID"]}}],
    "events_optional": ["the port authority said"],
    "quotes": [
        {"speaker": "Anna Kowalska", "text_contains": "the water is still rising"},
        {"speaker": "port spokesman", "speaker_any_of": ["spokesman", "Port Authority"],
         "text_contains": "ships must wait"},
    ],
    "quotes_optional": ["within days"],
    "amounts": [
        {"value": 40, "unit": "percent", "evidence": "40% of the quay"},
        {"value": 2500000, "unit": "EUR", "about_contains": "funds", "evidence": "€2.5 million"},
        {"value": 300, "unit": "dockers", "approximate": True, "per": "day", "evidence": "About 300 dockers"},
    ],
    "stances": {"issue": "flood aid", "rows": [
        {"country": "POL", "position": "supports", "evidence": "Warsaw backed the plan"},
        {"country": "DEU", "position": "no official statement", "evidence": "Berlin has not commented"},
    ]},
}

# The segmentation section of the seed page's gold file (../shared/seed/gold.json), copied so
# that this test runs without ../shared.
SEED_SEGMENTATION: dict[str, Any] = {
    "documents": 3,
    "main": {
        "title": "Russia busy keeping Central Asian states in line as Ukraine crisis unfolds",
        "body_starts_with": "As the Russia-Ukraine conflict unfolds",
        "body_ends_with": "all the nations share with Russia.",
        "must_not_contain": ["Image removed.", "Related articles", "Editor's choice", "Popular", "Click the image"],
        "sources": ["CommonSpace.eu", "Eurasianet", "The Astana Times", "VOA News"],
        "picture_caption": "President Tokayev in meeting with Prime Minister Smailov",
        "picture_credit": "Akorda",
    },
    "teasers": [
        {"title": "Germany accuses Russia of cyberattacks and disinformation campaign", "section": "News",
         "occurrences_in_page": 2, "body_starts_with": "The German government holds Russia responsible",
         "body_must_not_contain": ["Click the image to read more"]},
        {"title": "NATO Chief says war is on Europe's doorstep, and warns against complacency", "section": "News",
         "occurrences_in_page": 1, "body_starts_with": "Russia could attack a NATO country within the next five years"},
    ],
}
# fmt: on


def _ev(sentence: str) -> dict[str, Any]:
    return {"doc": "d1", "sentence": sentence, "start": 0, "end": len(sentence)}


def _side(g: dict[str, Any], key: str) -> str | None:
    return g[key] if key in g else (g.get(f"{key}_any_of") or [None])[0]


def perfect(gold: dict[str, Any]) -> dict[str, Any]:
    """The record a flawless extractor would produce for ``gold``."""
    rec: dict[str, Any] = {"source": "test", "themes": [], "tone": {"positive": 0.0, "negative": 0.0, "polarity": 0.0}}
    seg = gold.get("segmentation")
    if seg:
        body = f"{seg['main']['body_starts_with']} and in the middle {seg['main']['body_ends_with']}"
        rec["documents"] = [{"id": "m", "role": "main", **seg["main"], "body": body}] + [
            {"id": f"t{n}", "role": "teaser", **t, "body": t["body_starts_with"] + " and more."}
            for n, t in enumerate(seg.get("teasers", []))
        ]
    for key in ("persons", "organizations", "places"):
        rec[key] = [
            {"name": g["name"], "aliases": g.get("aliases", []), "country": g.get("country"),
             "role": g.get("role_contains"), "organization": g.get("organization")}
            for g in gold.get(key, [])
        ]  # fmt: skip
    rec["countries_mentioned"] = list(gold.get("countries_mentioned", []))
    rec["events"] = [
        {"type": g.get("type") or g["type_any_of"][0], "mode": g.get("mode"), "date": g.get("date"),
         "actor_country": _side(g, "actor_country"), "target_country": _side(g, "target_country"),
         "negated": False, "hypothetical": False, "evidence": _ev(f"Yesterday {g['evidence']}.")}
        for g in gold.get("events", [])
    ]  # fmt: skip
    rec["quotes"] = [
        {"text": f"{q['text_contains']}, as you see", "speaker": q.get("speaker"), "evidence": _ev(q["text_contains"])}
        for q in gold.get("quotes", [])
    ]
    rec["amounts"] = [
        {"value": a["value"], "unit": a.get("unit"), "about": a.get("about_contains"), "per": a.get("per"),
         "approximate": a.get("approximate", False), "lower_bound": a.get("lower_bound", False),
         "evidence": _ev(f"It was {a['evidence']} in all.")}
        for a in gold.get("amounts", [])
    ]  # fmt: skip
    stances = gold.get("stances") or {}
    rows = stances.get("rows", []) if isinstance(stances, dict) else stances
    rec["stances"] = [{"country": r["country"], "position": r["position"], "issue": "x"} for r in rows]
    return rec


@pytest.fixture
def rec() -> Rec:
    return perfect(GOLD)


@pytest.mark.parametrize("gold", [GOLD])
def test_perfect_record_scores_one_everywhere(gold: Rec) -> None:
    report = score(perfect(gold), gold)
    assert list(report.categories) == [
        "segmentation", "persons", "organizations", "places", "countries_mentioned",
        "events", "quotes", "amounts", "stances",
    ]  # fmt: skip
    for name, cat in report.categories.items():
        assert (cat.precision, cat.recall, cat.f1, cat.fp, cat.fn) == (1.0, 1.0, 1.0, 0, 0), name
        assert all(v == 1.0 for v in cat.extra.values()), (name, cat.extra)
    assert report.categories["persons"].extra.keys() == {"country_accuracy", "role_accuracy", "organization_accuracy"}
    assert report.categories["amounts"].extra.keys() >= {"unit_accuracy", "approximate_accuracy", "per_accuracy"}
    assert report.not_events_violated == 0
    assert report.violations == [] and report.not_persons_reported == []


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_repository_gold_files_load_and_score_one_when_perfect(path: Path) -> None:
    gold = load_gold(path)
    report = score(perfect(gold), gold)
    assert all(cat.f1 == 1.0 for cat in report.categories.values()), report.details


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["gold.json"])
def test_seed_gold_loads_and_scores_one_when_perfect(seed_gold_path: Path, name: str) -> None:
    gold = load_gold(seed_gold_path.parent / name)
    report = score(perfect(gold), gold)
    assert {n: c.f1 for n, c in report.categories.items()} == dict.fromkeys(report.categories, 1.0)
    assert report.not_events_violated == 0


@pytest.mark.parametrize("keep", [["persons"], ["events", "not_events"], []])
def test_categories_missing_from_gold_are_left_out(rec: Rec, keep: list[str]) -> None:
    report = score(rec, {k: copy.deepcopy(GOLD[k]) for k in keep})
    assert list(report.categories) == [k for k in keep if k != "not_events"]


@pytest.mark.parametrize(
    "record",
    [
        {},
        None,
        [],
        "text",
        {"persons": None, "events": "oops", "quotes": [None, 3, "x"], "documents": [{}]},
        {"amounts": [{"value": "abc", "evidence": None}, {"value": True}], "stances": {"rows": [{}]}},
        {"events": [{"type": None, "evidence": {"sentence": None}}], "countries_mentioned": [None, 7, ""]},
    ],
)
def test_odd_records_do_not_crash_and_score_zero_recall(record: Any) -> None:
    report = score(record, GOLD)
    for name, cat in report.categories.items():
        assert cat.tp == 0 and cat.recall == 0.0, name


@pytest.mark.parametrize("country", ["DEU"])
def test_report_to_dict_and_table_rows(rec: Rec, country: str) -> None:
    rec["persons"][0]["country"] = country
    report = score(rec, GOLD)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["categories"]["persons"]["extra"]["country_accuracy"] == 0.5
    assert set(data) == {"categories", "not_events_violated", "violations", "not_persons_reported", "details"}
    rows = report.table_rows()
    assert [r[0] for r in rows] == list(report.categories)
    assert all(len(r) == len(TABLE_HEADER) for r in rows)
    assert "country_accuracy=0.50" in dict((r[0], r[-1]) for r in rows)["persons"]


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "expected"),
    [(0, 0, 0, (1.0, 1.0, 1.0)), (0, 2, 0, (0.0, 0.0, 0.0)), (0, 0, 2, (0.0, 0.0, 0.0)),
     (3, 1, 0, (0.75, 1.0, 6 / 7)), (1, 1, 3, (0.5, 0.25, 1 / 3))],
)  # fmt: skip
def test_category_score_rates(tp: int, fp: int, fn: int, expected: tuple[float, float, float]) -> None:
    cat = CategoryScore.from_counts(tp, fp, fn)
    assert (cat.precision, cat.recall, cat.f1) == pytest.approx(expected)


@pytest.mark.parametrize(("country", "accuracy"), [("DEU", 0.5), (None, 0.5), ("pol", 1.0)])
def test_wrong_person_country_lowers_country_accuracy_only(rec: Rec, country: str | None, accuracy: float) -> None:
    rec["persons"][0]["country"] = country
    cat = score(rec, GOLD).categories["persons"]
    assert cat.f1 == 1.0
    assert cat.extra["country_accuracy"] == accuracy


@pytest.mark.parametrize(
    ("name", "aliases"),
    [("Kowalska", []), ("A. Kowalska", ["Anna Kowalska"]), ("Mrs K.", ["kowalska"]), ("ANNA  KOWALSKA", [])],
)
def test_person_matches_by_name_or_alias_in_either_direction(rec: Rec, name: str, aliases: list[str]) -> None:
    rec["persons"][0].update(name=name, aliases=aliases)
    assert score(rec, GOLD).categories["persons"].tp == 2


@pytest.mark.parametrize("duplicate", ["Kowalska", "Anna Kowalska"])
def test_unresolved_duplicate_person_is_an_extra(rec: Rec, duplicate: str) -> None:
    rec["persons"].append({"name": duplicate, "country": "POL"})
    cat = score(rec, GOLD).categories["persons"]
    assert (cat.tp, cat.fp, cat.fn) == (2, 1, 0)


@pytest.mark.parametrize(("role", "ok"), [("Mayor of the city", True), ("deputy mayor", True), ("governor", False)])
def test_role_accuracy_uses_role_contains(rec: Rec, role: str, ok: bool) -> None:
    rec["persons"][0]["role"] = role
    report = score(rec, GOLD)
    assert report.categories["persons"].extra["role_accuracy"] == (1.0 if ok else 0.5)
    assert any("role of 'Anna Kowalska'" in d for d in report.details["persons"]) is not ok


@pytest.mark.parametrize(
    ("name", "reported"), [("Baltic", ["Baltic"]), ("Olaf", []), ("port  authority", ["Port Authority"])]
)
def test_not_persons_found_among_predicted_persons(rec: Rec, name: str, reported: list[str]) -> None:
    rec["persons"].append({"name": "Someone", "aliases": [name]})
    assert score(rec, GOLD).not_persons_reported == reported


@pytest.mark.parametrize(("country", "accuracy"), [(None, 1.0), ("BEL", 0.5)])
def test_organization_null_country_must_be_null(rec: Rec, country: str | None, accuracy: float) -> None:
    rec["organizations"][1].update(name="EU", aliases=[], country=country)
    cat = score(rec, GOLD).categories["organizations"]
    assert cat.tp == 2 and cat.extra["country_accuracy"] == accuracy


@pytest.mark.parametrize("name", ["Gdansk", "GDAŃSK", "Gdańsk\u00a0"])
def test_place_names_compare_without_accents_or_nbsp(rec: Rec, name: str) -> None:
    rec["places"][0]["name"] = name
    assert score(rec, GOLD).categories["places"].tp == 2


@pytest.mark.parametrize(("pred", "counts"), [(["POL", "SWE", "FRA"], (2, 1, 1)), (["pol", "swe", "deu"], (3, 0, 0))])
def test_countries_mentioned_is_a_set_comparison(rec: Rec, pred: list[str], counts: tuple[int, int, int]) -> None:
    rec["countries_mentioned"] = pred
    cat = score(rec, GOLD).categories["countries_mentioned"]
    assert (cat.tp, cat.fp, cat.fn) == counts


@pytest.mark.parametrize("sentence", ["The mayor visited the mine.", "Kowalska called the Swedish minister again."])
def test_extra_event_lowers_precision(rec: Rec, sentence: str) -> None:
    event = {"type": "CONSULT", "actor_country": "POL", "target_country": "SWE", "evidence": _ev(sentence)}
    rec["events"].append(event)
    report = score(rec, GOLD)
    cat = report.categories["events"]
    assert (cat.tp, cat.fp, cat.fn, cat.precision) == (3, 1, 0, 0.75)
    assert any(d.startswith("extra CONSULT POL→SWE") for d in report.details["events"])


@pytest.mark.parametrize("sentence", ["The Port Authority said the quay is closed.", "the port\u00a0authority SAID so"])
def test_optional_event_is_neutral(rec: Rec, sentence: str) -> None:
    rec["events"].append({"type": "DISAPPROVE", "actor_country": "POL", "evidence": _ev(sentence)})
    cat = score(rec, GOLD).categories["events"]
    assert (cat.tp, cat.fp, cat.fn) == (3, 0, 0)


@pytest.mark.parametrize(
    ("kind", "actor", "violated"), [("AID", "SWE", 1), ("aid", "swe", 1), ("CONSULT", "SWE", 0), ("AID", "POL", 0)]
)
def test_not_event_violation(rec: Rec, kind: str, actor: str, violated: int) -> None:
    sentence = "In the end Sweden did not send pumps to the city."
    rec["events"].append({"type": kind, "actor_country": actor, "evidence": _ev(sentence)})
    report = score(rec, GOLD)
    assert report.not_events_violated == len(report.violations) == violated
    assert report.categories["events"].fp == 1
    assert all(v.upper().startswith("NOT_EVENT 1 (NEGATED): AID SWE") for v in report.violations)


@pytest.mark.parametrize("flag", ["negated", "hypothetical"])
def test_flagged_event_is_ignored(rec: Rec, flag: str) -> None:
    sentence = "In the end Sweden did not send pumps to the city."
    rec["events"].append({"type": "AID", "actor_country": "SWE", flag: True, "evidence": _ev(sentence)})
    rec["events"][0][flag] = True  # a flagged copy of a gold event does not count either
    report = score(rec, GOLD)
    cat = report.categories["events"]
    assert (cat.tp, cat.fp, cat.fn) == (2, 0, 1)
    assert report.not_events_violated == 0


@pytest.mark.parametrize(("kind", "matched"), [("AID", True), ("REQUEST", True), ("request", True), ("ASSAULT", False)])
def test_event_type_any_of(rec: Rec, kind: str, matched: bool) -> None:
    rec["events"][1]["type"] = kind
    assert score(rec, GOLD).categories["events"].tp == (3 if matched else 2)


@pytest.mark.parametrize(
    ("key", "value", "matched"),
    [("actor_country", "DEU", False), ("actor_country", None, False), ("target_country", "DEU", False),
     ("target_country", None, False), ("target_country", "swe", True)],
)  # fmt: skip
def test_event_countries_must_equal_gold(rec: Rec, key: str, value: str | None, matched: bool) -> None:
    rec["events"][0][key] = value
    cat = score(rec, GOLD).categories["events"]
    assert (cat.tp, cat.fp, cat.fn) == ((3, 0, 0) if matched else (2, 1, 1))


@pytest.mark.parametrize(("target", "matched"), [(None, True), ("POL", False)])
def test_gold_null_country_requires_null(rec: Rec, target: str | None, matched: bool) -> None:
    rec["events"][2]["target_country"] = target
    rec["events"][2]["actor_country"] = "POL"  # E3 gives no actor_country: anything goes
    assert score(rec, GOLD).categories["events"].tp == (3 if matched else 2)


@pytest.mark.parametrize(("actor", "matched"), [("FRA", True), ("ITA", True), ("ESP", False), (None, False)])
def test_event_country_any_of(actor: str | None, matched: bool) -> None:
    gold = {"events": [{"type": "AGREE", "actor_country_any_of": ["FRA", "ITA"], "evidence": "they signed"}]}
    record = {"events": [{"type": "AGREE", "actor_country": actor, "evidence": _ev("Both they signed it.")}]}
    assert score(record, gold).categories["events"].tp == int(matched)


@pytest.mark.parametrize("order", [("AID", "REQUEST"), ("REQUEST", "AID")])
def test_events_use_the_best_one_to_one_assignment(order: tuple[str, str]) -> None:
    # The first gold event accepts both predictions, the second only AID: a greedy
    # matching in gold order could give AID to the first and leave the second unmatched.
    evidence = "asked the EU for aid"
    kinds: list[Rec] = [{"type_any_of": ["REQUEST", "AID"]}, {"type": "AID"}]
    gold = {"events": [{**kind, "evidence": evidence} for kind in kinds]}
    record = {"events": [{"type": t, "evidence": _ev(f"The town {evidence} and got it.")} for t in order]}
    cat = score(record, gold).categories["events"]
    assert (cat.tp, cat.fp, cat.fn) == (2, 0, 0)


@pytest.mark.parametrize(
    "sentence",
    [
        "On Saturday\u00a0Kowalska called the Swedish minister.",
        "\u201cKOWALSKA called the Swedish minister,\u201d he wrote.",
        "Kowalská called the  Swedish\tminister",
    ],
)
def test_event_evidence_normalises_case_accents_nbsp_quotes(rec: Rec, sentence: str) -> None:
    rec["events"][0]["evidence"] = _ev(sentence)
    assert score(rec, GOLD).categories["events"].tp == 3


@pytest.mark.parametrize("sentence", ["Kowalska called the Swedish ministers.", "Kowalska called a Swedish minister."])
def test_event_evidence_is_matched_on_whole_words(rec: Rec, sentence: str) -> None:
    rec["events"][0]["evidence"] = _ev(sentence)
    assert score(rec, GOLD).categories["events"].tp == 2


@pytest.mark.parametrize(("mode", "date"), [("visit", "2024-03-02"), ("phone", "2024-03")])
def test_event_mode_and_date_are_attribute_accuracies(rec: Rec, mode: str, date: str) -> None:
    rec["events"][0].update(mode=mode, date=date)
    cat = score(rec, GOLD).categories["events"]
    assert cat.tp == 3
    assert cat.extra["mode_accuracy"] + cat.extra["date_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("index", "speaker", "matched"),
    [(0, "Kowalska", True), (0, "Mayor Anna Kowalska", True), (0, "kowalská", True), (0, "Anna", True),
     (0, "Jonas Berg", False), (0, None, False), (1, "the spokesman", True), (1, "Port Authority of Gdańsk", True),
     (1, "Kowalska", False)],
)  # fmt: skip
def test_quote_speaker_matching(rec: Rec, index: int, speaker: str | None, matched: bool) -> None:
    rec["quotes"][index]["speaker"] = speaker
    report = score(rec, GOLD)
    assert report.categories["quotes"].tp == (2 if matched else 1)
    assert any("text found" in d for d in report.details["quotes"]) is not matched


@pytest.mark.parametrize(("text", "fp"), [("Help will come within days", 0), ("within days", 0), ("We are tired", 1)])
def test_optional_quote_is_neutral_other_extras_count(rec: Rec, text: str, fp: int) -> None:
    rec["quotes"].append({"text": text, "speaker": "Jonas Berg", "evidence": _ev(text)})
    cat = score(rec, GOLD).categories["quotes"]
    assert (cat.tp, cat.fp) == (2, fp)


@pytest.mark.parametrize("text", ["\u201cThe water is still rising\u201d", "the water is\u00a0still rising, fast"])
def test_quote_text_normalised(rec: Rec, text: str) -> None:
    rec["quotes"][0]["text"] = text
    assert score(rec, GOLD).categories["quotes"].tp == 2


@pytest.mark.parametrize("merged", ["the water is still rising and ships must wait"])
def test_one_quote_credits_one_gold_quote(merged: str) -> None:
    parts = ("the water is still rising", "ships must wait")
    gold = {"quotes": [{"speaker": "Ann Lee", "text_contains": t} for t in parts]}
    cat = score({"quotes": [{"text": merged, "speaker": "Lee"}]}, gold).categories["quotes"]
    assert (cat.tp, cat.fp, cat.fn) == (1, 0, 1)


@pytest.mark.parametrize(
    ("value", "matched"), [(2_510_000, True), (2_475_000, True), (2_600_000, False), ("2500000", True)]
)
def test_amount_value_within_one_percent(rec: Rec, value: Any, matched: bool) -> None:
    rec["amounts"][1]["value"] = value
    assert score(rec, GOLD).categories["amounts"].tp == (3 if matched else 2)


@pytest.mark.parametrize(
    ("sentence", "matched"),
    [("A sum of €2.5\u00a0million was paid.", True), ("Costs reached €12.5 million.", False), ("", False)],
)
def test_amount_evidence_must_be_contained(rec: Rec, sentence: str, matched: bool) -> None:
    rec["amounts"][1]["evidence"] = _ev(sentence)
    assert score(rec, GOLD).categories["amounts"].tp == (3 if matched else 2)


@pytest.mark.parametrize(
    ("index", "changes", "attribute", "accuracy"),
    [(0, {"unit": "%"}, "unit_accuracy", 1.0), (2, {"unit": "docker"}, "unit_accuracy", 1.0),
     (2, {"unit": "people"}, "unit_accuracy", 2 / 3), (2, {"approximate": False}, "approximate_accuracy", 0.0),
     (2, {"per": None}, "per_accuracy", 0.0), (1, {"about": "money"}, "about_accuracy", 0.0)],
)  # fmt: skip
def test_amount_attribute_accuracies(rec: Rec, index: int, changes: Rec, attribute: str, accuracy: float) -> None:
    rec["amounts"][index].update(changes)
    cat = score(rec, GOLD).categories["amounts"]
    assert cat.tp == 3
    assert cat.extra[attribute] == pytest.approx(accuracy)


@pytest.mark.parametrize(
    ("rows", "counts"),
    [([("POL", "supports"), ("DEU", "No official statement")], (2, 0, 0)),
     ([("POL", "opposes"), ("DEU", "no official statement")], (1, 1, 1)),
     ([("POL", "supports"), ("POL", "supports"), ("DEU", "no official statement")], (2, 1, 0)),
     ([], (0, 0, 2))],
)  # fmt: skip
def test_stances_country_and_position(rec: Rec, rows: list[tuple[str, str]], counts: tuple) -> None:
    rec["stances"] = [{"country": c, "position": p} for c, p in rows]
    cat = score(rec, GOLD).categories["stances"]
    assert (cat.tp, cat.fp, cat.fn) == counts


@pytest.mark.parametrize("shape", ["list"])
def test_stances_gold_may_be_a_plain_list(rec: Rec, shape: str) -> None:
    assert score(rec, {"stances": GOLD["stances"]["rows"]}).categories["stances"].f1 == 1.0


def _seed_like_record() -> dict[str, Any]:
    """A near-perfect segmentation of the seed page, written out by hand."""
    main_body = (
        "As the Russia-Ukraine conflict unfolds, the Kremlin is busy.\n\nPopularity aside, the ties are close."
        "\n\nGiven the close ties all the nations\u00a0share with Russia."
    )
    return {"documents": [
        {"id": "main", "role": "main", "title": SEED_SEGMENTATION["main"]["title"], "body": main_body,
         "sources": ["CommonSpace.eu", "Eurasianet (New York)", "The Astana Times (Nur-Sultan)", "VOA News"],
         "picture_caption": "President Tokayev in meeting with Prime Minister Smailov", "picture_credit": "Akorda"},
        {"id": "t1", "role": "teaser", "section": "News", "occurrences_in_page": 2,
         "title": "Germany accuses Russia of cyberattacks and disinformation campaign",
         "body": "The German government holds Russia responsible for a cyberattack."},
        {"id": "t2", "role": "teaser", "section": "News", "occurrences_in_page": 1,
         "title": "NATO Chief says war is on Europe\u2019s doorstep, and warns against complacency",
         "body": "Russia could attack a NATO country within the next five years, Rutte said."},
    ]}  # fmt: skip


@pytest.mark.parametrize("name", ["seed"])
def test_segmentation_of_a_seed_like_record(name: str) -> None:
    report = score(_seed_like_record(), {"segmentation": SEED_SEGMENTATION})
    cat = report.categories["segmentation"]
    assert cat.fn == 0, report.details["segmentation"]
    # count; main: title, caption, credit, start, end, 5 forbidden snippets, 4 sources;
    # teaser 1: title, section, start, 1 forbidden snippet, occurrences; teaser 2: the same less the snippet
    assert cat.tp == 1 + (5 + 5 + 4) + 5 + 4
    assert cat.precision == cat.recall == cat.f1 == 1.0


@pytest.mark.parametrize(
    ("change", "failed"),
    [
        (lambda r: r["documents"][1].update(occurrences_in_page=1), "teaser 1.occurrences"),
        (lambda r: r["documents"][0].update(body=r["documents"][0]["body"] + "\nRelated articles"), "Related articles"),
        (lambda r: r["documents"][0].update(title="Image removed. Russia busy"), "main.title"),
        (lambda r: r["documents"][0].update(sources=["CommonSpace.eu with Eurasianet", "VOA News"]), "Eurasianet"),
        (lambda r: r["documents"][2].update(section="Opinion"), "teaser 2.section"),
        (lambda r: r["documents"].append({"id": "x", "role": "teaser", "title": "Popular"}), "documents"),
        (lambda r: r["documents"].pop(0), "(no such document)"),
    ],
)
def test_segmentation_failures_are_named(change: Any, failed: str) -> None:
    record = _seed_like_record()
    change(record)
    report = score(record, {"segmentation": SEED_SEGMENTATION})
    cat = report.categories["segmentation"]
    assert cat.fn >= 1 and cat.fp == cat.fn and cat.precision == cat.recall
    assert any(failed in d for d in report.details["segmentation"]), report.details["segmentation"]


@pytest.mark.parametrize("copies_in_occurrences", [1, 2])
def test_segmentation_counts_duplicate_documents_as_occurrences(copies_in_occurrences: int) -> None:
    record = _seed_like_record()
    record["documents"][1]["occurrences_in_page"] = copies_in_occurrences
    record["documents"].append({**record["documents"][1], "id": "t1b", "duplicate_of": "t1"})
    cat = score(record, {"segmentation": SEED_SEGMENTATION}).categories["segmentation"]
    assert cat.fn == 0


@pytest.mark.parametrize("name", ["gold.json"])
def test_load_gold_reads_a_valid_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    assert load_gold(path) == GOLD
    assert load_gold(str(path)) == GOLD


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "cannot read gold file"),
        ("{not json", "not valid JSON (line 1"),
        ("[]", "must be a JSON object"),
        ('{"persons": {"name": "x"}}', "persons: must be a list"),
        ('{"persons": ["Anna"]}', "persons[0]: must be an object"),
        ('{"persons": [{"country": "POL"}]}', "persons[0]: missing 'name'"),
        ('{"persons": [{"name": "A", "aliases": "B"}]}', "'aliases' must be a list of non-empty strings"),
        ('{"events": [{"type": "AID"}]}', "events[0]: missing 'evidence'"),
        ('{"events": [{"evidence": "x y"}]}', "needs 'type' or a non-empty 'type_any_of'"),
        ('{"events": [{"type": "AID", "evidence": " \\" "}]}', "'evidence' must be a string with letters or digits"),
        ('{"events": [{"type": "A", "evidence": "x", "actor_country": 5}]}', "'actor_country' must be a string or"),
        ('{"not_events": [{"evidence": "x", "forbidden": {"type_any_of": "AID"}}]}', "not_events[0].forbidden"),
        ('{"amounts": [{"value": "12", "evidence": "12 cats"}]}', "'value' must be a finite number"),
        ('{"amounts": [{"value": true, "evidence": "12 cats"}]}', "'value' must be a finite number"),
        ('{"quotes": [{"speaker": "A"}]}', "quotes[0]: missing 'text_contains'"),
        ('{"stances": {"rows": [{"country": "POL"}]}}', "stances.rows[0]: missing 'position'"),
        ('{"stances": "supports"}', "stances.rows: must be a list"),
        ('{"segmentation": {"documents": -1}}', "'documents' must be a count"),
        ('{"segmentation": {"teasers": [{"occurrences_in_page": "2"}]}}', "segmentation.teasers[0]"),
        ('{"segmentation": {"main": {"sources": "Reuters"}}}', "segmentation.main: 'sources'"),
        ('{"countries_mentioned": ["POL", null]}', "'countries_mentioned' must be a list"),
    ],
)
def test_load_gold_says_what_is_wrong(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(GoldFormatError) as err:
        load_gold(path)
    assert message in str(err.value)
    assert str(path) in str(err.value)
    assert err.value.code == "X002"


@pytest.mark.parametrize("gold", [{"events": [{"type": "AID"}]}, ["not", "a", "dict"]])
def test_score_validates_the_gold(gold: Any) -> None:
    with pytest.raises(GoldFormatError):
        score({}, gold)


@pytest.mark.parametrize("extra_keys", [{"about": "notes", "source": {"file": "x"}, "assumed_published": "2020-01-01"}])
def test_unknown_gold_keys_are_allowed(extra_keys: Rec) -> None:
    assert validate_gold({**copy.deepcopy(GOLD), **extra_keys})["about"] == "notes"
