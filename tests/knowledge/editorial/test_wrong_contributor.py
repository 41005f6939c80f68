"""Tilburg's contributor against Groningen's media and drafts: every chooser, bulk action, admin API endpoint and
reference-taking form field refuses or leaves them out (security issue 25, items 1 to 5 and 7)."""

import pytest
from django.contrib.auth import get_user_model

from knowledge.models import CaseStudyPage
from knowledge.submission.service import PRIVATE_COLLECTION
from tests.knowledge.editorial.test_references import foreign_references, save_as

pytestmark = pytest.mark.django_db

MEDIA_BULK_ACTIONS = ("delete", "add_to_collection", "add_tags")
PAGE_BULK_ACTIONS = ("delete", "move", "publish", "unpublish", "copy")


def secrets(site):
    """The titles Tilburg's contributor may not learn."""
    return [site["private"].title, site["groningen_document"].title, site["groningen_image"].title, site["submission"].title]


def shows_none(response, site):
    text = response.content.decode()
    return response.status_code < 500 and not any(secret in text for secret in secrets(site))


def page_chooser_answers(client, site):
    submission = site["submission"]
    return [
        client.get("/admin/choose-page/"),
        client.get("/admin/choose-page/search/", {"q": "Beijum"}),
        client.get(f"/admin/choose-page/{submission.get_parent().pk}/"),
        client.get(f"/admin/choose-page/chosen-multiple/?id={submission.pk}&id={site['tilburg_case'].pk}"),
    ]


def media_chooser_answers(client, site):
    answers = []
    for kind, items in (("documents", ("private", "groningen_document")), ("images", ("groningen_image",))):
        answers.append(client.get(f"/admin/{kind}/chooser/"))
        answers.append(client.get(f"/admin/{kind}/chooser/results/", {"q": "Groningen"}))
        for item in items:
            pk = site[item].pk
            answers.append(client.get(f"/admin/{kind}/chooser/chosen/{pk}/"))
            answers.append(client.get(f"/admin/{kind}/chooser/chosen-multiple/?id={pk}"))
    answers.append(client.get(f"/admin/images/chooser/{site['groningen_image'].pk}/select_format/"))
    return answers


def bulk_answers(client, site):
    answers = []
    targets = {
        "wagtaildocs/document": (MEDIA_BULK_ACTIONS, [site["private"].pk, site["groningen_document"].pk]),
        "wagtailimages/image": (MEDIA_BULK_ACTIONS, [site["groningen_image"].pk]),
        "wagtailcore/page": (PAGE_BULK_ACTIONS, [site["submission"].pk]),
    }
    for model, (actions, ids) in targets.items():
        for action in actions:
            url = f"/admin/bulk/{model}/{action}/"
            answers.extend(client.get(f"{url}?{query}") for query in ("id=all", "id=all&q=Beijum", "id=all&q=Groningen"))
            for pk in ids:
                answers.append(client.get(f"{url}?id={pk}"))
                answers.append(client.post(f"{url}?id={pk}", {"collection": site["tilburg_document"].collection_id}))
    gerda = site["gerda"]
    answers.append(client.get(f"/admin/bulk/wagtailusers/user/delete/?id={gerda.pk}"))
    return answers


def admin_api_answers(client, site):
    return [
        client.get("/admin/api/main/documents/"),
        client.get(f"/admin/api/main/documents/{site['private'].pk}/"),
        client.get(f"/admin/api/main/documents/{site['groningen_document'].pk}/"),
        client.get("/admin/api/main/images/"),
        client.get(f"/admin/api/main/images/{site['groningen_image'].pk}/"),
        client.get("/admin/api/main/pages/"),
        client.get(f"/admin/api/main/pages/{site['submission'].pk}/"),
        client.get("/admin/api/main/pages/", {"search": "Beijum"}),
    ]


