"""Database search with as much Dutch analysis as the database allows (SQLite or PostgreSQL)."""

from django.db import connection


def SearchBackend(params):
    if connection.vendor == "postgresql":
        from search.backends.postgres_dutch import DutchPostgresSearchBackend

        return DutchPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from search.backends.sqlite_dutch import DutchSQLiteSearchBackend

        return DutchSQLiteSearchBackend(params)
    raise NotImplementedError(f"Wijkwijs supports SQLite and PostgreSQL, not {connection.vendor}.")
