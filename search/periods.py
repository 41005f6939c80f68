"""Start-year periods: the year facet counts a few ranges of years, not one value per year.

A year filter value is one year ('2015'), a range ('2010-2014'), everything up to and including a year
('-2009') or everything from a year on ('2020-'). The facet offers PERIODS; any value works as a filter.
"""

import re
from dataclasses import dataclass

from django.db.models import Q
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

YEAR_VALUE = re.compile(r"([12][0-9]{3})?(-)?([12][0-9]{3})?")


@dataclass(frozen=True)
class Period:
    value: str
    label: str | Promise
    first: int | None  # None: no lower bound
    last: int | None  # None: no upper bound

    def contains_q(self, field):
        """A Q object for the cases whose `field` lies in this period."""
        bounds = {}
        if self.first is not None:
            bounds[f"{field}__gte"] = self.first
        if self.last is not None:
            bounds[f"{field}__lte"] = self.last
        return Q(**bounds)


PERIODS = (
    Period("-2009", _("voor 2010"), None, 2009),
    Period("2010-2014", "2010–2014", 2010, 2014),
    Period("2015-2019", "2015–2019", 2015, 2019),
    Period("2020-", _("2020 en later"), 2020, None),
)
PERIOD_BY_VALUE = {period.value: period for period in PERIODS}


def period_label(first, last):
    if first == last:
        return str(first)
    if first is None:
        return _("tot en met %(year)s") % {"year": last}
    if last is None:
        return _("vanaf %(year)s") % {"year": first}
    return f"{first}–{last}"


def parse_period(text):
    """The Period a year filter value names, or None when it names none (a word). A reversed range
    (2014-2010) names the same period as its years in order."""
    match = YEAR_VALUE.fullmatch(text)
    if not match or not text:
        return None
    first, dash, last = match.groups()
    if not dash:
        return None if last else Period(first, first, int(first), int(first))
    if first is None and last is None:
        return None
    first, last = (int(first) if first else None), (int(last) if last else None)
    if first is not None and last is not None and last < first:
        first, last = last, first
    value = f"{first or ''}-{last or ''}" if first != last else str(first)
    return PERIOD_BY_VALUE.get(value) or Period(value, period_label(first, last), first, last)


def periods_q(values, field):
    """A Q object for the cases whose `field` lies in one of the periods of these filter values."""
    condition = Q(pk__in=[])
    for value in values:
        condition |= parse_period(value).contains_q(field)
    return condition


def period_case_sql(column):
    """SQL that names the period of PERIODS a year column lies in (NULL for none)."""
    branches = []
    for period in PERIODS:
        tests = []
        if period.first is not None:
            tests.append(f"{column} >= {period.first:d}")
        if period.last is not None:
            tests.append(f"{column} <= {period.last:d}")
        branches.append(f"WHEN {' AND '.join(tests)} THEN '{period.value}'")
    return f"CASE {' '.join(branches)} END"


def periods_sql(values, column):
    """(SQL condition, params): the year column lies in one of the periods of these filter values."""
    alternatives, params = [], []
    for period in map(parse_period, values):
        tests = []
        if period.first is not None:
            tests.append(f"{column} >= %s")
            params.append(period.first)
        if period.last is not None:
            tests.append(f"{column} <= %s")
            params.append(period.last)
        alternatives.append("(" + " AND ".join(tests) + ")")
    return "(" + " OR ".join(alternatives) + ")", params


def engine_periods_clause(values, column):
    """The engine's filter for a year field in one of the periods of these filter values."""
    ranges = []
    for period in map(parse_period, values):
        bounds = {}
        if period.first is not None:
            bounds["gte"] = period.first
        if period.last is not None:
            bounds["lte"] = period.last
        ranges.append({"range": {column: bounds}})
    return {"bool": {"should": ranges, "minimum_should_match": 1}}


def engine_periods_aggregation(column):
    """The engine's count of a year field per period of PERIODS (its 'to' bound is exclusive)."""
    ranges = []
    for period in PERIODS:
        bounds: dict[str, str | int] = {"key": period.value}
        if period.first is not None:
            bounds["from"] = period.first
        if period.last is not None:
            bounds["to"] = period.last + 1
        ranges.append(bounds)
    return {"range": {"field": column, "ranges": ranges}}
