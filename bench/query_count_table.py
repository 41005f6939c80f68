"""SQL queries per page view: they must not grow with the number of results shown (no N+1)."""

from bench.tables import print_table, save_results

NAME = "queries"
PAGE_SIZES = (5, 20, 50)
# Linked cases on a case page; from 1 to 3, so that the similar cases always fill up the 4 places
# and only the per-case work can make the count grow.
RELATED_COUNTS = (1, 2, 3)


def _count(client, path):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(path)  # once to warm per-process caches (site root, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path}: HTTP {response.status_code}")
    return len(context.captured_queries)


def _case_with_related(number, taken):
    """A live case with `number` editor-linked related cases (links added in the throwaway database)."""
    from knowledge.models import CaseStudyPage
    from knowledge.models.case import RelatedCase

    cases = CaseStudyPage.objects.live().exclude(pk__in=taken).order_by("pk")
    case = cases.first()
    taken.add(case.pk)
    for position, other in enumerate(cases.exclude(pk=case.pk)[:number]):
        RelatedCase.objects.get_or_create(page=case, related_case=other, defaults={"sort_order": position})
    return case


def measure(size):
    from django.db.models import Count
    from django.test import Client

    from knowledge.models import MunicipalityPage

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for label, template in (
        ("/zoeken/ words", "/zoeken/?q=wijk+bewoners&page_size={n}"),
        ("/zoeken/ filter only", "/zoeken/?theme=armoede&page_size={n}"),
        ("/api/search/ words", "/api/search/?q=wijk+bewoners&page_size={n}"),
    ):
        rows.append(
            {"view": label, "variant": "page_size", "counts": {n: _count(client, template.format(n=n)) for n in PAGE_SIZES}}
        )

    taken = set()
    cases = {number: _case_with_related(number, taken) for number in RELATED_COUNTS}
    rows.append(
        {
            "view": "case page",
            "variant": "linked cases",
            "counts": {number: _count(client, case.url) for number, case in cases.items()},
        }
    )

    municipalities = MunicipalityPage.objects.annotate(n=Count("cases")).filter(n__gt=0).order_by("n")
    chosen = [municipalities.first(), municipalities[municipalities.count() // 2], municipalities.last()]
    rows.append(
        {"view": "municipality page", "variant": "cases listed", "counts": {page.n: _count(client, page.url) for page in chosen}}
    )
    for row in rows:
        # Fewer queries for more results happens (an empty list of similar cases is not fetched); more never may.
        counts = list(row["counts"].values())
        row["grows"] = max(counts) > counts[0]
    return {"size": size, "rows": rows}


def report(measurements):
    table = []
    for measured in measurements:
        for row in measured["rows"]:
            counts = ", ".join(f"{key}: {value}" for key, value in row["counts"].items())
            table.append((measured["size"], row["view"], row["variant"], counts, "YES" if row["grows"] else "no"))
    print_table(
        "SQL queries per request (must not grow with the results shown)",
        ["library size", "view", "varying", "queries", "grows"],
        table,
    )
    save_results(NAME, measurements)
