"""The revisions, one file per schema change (Alembic reads them by path; this package is for the build)."""
