"""Roles, the review workflow, privacy and keeping cases current."""

import datetime
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from knowledge.models import CaseStudyPage, MunicipalityPage
from knowledge.operations.demo import load_demo
from tests.people import PASSWORD, make_contributor, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    load_demo()
    return {
        "tilburg": MunicipalityPage.objects.get(slug="tilburg"),
        "leiden": MunicipalityPage.objects.get(slug="leiden"),
        "tilburg_case": CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht"),
        "leiden_case": CaseStudyPage.objects.get(external_id="ex-straatcoaches"),
    }


@pytest.fixture
def contributor(library):
    return make_contributor()


@pytest.fixture
def editor(library):
    return make_editor()


def perms(page, user):
    return page.permissions_for_user(user)


def test_contributor_edits_own_municipality_but_not_another(library, contributor):
    own, other = perms(library["tilburg_case"], contributor), perms(library["leiden_case"], contributor)
    assert own.can_edit() and not other.can_edit()
    assert perms(library["tilburg"], contributor).can_add_subpage()
    assert not perms(library["leiden"], contributor).can_add_subpage()


def test_contributor_cannot_publish_unpublish_delete_or_move(library, contributor):
    own = perms(library["tilburg_case"], contributor)
    assert not own.can_publish() and not own.can_unpublish()
    assert not own.can_delete() and not own.can_move()


def test_editor_reviews_and_curates_everything(library, editor):
    for case in (library["tilburg_case"], library["leiden_case"]):
        editor_perms = perms(case, editor)
        assert editor_perms.can_edit() and editor_perms.can_publish() and editor_perms.can_unpublish()
        assert editor_perms.can_delete() and editor_perms.can_move()


def test_contributor_admin_pages_follow_the_permissions(client, library, contributor):
    client.force_login(contributor)
    assert client.get(f"/admin/pages/{library['tilburg_case'].pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{library['leiden_case'].pk}/edit/").status_code in (302, 403)
    assert client.post(f"/admin/pages/{library['tilburg_case'].pk}/unpublish/").status_code in (302, 403)
    assert CaseStudyPage.objects.get(pk=library["tilburg_case"].pk).live


def test_contributors_and_editors_may_upload_images_and_documents(client, library, contributor, editor):
    for user in (contributor, editor):
        client.force_login(user)
        assert client.get("/admin/images/multiple/add/").status_code == 200
        assert client.get("/admin/documents/multiple/add/").status_code == 200


def test_a_contributor_group_that_lost_its_page_rights_gets_them_back_once(library):
    from wagtail.models import GroupCollectionPermission, GroupPagePermission

    from knowledge.editorial.permissions import contributor_group, ensure_contributor_group

    group = contributor_group(library["tilburg"])
    collection_rights = set(GroupCollectionPermission.objects.filter(group=group).values_list("permission__codename", flat=True))
    GroupPagePermission.objects.filter(group=group).delete()
    assert ensure_contributor_group(library["tilburg"]) == group
    page_rights = GroupPagePermission.objects.filter(group=group, page=library["tilburg"])
    assert sorted(page_rights.values_list("permission__codename", flat=True)) == ["add_page", "change_page"]
    again = GroupCollectionPermission.objects.filter(group=group)
    assert again.count() == len(collection_rights) == 6


def test_a_municipality_an_editor_took_offline_stays_offline_when_one_of_its_cases_is_published(library):
    library["tilburg"].unpublish()
    library["tilburg_case"].save_revision().publish()
    assert not MunicipalityPage.objects.get(pk=library["tilburg"].pk).live


def test_contributor_cannot_delete_even_a_draft_of_their_own(client, library, contributor):
    draft = library["tilburg"].add_child(
        instance=CaseStudyPage(title="Concept", summary="Nog niet af.", live=False, owner=contributor)
    )
    client.force_login(contributor)
    client.post(f"/admin/pages/{draft.pk}/delete/")
    assert CaseStudyPage.objects.filter(pk=draft.pk).exists()


