"""Storage: SQLAlchemy Core schema, migrations and the Store (SQLite / PostgreSQL)."""
