"""`make bench`: every benchmark, each printing its table (results also under bench/results/).

    python -m bench [--sizes 1000,10000] [--only NAME[,NAME]] [options of bench.perf]

Tables: quality (search quality of each backend), import, latency, queries, throughput, memory,
load (PostgreSQL + OpenSearch from DATABASE_URL and SEARCH_URL, at each size), embedded (SQLite +
database search at --embedded-size). See bench/README.md.
"""

import argparse
import os
import subprocess
import sys

from bench import embedded_table, perf, quality_table

TABLES = ["quality", *perf.TABLES, "embedded"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--only", type=lambda text: text.split(","), metavar="NAME[,NAME]", help=f"run these benchmarks only: {', '.join(TABLES)}"
    )
    parser.add_argument("--embedded-size", type=int, default=10000)
    perf.add_arguments(parser)
    args = parser.parse_args()
    selected = args.only or TABLES
    unknown = set(selected) - set(TABLES)
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}; choose from {', '.join(TABLES)}")

    if "quality" in selected:
        quality_table.main()
    perf_tables = [name for name in perf.TABLES if name in selected]
    if perf_tables:
        if not os.environ.get("SEARCH_URL") or not os.environ.get("DATABASE_URL", "").startswith("postgres"):
            print(
                "\nSkipping " + ", ".join(perf_tables) + ": they need DATABASE_URL=postgres://... and SEARCH_URL "
                "(make bench sets both)."
            )
        else:
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "bench.perf",
                    "--tables",
                    ",".join(perf_tables),
                    "--sizes",
                    ",".join(str(size) for size in args.sizes),
                    "--seed",
                    str(args.seed),
                    "--rounds",
                    str(args.rounds),
                    "--http-seconds",
                    str(args.http_seconds),
                    "--http-users",
                    str(args.http_users),
                    "--load-users",
                    str(args.load_users),
                    "--load-seconds",
                    str(args.load_seconds),
                    "--think",
                    ",".join(str(part) for part in args.think),
                ],
                check=True,
            )
    if "embedded" in selected:
        embedded_table.report(embedded_table.measure(args.embedded_size, args.rounds, args.seed))


if __name__ == "__main__":
    main()
