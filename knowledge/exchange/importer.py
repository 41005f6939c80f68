"""Importing cases from the JSON exchange format: idempotent by external_id, record by record."""

import itertools
import json
import logging
from dataclasses import dataclass, field

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _
from wagtail.models import ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from core.indexing import deferred_indexing
from knowledge.exchange.exporter import case_to_record, current_version
from knowledge.exchange.json_stream import JSONStreamError, NotTheFormat, array_items
from knowledge.exchange.page_writer import NewCaseBatch
from knowledge.exchange.records import RecordError, parse_record, record_id
from knowledge.models import CaseStudyPage, CongressEditionPage, MunicipalityPage, Theme
from knowledge.site_structure import ensure_case_index, ensure_congress_index
from knowledge.slugs import free_theme_slug, unique_child_slug
from knowledge.themes import ThemeFinder, UnknownTheme

logger = logging.getLogger("wijkwijs.import")
# New cases are written this many at a time (see knowledge.exchange.page_writer).
BATCH_SIZE = 250


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


def _not_the_format():
    return ImportFileError(_('verwacht een object met een lijst "cases": {"cases": [...]}'))


def _not_utf8():
    return ImportFileError(_("het bestand is geen UTF-8-tekst"))


def _invalid_json(error):
    return ImportFileError(
        _("geen geldige JSON: %(reason)s (regel %(line)s, kolom %(column)s)")
        % {"reason": error.msg, "line": error.lineno, "column": error.colno}
    )


def read_records(stream):
    """The list of raw records of an import file; ImportFileError when it is not the format."""
    try:
        document = json.load(stream)
    except json.JSONDecodeError as error:
        raise _invalid_json(error) from None
    except UnicodeDecodeError:
        raise _not_utf8() from None
    if isinstance(document, dict) and isinstance(document.get("cases"), list):
        return document["cases"]
    raise _not_the_format()


def _file_records(path):
    try:
        with open(path, encoding="utf-8") as stream:
            yield from array_items(stream, "cases")
    except JSONStreamError as error:
        raise _invalid_json(error) from None
    except UnicodeDecodeError:
        raise _not_utf8() from None
    except NotTheFormat:
        raise _not_the_format() from None


def count_file_records(path):
    """Read a whole import file once, keeping nothing: its number of records, or ImportFileError.

    With stream_file_records afterwards, a file of any size imports in flat memory, and a file that
    is broken anywhere is refused before anything is imported (as read_records does).
    """
    return sum(1 for _ in _file_records(path))


def stream_file_records(path):
    """The raw records of an import file, one at a time (check it with count_file_records first)."""
    return _file_records(path)


def existing_external_ids(external_ids):
    return set(CaseStudyPage.objects.filter(external_id__in=set(external_ids)).values_list("external_id", flat=True))


def set_case_fields(record, case):
    """Copy the plain fields of a record onto a case (relations are set by CaseImporter.apply)."""
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
    case.source_url = record.source_url
    if record.last_reviewed:
        case.last_reviewed = record.last_reviewed


def check_province(municipality, record):
    if record.province is not None and municipality.province != record.province:
        raise RecordError(
            _("gemeente %(municipality)s ligt in %(province)s, niet in %(given)s")
            % {"municipality": municipality.title, "province": municipality.province_label, "given": record.province.label}
        )


def unknown_theme_message(error):
    if error.suggestions:
        suggestions = (" " + _("of") + " ").join(map(repr, error.suggestions))
        return _(
            "onbekend thema %(theme)r (bedoelt u %(suggestions)s?); kies een bestaand thema, of importeer met "
            "--create-themes om het aan te maken"
        ) % {"theme": error.name, "suggestions": suggestions}
    return _("onbekend thema %(theme)r; kies een bestaand thema, of importeer met --create-themes om het aan te maken") % {
        "theme": error.name
    }


