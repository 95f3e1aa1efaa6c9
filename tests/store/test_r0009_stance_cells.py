"""Revision 0009 and newsgraph.store.stance_cells: a database at revision 0008, with its stances, gets
``stances.stated`` and ``stance_cells`` filled (the board reads the same cells from them); the cells stay
equal to a recount when a cell's winner is taken away or comes back; the revision goes back and forth;
SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, select, text

from newsgraph.analysis.stances import board, replay_points
from newsgraph.store import stance_cells, summaries
from newsgraph.store.db import Store
from newsgraph.store.migrations import _config, current_revision, head_revision, upgrade_database
from newsgraph.store.schema import stances
from newsgraph.store.summaries import counted_documents

DOC = (
    "INSERT INTO documents (id, role, title, body, sources, content_hash, created_at, published) "
    "VALUES ('{id}', 'main', 'T {id}', 'Body', '[]', 'h{id}', CURRENT_TIMESTAMP, {published})"
)
STANCE = (
    'INSERT INTO stances (document_id, country, issue, position, date, sentence, start, "end") '
    "VALUES ('{doc}', '{country}', 'the port deal', '{position}', {date}, 's', 0, 4)"
)
ROWS = (
    DOC.format(id="d1", published="'2021-05-04'"),
    DOC.format(id="d2", published="'2021-05-09'"),
    DOC.format(id="d3", published="NULL"),
    STANCE.format(doc="d1", country="PER", position="supports", date="NULL"),
    STANCE.format(doc="d2", country="PER", position="opposes", date="NULL"),
    STANCE.format(doc="d3", country="PER", position="neutral", date="NULL"),  # undated: the oldest
    STANCE.format(doc="d3", country="CHL", position="neutral", date="'2021-01-02'"),
)


def cells(url: str) -> tuple[dict, dict]:
    with Store(url) as store, store.connect() as conn:
        return stance_cells.stored(conn), stance_cells.recount(conn, select(counted_documents().subquery().c[0]))


def test_a_database_at_revision_0008_gets_its_stance_cells(any_db_url: str) -> None:
    engine = create_engine(any_db_url)
    upgrade_database(engine, "0008")
    with engine.begin() as conn:
        for statement in ROWS:
            conn.execute(text(statement))
        # the documents counted, as revision 0008's ingest left them (its code kept no stance cells)
        conn.execute(text("INSERT INTO summary_documents (document_id, day, role) SELECT id, '', role FROM documents"))
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            q = select(stances.c.document_id, stances.c.stated).where(stances.c.country == "PER")
            stated = {doc: when for doc, when in conn.execute(q)}
            assert stated == {"d1": "2021-05-04", "d2": "2021-05-09", "d3": None}
            latest = {c.country: (c.position, c.statements) for c in board(conn, history=False)}
            assert latest == {"PER": ("opposes", 3), "CHL": ("neutral", 1)}
            assert replay_points(conn, last=2)[("PER", "the port deal")] == [
                ("2021-05-04", "supports"),
                ("2021-05-09", "opposes"),
            ]
            names = {i["name"] for i in inspect(conn).get_indexes("stances")}
    assert "ix_stances_cell_stated" in names
    have, want = cells(any_db_url)
    assert have == want and have[("PER", "the port deal")][0] == 3


def test_the_winner_taken_away_gives_the_cell_to_the_next(any_db_url: str) -> None:
    with Store(any_db_url) as store:
        with store.engine.begin() as conn:
            for statement in ROWS:
                conn.execute(text(statement))
            summaries.add(conn, ["d1", "d2", "d3"])
        assert cells(any_db_url)[0] == cells(any_db_url)[1]
        with store.engine.begin() as conn:
            summaries.subtract(conn, ["d2"])  # PER's winner
            conn.execute(stances.delete().where(stances.c.document_id == "d2"))
        have, want = cells(any_db_url)
        assert have == want and have[("PER", "the port deal")][:2] == (2, "d1")
        with store.engine.begin() as conn:
            summaries.subtract(conn, ["d1", "d3"])  # every statement of both cells
        assert cells(any_db_url)[0] == {}
        with store.engine.begin() as conn:
            summaries.add(conn, ["d1", "d3"])
        have, want = cells(any_db_url)
        assert have == want and have[("PER", "the port deal")][:2] == (2, "d1")


def test_revision_0009_goes_back_and_forth(any_db_url: str) -> None:
    from alembic import command

    Store(any_db_url).close()
    engine = create_engine(any_db_url)
    with engine.connect() as conn:
        command.downgrade(_config(conn), "0008")
        conn.commit()
        assert current_revision(conn) == "0008"
        assert "stance_cells" not in inspect(conn).get_table_names()
        assert "stated" not in {c["name"] for c in inspect(conn).get_columns("stances")}
    engine.dispose()
    with Store(any_db_url) as store:
        assert store.schema_version() == head_revision()
        with store.connect() as conn:
            assert "stance_cells" in inspect(conn).get_table_names()
