"""Every case that a search matches, in result order, without the page limits of the search API.

The count and the set of cases are those of /api/search/ for the same parameters: the database
path reuses database_search's query, the engine path sends build_request's query and walks all
hits with search_after, and an unreachable engine falls back to the database as search does.
"""

from collections.abc import Iterator
from dataclasses import dataclass, replace

from search import availability
from search.database_search import all_result_pks
from search.engine_search import build_request, columns, hidden_case_pks, send
from search.facets import resolve_filters
from search.query_text import parse_query_text
from search.service import with_engine_fallback

ENGINE_BATCH_SIZE = 1000
# Keys of build_request's body that only matter for one page of results shown to a person.
PAGE_ONLY_KEYS = ("aggs", "highlight", "suggest", "from")


@dataclass
class Matches:
    count: int
    pks: Iterator[int]
    backend: str  # as "backend" of /api/search/


def engine_hits_request(params, query_text, resolved, cols):
    body = build_request(params, query_text, resolved, cols, hidden_case_pks())
    for key in PAGE_ONLY_KEYS:
        body.pop(key, None)
    body["size"] = ENGINE_BATCH_SIZE
    # search_after needs a total order: the result order, then the primary key.
    body.setdefault("sort", [{"_score": {"order": "desc"}}, {"pk": {"order": "desc"}}])
    return body


def engine_result_pks(backend, params, query_text, resolved):
    """(count, pks) from the engine. The first batch is fetched at once, so an engine failure shows here."""
    cols = columns(backend.mapping_class)
    body = engine_hits_request(params, query_text, resolved, cols)
    first = send(backend, body)
    total = first["hits"]["total"]
    count = total["value"] if isinstance(total, dict) else total

    def pks():
        hits = first["hits"]["hits"]
        body["track_total_hits"] = False
        while hits:
            yield from (int(hit["_id"]) for hit in hits)
            if len(hits) < ENGINE_BATCH_SIZE:
                return
            body["search_after"] = hits[-1]["sort"]
            try:
                hits = send(backend, body)["hits"]["hits"]
            except Exception as error:
                # Too late to answer from the database: the download breaks off (the client sees an
                # incomplete transfer), and the next searches and exports skip the engine for a while.
                availability.mark_engine_down(error)
                raise

    return count, pks()


def all_matches(params):
    """Matches of a search; page and page_size of params do not apply."""
    params = replace(params, page=1)
    query_text = parse_query_text(params.q)
    resolved = resolve_filters(params)
    (count, pks), backend_name = with_engine_fallback(
        lambda backend: engine_result_pks(backend, params, query_text, resolved),
        lambda: all_result_pks(params, query_text, resolved),
    )
    return Matches(count=count, pks=pks, backend=backend_name)