class CaseImporter:
    def __init__(self, create_themes=False):
        """create_themes: a theme name that matches no theme (in any case or accents) makes a new theme,
        instead of failing its record."""
        self.case_index = ensure_case_index()
        self.create_themes = create_themes
        # Looked up once per run: themes by name (any case or accents), tags by lowercased name, congress
        # editions by year, municipalities by lowercased name (for new cases only).
        self._themes = None
        self._editions = {}
        self._municipalities = None  # loaded all at once when the first new case needs one
        self._tags = {}
        # Which external_ids of the records at hand have a case already (one query per chunk of records).
        self.existing = set()

    def run(self, raw_records, progress=None):
        report = ImportReport()
        batch = NewCaseBatch()
        # Each changed case is saved three times (changed, revision, published): those are indexed once,
        # in bulk, at the end. New cases are written in batches and indexed batch by batch. The
        # municipalities and congress editions an import makes (hundreds in a first import) go in bulk
        # at the end as well, not one engine request each.
        with (
            deferred_indexing(MunicipalityPage),
            deferred_indexing(CongressEditionPage),
            deferred_indexing(CaseStudyPage) as index_written,
        ):
            numbered = enumerate(raw_records, start=1)
            while chunk := list(itertools.islice(numbered, BATCH_SIZE)):
                parsed = [(position, *self.parse(raw, position)) for position, raw in chunk]
                self.existing = existing_external_ids(
                    record.external_id for _, _, record in parsed if not isinstance(record, RecordError)
                )
                for position, label, record in parsed:
                    self.import_one(report, label, record, batch, index_written)
                    if progress:
                        progress(position)
                self.write_batch(report, batch, index_written)
        return report

    @staticmethod
    def parse(raw, position):
        """(label, record), or (label, RecordError) for a record that is not valid."""
        label = record_id(raw) or f"#{position}"
        try:
            return label, parse_record(raw)
        except RecordError as error:
            return label, error

    def import_one(self, report, label, record, batch, index_written):
        if isinstance(record, RecordError):
            report.failed.append((label, str(record)))
            return
        if record.external_id in batch:
            # The same case twice in one file: the second record changes the case the first one made.
            self.write_batch(report, batch, index_written)
        if record.external_id in self.existing:
            self.save_one(report, label, record)
            return
        try:
            batch.add(label, record, self.municipality_of_new_case(record), self.new_case(record))
        except RecordError as error:
            report.failed.append((label, str(error)))

    def write_batch(self, report, batch, index_written):
        if not len(batch):
            return
        entries = list(batch.entries)
        try:
            written = batch.write()
        except DatabaseError:
            # Rolled back as a whole: the records go one by one, so that a failure is that record's alone.
            logger.warning("writing %d new cases at once failed; importing them one by one", len(entries), exc_info=True)
            self.forget_lookups()
            for label, record, _, _ in entries:
                self.save_one(report, label, record)
        else:
            index_written(written)
            for label, record, _, _ in entries:
                self.existing.add(record.external_id)
                self.record_outcome(report, label, record, "created")
        finally:
            batch.clear()

    def save_one(self, report, label, record):
        try:
            with transaction.atomic():
                outcome = self.save_record(record)
        except RecordError as error:
            # What this record created was rolled back: forget it.
            self.forget_lookups()
            report.failed.append((label, str(error)))
        else:
            self.existing.add(record.external_id)
            self.record_outcome(report, label, record, outcome)

    def forget_lookups(self):
        self._themes = None
        self._editions.clear()
        self._municipalities = None
        self._tags.clear()

    @staticmethod
    def record_outcome(report, label, record, outcome):
        getattr(report, outcome).append(label)
        if record.unknown_fields:
            report.warnings.append(
                (label, _("onbekende velden genegeerd: %(fields)s") % {"fields": ", ".join(record.unknown_fields)})
            )

    def new_case(self, record):
        case = CaseStudyPage(external_id=record.external_id)
        self.apply(record, case)
        return case

    def save_record(self, record):
        """Create or update the case of one record: 'created', 'updated' or 'unchanged'."""
        municipality = self.municipality_for(record)
        case = CaseStudyPage.objects.filter(external_id=record.external_id).first()
        if case is None:
            case = CaseStudyPage(external_id=record.external_id, live=False)
            self.apply(record, case)
            case.slug = unique_child_slug(municipality, record.title)
            with disable_reference_index_auto_update():
                municipality.add_child(instance=case)
            outcome = "created"
        else:
            before = case_to_record(current_version(case))
            self.apply(record, case)
            moved = case.municipality_id != municipality.pk
            if not moved and case.live == record.published and case_to_record(case) == before:
                return "unchanged"
            outcome = "updated"
            if moved:
                case.slug = unique_child_slug(municipality, case.slug, exclude_pk=case.pk)
                with disable_reference_index_auto_update():
                    case.save(update_fields=["slug"])
                    case.move(municipality, pos="last-child")
                case.refresh_from_db()
                self.apply(record, case)
        # The reference index follows the case once, after its last save, instead of after each of them.
        with disable_reference_index_auto_update():
            revision = case.save_revision(clean=False)
            if record.published:
                revision.publish()
            elif case.live:
                case.unpublish()
        if ReferenceIndex.is_indexed(CaseStudyPage):
            ReferenceIndex.create_or_update_for_object(CaseStudyPage.objects.get(pk=case.pk))
        return outcome

    def apply(self, record, case):
        set_case_fields(record, case)
        case.themes.set([self.theme(name) for name in record.themes])
        case.tags.set([self.tag(name) for name in record.tags])
        case.congress_editions.set([self.congress_edition(year) for year in record.congress_years])

    def municipality_for(self, record):
        # Looked up each time, not cached: a page in the tree must be fresh to add children to it.
        page = MunicipalityPage.objects.filter(title__iexact=record.municipality).first()
        if page is None:
            if record.province is None:
                raise RecordError(
                    _("gemeente %(municipality)r bestaat nog niet; geef ook 'province' op")
                    % {"municipality": record.municipality}
                )
            page = MunicipalityPage(
                title=record.municipality,
                slug=unique_child_slug(self.case_index, record.municipality),
                province=record.province,
            )
            self.case_index.add_child(instance=page)
        else:
            check_province(page, record)
        return page

    def municipality_of_new_case(self, record):
        """municipality_for, remembered: a batch needs no fresh copy (see knowledge.exchange.page_writer)."""
        if self._municipalities is None:
            self._municipalities = {}
            for page in MunicipalityPage.objects.order_by("path"):
                self._municipalities.setdefault(page.title.lower(), page)
        page = self._municipalities.get(record.municipality.lower())
        if page is None:
            page = self._municipalities[record.municipality.lower()] = self.municipality_for(record)
        else:
            check_province(page, record)
        return page

    def theme(self, name):
        if self._themes is None:
            self._themes = ThemeFinder()
        try:
            return self._themes.find(name)
        except UnknownTheme as error:
            if not self.create_themes:
                raise RecordError(unknown_theme_message(error)) from None
        theme = Theme.objects.create(name=name, slug=free_theme_slug(name))
        self._themes.add(theme)
        return theme

    def tag(self, name):
        key = name.lower()
        tag = self._tags.get(key)
        if tag is None:
            # As taggit does with TAGGIT_CASE_INSENSITIVE: an existing tag in any case, else a new one.
            tag_model = CaseStudyPage.tags.through.tag_model()
            tag = tag_model.objects.filter(name__iexact=name).first() or tag_model.objects.create(name=name)
            self._tags[key] = tag
        return tag

    def congress_edition(self, year):
        edition = self._editions.get(year)
        if edition is None:
            edition = CongressEditionPage.objects.filter(year=year).first()
        if edition is None:
            edition = CongressEditionPage(title=f"Congres {year}", year=year, slug=str(year))
            ensure_congress_index().add_child(instance=edition)
        self._editions[year] = edition
        return edition
