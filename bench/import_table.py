"""Import and indexing throughput (cases/s), against a raw bulk load of the same documents and against an import
of the same records through Wagtail's page API, one case at a time."""

from bench.stats import ratio
from bench.tables import print_table, save_results

NAME = "import"


def _rate(step):
    return step["cases"] / step["seconds"] if step["seconds"] else float("nan")


def report(measurements):
    rows = []
    for measured in measurements:
        raw_rate = _rate(measured["raw_bulk"])
        page_api_rate = _rate(measured["page_api"])
        steps = [
            ("manage.py import_cases: PostgreSQL + OpenSearch + database index (start-up excluded)", measured["import"]),
            ("  the engine part: index_in_bulk into OpenSearch alone, documents from the database", measured["engine_bulk"]),
            ("raw: opensearchpy helpers.bulk of those prebuilt documents", measured["raw_bulk"]),
            ("page API: add_child + save_revision + publish per case, indexed on each save", measured["page_api"]),
        ]
        for label, step in steps:
            rate = _rate(step)
            rows.append(
                (
                    measured["size"],
                    label,
                    step["cases"],
                    step["seconds"],
                    round(rate, 1),
                    ratio(rate, raw_rate),
                    ratio(rate, page_api_rate),
                )
            )
        if measured.get("engine_away_during_import"):
            rows.append(
                (
                    measured["size"],
                    "WARNING: the engine was away during import_cases; its rate is not comparable",
                    "",
                    "",
                    "",
                    "",
                    "",
                )
            )
    print_table(
        "Import and index throughput at each library size (ratios: cases/s divided by the raw bulk rate, and by "
        "the rate of the same records through Wagtail's page API)",
        ["library size", "path", "cases", "seconds", "cases/s", "x raw", "x page API"],
        rows,
    )
    save_results(NAME, measurements)
