"""Search quality: nDCG@10 and recall@10 of each backend on graded Dutch queries.

    python -m bench.search_quality [--cases FILE] [--queries FILE]

Runs in a throwaway database; which database and engine come from DATABASE_URL and SEARCH_URL.
Prints one JSON line per backend measured (the database backend always, the engine when set, and on
OpenSearch the stock set-up of bench.stock_anchor as the anchor), each with its per-query figures.
"""

import argparse
import json
import math
import sys
from pathlib import Path

from bench.django_env import setup_django, throwaway_database

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
K = 10


def dcg(gains):
    return sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))


def ndcg_at_k(ranked_ids, relevance):
    ideal = dcg(sorted(relevance.values(), reverse=True)[:K])
    return dcg([relevance.get(case_id, 0) for case_id in ranked_ids[:K]]) / ideal if ideal else 0.0


def recall_at_k(ranked_ids, relevance):
    relevant = {case_id for case_id, grade in relevance.items() if grade > 0}
    return len(relevant & set(ranked_ids[:K])) / len(relevant) if relevant else 0.0


def measure(cases_file, queries_file):
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from bench.stock_anchor import StockOpenSearch
    from knowledge.exchange.importer import CaseImporter, read_records
    from knowledge.models import CaseStudyPage
    from search.database_search import database_search
    from search.engine_search import engine_search
    from search.facets import resolve_filters
    from search.service import engine_backend

    with open(cases_file, encoding="utf-8") as stream:
        report = CaseImporter().run(read_records(stream))
    if report.failed:
        raise SystemExit(f"import failed: {report.failed}")
    call_command("update_index", verbosity=0)
    external_ids = dict(CaseStudyPage.objects.values_list("pk", "external_id"))
    queries = json.loads(Path(queries_file).read_text(encoding="utf-8"))

    runners = {f"database ({connection.vendor})": lambda params, text: database_search(params, text, resolve_filters(params)).pks}
    backend = engine_backend()
    anchor = None
    if backend is not None:
        runners[settings.SEARCH_ENGINE] = lambda params, text: engine_search(backend, params, text, resolve_filters(params)).pks
        if settings.SEARCH_ENGINE == "opensearch":
            anchor = StockOpenSearch(backend.es, f"{settings.SEARCH_INDEX_PREFIX}stock_anchor")
            anchor.build()
            runners["stock OpenSearch (anchor)"] = lambda params, text: anchor.search(params.q, K)

    try:
        for name, run in runners.items():
            yield score(name, run, queries, external_ids)
    finally:
        if anchor is not None:
            anchor.drop()


def score(name, run, queries, external_ids):
    from search.params import SearchParams
    from search.query_text import parse_query_text

    ndcgs, recalls, per_query = [], [], []
    for query in queries:
        params = SearchParams(q=query["q"], page_size=K)
        ranked = [external_ids[pk] for pk in run(params, parse_query_text(params.q))]
        ndcgs.append(ndcg_at_k(ranked, query["rel"]))
        recalls.append(recall_at_k(ranked, query["rel"]))
        missed = sorted(case_id for case_id, grade in query["rel"].items() if grade == 2 and case_id not in ranked[:K])
        per_query.append({"q": query["q"], "ndcg": round(ndcgs[-1], 3), "top": ranked[:3], "missed": missed, "empty": not ranked})
    return {
        "backend": name,
        "queries": len(queries),
        "ndcg@10": round(sum(ndcgs) / len(ndcgs), 3),
        "recall@10": round(sum(recalls) / len(recalls), 3),
        "empty_pages": sum(query["empty"] for query in per_query),
        "per_query": per_query,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", default=EXAMPLES / "cases.json")
    parser.add_argument("--queries", default=EXAMPLES / "queries.json")
    args = parser.parse_args(argv)
    setup_django()
    from django.db import connection

    # Its own name: the test runner's test_<name> may be in use by a test run on the same server.
    with throwaway_database("bench_wijkwijs_quality" if connection.vendor == "postgresql" else None):
        for result in measure(args.cases, args.queries):
            print(json.dumps(result, ensure_ascii=False))
            sys.stdout.flush()


if __name__ == "__main__":
    main()
