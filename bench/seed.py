"""Filling a benchmark library fast: the cases of generated records, written with bulk inserts.

`import_cases` goes through Wagtail's page API (tree insert, revision, publish, log entry, reference
index) at a few cases a second on a small machine, which would make a 10,000 or 100,000 case
library take hours. The read benchmarks (search, pages, exports, load) need the same pages, not
their history, so this module writes what reading sees -- the page in the tree with its URL path,
live flag and publication dates, the case fields, its themes, tags and congress editions -- in bulk,
and leaves out revisions, log entries and reference index rows. Municipalities, themes and congress
editions are found or created by CaseImporter itself. Indexing is left to the caller
(knowledge.indexing.index_in_bulk), so that it can be measured.

Not for real data: use `manage.py import_cases`.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page

CHUNK_SIZE = 1000
INSERT_BATCH = 400


def _case_fields(record, case):
    """The fields CaseImporter.apply sets, without the relations."""
    from knowledge.importer import set_case_fields

    set_case_fields(record, case)
    case.draft_title = record.title


class _Parent:
    """A municipality page and the next free position and slugs below it."""

    def __init__(self, page):
        from knowledge.models import CaseStudyPage

        self.page = page
        last = page.get_last_child()
        self.step = CaseStudyPage._str2int(last.path[-CaseStudyPage.steplen :]) if last else 0
        self.slugs = set(page.get_children().values_list("slug", flat=True))

    def next_path(self):
        from knowledge.models import CaseStudyPage

        self.step += 1
        return CaseStudyPage._get_path(self.page.path, self.page.depth + 1, self.step)

    def free_slug(self, title):
        base = (slugify(title) or "praktijkvoorbeeld")[:80]
        slug, number = base, 2
        while slug in self.slugs:
            slug, number = f"{base}-{number}", number + 1
        self.slugs.add(slug)
        return slug


def seed_records(raw_records, chunk_size=CHUNK_SIZE):
    """Create the cases of these (new, valid) records in bulk; returns their pks."""
    from knowledge.case_records import parse_record
    from knowledge.importer import CaseImporter
    from knowledge.models import CaseStudyPage

    importer = CaseImporter()
    content_type = ContentType.objects.get_for_model(CaseStudyPage)
    parents, tags, pks = {}, {}, []
    chunk = []
    for raw in raw_records:
        chunk.append(parse_record(raw))
        if len(chunk) == chunk_size:
            pks += _seed_chunk(chunk, importer, content_type, parents, tags)
            chunk = []
    if chunk:
        pks += _seed_chunk(chunk, importer, content_type, parents, tags)
    for parent in parents.values():
        Page.objects.filter(pk=parent.page.pk).update(numchild=parent.step)
    return pks


@transaction.atomic
def _seed_chunk(records, importer, content_type, parents, tags):
    from knowledge.models import CaseStudyPage
    from knowledge.models.case import CaseTag, ThemedCase

    now = timezone.now()
    cases = []
    for record in records:
        municipality = importer.municipality_for(record)
        parent = parents.get(municipality.pk)
        if parent is None:
            parent = parents[municipality.pk] = _Parent(municipality)
        case = CaseStudyPage(external_id=record.external_id, content_type=content_type, locale_id=municipality.locale_id)
        _case_fields(record, case)
        case.slug = parent.free_slug(record.title)
        case.path = parent.next_path()
        case.depth = municipality.depth + 1
        case.numchild = 0
        case.url_path = f"{municipality.url_path}{case.slug}/"
        case.translation_key = uuid.uuid4()
        case.live = record.published
        case.has_unpublished_changes = not record.published
        case.first_published_at = case.last_published_at = now if record.published else None
        case.municipality_id = municipality.pk
        cases.append((record, case))

    base_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
    pages = Page.objects.bulk_create([Page(**{name: getattr(case, name) for name in base_fields}) for _, case in cases])
    for page, (_, case) in zip(pages, cases, strict=True):
        case.pk = case.id = case.page_ptr_id = page.pk
    rows = [case for _, case in cases]
    for start in range(0, len(rows), INSERT_BATCH):  # SQLite limits the parameters of one statement
        CaseStudyPage._base_manager._insert(
            rows[start : start + INSERT_BATCH], fields=CaseStudyPage._meta.local_concrete_fields, using="default"
        )

    themed, tagged, congress = [], [], []
    for record, case in cases:
        themed += [ThemedCase(tag=importer.theme(name), content_object_id=case.pk) for name in record.themes]
        for name in record.tags:
            if name.lower() not in tags:
                tags[name.lower()] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                    name=name, slug=slugify(name)[:100] or "tag"
                )
            tagged.append(CaseTag(tag=tags[name.lower()], content_object_id=case.pk))
        congress += [
            CaseStudyPage.congress_editions.through(
                casestudypage_id=case.pk, congresseditionpage_id=importer.congress_edition(year).pk
            )
            for year in record.congress_years
        ]
    ThemedCase.objects.bulk_create(themed)
    CaseTag.objects.bulk_create(tagged)
    CaseStudyPage.congress_editions.through.objects.bulk_create(congress)
    return [case.pk for _, case in cases]
