"""Documents and images: each municipality's contributors see and change their own, never another's, never the
private attachments of submissions, and what a live case shows only through review (security issue item 1)."""

import io

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission

from knowledge.editorial.permissions import contributor_group, municipality_collection
from knowledge.models import CaseAttachment, CaseStudyPage, MunicipalityPage
from knowledge.operations.demo import load_demo
from tests.knowledge.editorial.media_files import PDF, png_bytes, submission_data
from tests.people import PASSWORD, make_contributor, make_editor

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()


@pytest.fixture
def site(client):
    """Tilburg's contributor (anna), Groningen's (gerda), a private submission from Groningen with an attachment,
    and a live Groningen case that shows a document and an image."""
    load_demo()
    anna = make_contributor()
    call_command("add_contributor", "gerda", "gerda@groningen.example", "Groningen", "--password", PASSWORD, stdout=io.StringIO())
    client.post("/delen/", submission_data(attachments=[SimpleUploadedFile("geheim.pdf", PDF)]))
    submission = CaseStudyPage.objects.get(title="Buurtkamers in Beijum")
    groningen = MunicipalityPage.objects.get(slug="groningen")
    live_case = CaseStudyPage.objects.get(external_id="ex-groningen-congres")
    collection = municipality_collection(groningen)
    shown_document = Document.objects.create(
        title="Verslag Groningen", collection=collection, file=ContentFile(PDF, name="verslag.pdf")
    )
    shown_image = Image.objects.create(
        title="Foto Groningen", collection=collection, file=ContentFile(png_bytes(), name="foto.png")
    )
    live_case.hero_image = shown_image
    live_case.attachments = [CaseAttachment(document=shown_document)]
    live_case.save_revision().publish()
    return {
        "anna": anna,
        "gerda": Group.objects.get(name="Bijdragers Groningen").user_set.get(),
        "private": submission.attachments.get().document,
        "shown_document": shown_document,
        "shown_image": shown_image,
        "root": Collection.get_first_root_node(),
    }


def unchanged(document, title, collection_pk, file_name):
    document.refresh_from_db()
    return document.title == title and document.collection_id == collection_pk and document.file.name == file_name


def try_everything_on(client, document):
    """Edit (move to the root collection, replace the file) and delete, as the logged-in user."""
    before = (document.title, document.collection_id, document.file.name)
    edit = reverse("wagtaildocs:edit", args=(document.pk,))
    client.post(
        edit,
        {"title": "Overgenomen", "collection": Collection.get_first_root_node().pk, "file": SimpleUploadedFile("ander.pdf", PDF)},
    )
    client.post(reverse("wagtaildocs:delete", args=(document.pk,)))
    client.post(reverse("wagtail_bulk_action", args=("wagtaildocs", "document", "delete")) + f"?id={document.pk}")
    return Document.objects.filter(pk=document.pk).exists() and unchanged(document, *before)


@pytest.mark.sqlite
def test_another_municipalitys_contributor_can_do_nothing_with_a_private_attachment(client, site):
    client.force_login(site["anna"])
    private = site["private"]
    assert private.title not in client.get(reverse("wagtaildocs:index")).content.decode()
    assert private.title not in client.get(reverse("wagtaildocs_chooser:choose")).content.decode()
    assert client.get(reverse("wagtaildocs:edit", args=(private.pk,))).status_code in (302, 403)
    assert try_everything_on(client, private)
    client.logout()
    assert client.get(private.url).status_code in (302, 403)


@pytest.mark.sqlite
def test_submitted_attachments_are_the_editors_alone_even_for_their_own_municipality(client, site):
    client.force_login(site["gerda"])
    private = site["private"]
    assert private.title not in client.get(reverse("wagtaildocs:index")).content.decode()
    assert client.get(reverse("wagtaildocs:edit", args=(private.pk,))).status_code in (302, 403)
    assert try_everything_on(client, private)
    assert client.get(private.url).status_code in (302, 403)


def test_another_municipalitys_contributor_cannot_touch_the_media_of_its_live_case(client, site):
    client.force_login(site["anna"])
    document, image = site["shown_document"], site["shown_image"]
    assert document.title not in client.get(reverse("wagtaildocs:index")).content.decode()
    assert image.title not in client.get(reverse("wagtailimages:index")).content.decode()
    assert try_everything_on(client, document)
    assert client.get(reverse("wagtailimages:delete", args=(image.pk,))).status_code in (302, 403)
    client.post(reverse("wagtailimages:delete", args=(image.pk,)))
    client.post(reverse("wagtailimages:edit", args=(image.pk,)), {"title": "Overgenomen", "collection": site["root"].pk})
    image.refresh_from_db()
    assert image.title == "Foto Groningen"


def test_the_municipalitys_own_contributor_changes_a_live_cases_media_only_through_review(client, site):
    client.force_login(site["gerda"])
    document, image = site["shown_document"], site["shown_image"]
    assert client.get(reverse("wagtaildocs:edit", args=(document.pk,))).status_code in (302, 403)
    assert try_everything_on(client, document)
    client.post(reverse("wagtailimages:delete", args=(image.pk,)))
    assert Image.objects.filter(pk=image.pk).exists()
    # choosing stays possible, for a new draft of the case
    assert document.title in client.get(reverse("wagtaildocs_chooser:choose")).content.decode()


