"""Importing cases from the JSON exchange format: idempotent by external_id, record by record."""

import json
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify
from wagtail.rich_text import RichText

from knowledge.exporter import case_to_record
from knowledge.case_records import RecordError, parse_record, record_id
from knowledge.models import CaseStudyPage, CongressEditionPage, MunicipalityPage, Theme
from knowledge.site_structure import ensure_case_index, ensure_congress_index


class ImportFileError(ValueError):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    failed: list = field(default_factory=list)  # (external_id or "#position", reason)
    warnings: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.failed


def read_records(stream):
    """The list of raw records of an import file; ImportFileError when it is not the format."""
    try:
        document = json.load(stream)
    except json.JSONDecodeError as error:
        raise ImportFileError(f"geen geldige JSON: {error.msg} (regel {error.lineno}, kolom {error.colno})") from None
    except UnicodeDecodeError:
        raise ImportFileError("het bestand is geen UTF-8-tekst") from None
    if isinstance(document, dict) and isinstance(document.get("cases"), list):
        return document["cases"]
    raise ImportFileError('verwacht een object met een lijst "cases": {"cases": [...]}')


def unique_child_slug(parent, base, exclude_pk=None):
    base = (slugify(base) or "praktijkvoorbeeld")[:80]
    taken = set(parent.get_children().exclude(pk=exclude_pk).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


class CaseImporter:
    def __init__(self):
        self.case_index = ensure_case_index()

    def run(self, raw_records, progress=None):
        report = ImportReport()
        for position, raw in enumerate(raw_records, start=1):
            label = record_id(raw) or f"#{position}"
            try:
                record = parse_record(raw)
                with transaction.atomic():
                    outcome = self.save_record(record)
            except RecordError as error:
                report.failed.append((label, str(error)))
            else:
                getattr(report, outcome).append(label)
                if record.unknown_fields:
                    report.warnings.append((label, "onbekende velden genegeerd: " + ", ".join(record.unknown_fields)))
            if progress:
                progress(position)
        return report

    def save_record(self, record):
        """Create or update the case of one record: 'created', 'updated' or 'unchanged'."""
        municipality = self.municipality_for(record)
        case = CaseStudyPage.objects.filter(external_id=record.external_id).first()
        if case is None:
            case = CaseStudyPage(external_id=record.external_id, live=False)
            self.apply(record, case)
            case.slug = unique_child_slug(municipality, record.title)
            municipality.add_child(instance=case)
            outcome = "created"
        else:
            before = case_to_record(case)
            self.apply(record, case)
            moved = case.municipality_id != municipality.pk
            if not moved and case.live == record.published and case_to_record(case) == before:
                return "unchanged"
            outcome = "updated"
            if moved:
                case.slug = unique_child_slug(municipality, case.slug, exclude_pk=case.pk)
                case.save(update_fields=["slug"])
                case.move(municipality, pos="last-child")
                case.refresh_from_db()
                self.apply(record, case)
        revision = case.save_revision(clean=False)
        if record.published:
            revision.publish()
        elif case.live:
            case.unpublish()
        return outcome

    def apply(self, record, case):
        case.title = record.title
        case.summary = record.summary
        case.body = [("paragraph", RichText(record.body_html))] if record.body_html else []
        case.neighbourhoods = "\n".join(record.neighbourhoods)
        case.partners = "\n".join(record.partners)
        case.year_start = record.year_start
        case.year_end = record.year_end
        case.results = record.results
        case.lessons_learned = record.lessons_learned
        case.contact_name = record.contact.name
        case.contact_role = record.contact.role
        case.contact_email = record.contact.email
        case.contact_public = record.contact.public
        case.licence = record.licence
        case.budget_euros = record.budget_euros
        if record.last_reviewed:
            case.last_reviewed = record.last_reviewed
        case.themes.set([self.theme(name) for name in record.themes])
        case.tags.set(record.tags)
        case.congress_editions.set([self.congress_edition(year) for year in record.congress_years])

    def municipality_for(self, record):
        page = MunicipalityPage.objects.filter(title__iexact=record.municipality).first()
        if page is None:
            if record.province is None:
                raise RecordError(f"gemeente {record.municipality!r} bestaat nog niet; geef ook 'province' op")
            page = MunicipalityPage(
                title=record.municipality,
                slug=unique_child_slug(self.case_index, record.municipality),
                province=record.province,
            )
            self.case_index.add_child(instance=page)
        elif record.province is not None and page.province != record.province:
            raise RecordError(
                f"gemeente {page.title} ligt in {page.province_label}, niet in {record.province.label}"
            )
        return page

    def theme(self, name):
        theme = Theme.objects.filter(name__iexact=name).first() or Theme.objects.filter(slug=slugify(name)).first()
        if theme is None:
            theme = Theme.objects.create(name=name, slug=slugify(name)[:100] or "thema")
        return theme

    def congress_edition(self, year):
        edition = CongressEditionPage.objects.filter(year=year).first()
        if edition is None:
            edition = CongressEditionPage(title=f"Congres {year}", year=year, slug=str(year))
            ensure_congress_index().add_child(instance=edition)
        return edition
