"""SQLite FTS5 with Dutch text: folded, stemmed and split into compound parts in Python.

FTS5 cannot stem Dutch, so the text of each index entry goes through search.dutch before it is
stored, and queries get the same treatment; titles and summaries form the weighted title column.
"""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search.backends.lexemes import combine_terms
from search.dutch import index_terms, stem, words

MIN_PREFIX_STEM = 5


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
            return self._stemmed_terms(query, config)
        if isinstance(query, Phrase):
            query = Phrase(query_terms(query.query_string))
        return super().build_search_query_content(query, config=config)

    def _stemmed_terms(self, query, config):
        lexemes = combine_terms(query_terms(query.query_string).split(), query.operator, Lexeme, MIN_PREFIX_STEM)
        return SearchQueryExpression(lexemes, config=config) if lexemes is not None else None


class DutchSQLiteSearchBackend(SQLiteSearchBackend):
    engine_name = "database"
    index_class = DutchSQLiteIndex
    query_compiler_class = DutchSQLiteQueryCompiler
