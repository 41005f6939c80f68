"""Search quality of every backend side by side: SQLite, PostgreSQL and the engine."""

import json
import os
import subprocess
import sys

from bench.tables import print_table, save_results

CONFIGURATIONS = [
    ("embedded default (SQLite)", {"DATABASE_URL": "", "SEARCH_URL": ""}),
    ("PostgreSQL + engine", {}),
]


def run_configuration(overrides):
    env = {**os.environ, **overrides, "SEARCH_INDEX_PREFIX": "bench_quality_"}
    output = subprocess.run(
        [sys.executable, "-m", "bench.search_quality"], env=env, capture_output=True, text=True, check=True
    ).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def main():
    rows, results = [], []
    for label, overrides in CONFIGURATIONS:
        for result in run_configuration(overrides):
            if label.startswith("PostgreSQL") or result["backend"].startswith("database"):
                rows.append((label, result["backend"], result["queries"], result["ndcg@10"], result["recall@10"]))
                results.append({"configuration": label, **result})
    print_table("Search quality on examples/queries.json (nDCG@10 and recall@10, higher is better)",
                ["configuration", "backend", "queries", "nDCG@10", "recall@10"], rows)
    save_results("search_quality", results)
