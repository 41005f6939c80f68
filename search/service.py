"""Running a search: the engine when it answers, the database when it does not."""

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver
from modelsearch.backends import get_search_backend
from modelsearch.backends.base import BaseSearchBackend

from core.library_cache import cached
from knowledge.models import CaseStudyPage
from search import availability
from search.database_search import database_search, similar_cases
from search.engine_search import engine_search, more_like_this
from search.expansion import searched_for
from search.facets import FacetValue, label_facets, resolve_filters
from search.params import SearchParams
from search.query_text import QueryText, parse_query_text
from search.results import cases_in_order

logger = logging.getLogger("wijkwijs.search")
# After an outage each search the engine answers replays this many backlogged changes, until none are
# left: a few tenths of a second per search instead of one search that waits for a whole import.
REPLAY_PER_SEARCH = 200
_backlog_pending = False
Answer = TypeVar("Answer")


@dataclass
class SearchOutcome:
    params: SearchParams
    query_text: QueryText
    backend: str  # opensearch | elasticsearch | database | database-fallback
    count: int
    cases: list[CaseStudyPage]
    highlights: dict[int, str]  # {pk: html snippet}
    facets: dict[str, list[FacetValue]]
    suggestion: str
    some_words_only: bool = False  # no case has every word: these have some of them
    related: int = 0  # the last results are like the best matches rather than matches
    searched_for: dict[str, list[str]] = field(default_factory=dict)  # {English term as typed: [the Dutch words searched for]}

    @property
    def fell_back(self) -> bool:
        return self.backend == "database-fallback"


_engine_backend = None


def engine_backend() -> BaseSearchBackend | None:
    """The configured engine backend, or None for database search.

    One per process, kept: its client holds the HTTP connections to the engine, which are then
    reused from request to request instead of opened anew (a TLS handshake each, on a remote cluster).
    """
    global _engine_backend
    if settings.SEARCH_ENGINE == "database":
        return None
    if _engine_backend is None:
        _engine_backend = get_search_backend("default")
    return _engine_backend


@receiver(setting_changed)
def forget_engine_backend(setting, **kwargs):
    global _engine_backend
    if setting in ("WAGTAILSEARCH_BACKENDS", "SEARCH_ENGINE", "SEARCH_URL"):
        _engine_backend = None


def _catch_up(backend):
    """Replay part of what was recorded while the engine was away, after a search the engine answered;
    the following searches go on until the backlog is empty. A failure here never fails the search."""
    global _backlog_pending
    from search.reconcile import replay_backlog

    try:
        sent = replay_backlog(backend, limit=REPLAY_PER_SEARCH)
    except Exception:  # the practitioner's answer is ready; the backlog waits for the next try
        logger.exception("replaying the search backlog failed")
        return
    _backlog_pending = sent == REPLAY_PER_SEARCH


def with_engine_fallback(work: Callable[[BaseSearchBackend], Answer], fallback: Callable[[], Answer]) -> tuple[Answer, str]:
    """Run work(backend) on the engine; on any engine failure run fallback() and say so."""
    backend = engine_backend()
    if backend is None:
        return fallback(), "database"
    if availability.engine_available():
        try:
            answer = work(backend)
        except Exception as error:  # noqa: BLE001 - nothing from the engine may reach the practitioner as a 500
            logger.error("search engine query failed, answering from the database: %r", error)
            availability.mark_engine_down(error)
        else:
            if availability.mark_engine_up() or _backlog_pending:
                _catch_up(backend)
            return answer, backend.engine_name
    return fallback(), "database-fallback"


def run_search(params: SearchParams) -> SearchOutcome:
    query_text = parse_query_text(params.q)
    resolved = resolve_filters(params)
    raw, backend_name = with_engine_fallback(
        lambda backend: engine_search(backend, params, query_text, resolved),
        lambda: database_search(params, query_text, resolved),
    )
    return SearchOutcome(
        params=params,
        query_text=query_text,
        backend=backend_name,
        count=raw.count,
        cases=cases_in_order(raw.pks),
        highlights=raw.highlights,
        facets=label_facets(raw.facets, params),
        suggestion=raw.suggestion,
        some_words_only=raw.some_words_only,
        related=raw.related,
        searched_for=searched_for(query_text.concepts),
    )


def similar_case_pks(case: CaseStudyPage, limit: int = 4) -> list[int]:
    """The pks of the cases most like this one; remembered until the library changes (a case page asks each time)."""

    def find():
        pks, _ = with_engine_fallback(lambda backend: more_like_this(backend, case, limit), lambda: similar_cases(case, limit))
        return pks

    if case.pk is None:  # the preview of a case not saved yet
        return find()
    return cached(f"similar-cases:{case.pk}:{limit}", find)
