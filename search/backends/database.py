"""Database search with as much Dutch analysis as the database allows.

SQLite: text is folded, stemmed with the Dutch Snowball stemmer and split into compound parts in
Python before FTS5 indexes it, and queries get the same treatment; titles and summaries form
the weighted title column. PostgreSQL: the `dutch_unaccent` text search configuration (Dutch
stemming plus unaccent, created by a migration of this app) and trigram fuzzy matching.
"""

from django.db import connection
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.dutch import index_terms, stem, words

POSTGRES_SEARCH_CONFIG = "dutch_unaccent"


def query_terms(text):
    return " ".join(stem(word) for word in words(text))


class DutchSQLiteIndex(SQLiteIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        if not objs:
            return
        titles = {str(obj.pk): f"{obj.title} {getattr(obj, 'summary', '')}" for obj in objs if hasattr(obj, "title")}
        entries = list(
            self.entries.filter(content_type_id=get_content_type_pk(model), object_id__in=[str(obj.pk) for obj in objs])
        )
        for entry in entries:
            entry.title = index_terms(titles.get(entry.object_id, entry.title))
            entry.body = index_terms(entry.body)
        self.entries.bulk_update(entries, ["title", "body"])
        self._refresh_title_norms(full=True)


class DutchSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(query_terms(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(query_terms(query.query_string))
        return super().build_search_query_content(query, config=config)


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    engine_name = "database"
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteQueryCompiler


class DutchPostgresSearchBackend(PostgresSearchBackend):
    engine_name = "database"

    def __init__(self, params):
        params.setdefault("SEARCH_CONFIG", POSTGRES_SEARCH_CONFIG)
        super().__init__(params)


def SearchBackend(params):
    if connection.vendor == "postgresql":
        return DutchPostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        return DutchSQLiteSearchBackend(params)
    raise NotImplementedError(f"Wijkwijs supports SQLite and PostgreSQL, not {connection.vendor}.")
