"""The embedded default -- SQLite and database search, as `make run` serves it -- at a library size.

    python -m bench.embedded --size 10000 [--rounds 3]

Runs in a throwaway SQLite file; prints one JSON line: the import time and the latency of
/api/search/ and /zoeken/ for the benchmark searches. The cases are imported by `manage.py
import_cases` in a process of its own, as on a real site, so that the searches are timed in a
process that has done nothing else. Run with DATABASE_URL and SEARCH_URL empty.
"""

import argparse
import json
import os
import tempfile
import time
from pathlib import Path

from bench.django_env import setup_django, throwaway_database
from bench.generate import DEFAULT_SEED, write_cases
from bench.queries import SEARCHES, query_string
from bench.services import manage, run_measured
from bench.stats import summary_ms


def measure(size, rounds, seed, workdir, database_path):
    from django.conf import settings
    from django.test import Client

    if settings.SEARCH_ENGINE != "database":
        raise SystemExit("bench.embedded measures database search: run it with SEARCH_URL empty")
    result = {"size": size}
    cases_file = write_cases(Path(workdir) / "cases.json", size, seed)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database_path}", "SEARCH_URL": ""}
    result["import_seconds"] = round(run_measured(manage("import_cases", str(cases_file)), env)["work_seconds"], 1)

    client = Client(HTTP_HOST="127.0.0.1")
    timings = {"api": [], "page": []}
    backends = set()
    for round_number in range(rounds + 1):
        for params in SEARCHES:
            for name, path in (("api", "/api/search/"), ("page", "/zoeken/")):
                started = time.perf_counter()
                response = client.get(f"{path}?{query_string(params)}")
                elapsed = time.perf_counter() - started
                if response.status_code != 200:
                    raise RuntimeError(f"{path}?{query_string(params)}: HTTP {response.status_code}")
                if name == "api":
                    backends.add(response.json()["backend"])
                if round_number:
                    timings[name].append(elapsed)
    result["backends"] = sorted(backends)
    result.update({name: summary_ms(values) for name, values in timings.items()})
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = parser.parse_args(argv)
    setup_django()
    import config.wsgi  # noqa: F401 -- a process set up as the server sets one up (see config/wsgi.py)

    with tempfile.TemporaryDirectory(prefix="wijkwijs-bench-") as workdir:
        database_path = Path(workdir) / "embedded.sqlite3"
        with throwaway_database(str(database_path)):
            print(json.dumps(measure(args.size, args.rounds, args.seed, workdir, database_path)), flush=True)


if __name__ == "__main__":
    main()