def test_the_wrong_contributor_is_refused_or_shown_nothing_everywhere(client, two_municipalities):
    site = two_municipalities
    client.force_login(site["anna"])
    for response in [
        *page_chooser_answers(client, site),
        *media_chooser_answers(client, site),
        *bulk_answers(client, site),
        *admin_api_answers(client, site),
    ]:
        assert shows_none(response, site), (response.request["PATH_INFO"], response.request["QUERY_STRING"])
    case = site["tilburg_case"]
    for name, references in foreign_references(site).items():
        assert save_as(client, site["anna"], case, **references).status_code == 200, name
    site["private"].refresh_from_db()
    assert site["private"].collection.name == PRIVATE_COLLECTION
    assert CaseStudyPage.objects.get(pk=site["submission"].pk).get_parent().slug == "groningen"
    assert get_user_model().objects.filter(pk=site["gerda"].pk, is_active=True).exists()
    # What is Tilburg's own is still offered.
    assert site["tilburg_document"].title in client.get("/admin/api/main/documents/").content.decode()
    assert site["tilburg_case"].title in client.get(f"/admin/choose-page/chosen-multiple/?id={case.pk}").content.decode()


def test_bulk_actions_keep_to_what_the_user_may_touch(client, two_municipalities):
    """Item 2: `id=all` without childOf listed every page; ' 142' passed the guard and Wagtail cast it."""
    site = two_municipalities
    client.force_login(site["anna"])
    listing = client.get("/admin/bulk/wagtailcore/page/delete/?id=all")
    assert site["submission"].title not in listing.content.decode()
    own = site["tilburg_case"].pk
    assert client.get(f"/admin/bulk/wagtailcore/page/delete/?id={own}&id=%20{site['submission'].pk}").status_code == 400
    assert client.get(f"/admin/bulk/wagtailcore/page/delete/?id={own}&id={site['submission'].pk}").status_code in (302, 403)


def test_the_page_chooser_names_no_other_municipalitys_draft(client, two_municipalities):
    """Item 3."""
    site = two_municipalities
    client.force_login(site["anna"])
    chosen = client.get(f"/admin/choose-page/chosen-multiple/?id={site['submission'].pk}&id={site['tilburg_case'].pk}")
    assert site["submission"].title not in chosen.content.decode()
    assert site["tilburg_case"].title in chosen.content.decode()


def test_the_admin_api_lists_only_the_media_the_user_may_choose(client, two_municipalities):
    """Item 4."""
    site = two_municipalities
    client.force_login(site["anna"])
    listed = client.get("/admin/api/main/documents/").json()
    assert [item["title"] for item in listed["items"]] == [site["tilburg_document"].title]
    assert client.get(f"/admin/api/main/images/{site['groningen_image'].pk}/").status_code == 404


def test_media_bulk_confirmations_name_nothing_the_user_may_not_touch(client, two_municipalities):
    """Item 5."""
    site = two_municipalities
    client.force_login(site["anna"])
    refused = client.get(f"/admin/bulk/wagtaildocs/document/delete/?id={site['private'].pk}")
    assert refused.status_code in (302, 403) and site["private"].title not in refused.content.decode()
    everything = client.get("/admin/bulk/wagtaildocs/document/delete/?id=all").content.decode()
    assert site["tilburg_document"].title in everything and site["groningen_document"].title not in everything


@pytest.mark.sqlite
def test_malformed_bulk_ids_are_a_bad_request(client):
    """Item 7: these were 500s."""
    admin = get_user_model().objects.create_superuser("beheer", "beheer@wijkwijs.example", "x")
    client.force_login(admin)
    for query in ("id=all&childOf=abc", "id=142x", "id=142.0", "id=%20142", "id=all&childOf=1.5"):
        for model in ("wagtailcore/page", "wagtaildocs/document", "wagtailimages/image"):
            assert client.get(f"/admin/bulk/{model}/delete/?{query}").status_code == 400, (model, query)
    assert client.get("/admin/choose-page/chosen-multiple/?id=142x").status_code == 400
    assert client.get("/admin/bulk/wagtailcore/page/delete/?id=all&q=wijk").status_code in (200, 404)
