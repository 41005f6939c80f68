"""The bulk writer of new cases writes the rows Wagtail's page API writes for the same records.

Each import below runs in a transaction that is rolled back, so both start from the same library: a municipality
that already has a case, and the themes, tags and congress edition the records use.
"""

import re

import pytest
from django.db import transaction
from modelsearch.conf import get_app_config
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision

from knowledge.exchange.importer import CaseImporter
from knowledge.exchange.records import parse_record
from knowledge.models import CaseStudyPage, MunicipalityPage

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]

# Different on every write: ids and the translation key are left out; of the moments of writing and the
# revisions pointed to, only whether they are set is compared.
IDS = {"id", "pk", "page_ptr", "page_ptr_id", "translation_key", "content_object"}
SET_OR_NOT = {
    "latest_revision",
    "latest_revision_id",
    "live_revision",
    "live_revision_id",
    "first_published_at",
    "last_published_at",
    "latest_revision_created_at",
}
CHILD_ID = re.compile(r"^(\w+)\.\d+\.")


def records():
    record = {
        "municipality": "Zwolle",
        "province": "Overijssel",
        "themes": ["Zorg en welzijn"],
        "tags": ["koken"],
        "congress_years": [2015],
    }
    return [
        {
            **record,
            "external_id": "zwolle-koks",
            "title": "Buurtkoks koken voor ouderen",
            "summary": "Buurtbewoners koken wekelijks samen met ouderen.",
            "body_html": "<p>Elke <b>dinsdag</b> koken buren.</p>",
            "partners": ["Welzijn Zwolle"],
        },
        # The same title as the case already there: the next free slug.
        {**record, "external_id": "zwolle-koks-2", "title": "Buurtkoks", "summary": "Een tweede ronde."},
        {
            **record,
            "external_id": "zwolle-concept",
            "title": "Wijkbudget",
            "summary": "Nog niet af.",
            "published": False,
            "tags": ["budget"],
        },
    ]


@pytest.fixture
def library():
    CaseImporter().run([{**records()[0], "external_id": "zwolle-eerst", "title": "Buurtkoks", "tags": ["koken", "budget"]}])


def comparable(value):
    if isinstance(value, dict):
        return {key: item is not None if key in SET_OR_NOT else comparable(item) for key, item in value.items() if key not in IDS}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    return value


def rows_of(case):
    """What the database holds for one case, with its ids and timestamps left out or replaced by what they
    point to."""
    page = Page.objects.get(pk=case.pk)
    revisions = list(Revision.objects.for_instance(case).order_by("pk"))
    page_fields = [field.attname for field in Page._meta.concrete_fields]
    case_fields = [field.attname for field in CaseStudyPage._meta.local_concrete_fields]
    return {
        "page": comparable({name: getattr(page, name) for name in page_fields}),
        "case": comparable({name: getattr(case, name) for name in case_fields}),
        "latest revision is its revision": [page.latest_revision_id] == [revision.pk for revision in revisions],
        "live revision": "its revision" if page.live_revision_id == page.latest_revision_id else page.live_revision_id,
        "revisions": [
            {
                "content_type": revision.content_type_id,
                "base_content_type": revision.base_content_type_id,
                "object_str": revision.object_str,
                "user": revision.user_id,
                "approved_go_live_at": revision.approved_go_live_at,
                **comparable(revision.content),
            }
            for revision in revisions
        ],
        "log": sorted(
            (
                entry.action,
                entry.label,
                entry.content_type_id,
                entry.content_changed,
                entry.deleted,
                entry.data,
                entry.user_id,
                entry.revision_id == page.latest_revision_id if entry.revision_id else None,
            )
            for entry in PageLogEntry.objects.filter(page=case)
        ),
        "relations": (
            sorted(case.themes.values_list("name", flat=True)),
            sorted(case.tags.values_list("name", flat=True)),
            sorted(case.congress_editions.values_list("year", flat=True)),
        ),
        # A content path names the child object holding the reference by its id ("themed_items.12.tag").
        "references": sorted(
            (content_type, to_content_type, to_object_id, model_path, CHILD_ID.sub(r"\1.<id>.", content_path))
            for content_type, to_content_type, to_object_id, model_path, content_path in ReferenceIndex.objects.filter(
                object_id=str(case.pk), base_content_type__model="page"
            ).values_list("content_type", "to_content_type", "to_object_id", "model_path", "content_path")
        ),
        "search index": sorted(
            tuple(str(value) for value in row)
            for row in get_app_config()
            .get_model("IndexEntry")
            .objects.filter(object_id=str(case.pk))
            .values_list("content_type", "title", "autocomplete", "body")
        ),
    }


def written(import_records):
    """The rows of the cases `import_records` writes, and the state of the tree; then rolled back."""
    external_ids = [record["external_id"] for record in records()]
    with transaction.atomic():
        import_records(records())
        state = {case.external_id: rows_of(case) for case in CaseStudyPage.objects.filter(external_id__in=external_ids)}
        zwolle = MunicipalityPage.objects.get(title="Zwolle")
        state["tree"] = {
            "problems": Page.find_problems(),
            "numchild": zwolle.numchild,
            "children": list(zwolle.get_children().values_list("path", "slug")),
        }
        transaction.set_rollback(True)
    return state


def through_page_api(raw_records):
    """Each record as the importer writes a case one at a time: add_child, save_revision, publish."""
    importer = CaseImporter()
    for raw in raw_records:
        importer.save_record(parse_record(raw))


def test_the_bulk_writer_writes_the_rows_of_the_page_api(library):
    bulk = written(lambda raw_records: CaseImporter().run(raw_records))
    page_api = written(through_page_api)

    assert bulk.keys() == page_api.keys() == {"zwolle-koks", "zwolle-koks-2", "zwolle-concept", "tree"}
    published = page_api["zwolle-koks"]
    assert [entry[0] for entry in published["log"]] == ["wagtail.create", "wagtail.publish"]
    assert published["references"] and published["search index"] and published["live revision"] == "its revision"
    found = differences(bulk, page_api)
    assert not found, "\n".join(
        f"{' / '.join(map(str, where))}: bulk {ours!r}, page API {theirs!r}" for where, ours, theirs in found
    )


def differences(bulk, page_api, where=()):
    """Where the two differ, field by field: [(path, bulk value, page API value)]."""
    if isinstance(page_api, dict) and isinstance(bulk, dict) and bulk.keys() == page_api.keys():
        return [found for key in page_api for found in differences(bulk[key], page_api[key], (*where, key))]
    if isinstance(page_api, list) and isinstance(bulk, list) and len(bulk) == len(page_api):
        pairs = enumerate(zip(bulk, page_api, strict=True))
        return [found for index, (ours, theirs) in pairs for found in differences(ours, theirs, (*where, index))]
    return [] if bulk == page_api else [(where, bulk, page_api)]
