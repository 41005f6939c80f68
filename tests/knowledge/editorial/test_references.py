"""Every document, image and page a contributor saves in a case is one they may choose, in fields, inline panels
and StreamField blocks; publishing never frees another submission's private attachment (security issue 25,
item 1)."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from knowledge.editorial.permissions import municipality_collection
from knowledge.models import CaseAttachment, CaseStudyPage
from knowledge.submission.service import PRIVATE_COLLECTION
from tests.people import make_editor

pytestmark = pytest.mark.django_db


def case_form(case, attachments=(), related=(), hero_image=None, body=()):
    return nested_form_data(
        {
            "title": case.title,
            "slug": case.slug,
            "external_id": case.external_id,
            "licence": case.licence,
            "summary": case.summary,
            "themes": [theme.pk for theme in case.themes.all()],
            "tags": "",
            "hero_image": hero_image.pk if hero_image else "",
            "body": streamfield(list(body)),
            "attachments": inline_formset([{"document": document.pk, "title": ""} for document in attachments]),
            "related_links": inline_formset([{"related_case": page.pk} for page in related]),
            "comments": inline_formset([]),
            "contact_name": "",
            "contact_role": "",
            "contact_email": "",
        }
    )


def foreign_references(site):
    """Each way of putting Groningen's media or draft into a Tilburg case, by name."""
    private, document, image = site["private"], site["groningen_document"], site["groningen_image"]
    return {
        "attachment (private)": {"attachments": [private]},
        "attachment": {"attachments": [document]},
        "hero_image": {"hero_image": image},
        "related case (draft)": {"related": [site["submission"]]},
        "document block": {"body": [("document", private.pk)]},
        "image block": {"body": [("image", {"image": image.pk, "alt_text": "", "caption": ""})]},
        "document link in text": {"body": [("paragraph", rich_text(f'<p><a linktype="document" id="{private.pk}">x</a></p>'))]},
        "page link in text": {
            "body": [("paragraph", rich_text(f'<p><a linktype="page" id="{site["submission"].pk}">x</a></p>'))]
        },
    }


def save_as(client, user, case, **references):
    client.force_login(user)
    return client.post(f"/admin/pages/{case.pk}/edit/", case_form(case, **references))


def test_a_contributor_cannot_save_another_municipalitys_media_or_drafts_in_a_case(client, two_municipalities):
    site = two_municipalities
    case = site["tilburg_case"]
    revisions_before = case.revisions.count()
    for name, references in foreign_references(site).items():
        response = save_as(client, site["anna"], case, **references)
        assert response.status_code == 200, name
        assert "mag u niet gebruiken" in response.content.decode(), name
    assert case.revisions.count() == revisions_before


def test_a_contributor_saves_their_own_media_and_live_cases(client, two_municipalities):
    site = two_municipalities
    case = site["tilburg_case"]
    own_document, own_image = site["tilburg_document"], site["tilburg_image"]
    response = save_as(
        client,
        site["anna"],
        case,
        attachments=[own_document],
        hero_image=own_image,
        related=[site["groningen_live_case"]],
        body=[("document", own_document.pk), ("image", {"image": own_image.pk, "alt_text": "", "caption": ""})],
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = CaseStudyPage.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert [attachment.document for attachment in draft.attachments.all()] == [own_document]
    assert draft.hero_image == own_image
    assert [link.related_case_id for link in draft.related_links.all()] == [site["groningen_live_case"].pk]


def test_editors_use_every_document_image_and_page_and_what_they_chose_stays(client, two_municipalities):
    site = two_municipalities
    editor = make_editor()
    for name, references in foreign_references(site).items():
        assert save_as(client, editor, site["tilburg_case"], **references).status_code == 302, name
    references = {"attachments": [site["groningen_document"]], "hero_image": site["groningen_image"]}
    assert save_as(client, editor, site["tilburg_case"], **references).status_code == 302
    # The contributor saves the case again with what the editor chose in it.
    assert save_as(client, site["anna"], CaseStudyPage.objects.get(pk=site["tilburg_case"].pk), **references).status_code == 302


def test_publishing_a_case_leaves_another_submissions_private_attachment_private(client, two_municipalities):
    site = two_municipalities
    private = site["private"]
    case = site["tilburg_case"]
    case.attachments = [CaseAttachment(document=private)]
    case.save_revision().publish()
    private.refresh_from_db()
    assert private.collection.name == PRIVATE_COLLECTION
    assert client.get(private.url).status_code in (302, 403)

    submission = site["submission"]
    submission.save_revision().publish()
    private.refresh_from_db()
    assert private.collection == municipality_collection(submission.municipality)
