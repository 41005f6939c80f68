"""Jobs run in their own process so that their peak memory (VmHWM) can be measured alone.

    python -m bench.child baseline              Django set up, nothing else
    python -m bench.child read-stream FILE      check an import file the way import_cases now does
    python -m bench.child read-json FILE        read it whole with json.load (read_records)
    python -m bench.child api-export            GET /api/export.json, streamed to nowhere
    python -m bench.child manage COMMAND ...    a management command, as manage.py runs it

The process writes {"peak_rss_mb", "seconds", ...} as JSON to the file named by BENCH_REPORT when it
exits. VmHWM is read from /proc/self/status: a fork-and-exec child's ru_maxrss would include the
memory of the (large) benchmark process that started it.
"""

import atexit
import json
import os
import sys
import time

REPORT = {}


def peak_rss_mb():
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def write_report(started):
    REPORT.update({"peak_rss_mb": round(peak_rss_mb()), "work_seconds": round(time.perf_counter() - started, 2)})
    if os.environ.get("BENCH_REPORT"):
        with open(os.environ["BENCH_REPORT"], "w", encoding="utf-8") as stream:
            json.dump(REPORT, stream)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    job = argv[0]
    from bench.django_env import setup_django

    setup_django()
    started = time.perf_counter()  # work only, after Django's start-up
    atexit.register(write_report, started)
    if job == "baseline":
        pass
    elif job == "read-stream":
        from knowledge.exchange.importer import count_file_records

        REPORT["records"] = count_file_records(argv[1])
    elif job == "read-json":
        from knowledge.exchange.importer import read_records

        with open(argv[1], encoding="utf-8") as stream:
            REPORT["records"] = len(read_records(stream))
    elif job == "api-export":
        from django.test import Client

        response = Client(HTTP_HOST="127.0.0.1").get("/api/export.json")
        if response.status_code != 200:
            raise SystemExit(f"/api/export.json: HTTP {response.status_code}")
        REPORT["bytes"] = sum(len(chunk) for chunk in response.streaming_content)
        REPORT["records"] = int(response["X-Total-Count"])
        REPORT["backend"] = response["X-Search-Backend"]
    elif job == "manage":
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", *argv[1:]])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