def test_the_municipalitys_own_contributor_manages_media_no_live_case_shows(client, site):
    client.force_login(site["gerda"])
    draft_document = Document.objects.create(
        title="Concept Groningen", collection=site["shown_document"].collection, file=ContentFile(PDF, name="concept.pdf")
    )
    assert "Concept Groningen" in client.get(reverse("wagtaildocs:index")).content.decode()
    response = client.post(
        reverse("wagtaildocs:edit", args=(draft_document.pk,)),
        {"title": "Concept Groningen, herzien", "collection": draft_document.collection_id},
    )
    assert response.status_code == 302
    draft_document.refresh_from_db()
    assert draft_document.title == "Concept Groningen, herzien"
    client.post(reverse("wagtaildocs:delete", args=(draft_document.pk,)))
    assert not Document.objects.filter(pk=draft_document.pk).exists()


def test_a_contributor_uploads_into_their_municipalitys_collection_only(client, site):
    client.force_login(site["anna"])
    tilburg = municipality_collection(MunicipalityPage.objects.get(slug="tilburg"))
    for asked in (site["root"], tilburg):
        client.post(
            reverse("wagtaildocs:add"),
            {"title": f"Plan {asked.pk}", "collection": asked.pk, "file": SimpleUploadedFile("plan.pdf", PDF)},
        )
    assert {document.collection for document in Document.objects.filter(title__startswith="Plan ")} == {tilburg}
    assert tilburg.get_parent().name == "Gemeenten"


def test_the_editors_change_and_delete_what_a_live_case_shows(client, site):
    client.force_login(make_editor())
    document = site["shown_document"]
    client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)), {"title": "Verslag, gecorrigeerd", "collection": document.collection_id}
    )
    document.refresh_from_db()
    assert document.title == "Verslag, gecorrigeerd"
    assert site["private"].title in client.get(reverse("wagtaildocs:index")).content.decode()


def test_a_published_submissions_attachments_join_its_municipalitys_media(client, site):
    case = CaseStudyPage.objects.get(title="Buurtkamers in Beijum")
    case.save_revision().publish()
    private = Document.objects.get(pk=site["private"].pk)
    assert private.collection == municipality_collection(case.municipality)
    assert client.get(private.url).status_code == 200


def test_existing_sites_move_contributors_off_the_root_collection(site):
    """The data migration: contributor rights on the root collection (as before) become rights on a collection of
    the municipality's own, and media a case shows move there."""
    from importlib import import_module

    migration = import_module("knowledge.migrations.0007_municipality_media_collections")
    tilburg = MunicipalityPage.objects.get(slug="tilburg")
    group = contributor_group(tilburg)
    GroupCollectionPermission.objects.filter(group=group).delete()
    GroupCollectionPermission.objects.bulk_create(
        [
            GroupCollectionPermission(group=group, collection=site["root"], permission=right.permission)
            for right in GroupCollectionPermission.objects.filter(
                group=contributor_group(MunicipalityPage.objects.get(slug="groningen"))
            )
        ]
    )
    old_document = Document.objects.create(title="Oud verslag", collection=site["root"], file=ContentFile(PDF, name="oud.pdf"))
    case = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    case.attachments = [CaseAttachment(document=old_document)]
    case.save_revision().publish()

    migration.give_municipalities_their_media_collections(django_apps, None)

    rights = GroupCollectionPermission.objects.filter(group=group)
    assert rights.count() == 6 and {right.collection.name for right in rights} == {"Tilburg"}
    assert rights.first().collection.get_parent().name == "Gemeenten"
    old_document.refresh_from_db()
    assert old_document.collection.name == "Tilburg"
    assert Document.objects.get(pk=site["private"].pk).collection.name == "Inzendingen"


def test_private_documents_are_reachable_only_through_wagtails_view(client, site):
    """The view checks the collection's restriction; the file itself is never served from /media/ (README: the
    proxy must not serve MEDIA_ROOT either)."""
    private = site["private"]
    assert private.url.startswith("/documenten/")
    assert client.get(private.url).status_code in (302, 403)
    assert client.get(f"/media/{private.file.name}").status_code == 404
    client.force_login(make_editor())
    served = client.get(private.url)
    assert served.status_code == 200 and b"".join(served.streaming_content).startswith(b"%PDF")


def test_a_draft_that_drops_a_live_cases_media_does_not_free_them(client, site):
    live_case = CaseStudyPage.objects.get(external_id="ex-groningen-congres")
    live_case.attachments = []
    live_case.hero_image = None
    live_case.save_revision(user=site["gerda"])
    client.force_login(site["gerda"])
    assert try_everything_on(client, site["shown_document"])
    client.post(reverse("wagtailimages:delete", args=(site["shown_image"].pk,)))
    assert Image.objects.filter(pk=site["shown_image"].pk).exists()
