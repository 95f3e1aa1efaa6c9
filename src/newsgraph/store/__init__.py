"""Storage (SQLite / PostgreSQL, SQLAlchemy Core): the schema and its migrations, the Store, facts written
and read, full-text search, one filters object for every query, and the read-only queries of the API."""
