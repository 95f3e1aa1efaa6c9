"""The knowledge base: cross-article resolution of entities (``resolve``, over the rows in ``members``)
and of events (``events``: reports of one event merged), written to the tables of
:mod:`newsgraph.store.schema_kb`. Reading it is :mod:`newsgraph.analysis`'s work."""
