"""Import and indexing throughput (cases/s), against a raw bulk load of the same documents."""

from bench.stats import ratio
from bench.tables import print_table, save_results

NAME = "import"


def _rate(step):
    return step["cases"] / step["seconds"] if step["seconds"] else float("nan")


def report(measurements):
    rows = []
    for measured in measurements:
        raw_rate = _rate(measured["raw_bulk"])
        steps = [
            ("manage.py import_cases: PostgreSQL + OpenSearch + database index (start-up excluded)", measured["import"]),
            ("  the engine part: index_in_bulk into OpenSearch alone, documents from the database", measured["engine_bulk"]),
            ("raw: opensearchpy helpers.bulk of those prebuilt documents", measured["raw_bulk"]),
        ]
        for label, step in steps:
            rate = _rate(step)
            rows.append((measured["size"], label, step["cases"], step["seconds"], round(rate, 1), ratio(rate, raw_rate)))
        if measured.get("engine_away_during_import"):
            rows.append((measured["size"], "WARNING: the engine was away during import_cases; its rate is not comparable",
                         "", "", "", ""))
    print_table(
        "Import and index throughput at each library size (ratio: cases/s divided by the raw bulk rate)",
        ["library size", "path", "cases", "seconds", "cases/s", "x raw"],
        rows,
    )
    save_results(NAME, measurements)
