"""A contributor in the admin: Dutch, branded, a dashboard of their own, only the fields they need, themes to tick,
and submitting as the main action. Editors keep everything."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import Workflow

from knowledge.models import CaseStudyPage, MunicipalityPage, Theme
from knowledge.operations.demo import load_demo
from tests.people import make_contributor, make_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    load_demo()
    return MunicipalityPage.objects.get(slug="tilburg")


@pytest.fixture
def contributor(library):
    return make_contributor()


@pytest.fixture
def editor(library):
    return make_editor()


def field_names(html):
    return set(re.findall(r'name="([^"]+)"', html))


def add_form(client, tilburg):
    return client.get(f"/admin/pages/add/knowledge/casestudypage/{tilburg.pk}/").content.decode()


def test_stock_wagtail_groups_and_workflow_are_gone():
    assert not Group.objects.filter(name__in=["Moderators", "Editors"]).exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_the_login_is_dutch_and_branded_whatever_the_browser_asks(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en-GB,en").content.decode()
    assert "Inloggen bij Wijkwijs" in html and "Wachtwoord" in html
    assert "Sign in to Wagtail" not in html and "Password" not in html
    assert "<title>Inloggen - Wijkwijs</title>" in html.replace("\n", "")


def test_a_contributor_sees_only_the_fields_they_need(client, library, contributor, editor):
    client.force_login(contributor)
    names = field_names(add_form(client, library))
    hidden = {"external_id", "licence", "last_reviewed", "slug", "show_in_menus", "congress_editions"}
    assert not names & hidden
    assert {"title", "summary", "themes", "tags", "latitude", "longitude"} <= names
    client.force_login(editor)
    assert hidden <= field_names(add_form(client, library))


def test_themes_are_checkboxes_with_their_descriptions(client, library, contributor):
    client.force_login(contributor)
    html = add_form(client, library)
    veiligheid = Theme.objects.get(name="Veiligheid")
    assert f'type="checkbox" name="themes" value="{veiligheid.pk}"' in html
    assert "<strong>Veiligheid</strong>" in html and veiligheid.description in html


def test_a_contributor_is_told_what_happens_next_and_submitting_is_the_main_button(client, library, contributor, editor):
    client.force_login(contributor)
    html = add_form(client, library)
    assert "Kies onderaan ‘Stuur door naar Redactiecheck’" in html
    footer = html[html.index('class="footer') :]
    first_button = re.search(r"<button[^>]*>", footer).group(0)
    assert 'name="action-submit"' in first_button
    assert "Stuur door naar Redactiecheck" in footer[: footer.index("data-w-dropdown-target")]
    client.force_login(editor)
    html = add_form(client, library)
    assert "Kies onderaan" not in html
    footer = html[html.index('class="footer') :]
    assert 'name="action-submit"' not in re.search(r"<button[^>]*>", footer).group(0)


def test_a_new_case_starts_with_a_paragraph_that_is_dropped_when_left_empty(library):
    case = CaseStudyPage(title="Buurtkamers", summary="Bewoners openen hun huiskamer.")
    assert [block.block_type for block in case.body] == ["paragraph"]
    library.add_child(instance=case)
    case.refresh_from_db()
    assert list(case.body) == []


def test_a_contributor_saves_a_case_with_ticked_themes_and_keeps_the_hidden_fields(client, library, contributor):
    case = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    veiligheid, jeugd = Theme.objects.get(name="Veiligheid"), Theme.objects.get(name="Jeugd")
    client.force_login(contributor)
    form = client.get(f"/admin/pages/{case.pk}/edit/").content.decode()
    assert re.search(rf'value="{Theme.objects.get(name="Rol van de wijkambtenaar").pk}"[^>]*checked', form)
    data = {
        "title": case.title,
        "summary": case.summary,
        "themes": [veiligheid.pk, jeugd.pk],
        "tags": "Participatie, Wijkgesprek",
        "body-count": "0",
        "attachments-TOTAL_FORMS": "0",
        "attachments-INITIAL_FORMS": "0",
        "attachments-MIN_NUM_FORMS": "0",
        "attachments-MAX_NUM_FORMS": "1000",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
    }
    response = client.post(f"/admin/pages/{case.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    draft = CaseStudyPage.objects.get(pk=case.pk).get_latest_revision_as_object()
    assert sorted(theme.name for theme in draft.themes.all()) == ["Jeugd", "Veiligheid"]
    assert sorted(tag.name for tag in draft.tags.all()) == ["Participatie", "Wijkgesprek"]
    assert (draft.external_id, draft.licence, draft.slug) == (case.external_id, case.licence, case.slug)
    assert [edition.year for edition in draft.congress_editions.all()] == [2015]


def test_the_contributor_dashboard_lists_their_cases_with_status(client, library, contributor, editor):
    live = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    CaseStudyPage.objects.filter(pk=live.pk).update(last_reviewed=timezone.localdate())
    draft = library.add_child(instance=CaseStudyPage(title="Buurtkamers in de Reeshof", summary="Huiskamers open.", live=False))
    draft.save_revision(user=contributor)
    in_review = library.add_child(instance=CaseStudyPage(title="Wijkbudget Noord", summary="Bewoners beslissen.", live=False))
    in_review.save_revision(user=contributor)
    in_review.get_workflow().start(in_review, contributor)
    client.force_login(contributor)
    html = client.get("/admin/").content.decode()
    section = html[html.index("Mijn praktijkvoorbeelden") :]
    assert f'href="/admin/pages/add/knowledge/casestudypage/{library.pk}/"' in section and "Nieuw praktijkvoorbeeld" in section

    def status_of(title):
        row = section[section.index(title) :]
        return re.search(r'class="case-status[^"]*">([^<]+)<', row).group(1)

    assert status_of("Buurtkamers in de Reeshof") == "concept"
    assert status_of("Wijkbudget Noord") == "bij de redactie"
    assert status_of(live.title) == "gepubliceerd"
    assert "Straatcoaches" not in section  # Leiden's
    client.force_login(editor)
    assert "Mijn praktijkvoorbeelden" not in client.get("/admin/").content.decode()
