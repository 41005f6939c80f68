"""What practitioners search for and how much they find, per week, so that editors see which words the
library lacks (and which synonyms to add). Only the words and the counts are kept: no address, no user,
no session, no time of day."""

import datetime
import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from search.models import SearchQueryWeek

logger = logging.getLogger("wijkwijs.search")
MAX_QUERY_LENGTH = 200
FEW_RESULTS = 2  # the report lists the queries that found this many cases or fewer


def week_of(day):
    return day - datetime.timedelta(days=day.weekday())


def normalised(query):
    return " ".join(query.lower().split())[:MAX_QUERY_LENGTH]


def record_search(query, count):
    """Count one search of these words in this week, with how many cases it found. A failure is logged and
    never reaches the practitioner (an embedded SQLite site may be busy writing)."""
    text = normalised(query)
    if not text:
        return
    try:
        with transaction.atomic():
            _count(text, week_of(timezone.localdate()), count)
    except DatabaseError:
        logger.warning("could not count a search for the editors' report", exc_info=True)


def log_search(params, outcome):
    """Count the words of a new search (its first page) for the editors' report of what is rarely found."""
    if params.page == 1 and params.q:
        record_search(params.q, outcome.count)


def _count(text, week, count):
    counted = SearchQueryWeek.objects.filter(week=week, query=text)
    if counted.update(searches=F("searches") + 1, results=count):
        return
    try:
        with transaction.atomic():
            SearchQueryWeek.objects.create(week=week, query=text, searches=1, results=count)
    except IntegrityError:  # another request counted the first search of the week just now
        counted.update(searches=F("searches") + 1, results=count)


def rarely_found():
    """The weekly counts of the queries that found few or no cases, the latest week and most searched first."""
    return SearchQueryWeek.objects.filter(results__lte=FEW_RESULTS).order_by("-week", "-searches", "query")
