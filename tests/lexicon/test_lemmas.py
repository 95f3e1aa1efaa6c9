"""Lemma corrections: the table loads, and the parse applies it."""

from __future__ import annotations

from newsgraph.lexicon.lemmas import lemma_fixes


def test_table_loads() -> None:
    fixes = lemma_fixes()
    assert fixes[("raped", "VERB")] == "rape"
    assert all(form == form.lower() for form, _ in fixes)


def test_parse_applies_the_fixes() -> None:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    doc = parse_one("The officer raped a tourist, and the court is sentencing him.")
    assert {t.text: t.lemma_ for t in doc}["raped"] == "rape"
    assert {t.text: t.lemma_ for t in doc}["sentencing"] == "sentence"


def test_event_verbs_the_model_lemmatizes_wrong() -> None:
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    doc = parse_one("Rebels waged war, the minister was fined, and students staged a sit-down protest.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["waged"], lemmas["fined"], lemmas["staged"]) == ("wage", "fine", "stage")


def test_cue_verbs_the_model_lemmatizes_wrong() -> None:
    from newsgraph.extract.events.coder import extract_events
    from newsgraph.ingest.nlp import load_nlp, parse_one

    load_nlp()
    doc = parse_one("He said the rebels had hoped to suspend the constitution, and the army hopes to win.")
    assert [t.lemma_ for t in doc if t.lower_.startswith("hop")] == ["hope", "hope"]
    # a hope is no deed: the suspension it hoped for is hypothetical
    suspensions = [e for e in extract_events(doc, "d1") if e.type == "SANCTION"]
    assert suspensions and all(e.hypothetical for e in suspensions)
