"""Public exports of search results as CSV and as the JSON exchange format, produced in chunks.

The JSON records are those of `manage.py export_cases`, so that an export imports elsewhere with
`import_cases`, except that contact details are left out unless the person consented to be shown.
"""

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import islice

from wagtail.models import Site

from knowledge.exchange.exporter import case_to_record, export_queryset
from knowledge.models import CaseStudyPage

CASES_PER_CHUNK = 200
CSV_COLUMNS = (
    "external_id",
    "title",
    "municipality",
    "province",
    "themes",
    "year_start",
    "year_end",
    "summary",
    "url",
    "licence",
    "licence_url",
    "tags",
    "neighbourhoods",
    "partners",
    "congress_years",
    "last_reviewed",
    "contact_name",
    "contact_role",
    "contact_email",
    "source_url",
)
LIST_SEPARATOR = "; "
# A spreadsheet reads a cell starting with one of these as a formula (CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
UTF8_BOM = "\ufeff"


def cases_in_chunks(pks: Iterable[int]) -> Iterator[list[CaseStudyPage]]:
    """Lists of live, public cases in the order of pks, CASES_PER_CHUNK pks at a time."""
    pks = iter(pks)
    while chunk := list(islice(pks, CASES_PER_CHUNK)):
        # Also checked here: an engine index may lag behind a case that was just unpublished.
        cases = export_queryset(CaseStudyPage.objects.published().filter(pk__in=chunk))
        by_pk = {case.pk: case for case in cases}
        yield [by_pk[pk] for pk in chunk if pk in by_pk]


def site_root_url_path() -> str:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page.url_path if site else "/"


def public_record(case: CaseStudyPage, base_url: str, root_url_path: str) -> dict:
    """The exchange record of a case without the contact details nobody consented to publish."""
    record = case_to_record(case, base_url, root_url_path)
    if not case.contact_public:
        del record["contact"]
    return record


def json_chunks(pks: Iterable[int], base_url: str) -> Iterator[str]:
    """{"cases": [...]} in pieces, a chunk of cases at a time."""
    root_url_path = site_root_url_path()
    yield '{"cases": ['
    separator = "\n"
    for cases in cases_in_chunks(pks):
        pieces = []
        for case in cases:
            pieces.append(separator + json.dumps(public_record(case, base_url, root_url_path), ensure_ascii=False))
            separator = ",\n"
        yield "".join(pieces)
    yield "\n]}\n"


def neutralise_formula(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def congress_years(record: dict) -> list[int]:
    if "congress_years" in record:
        return record["congress_years"]
    return [record["congress_year"]] if record["congress_year"] else []


def csv_row(record: dict, case: CaseStudyPage) -> list[str]:
    contact = record.get("contact", {})
    values = {
        **record,
        "themes": LIST_SEPARATOR.join(record["themes"]),
        "tags": LIST_SEPARATOR.join(record["tags"]),
        "neighbourhoods": LIST_SEPARATOR.join(record["neighbourhoods"]),
        "partners": LIST_SEPARATOR.join(record["partners"]),
        "congress_years": LIST_SEPARATOR.join(str(year) for year in congress_years(record)),
        "licence_url": case.licence_url,
        "contact_name": contact.get("name"),
        "contact_role": contact.get("role"),
        "contact_email": contact.get("email"),
    }
    return [neutralise_formula(values[column]) for column in CSV_COLUMNS]


class _Line:
    """A file-like target for csv.writer that hands back what was written."""

    def write(self, text: str) -> str:
        return text


def csv_chunks(pks: Iterable[int], base_url: str) -> Iterator[str]:
    """A UTF-8 CSV with a byte order mark (so Excel reads the accents right), a chunk of cases at a time."""
    root_url_path = site_root_url_path()
    writer = csv.writer(_Line())
    yield UTF8_BOM + writer.writerow(CSV_COLUMNS)
    for cases in cases_in_chunks(pks):
        yield "".join(writer.writerow(csv_row(public_record(case, base_url, root_url_path), case)) for case in cases)
