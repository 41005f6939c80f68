"""Exporting cases in the JSON exchange format, streamed record by record."""

import json

from django.utils.html import escape
from wagtail.models import Site

from knowledge.models import CaseStudyPage
from knowledge.models.case import relation_prefetches

CHUNK_SIZE = 500


def body_html(case):
    parts = []
    for block in case.body:
        if block.block_type == "paragraph":
            parts.append(block.value.source)
        elif block.block_type == "heading":
            parts.append(f"<h2>{escape(block.value)}</h2>")
        elif block.block_type == "quote":
            parts.append(f"<blockquote><p>{escape(block.value['text'])}</p></blockquote>")
    return "".join(parts)


def site_relative_path(url_path, root_url_path):
    """'/wijkwijs-home/praktijkvoorbeelden/tilburg/x/' -> '/praktijkvoorbeelden/tilburg/x/'"""
    return "/" + url_path[len(root_url_path) :] if url_path.startswith(root_url_path) else url_path


def case_to_record(case, base_url="", root_url_path="/"):
    years = sorted(edition.year for edition in case.related("congress_editions"))
    record = {
        "external_id": case.external_id,
        "title": case.title,
        "municipality": case.municipality_name,
        "province": case.province_label,
        "summary": case.summary,
        "body": body_html(case),
        "themes": sorted(theme.name for theme in case.related("themes")),
        "tags": sorted(tag.name for tag in case.related("tags")),
        "neighbourhoods": case.neighbourhood_list,
        "year_start": case.year_start,
        "year_end": case.year_end,
        "partners": case.partner_list,
        "results": case.results,
        "lessons_learned": case.lessons_learned,
        "congress_year": years[0] if years else None,
        "contact": {
            "name": case.contact_name,
            "role": case.contact_role,
            "email": case.contact_email,
            "public": case.contact_public,
        },
        "published": case.live,
        "licence": case.licence,
        "last_reviewed": case.last_reviewed.isoformat() if case.last_reviewed else None,
        "budget_euros": case.budget_euros,
        "source_url": case.source_url,
        "url": base_url.rstrip("/") + site_relative_path(case.url_path, root_url_path),
    }
    if len(years) > 1:
        record["congress_years"] = years
    return record


def current_version(case):
    """The case as it stands now: for an unpublished case its newest revision, since Wagtail keeps the page row
    of a page that is not live at its first version and saves each later edit as a revision only."""
    if case.live or not case.has_unpublished_changes or case.latest_revision_id is None:
        return case
    return case.get_latest_revision_as_object()


def export_queryset(queryset=None):
    queryset = CaseStudyPage.objects.all() if queryset is None else queryset
    return queryset.select_related("municipality").prefetch_related(*relation_prefetches()).order_by("external_id")


def iter_records(queryset=None, base_url=""):
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root_url_path = site.root_page.url_path if site else "/"
    for case in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield case_to_record(current_version(case), base_url, root_url_path)


def write_json(records, stream):
    """Write {"cases": [...]} one record at a time, so memory stays flat."""
    stream.write('{"cases": [')
    for number, record in enumerate(records):
        stream.write(",\n" if number else "\n")
        stream.write(json.dumps(record, ensure_ascii=False))
    stream.write("\n]}\n")
