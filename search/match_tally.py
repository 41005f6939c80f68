"""The result count and facet counts of a database search, from one copy of its matches.

A grouped query per facet joins the matched cases to the page tree all over again: for a broad search
at 10,000 cases, SQLite spent some 55 ms in those five queries and 10 ms more counting the results.
Here the matched live cases are copied once, with the values the facets count, into a TEMP table of
the database connection (each connection, and so each thread, has its own); every count then reads
that small table. The table also holds each case's sort value, so that the page of results is read
from it as well: ordering the matches again in the page tree cost as much as copying them.
"""

import functools

from django.db import connections, router, transaction
from django.db.models import DateTimeField, F, FloatField, OrderBy, Value

from knowledge.models import CaseStudyPage, CongressEditionPage, Theme, ThemedCase
from search.case_filters import RELATION_FILTERS
from search.periods import period_case_sql, periods_sql

TABLE = "wijkwijs_matched_cases"
# The facets with one value per case, held in a column of the table (the others: case_filters.RELATION_FILTERS).
COLUMN_FACETS = {"municipality": "municipality_id", "province": "province"}
# The year facet counts periods of the start year (search/periods.py).
YEAR_COLUMN = "m.year_start"


@functools.cache
def _relation_joins():
    """{facet: (the value's column, the joins from the table to it)} for the facets of RELATION_FILTERS."""
    themed, theme = ThemedCase._meta, Theme._meta
    through = CaseStudyPage.congress_editions.through._meta
    edition = CongressEditionPage._meta
    return {
        "theme": (
            f"t.{theme.get_field('slug').column}",
            f"JOIN {themed.db_table} r ON r.{themed.get_field('content_object').column} = m.case_id "
            f"JOIN {theme.db_table} t ON t.{theme.pk.column} = r.{themed.get_field('tag').column}",
        ),
        "congress": (
            f"t.{edition.get_field('year').column}",
            f"JOIN {through.db_table} r ON r.{through.get_field('casestudypage').column} = m.case_id "
            f"JOIN {edition.db_table} t ON t.{edition.pk.column} = r.{through.get_field('congresseditionpage').column}",
        ),
    }


def sort_key(ordered):
    """(expression, descending) of the first ordering of a queryset (newest first without one); the ordering
    after it must be '-pk', which the tally applies to every order."""
    first, *rest = ordered.query.order_by or ["-pk"]
    if rest not in ([], ["-pk"]):
        raise ValueError(f"a tally orders by one value, then by '-pk', not by {ordered.query.order_by}")
    if isinstance(first, OrderBy):
        return first.expression, first.descending
    return F(first.lstrip("-")), first.startswith("-")


def tally_search(matched, resolved, ordered_like, start, stop):
    """(the number of matched cases that pass every filter in `resolved`, {facet: {value: count}},
    the pks of those cases from `start` to `stop` in the order of the queryset `ordered_like`)."""
    # The database that takes writes: a read-only replica refuses even a TEMP table. One transaction:
    # the table stays on one server connection, even behind a PgBouncer that pools by transaction.
    alias = router.db_for_write(CaseStudyPage)
    with transaction.atomic(using=alias):
        tally = MatchTally(matched, resolved, alias, sort_key(ordered_like))
        return tally.count(), tally.facets(), tally.pks(start, stop)


class MatchTally:
    """The matched cases of one search, copied for counting and paging; `resolved` holds the active filters."""

    def __init__(self, matched, resolved, alias, order):
        self.connection = connections[alias]
        self.resolved = resolved
        expression, self.descending = order
        # A score or a moment: the table has a column for each, as PostgreSQL wants its columns typed.
        is_moment = isinstance(expression.resolve_expression(matched.query).output_field, DateTimeField)
        rows = (
            matched.using(alias)
            .order_by()
            .annotate(
                tally_score=Value(None, output_field=FloatField()) if is_moment else expression,
                tally_moment=expression if is_moment else Value(None, output_field=DateTimeField()),
            )
            .values_list("pk", "municipality_id", "municipality__province", "year_start", "tally_score", "tally_moment")
        )
        sql, params = rows.query.get_compiler(using=alias).as_sql()
        with self.connection.cursor() as cursor:
            cursor.execute(
                f"CREATE TEMP TABLE IF NOT EXISTS {TABLE} (case_id integer PRIMARY KEY, municipality_id bigint, "
                "province text, year_start integer, score double precision, moment timestamp with time zone)"
            )
            cursor.execute(f"DELETE FROM {TABLE}")
            cursor.execute(f"INSERT INTO {TABLE} (case_id, municipality_id, province, year_start, score, moment) {sql}", params)

    def _where(self, skip=None):
        conditions, params = ["1 = 1"], []
        for name, values in self.resolved.items():
            if name == skip:
                continue
            if name == "year":
                sql, year_params = periods_sql(values, YEAR_COLUMN)
                conditions.append(sql)
                params += year_params
            elif name in COLUMN_FACETS:
                conditions.append(f"m.{COLUMN_FACETS[name]} IN ({', '.join(['%s'] * len(values))})")
                params += list(values)
            else:
                sql, subquery_params = RELATION_FILTERS[name](values).query.sql_with_params()
                conditions.append(f"m.case_id IN ({sql})")
                params += list(subquery_params)
        return " AND ".join(conditions), params

    def _rows(self, sql, params):
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def pks(self, start, stop):
        """The pks of the cases that pass every filter, from `start` to `stop`, in the order of the search."""
        where, params = self._where()
        direction = "DESC" if self.descending else "ASC"
        rows = self._rows(
            f"SELECT m.case_id FROM {TABLE} m WHERE {where} "
            f"ORDER BY m.score {direction}, m.moment {direction}, m.case_id DESC LIMIT %s OFFSET %s",
            [*params, stop - start, start],
        )
        return [case_id for (case_id,) in rows]

    def count(self):
        """The number of matched cases that pass every filter."""
        where, params = self._where()
        return self._rows(f"SELECT COUNT(*) FROM {TABLE} m WHERE {where}", params)[0][0]

    def facets(self):
        """{facet: {value: count}}: each facet counts the matched cases that pass the other facets' filters."""
        counts = {}
        for name, column in COLUMN_FACETS.items():
            where, params = self._where(skip=name)
            counts[name] = self._rows(f"SELECT m.{column}, COUNT(*) FROM {TABLE} m WHERE {where} GROUP BY m.{column}", params)
        where, params = self._where(skip="year")
        period = period_case_sql(YEAR_COLUMN)
        counts["year"] = self._rows(f"SELECT {period}, COUNT(*) FROM {TABLE} m WHERE {where} GROUP BY {period}", params)
        for name, (value, joins) in _relation_joins().items():
            where, params = self._where(skip=name)
            counts[name] = self._rows(
                f"SELECT {value}, COUNT(DISTINCT m.case_id) FROM {TABLE} m {joins} WHERE {where} GROUP BY {value}", params
            )
        return {name: {value: count for value, count in rows if value not in (None, "", 0)} for name, rows in counts.items()}