def test_anonymous_visitors_are_sent_to_the_login(client, library):
    response = client.get(f"/admin/pages/{library['tilburg_case'].pk}/edit/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_municipality_with_cases_cannot_be_deleted(client, library):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    client.force_login(admin)
    client.post(f"/admin/pages/{library['tilburg'].pk}/delete/")
    assert MunicipalityPage.objects.filter(pk=library["tilburg"].pk).exists()
    assert CaseStudyPage.objects.filter(pk=library["tilburg_case"].pk).exists()


def test_add_contributor_without_password_prints_and_mails_a_link(library):
    out = io.StringIO()
    call_command("add_contributor", "bram", "bram@leiden.example", "leiden", stdout=out)
    assert "/admin/password_reset/" in out.getvalue()
    assert mail.outbox[-1].to == ["bram@leiden.example"]
    user = get_user_model().objects.get(username="bram")
    assert not user.has_usable_password()
    assert perms(library["leiden_case"], user).can_edit()


def test_add_contributor_extends_an_existing_contributor(library, contributor):
    call_command("add_contributor", "anna", "anna@tilburg.example", "Leiden", stdout=io.StringIO())
    assert perms(library["leiden_case"], contributor).can_edit()
    assert perms(library["tilburg_case"], contributor).can_edit()


def test_add_contributor_refuses_an_unknown_municipality(library):
    with pytest.raises(CommandError, match="bestaat niet"):
        call_command("add_contributor", "x", "x@example.org", "Atlantis", stdout=io.StringIO())


def test_review_workflow_round_trip_with_notifications(library, contributor, editor):
    case = library["tilburg"].add_child(
        instance=CaseStudyPage(
            title="Buurtkamers in de Reeshof", summary="Bewoners openen hun huiskamer.", live=False, owner=contributor
        )
    )
    case.save_revision(user=contributor)
    workflow = case.get_workflow()
    assert workflow.name == "Redactiecheck"
    mail.outbox.clear()
    workflow.start(case, contributor)
    assert any("erik@wijkwijs.example" in message.to for message in mail.outbox)

    task_state = case.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "reject", comment="Graag resultaten toevoegen.")
    case.refresh_from_db()
    assert not case.live
    rejected = case.workflow_states.order_by("-created_at").first()
    assert rejected.status == "needs_changes"
    assert rejected.current_task_state.comment == "Graag resultaten toevoegen."
    assert any("anna@tilburg.example" in message.to for message in mail.outbox)

    case.save_revision(user=contributor)
    rejected.resume(contributor)  # what "Resubmit" in the editor does
    task_state = case.current_workflow_task_state
    task_state.task.specific.on_action(task_state, editor, "approve")
    case.refresh_from_db()
    assert case.live


@pytest.mark.sqlite
def test_approval_in_the_review_workflow_counts_as_a_review(client, library, contributor, editor):
    case = library["tilburg"].add_child(
        instance=CaseStudyPage(
            title="Buurtkamers in de Reeshof", summary="Bewoners openen hun huiskamer.", live=False, owner=contributor
        )
    )
    case.save_revision(user=contributor)
    case.get_workflow().start(case, contributor)
    client.force_login(editor)
    task_state = case.current_workflow_task_state
    client.post(reverse("wagtailadmin_pages:workflow_action", args=(case.pk, "approve", task_state.pk)), {"comment": ""})
    case.refresh_from_db()
    today = timezone.localdate()
    assert case.live and case.last_reviewed == today
    assert case.get_latest_revision().as_object().last_reviewed == today  # the editor's next edit keeps it
    client.logout()
    html = client.get(case.url).content.decode()
    assert "Laatst beoordeeld" in html and date_format(today, "j F Y") in html
    client.force_login(editor)
    assert "Buurtkamers in de Reeshof" not in client.get("/admin/reports/te-herzien/").content.decode()


@pytest.mark.sqlite
def test_a_case_never_reviewed_is_listed_as_never_reviewed_however_recently_imported(client, library, editor):
    today = timezone.localdate()
    CaseStudyPage.objects.update(last_reviewed=today)
    CaseStudyPage.objects.filter(pk=library["tilburg_case"].pk).update(last_reviewed=None, first_published_at=timezone.now())
    CaseStudyPage.objects.filter(pk=library["leiden_case"].pk).update(last_reviewed=datetime.date(2008, 3, 1))
    client.force_login(editor)
    html = client.get("/admin/reports/te-herzien/").content.decode()
    assert "Alle gepubliceerde praktijkvoorbeelden" not in html
    assert "1 nooit beoordeeld</strong>, 1 langer dan 24 maanden geleden" in html
    never, old = html.index("Tilburg: de stad van wijkgericht werken"), html.index(library["leiden_case"].title)
    assert never < old  # never reviewed comes first
    assert "nooit beoordeeld</span>" in html[never:old] and "1 maart 2008" in html[old:]
    assert "Raadsleden op wijksafari" not in html


def test_a_case_page_without_a_review_date_does_not_mention_it(client, library):
    case = library["leiden_case"]
    CaseStudyPage.objects.filter(pk=case.pk).update(last_reviewed=None)
    html = client.get(case.url).content.decode()
    assert "Laatst beoordeeld" not in html and "nog niet beoordeeld" not in html


def test_stale_cases_report_and_reminders(client, library, contributor, editor):
    CaseStudyPage.objects.exclude(pk=library["tilburg_case"].pk).update(last_reviewed=timezone.localdate())
    CaseStudyPage.objects.filter(pk=library["tilburg_case"].pk).update(last_reviewed=datetime.date(2020, 1, 1))
    client.force_login(editor)
    html = client.get("/admin/reports/te-herzien/").content.decode()
    assert "Tilburg: de stad van wijkgericht werken" in html and "Raadsleden op wijksafari" not in html
    client.force_login(contributor)
    refused = client.get("/admin/reports/te-herzien/")
    assert refused.status_code in (302, 403) and b"Tilburg: de stad" not in refused.content
    mail.outbox.clear()
    out = io.StringIO()
    call_command("remind_stale_cases", stdout=out)
    assert [message.to for message in mail.outbox] == [["anna@tilburg.example"]]
    assert "Tilburg: de stad van wijkgericht werken" in mail.outbox[0].body


