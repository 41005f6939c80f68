"""SQLite FTS5 with Dutch text: folded, stemmed and split into compound parts in Python.

FTS5 cannot stem Dutch, so the text of each index entry goes through search.dutch before it is
stored, and queries get the same treatment; titles and summaries form the weighted title column.
"""

from django.db import connections
from django.db.models import F, FloatField, Func
from django.db.models.expressions import RawSQL
from modelsearch.backends.database.sqlite.query import BM25, Lexeme, MatchExpression, SearchQueryExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from search.backends.lexemes import combine_terms
from search.dutch import index_terms, stem, words

MIN_PREFIX_STEM = 5
# The scores of the last searches of a database connection, for ordering (see DutchSQLiteQueryCompiler.search).
RANK_TABLE = "wijkwijs_search_rank"
KEEP_SEARCHES = 16
INTEGER_KEYS = {"AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField"}


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


class RankOf(Func):
    """The score that search `key` gave the row's object; NULL when the search did not match it."""

    template = f"(SELECT score FROM temp.{RANK_TABLE} WHERE search_key = %(key)d AND object_id = %(expressions)s)"
    output_field = FloatField()


def has_integer_key(model):
    field = model._meta.pk
    while field.is_relation:  # a page type's key is its link to wagtailcore_page
        field = field.target_field
    return field.get_internal_type() in INTEGER_KEYS


def store_ranks(connection, matches_sql, matches_params, score_sql, score_params):
    """Score the matches of one search into the connection's TEMP table; its key.

    matches_sql selects (ranked_object_id, title_norm, bm25) of each match; score_sql computes the score
    from those columns. modelsearch's score expression calls bm25() ten times per row, which cost two
    thirds of a broad search at 10,000 cases: the MATERIALIZED common table calls it once.
    """
    key = getattr(connection, "wijkwijs_search_key", 0) + 1
    connection.wijkwijs_search_key = key
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {RANK_TABLE} "
            "(search_key INTEGER NOT NULL, object_id INTEGER NOT NULL, score REAL, PRIMARY KEY (search_key, object_id)) "
            "WITHOUT ROWID"
        )
        cursor.execute(f"DELETE FROM temp.{RANK_TABLE} WHERE search_key <= %s", [key - KEEP_SEARCHES])
        cursor.execute(
            f"INSERT OR IGNORE INTO temp.{RANK_TABLE} (search_key, object_id, score) "
            f"WITH matches AS MATERIALIZED ({matches_sql}) "
            f"SELECT %s, CAST(ranked_object_id AS INTEGER), {score_sql} FROM matches",
            [*matches_params, key, *score_params],
        )
    return key


class DutchSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def search(self, config, start, stop, score_field=None):
        """As modelsearch's, but the full-text query runs once per search, not once per matching row.

        modelsearch filters with `pk IN (index entries JOIN fts WHERE MATCH)`, which SQLite plans as a
        MATCH per index entry, and orders by a correlated subquery that runs the MATCH again for each
        result: seconds to minutes at 10,000 cases. Here the matches and their scores are read in one
        pass, the full-text table driving the join (CROSS JOIN fixes the order), into a TEMP table of
        the connection; the queryset filters and orders through it. Same matches, same scores.
        """
        normalized = normalize(self.query)
        if isinstance(normalized, (MatchAll, Not)) or not has_integer_key(self.queryset.model):
            return super().search(config, start, stop, score_field=score_field)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalized, config=config))
        matches = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .select_related("index_entry")
            .filter(index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model))
            .annotate(
                ranked_object_id=F("index_entry__object_id"),
                title_norm=F("index_entry__title_norm"),
                bm25=BM25(),
                score=self._build_rank_expression(self.get_search_vectors(), config),
            )
            .values_list("ranked_object_id", "title_norm", "bm25")
        )
        connection = connections[self.queryset.db]
        compiler = matches.query.get_compiler(connection=connection)
        sql, params = compiler.as_sql()
        score_sql, score_params = compiler.compile(matches.query.annotations["score"])
        # The score as computed from the columns of the common table (see store_ranks).
        for column, name in ((BM25(), "bm25"), (F("index_entry__title_norm"), "title_norm")):
            column_sql, _ = compiler.compile(column.resolve_expression(matches.query))
            score_sql = score_sql.replace(column_sql, name)
        key = store_ranks(connection, sql.replace(" INNER JOIN ", " CROSS JOIN ", 1), params, score_sql, score_params)

        queryset = self.queryset.filter(pk__in=RawSQL(f"SELECT object_id FROM temp.{RANK_TABLE} WHERE search_key = %s", [key]))
        if self.order_by_relevance and score_field is None:
            score_field = "_score"
        if score_field is not None:
            queryset = queryset.annotate(**{score_field: RankOf(F("pk"), key=key)})
            if self.order_by_relevance:
                queryset = queryset.order_by(score_field, "-pk")
        if not self.order_by_relevance and not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

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
