"""Response schemas (newsgraph.api.schemas): fact rows described from their table's columns."""

from __future__ import annotations

import pytest

from newsgraph.api.schemas import AmountPublic, DatePublic, EventPublic, QuotePublic, Span, fact_row_fields
from newsgraph.store.schema import events, quotes


@pytest.mark.parametrize("model", [QuotePublic, AmountPublic, EventPublic, DatePublic])
def test_fact_rows_carry_their_evidence_first(model) -> None:
    assert list(model.model_fields)[:3] == list(Span.model_fields)


def test_a_row_field_follows_its_column() -> None:
    fields = fact_row_fields(events)
    assert list(fields)[:4] == ["id", "document_id", "type", "mode"]
    assert fields["type"] == (str, ...) and fields["negated"] == (bool, False)
    assert fields["intensity"] == (float | None, None) and fields["trigger"] == (str | None, None)
    assert "sentence" not in fields and "document_id" not in fact_row_fields(quotes, exclude=("document_id",))


def test_listed_events_validate_a_stored_row() -> None:
    row = {"sentence": "s", "start": 0, "end": 1, "id": 3, "document_id": "d", "type": "CONSULT", "title": "T"}
    event = EventPublic.model_validate(row)
    assert (event.negated, event.trigger, event.when) == (False, None, None)
    assert list(EventPublic.model_fields)[-2:] == ["title", "when"]
