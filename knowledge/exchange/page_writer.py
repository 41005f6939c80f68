"""Writing many new cases at once, with what Wagtail's page API would have written for each.

Creating a page through Wagtail (tree insert, revision, publish) costs some fifty statements per case:
an import of thousands of cases would take hours. A batch writes the same rows -- the page in the tree
with its URL path, the case, its themes, tags and congress editions, its first revision (published
when the record is), the "created" and "published" log entries and its reference index rows -- in a
few statements per chunk, and sends `page_published` for each published case, as publishing does.
Only for new cases of valid records (knowledge.exchange.importer decides); changes to existing cases go through
Wagtail's page API. tests/knowledge/exchange/test_page_writer.py compares the rows written here with
those the page API writes for the same records, field by field: keep it passing when Wagtail changes.
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Case, F, Max, When
from django.db.models.functions import Substr
from django.utils import timezone
from modelcluster.models import get_all_child_relations
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision
from wagtail.signals import page_published

from knowledge.models import CaseStudyPage
from knowledge.slugs import slug_base, unique_child_slug

# SQLite allows some thousands of parameters per statement; a case row has about forty.
INSERT_BATCH = 400
# A first revision holds the page as add_child left it, before save_revision and publish changed these.
NEW_PAGE_STATE = {
    "live": False,
    "has_unpublished_changes": False,
    "first_published_at": None,
    "last_published_at": None,
    "latest_revision_created_at": None,
}


def child_path(parent, step):
    """The treebeard path of the `step`th child of `parent`: its path and the step, fixed-width in the tree's alphabet."""
    key = CaseStudyPage.numconv_obj().int2str(step)
    return parent.path + key.rjust(CaseStudyPage.steplen, CaseStudyPage.alphabet[0])


class _Siblings:
    """The children of one municipality page: where the next one goes in the tree, and the slugs taken."""

    def __init__(self, parent, last_path, taken_bases):
        self.parent = parent
        self.step = CaseStudyPage.numconv_obj().str2int(last_path[-CaseStudyPage.steplen :]) if last_path else 0
        self.added = 0
        self.claimed = set()
        self.taken_bases = taken_bases  # the slug bases of the batch that some child already has

    def next_path(self):
        self.step += 1
        self.added += 1
        return child_path(self.parent, self.step)

    def free_slug(self, title):
        slug = slug_base(title)
        if slug in self.taken_bases or slug in self.claimed:
            slug = unique_child_slug(self.parent, title, also_taken=self.claimed)
        self.claimed.add(slug)
        return slug


def _last_child_paths(parents):
    """The path of the last child of each of these pages, in one query."""
    paths = {}
    for depth in {parent.depth for parent in parents}:
        prefix_length = depth * CaseStudyPage.steplen
        prefixes = [parent.path for parent in parents if parent.depth == depth]
        rows = (
            Page.objects.filter(depth=depth + 1)
            .annotate(parent_path=Substr("path", 1, prefix_length))
            .filter(parent_path__in=prefixes)
            .values("parent_path")
            .annotate(last_path=Max("path"))
        )
        paths.update({row["parent_path"]: row["last_path"] for row in rows})
    return paths


def _taken_slug_bases(parents, titles):
    """{parent pk: the slug bases of these titles that a child of that parent already has}, in one query."""
    by_path = {parent.path: parent.pk for parent in parents}
    taken = {parent.pk: set() for parent in parents}
    depths = {parent.depth + 1 for parent in parents}
    bases = {slug_base(title) for title in titles}
    for path, depth, slug in Page.objects.filter(depth__in=depths, slug__in=bases).values_list("path", "depth", "slug"):
        parent_pk = by_path.get(path[: (depth - 1) * CaseStudyPage.steplen])
        if parent_pk is not None:
            taken[parent_pk].add(slug)
    return taken


def _point_pages_at_revisions(cases):
    """Page.objects.bulk_update(cases, ["latest_revision", "live_revision"]) in one plain statement per
    INSERT_BATCH cases: Django's CASE expressions for it took longer to build than the rows did to write."""
    page_table = connection.ops.quote_name(Page._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(cases), INSERT_BATCH):
            chunk = cases[start : start + INSERT_BATCH]
            cursor.execute(
                f"UPDATE {page_table} SET latest_revision_id = CAST(v.column2 AS integer),"
                " live_revision_id = CAST(v.column3 AS integer)"
                f" FROM (VALUES {', '.join(['(%s, %s, %s)'] * len(chunk))}) AS v"
                f" WHERE {page_table}.id = CAST(v.column1 AS integer)",
                [value for case in chunk for value in (case.pk, case.latest_revision_id, case.live_revision_id)],
            )


def _keep_children_in_memory(case):
    """Child relations the record did not set are empty: in memory, so that serialising asks no query."""
    for relation in get_all_child_relations(CaseStudyPage):
        name = relation.get_accessor_name()
        if name not in getattr(case, "_cluster_related_objects", {}):
            getattr(case, name).set([])