def test_privacy_export_and_removal_cover_every_revision(library):
    case = library["leiden_case"]
    case.contact_name, case.contact_email, case.contact_public = "Sanne de Vries", "sanne@leiden.example", True
    case.save_revision().publish()
    out = io.StringIO()
    call_command("privacy_export", "sanne@leiden.example", stdout=out)
    exported = json.loads(out.getvalue())
    assert exported["case_contacts"][0]["contact_name"] == "Sanne de Vries"
    assert exported["revisions_with_contact"] >= 1

    call_command("privacy_remove", "sanne@leiden.example", stdout=io.StringIO())
    case.refresh_from_db()
    assert case.contact_email == "" and not case.contact_public
    assert not any("sanne@leiden.example" in json.dumps(revision.content) for revision in case.revisions.all())
    out = io.StringIO()
    call_command("privacy_export", "sanne@leiden.example", stdout=out)
    assert json.loads(out.getvalue())["case_contacts"] == []


@pytest.mark.sqlite
def test_editors_preview_never_published_cases_before_approving_them(client, library, contributor, editor):
    """A form submission and a contributor's new case: view draft, the revision and the workflow preview."""
    client.post(
        "/delen/",
        {
            "title": "Buurtkamers in de Reeshof",
            "municipality": "GM0855",
            "summary": "Bewoners openen hun huiskamer.",
            "body": "Elke woensdag.",
            "themes": ["ouderen"],
            "contact_name": "Fatima Yilmaz",
            "contact_email": "fatima@tilburg.example",
            "consent": "on",
            "website": "",
        },
    )
    submitted = CaseStudyPage.objects.get(title="Buurtkamers in de Reeshof")
    written = library["tilburg"].add_child(
        instance=CaseStudyPage(title="Wijkbudget Noord", summary="Bewoners beslissen.", live=False, owner=contributor)
    )
    written.themes.set(list(library["tilburg_case"].themes.all()))
    written.save_revision(user=contributor)
    written.get_workflow().start(written, user=contributor)
    client.force_login(editor)
    for case in (submitted, CaseStudyPage.objects.get(pk=written.pk)):
        revision = case.get_latest_revision()
        task = case.current_workflow_task
        for url in (
            reverse("wagtailadmin_pages:view_draft", args=(case.pk,)),
            reverse("wagtailadmin_pages:revisions_view", args=(case.pk, revision.pk)),
            reverse("wagtailadmin_pages:workflow_preview", args=(case.pk, task.pk)),
        ):
            response = client.get(url)
            assert response.status_code == 200, url
            assert case.title in response.content.decode()


def a_draft(municipality, owner=None, title="Concept"):
    return municipality.add_child(instance=CaseStudyPage(title=title, summary="Nog niet af.", live=False, owner=owner))


@pytest.mark.sqlite
def test_bulk_actions_follow_the_same_rules_as_single_ones(client, library, contributor):
    """Bulk delete let a contributor delete a case that single delete refused."""
    own_draft = a_draft(library["tilburg"], owner=contributor)
    client.force_login(contributor)
    for action in ("delete", "move", "unpublish", "publish"):
        url = f"/admin/bulk/wagtailcore/page/{action}/?id={own_draft.pk}&id={library['tilburg_case'].pk}"
        client.post(url, {"move_applicable": "on", "chooser": library["leiden"].pk})
    own_draft.refresh_from_db()
    case = CaseStudyPage.objects.get(pk=library["tilburg_case"].pk)
    assert not own_draft.live and own_draft.get_parent().pk == library["tilburg"].pk
    assert case.live and case.get_parent().pk == library["tilburg"].pk


@pytest.mark.sqlite
def test_editors_still_delete_in_bulk(client, library, editor):
    draft = a_draft(library["tilburg"])
    client.force_login(editor)
    client.post(f"/admin/bulk/wagtailcore/page/delete/?id={draft.pk}")
    assert not CaseStudyPage.objects.filter(pk=draft.pk).exists()


@pytest.mark.sqlite
def test_contributors_see_no_draft_titles_of_other_municipalities(client, library, contributor):
    a_draft(library["leiden"], title="Geheim concept uit Leiden")
    own = a_draft(library["tilburg"], owner=contributor, title="Eigen concept uit Tilburg")
    leiden_draft = CaseStudyPage.objects.get(title="Geheim concept uit Leiden")
    client.force_login(contributor)
    pages = [
        client.get("/admin/choose-page/"),
        client.get(f"/admin/choose-page/{library['leiden'].pk}/"),
        client.get("/admin/choose-page/search/", {"q": "concept"}),
        client.get(f"/admin/bulk/wagtailcore/page/delete/?id={leiden_draft.pk}"),
        client.get(f"/admin/bulk/wagtailcore/page/unpublish/?id=all&childOf={library['leiden'].pk}"),
    ]
    for response in pages:
        assert "Geheim concept uit Leiden" not in response.content.decode()
    search = client.get("/admin/choose-page/search/", {"q": "concept"}).content.decode()
    assert own.title in search
    assert library["leiden_case"].title in client.get(f"/admin/choose-page/{library['leiden'].pk}/").content.decode()
