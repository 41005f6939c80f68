"""The embedded default (SQLite + database search) at 10,000 cases: search p95 (target < 100 ms)."""

import json
import os
import subprocess
import sys

from bench.services import ROOT
from bench.tables import print_table, save_results

NAME = "embedded"
TARGET_MS = 100


def measure(size, rounds, seed):
    env = {**os.environ, "DATABASE_URL": "", "SEARCH_URL": ""}
    output = subprocess.run(
        [sys.executable, "-m", "bench.embedded", "--size", str(size), "--rounds", str(rounds), "--seed", str(seed)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if output.returncode != 0:
        raise RuntimeError(f"bench.embedded failed:\n{output.stderr[-3000:]}")
    return json.loads(output.stdout.strip().splitlines()[-1])


def report(measured):
    rows = []
    for name, label in (("api", "GET /api/search/"), ("page", "GET /zoeken/")):
        stats = measured[name]
        verdict = "ok" if stats["p95_ms"] < TARGET_MS else "OVER"
        rows.append(
            (
                measured["size"],
                label,
                ", ".join(measured["backends"]),
                stats["n"],
                stats["p50_ms"],
                stats["p95_ms"],
                f"{verdict} (< {TARGET_MS} ms)",
            )
        )
    print_table(
        f"Embedded default, SQLite + database search (imported and indexed in {measured['import_seconds']} s)",
        ["cases", "request", "backend", "n", "p50 ms", "p95 ms", "p95 target"],
        rows,
    )
    save_results(NAME, measured)
