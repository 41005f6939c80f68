"""Search quality of every backend side by side (SQLite, PostgreSQL, the engine and a stock OpenSearch anchor),
on the example queries and on the real-text development set of ../shared/eval (read there at run time, never
copied into the repository), with the queries each backend answers worst."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.tables import print_table, save_results

REPO = Path(__file__).resolve().parent.parent
QUERY_SETS = [
    ("examples", REPO / "examples" / "cases.json", REPO / "examples" / "queries.json"),
    (
        "real texts (dev)",
        REPO.parent / "shared" / "eval" / "real-dev-cases.json",
        REPO.parent / "shared" / "eval" / "real-dev-queries.json",
    ),
]
CONFIGURATIONS = [
    ("embedded default (SQLite)", {"DATABASE_URL": "", "SEARCH_URL": ""}),
    ("PostgreSQL + engine", {}),
]
WORST = 8  # queries listed per backend under the table


def run_configuration(overrides, cases, queries):
    env = {**os.environ, **overrides, "SEARCH_INDEX_PREFIX": "bench_quality_"}
    output = subprocess.run(
        [sys.executable, "-m", "bench.search_quality", "--cases", str(cases), "--queries", str(queries)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def print_misses(name, result):
    worst = sorted(result["per_query"], key=lambda query: query["ndcg"])[:WORST]
    print(f"\n  worst queries of {name}:")
    for query in worst:
        missed = ", ".join(query["missed"]) or "-"
        print(f"    {query['ndcg']:.2f}  {query['q']!r}  top: {', '.join(query['top']) or '(empty page)'}  missed: {missed}")


def main():
    results = []
    for set_name, cases, queries in QUERY_SETS:
        if not queries.exists():
            print(f"\nSkipping the quality table on {set_name}: {queries} is not there.")
            continue
        rows, measured = [], []
        for label, overrides in CONFIGURATIONS:
            for result in run_configuration(overrides, cases, queries):
                if label.startswith("PostgreSQL") or result["backend"].startswith("database"):
                    rows.append(
                        (
                            label,
                            result["backend"],
                            result["queries"],
                            result["ndcg@10"],
                            result["recall@10"],
                            result["empty_pages"],
                        )
                    )
                    measured.append({"query_set": set_name, "configuration": label, **result})
        print_table(
            f"Search quality on {set_name} (nDCG@10 and recall@10, higher is better)",
            ["configuration", "backend", "queries", "nDCG@10", "recall@10", "empty pages"],
            rows,
        )
        for result in measured:
            print_misses(result["backend"], result)
        results += measured
    save_results("search_quality", results)
