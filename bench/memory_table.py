"""Peak memory (RSS) of import and export, each in its own process: it must not grow with the library."""

from bench.services import manage, run_measured
from bench.tables import print_table, save_results

NAME = "memory"


def measure(library, size, import_measured, workdir):
    env = library.env
    cases_file = str(library.cases_file(size))
    rows = {"size": size}
    rows["baseline"] = run_measured(["baseline"], env)
    rows["read_stream"] = run_measured(["read-stream", cases_file], env)
    rows["read_json"] = run_measured(["read-json", cases_file], env)
    imported = import_measured["import"]
    rows["import"] = {"records": imported["cases"], "work_seconds": imported["seconds"], "peak_rss_mb": imported["peak_rss_mb"]}
    out = workdir / f"export-{size}.json"
    rows["export_cases"] = run_measured(manage("export_cases", str(out)), env)
    with open(out, encoding="utf-8") as stream:
        rows["export_cases"]["records"] = sum(1 for line in stream if line.startswith('{"external_id"'))
    out.unlink()
    rows["api_export"] = run_measured(["api-export"], env)
    return rows


LABELS = [
    ("baseline", "Django set up, nothing done (baseline)"),
    ("read_stream", "import file checked as import_cases now reads it (streamed)"),
    ("read_json", "the same file read whole with json.load (before)"),
    ("import", "manage.py import_cases of the cases added at this size"),
    ("export_cases", "manage.py export_cases (all cases)"),
    ("api_export", "GET /api/export.json (live cases, streamed)"),
]


def report(measurements):
    rows = []
    for measured in measurements:
        for key, label in LABELS:
            step = measured[key]
            rows.append((measured["size"], label, step.get("records", ""), step["work_seconds"], step["peak_rss_mb"]))
    print_table(
        "Peak RSS (VmHWM) of a process, MB; flat in the library size is the goal",
        ["library size", "job", "records", "work seconds", "peak MB"],
        rows,
    )
    save_results(NAME, measurements)
