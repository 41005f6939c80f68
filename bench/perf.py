"""The performance tables on PostgreSQL + OpenSearch, at each library size (run by `python -m bench`).

    python -m bench.perf --sizes 1000,10000 --tables import,latency,queries,throughput,memory,load

One throwaway database (bench_wijkwijs_perf) and one index prefix (bench_perf_) for the whole run,
grown from size to size; both are removed at the end.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.library import INDEX_PREFIX

TABLES = ["import", "latency", "queries", "throughput", "memory", "load"]


def say(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(args):
    from bench import import_table, latency_table, load_test, memory_table, query_count_table, throughput_table
    from bench.library import Library

    tables = set(args.tables)
    results = {name: [] for name in TABLES}
    with tempfile.TemporaryDirectory(prefix="wijkwijs-bench-") as workdir, Library(workdir, args.seed) as library:
        for size in args.sizes:
            say(f"library to {size} cases (import_cases, then engine and raw bulk)")
            grown = library.grow_to(size)
            results["import"].append(grown)
            if "latency" in tables:
                say(f"{size}: search latency")
                results["latency"].append(latency_table.measure(size, args.rounds))
            if "queries" in tables:
                say(f"{size}: SQL queries per page")
                results["queries"].append(query_count_table.measure(size))
            if "memory" in tables:
                say(f"{size}: peak memory of import and export")
                results["memory"].append(memory_table.measure(library, size, grown, Path(workdir)))
            if "throughput" in tables:
                say(f"{size}: throughput on gunicorn")
                results["throughput"].append(throughput_table.measure(size, library.env, args.http_seconds, args.http_users))
        if "load" in tables:
            say(f"{library.size}: congress day load test, {args.load_users} visitors, {args.load_seconds} s")
            results["load"] = load_test.measure(library.size, library.env, args.load_users, args.load_seconds, args.think)
    if "import" in tables:
        import_table.report(results["import"])
    for name, module in (
        ("latency", latency_table),
        ("queries", query_count_table),
        ("memory", memory_table),
        ("throughput", throughput_table),
        ("load", load_test),
    ):
        if name in tables:
            module.report(results[name])


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser)
    parser.add_argument("--tables", type=lambda text: text.split(","), default=TABLES)
    return parser.parse_args(argv)


def add_arguments(parser):
    from bench.generate import DEFAULT_SEED

    parser.add_argument(
        "--sizes",
        type=lambda text: sorted(int(size) for size in text.split(",")),
        default=[1000, 10000],
        help="library sizes, comma-separated (default 1000,10000; 100000 works, see bench/README.md)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--rounds", type=int, default=4, help="rounds of the search set for latency")
    parser.add_argument("--http-seconds", type=int, default=8, help="seconds per throughput target")
    parser.add_argument("--http-users", type=int, default=8, help="concurrent connections for throughput")
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--load-seconds", type=int, default=60)
    parser.add_argument(
        "--think",
        type=lambda text: tuple(float(part) for part in text.split(",")),
        default=(0.5, 2.0),
        help="pause between a visitor's steps, min,max seconds (default 0.5,2)",
    )


def main(argv=None):
    args = parse_args(argv)
    os.environ["SEARCH_INDEX_PREFIX"] = INDEX_PREFIX
    from bench.django_env import setup_django

    setup_django()
    run(args)


if __name__ == "__main__":
    main()