class NewCaseBatch:
    """New cases collected record by record, written together by `write()`."""

    def __init__(self):
        self.entries = []  # (label, record, municipality page, unsaved case with its relations set)
        self.external_ids = set()

    def __len__(self):
        return len(self.entries)

    def __contains__(self, external_id):
        return external_id in self.external_ids

    def add(self, label, record, municipality, case):
        self.entries.append((label, record, municipality, case))
        self.external_ids.add(record.external_id)

    def clear(self):
        self.entries.clear()
        self.external_ids.clear()

    @transaction.atomic
    def write(self):
        """Write the cases; their pks. All or nothing: on a database error nothing of the batch is kept."""
        now = timezone.now()
        parents = {municipality.pk: municipality for _, _, municipality, _ in self.entries}
        last_paths = _last_child_paths(list(parents.values()))
        taken_bases = _taken_slug_bases(list(parents.values()), [record.title for _, record, _, _ in self.entries])
        siblings = {pk: _Siblings(page, last_paths.get(page.path), taken_bases[pk]) for pk, page in parents.items()}
        cases = []
        for _, record, municipality, case in self.entries:
            _keep_children_in_memory(case)
            self._place(case, record, siblings[municipality.pk], now)
            cases.append(case)

        self._insert_pages(cases)
        self._insert_relations(cases)
        revisions = self._insert_revisions(cases, now)
        self._log(cases, revisions, now)
        Page.objects.filter(pk__in=list(siblings)).update(
            numchild=F("numchild") + Case(*(When(pk=pk, then=sibling.added) for pk, sibling in siblings.items()))
        )
        self._index_references(cases)
        for case, revision in zip(cases, revisions, strict=True):
            if case.live:
                page_published.send(sender=CaseStudyPage, instance=case, revision=revision)
        return [case.pk for case in cases]

    def _place(self, case, record, siblings, now):
        parent = siblings.parent
        case.municipality = parent  # kept on the case: the page_published receivers read it without a query
        case.slug = siblings.free_slug(record.title)
        case.path = siblings.next_path()
        case.depth = parent.depth + 1
        case.numchild = 0
        case.url_path = f"{parent.url_path}{case.slug}/"
        case.locale_id = parent.locale_id
        case.translation_key = uuid.uuid4()
        case.draft_title = case.title
        case.content_type = ContentType.objects.get_for_model(CaseStudyPage)
        case.live = record.published
        case.has_unpublished_changes = not record.published
        case.first_published_at = case.last_published_at = now if record.published else None
        case.latest_revision_created_at = now

    def _insert_pages(self, cases):
        page_fields = [field.attname for field in Page._meta.concrete_fields if field.attname != "id"]
        pages = Page.objects.bulk_create([Page(**{name: getattr(case, name) for name in page_fields}) for case in cases])
        for page, case in zip(pages, cases, strict=True):
            case.pk = case.id = case.page_ptr_id = page.pk
            case._state.adding = False
        # Django's bulk_create refuses models with a parent table: the case table is written directly.
        for start in range(0, len(cases), INSERT_BATCH):
            CaseStudyPage._base_manager._insert(
                cases[start : start + INSERT_BATCH], fields=CaseStudyPage._meta.local_concrete_fields, using="default"
            )

    def _insert_relations(self, cases):
        themed, tagged, editions = [], [], []
        for case in cases:
            for item in case.themed_items.all():
                item.content_object_id = case.pk
                themed.append(item)
            for item in case.tagged_items.all():
                item.content_object_id = case.pk
                tagged.append(item)
            editions += [
                CaseStudyPage.congress_editions.through(casestudypage_id=case.pk, congresseditionpage_id=edition.pk)
                for edition in case.congress_editions.all()
            ]
        CaseStudyPage.themed_items.rel.related_model.objects.bulk_create(themed, batch_size=INSERT_BATCH)
        CaseStudyPage.tagged_items.rel.related_model.objects.bulk_create(tagged, batch_size=INSERT_BATCH)
        CaseStudyPage.congress_editions.through.objects.bulk_create(editions, batch_size=INSERT_BATCH)

    def _insert_revisions(self, cases, now):
        case_type = ContentType.objects.get_for_model(CaseStudyPage)
        page_type = ContentType.objects.get_for_model(Page)
        revisions = Revision.objects.bulk_create(
            [
                Revision(
                    content_type=case_type,
                    base_content_type=page_type,
                    object_id=str(case.pk),
                    created_at=now,
                    content={**case.serializable_data(), **NEW_PAGE_STATE},
                    object_str=str(case),
                )
                for case in cases
            ],
            batch_size=INSERT_BATCH,
        )
        for case, revision in zip(cases, revisions, strict=True):
            case.latest_revision = revision
            case.live_revision = revision if case.live else None
        _point_pages_at_revisions(cases)
        return revisions

    def _index_references(self, cases):
        """ReferenceIndex.create_or_update_for_object for new objects (nothing to compare with), in one insert."""
        if not ReferenceIndex.is_indexed(CaseStudyPage):
            return
        case_type = ContentType.objects.get_for_model(CaseStudyPage)
        page_type = ContentType.objects.get_for_model(Page)
        ReferenceIndex.objects.bulk_create(
            [
                ReferenceIndex(
                    content_type=case_type,
                    base_content_type=page_type,
                    object_id=case.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for case in cases
                for to_content_type_id, to_object_id, model_path, content_path in set(
                    ReferenceIndex._extract_references_from_object(case)
                )
            ],
            batch_size=INSERT_BATCH,
        )

    def _log(self, cases, revisions, now):
        case_type = ContentType.objects.get_for_model(CaseStudyPage, for_concrete_model=False)

        def entry(case, action, action_uuid, revision=None):
            return PageLogEntry(
                page_id=case.pk,
                content_type=case_type,
                label=case.title,
                action=action,
                revision=revision,
                timestamp=now,
                uuid=action_uuid,
                content_changed=True,
            )

        entries = []
        for case, revision in zip(cases, revisions, strict=True):
            # One uuid per case: Wagtail's history shows one entry per (uuid, action), so a uuid shared by
            # the whole batch would leave a single case with any history at all.
            action_uuid = uuid.uuid4()
            entries.append(entry(case, "wagtail.create", action_uuid))
            if case.live:
                entries.append(entry(case, "wagtail.publish", action_uuid, revision))
        PageLogEntry.objects.bulk_create(entries, batch_size=INSERT_BATCH)
