"""The services a benchmark run uses: OpenSearch health, bench indexes, peak memory of a subprocess."""

import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def opensearch_url():
    from config.search_url import http_url

    return http_url(os.environ["SEARCH_URL"])


def wait_for_opensearch(timeout=180):
    """Wait until the engine answers green or yellow (another process may be restarting it)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(f"{opensearch_url()}/_cluster/health", timeout=5) as response:
                if json.load(response)["status"] in ("green", "yellow"):
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise SystemExit(f"OpenSearch at {opensearch_url()} is not answering; start it with `make opensearch`")
        time.sleep(2)


def opensearch_healthy():
    try:
        with urllib.request.urlopen(f"{opensearch_url()}/_cluster/health", timeout=5) as response:
            return json.load(response)["status"] in ("green", "yellow")
    except OSError:
        return False


class EngineWentAway(Exception):
    """The engine stopped answering during a measurement (another process restarted it, say)."""


def with_engine_retries(measure, attempts=3):
    """measure(), again after the engine is back when it went away meanwhile (a shared machine)."""
    for attempt in range(1, attempts + 1):
        wait_for_opensearch()
        try:
            return measure()
        except EngineWentAway:
            if attempt == attempts:
                raise
            print("[bench] the search engine went away during a measurement; measuring again", file=sys.stderr)


def delete_indexes(es, prefix):
    """Delete every index whose name starts with prefix (by name: wildcard deletes may be refused)."""
    if not prefix.startswith("bench_"):
        raise ValueError(f"refusing to delete indexes of {prefix!r}: not a bench prefix")
    from opensearchpy.exceptions import ConnectionError

    for attempt in range(3):
        wait_for_opensearch()
        try:
            for row in es.cat.indices(index=f"{prefix}*", format="json"):
                es.indices.delete(index=row["index"], ignore_unavailable=True)
            return
        except ConnectionError:
            if attempt == 2:
                raise


def run_measured(job, env):
    """Run `python -m bench.child JOB...` in its own process: {"seconds", "peak_rss_mb", "work_seconds", ...}.

    seconds is the wall time of the whole process (start-up included), work_seconds the time after
    Django's set-up; peak_rss_mb is the process's own VmHWM.
    """
    with tempfile.NamedTemporaryFile(prefix="wijkwijs-bench-", suffix=".json") as report:
        started = time.perf_counter()
        finished = subprocess.run(
            [sys.executable, "-m", "bench.child", *job],
            env={**env, "BENCH_REPORT": report.name},
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
        )
        seconds = time.perf_counter() - started
        if finished.returncode != 0:
            raise RuntimeError(f"bench.child {' '.join(job)} exited with {finished.returncode}")
        return {"seconds": round(seconds, 2), **json.loads(Path(report.name).read_text(encoding="utf-8"))}


def manage(*arguments):
    """A management command as a bench.child job."""
    return ["manage", *arguments]
