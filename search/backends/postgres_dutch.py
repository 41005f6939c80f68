"""PostgreSQL full text with the `dutch_unaccent` configuration (Dutch stemming plus unaccent,
created by a migration of this app); modelsearch adds trigram fuzzy matching.

Compound parts reach the index through CaseStudyPage's `compound_parts` search field; queries
match longer words also as a prefix of the stored stem ('straatcoach' finds 'straatcoaches').
"""

import re
from functools import partial

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend, PostgresSearchQueryCompiler
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from search.backends.lexemes import combine_terms
from search.backends.postgres_bulk import BulkPostgresIndex

POSTGRES_SEARCH_CONFIG = "dutch_unaccent"
MIN_PREFIX_LENGTH = 6


class DutchPostgresQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = re.findall(r"\w+", query.query_string)
        lexemes = combine_terms(terms, query.operator, partial(Lexeme, invert=invert), MIN_PREFIX_LENGTH)
        return SearchQuery(lexemes, search_type="raw", config=config) if lexemes is not None else None


class DutchPostgresSearchBackend(PostgresSearchBackend):
    engine_name = "database"
    query_compiler_class = DutchPostgresQueryCompiler
    index_class = BulkPostgresIndex

    def __init__(self, params):
        params.setdefault("SEARCH_CONFIG", POSTGRES_SEARCH_CONFIG)
        super().__init__(params)
