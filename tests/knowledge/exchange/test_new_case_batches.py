"""New cases of an import are written in batches: they must be the pages Wagtail's page API would have made."""

import pytest
from django.db import DatabaseError
from wagtail.models import Page, PageLogEntry, ReferenceIndex

from knowledge.exchange.importer import CaseImporter
from knowledge.exchange.page_writer import NewCaseBatch
from knowledge.models import CaseStudyPage, MunicipalityPage

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


def records(count, start=0, **fields):
    return [
        {
            "external_id": f"zwolle-{number}",
            "title": "Buurtkoks koken voor ouderen",
            "municipality": "Zwolle",
            "province": "Overijssel",
            "summary": f"Ronde {number}: buurtbewoners koken wekelijks samen met ouderen.",
            "themes": ["Zorg en welzijn"],
            "tags": ["koken"],
            "congress_years": [2015],
            **fields,
        }
        for number in range(start, start + count)
    ]


def test_imported_cases_sit_in_a_sound_tree_with_unique_slugs_and_urls():
    CaseImporter().run(records(3))  # the municipality has children before the next import
    report = CaseImporter().run(records(7, start=3))

    assert len(report.created) == 7
    assert Page.find_problems() == ([], [], [], [], [])
    zwolle = MunicipalityPage.objects.get(title="Zwolle")
    cases = CaseStudyPage.objects.child_of(zwolle)
    assert zwolle.numchild == cases.count() == 10
    assert len({case.slug for case in cases}) == 10
    assert all(case.url_path == f"{zwolle.url_path}{case.slug}/" for case in cases)


def test_an_imported_case_has_its_revision_history_and_opens_in_the_editor(admin_client):
    CaseImporter().run(records(1) + records(1, start=1, published=False) + records(2, start=2))
    published, draft, *others = CaseStudyPage.objects.order_by("external_id")

    assert published.live and published.live_revision == published.latest_revision
    assert list(published.latest_revision.as_object().themes.names()) == ["Zorg en welzijn"]
    actions = set(PageLogEntry.objects.filter(page=published).values_list("action", flat=True))
    assert actions == {"wagtail.create", "wagtail.publish"}
    assert not draft.live and draft.has_unpublished_changes and draft.live_revision is None
    assert set(PageLogEntry.objects.filter(page=draft).values_list("action", flat=True)) == {"wagtail.create"}

    assert admin_client.get(f"/admin/pages/{published.pk}/edit/").status_code == 200
    for case in (published, draft, *others):
        history = admin_client.get(f"/admin/pages/{case.pk}/history/")
        assert history.status_code == 200
        assert "Er zijn geen logboekvermeldingen" not in history.content.decode()


def test_imported_cases_appear_in_the_reference_index_of_their_theme():
    CaseImporter().run(records(2))
    theme = CaseStudyPage.objects.first().themes.get()
    assert ReferenceIndex.get_grouped_references_to(theme).count() == 2


def test_the_same_case_twice_in_one_file_is_created_then_updated():
    report = CaseImporter().run(records(1) + records(1, title="Buurtkoks in Zwolle-Zuid"))
    assert (len(report.created), len(report.updated)) == (1, 1)
    assert CaseStudyPage.objects.get().title == "Buurtkoks in Zwolle-Zuid"


def test_a_batch_the_database_refuses_is_imported_case_by_case(monkeypatch):
    def refuse(self):
        raise DatabaseError("simulated conflict")

    monkeypatch.setattr(NewCaseBatch, "write", refuse)
    report = CaseImporter().run(records(3))

    assert len(report.created) == 3 and report.ok
    assert CaseStudyPage.objects.live().count() == 3
    assert Page.find_problems() == ([], [], [], [], [])
