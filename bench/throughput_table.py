"""Requests per second of the search page and case pages on gunicorn, against a static file on the same stack.

The static file goes through the same gunicorn workers and Django middleware chain up to WhiteNoise,
so the ratio says how much of the capacity the page itself costs. The load generator runs on the
same (small) machine, so absolute numbers are low; the ratios are what to compare.
"""

from bench import http_load
from bench.queries import SEARCHES, query_string
from bench.server import gunicorn
from bench.services import EngineWentAway, opensearch_healthy, with_engine_retries
from bench.stats import ratio
from bench.tables import print_table, save_results

NAME = "throughput"
WARM_UP_SECONDS = 3


def case_paths(limit=200):
    from knowledge.models import CaseStudyPage

    return [case.get_url() for case in CaseStudyPage.objects.live().order_by("?")[:limit]]


def static_path():
    from django.conf import settings
    from django.contrib.staticfiles.storage import staticfiles_storage

    if not (settings.STATIC_ROOT / "css" / "wijkwijs.css").exists():
        raise SystemExit("static files are not collected: run `manage.py collectstatic --noinput` (see bench/README)")
    return staticfiles_storage.url("css/wijkwijs.css")


def measure(size, env, seconds, users):
    targets = {
        "search page": [f"/zoeken/?{query_string(params)}" for params in SEARCHES],
        "case page": case_paths(),
        "static file": [static_path()],
    }
    results = {"size": size, "users": users, "seconds": seconds}
    with gunicorn(env) as base_url:
        for name, paths in targets.items():

            def visitor(session, paths=paths, kind=name):
                session.get(session.rng.choice(paths), kind)

            def measure_target(visitor=visitor, name=name):
                http_load.run(base_url, visitor, users, WARM_UP_SECONDS)
                measured = http_load.run(base_url, visitor, users, seconds)
                if not opensearch_healthy():
                    raise EngineWentAway
                return {**measured[name], "reconnects": measured["reconnects"], "error_samples": measured["error_samples"]}

            results[name] = with_engine_retries(measure_target)
    return results


def report(measurements):
    rows = []
    for measured in measurements:
        static_rps = measured["static file"]["rps"]
        for name in ("search page", "case page", "static file"):
            stats = measured[name]
            rows.append(
                (
                    measured["size"],
                    name,
                    stats["requests"],
                    stats["errors"],
                    stats.get("reconnects", 0),
                    stats["rps"],
                    stats["p50_ms"],
                    stats["p95_ms"],
                    ratio(stats["rps"], static_rps),
                )
            )
    users = measurements[0]["users"] if measurements else ""
    print_table(
        f"Throughput on gunicorn (config/gunicorn.conf.py), {users} concurrent connections, loopback",
        ["library size", "target", "requests", "errors", "reconnects", "req/s", "p50 ms", "p95 ms", "x static"],
        rows,
    )
    save_results(NAME, measurements)
