"""Search latency with facets: /api/search/ (and /zoeken/) through Django against the raw engine query.

The raw requests are those the API sends for the same parameters (search.engine_search.build_request's
body, and for a short first page the request for related cases), sent with the backend's own opensearchpy
client; both run in this process, interleaved, so that a busy
machine slows both alike.
"""

import logging
import time
from collections import Counter

from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

from bench.queries import SEARCHES, query_string
from bench.services import EngineWentAway, with_engine_retries
from bench.stats import ratio, summary_ms
from bench.tables import print_table, save_results

NAME = "latency"


def measure(size, rounds):
    from django.http import QueryDict
    from django.test import Client

    from knowledge.models import CaseStudyPage
    from search import availability
    from search.engine_search import build_request, columns
    from search.facets import resolve_filters
    from search.params import parse_search_params
    from search.query_text import parse_query_text
    from search.service import engine_backend

    backend = engine_backend()
    cols = columns(backend.mapping_class)
    index_name = backend.get_index_for_model(CaseStudyPage).name
    client = Client(HTTP_HOST="127.0.0.1")
    prepared = []
    for params in SEARCHES:
        query = query_string(params)
        search_params = parse_search_params(QueryDict(query))
        query_text, resolved = parse_query_text(search_params.q), resolve_filters(search_params)
        body = build_request(search_params, query_text, resolved, cols)
        prepared.append((query, (body, search_params, query_text, resolved)))

    # The fallback rows mark the engine down on purpose: keep the log quiet about it.
    search_log = logging.getLogger("wijkwijs.search")
    search_log_level = search_log.level
    search_log.setLevel(logging.ERROR)
    try:
        return with_engine_retries(lambda: _measure(size, rounds, client, backend, index_name, cols, prepared, availability))
    finally:
        search_log.setLevel(search_log_level)


def raw_engine_requests(backend, index_name, cols, body, params, query_text, resolved):
    """The requests the API sends for one search, sent as they are: the search, and for a first page that
    its matches do not fill, the request for related cases."""
    from search.engine_search import read_response, related_request, shows_related

    response = backend.es.search(index=index_name, body=body)
    raw = read_response(response, query_text, cols)
    if shows_related(raw, params, query_text):
        backend.es.search(index=index_name, body=related_request(backend, cols, raw, params, resolved, ()))


def _measure(size, rounds, client, backend, index_name, cols, prepared, availability):
    timings = {"api": [], "page": [], "raw": [], "fallback": []}
    backends = Counter()
    for round_number in range(rounds + 1):  # round 0 warms caches and connections up
        for position, (query, body) in enumerate(prepared):
            steps = [
                ("api", f"/api/search/?{query}"),
                ("page", f"/zoeken/?{query}"),
                ("raw", body),
                ("fallback", f"/api/search/?{query}"),
            ]
            if (round_number + position) % 2:
                steps.reverse()
            for name, target in steps:
                if name == "fallback":
                    availability.mark_engine_down("benchmark: the database answers")
                started = time.perf_counter()
                if name == "raw":
                    try:
                        raw_engine_requests(backend, index_name, cols, *target)
                    except OpenSearchConnectionError as error:
                        raise EngineWentAway from error
                else:
                    response = client.get(target)
                elapsed = time.perf_counter() - started
                if name == "fallback":
                    availability.reset()
                if name != "raw":
                    if response.status_code != 200:
                        raise RuntimeError(f"{target}: HTTP {response.status_code}")
                    if name in ("api", "fallback"):
                        answered_by = response.json()["backend"]
                        if name == "api" and answered_by == "database-fallback":
                            availability.reset()
                            raise EngineWentAway
                        backends[f"{name}: {answered_by}"] += 1
                if round_number:
                    timings[name].append(elapsed)
    return {
        "size": size,
        "searches": len(prepared),
        "rounds": rounds,
        "backends": dict(backends),
        **{name: summary_ms(values) for name, values in timings.items()},
    }


def report(measurements):
    rows = []
    for measured in measurements:
        raw_p95 = measured["raw"]["p95_ms"]
        for name, label in (
            ("api", "GET /api/search/ (Django test client)"),
            ("page", "GET /zoeken/ (HTML)"),
            ("raw", "raw OpenSearch requests (build_request body, related request)"),
            ("fallback", "GET /api/search/, engine down: PostgreSQL answers"),
        ):
            stats = measured[name]
            rows.append((measured["size"], label, stats["n"], stats["p50_ms"], stats["p95_ms"], ratio(stats["p95_ms"], raw_p95)))
        unexpected = {
            name: count
            for name, count in measured["backends"].items()
            if name not in ("api: opensearch", "fallback: database-fallback")
        }
        if unexpected:
            rows.append((measured["size"], f"WARNING: answered by {unexpected}", "", "", "", ""))
    print_table(
        "Search latency with facets, same searches, interleaved (target: API p95 within 1.5x of raw)",
        ["library size", "request", "n", "p50 ms", "p95 ms", "p95 x raw"],
        rows,
    )
    save_results(NAME, measurements)
