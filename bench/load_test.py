"""A congress day (issue 8): visitors search, filter and read cases on gunicorn, for a bounded time.

Each visitor loads the stylesheet once, types a few letters (autocomplete), searches, narrows the
search with a theme or province filter, reads one or two of the cases found, and pauses between
steps. Zero errors are required.
"""

import re
from urllib.parse import quote

from bench import http_load
from bench.queries import PREFIXES, SEARCHES, query_string
from bench.server import gunicorn
from bench.services import EngineWentAway, opensearch_healthy, with_engine_retries
from bench.tables import print_table, save_results
from bench.throughput_table import static_path

NAME = "load"
CASE_LINK = re.compile(rb'href="(/praktijkvoorbeelden/[^"/]+/[^"/]+/)"')
THEMES = ["armoede", "jeugd", "wonen", "veiligheid", "zorg-en-welzijn", "ouderen", "rol-van-de-wijkambtenaar"]
PROVINCES = ["noord-brabant", "zuid-holland", "gelderland", "groningen", "limburg"]
WORDS = [params["q"] for params in SEARCHES if params.get("q")]


def make_visitor(stylesheet):
    def visitor(session):
        rng = session.rng
        if not getattr(session, "has_stylesheet", False):
            session.get(stylesheet, "static")
            session.has_stylesheet = True
        prefix = rng.choice(PREFIXES)
        session.get(f"/api/autocomplete/?q={quote(prefix)}", "autocomplete")
        words = rng.choice(WORDS)
        page = session.get(f"/zoeken/?{query_string({'q': words})}", "search")
        session.think()
        narrowed = (
            {"q": words, "theme": rng.choice(THEMES)} if rng.random() < 0.7 else {"q": words, "province": rng.choice(PROVINCES)}
        )
        filtered = session.get(f"/zoeken/?{query_string(narrowed)}", "filter")
        session.think()
        links = CASE_LINK.findall(filtered or b"") or CASE_LINK.findall(page or b"")
        for link in rng.sample(links, min(len(links), rng.choice([1, 2]))):
            session.get(link.decode(), "case")
            session.think()

    return visitor


def measure(size, env, users, seconds, think_range):
    with gunicorn(env) as base_url:
        visitor = make_visitor(static_path())

        def measure_day():
            http_load.run(base_url, visitor, min(users, 10), 5, think_range)  # workers warm up
            result = http_load.run(base_url, visitor, users, seconds, think_range)
            if not opensearch_healthy():  # the day is only a congress day with its search engine
                raise EngineWentAway
            return result

        result = with_engine_retries(measure_day)
    return {"size": size, "users": users, "seconds": seconds, "think_seconds": list(think_range or ()), **result}


def report(measured):
    rows = []
    for kind in ("all", "search", "filter", "case", "autocomplete", "static"):
        if kind in measured:
            stats = measured[kind]
            rows.append(
                (kind, stats["requests"], stats["errors"], stats["rps"], stats["p50_ms"], stats["p95_ms"], stats["max_ms"])
            )
    think = measured["think_seconds"]
    pause = f"think time {think[0]}-{think[1]} s" if think else "no think time"
    print_table(
        f"Congress day: {measured['users']} visitors for {measured['seconds']} s on gunicorn, {measured['size']} cases, "
        f"PostgreSQL + OpenSearch, {pause}",
        ["requests", "n", "errors", "req/s", "p50 ms", "p95 ms", "max ms"],
        rows,
    )
    verdict = "PASS: no errors" if measured["all"]["errors"] == 0 else f"FAIL: {measured['all']['errors']} errors"
    verdict += f" ({measured['reconnects']} requests sent again on a new connection after the server closed one)"
    print(verdict, *measured["error_samples"][:5], sep="\n  ")
    save_results(NAME, measured)
