"""The editors' side: 'Te herzien' with its buttons, one theme list (counts, merging) and public lists without
empty themes."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation
from wagtail.contrib.redirects.models import Redirect

from knowledge.editorial.stale_cases import review_reminder_subject, send_review_reminder
from knowledge.models import CaseStudyPage, Theme
from knowledge.operations.demo import load_demo
from knowledge.themes import theme_key
from tests.people import make_contributor, make_editor

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/te-herzien/"


@pytest.fixture
def library():
    load_demo()
    CaseStudyPage.objects.update(last_reviewed=timezone.localdate())
    return CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")


@pytest.fixture
def editor(library):
    return make_editor()


def test_marking_a_case_reviewed_takes_it_off_the_report_and_keeps_its_draft(client, library, editor):
    case = library
    CaseStudyPage.objects.filter(pk=case.pk).update(last_reviewed=None)
    case.refresh_from_db()
    case.title = "Tilburg: een nieuwe titel in concept"
    case.save_revision()  # a draft waits behind the live page
    client.force_login(editor)
    assert "nooit beoordeeld" in client.get(REPORT).content.decode()
    response = client.post(f"{REPORT}{case.pk}/beoordeeld/", follow=True)
    html = response.content.decode()
    assert "is gemarkeerd als beoordeeld" in html and "Alle gepubliceerde praktijkvoorbeelden" in html
    case = CaseStudyPage.objects.get(pk=case.pk)
    today = timezone.localdate()
    assert case.last_reviewed == today and case.title == "Tilburg: de stad van wijkgericht werken"  # not published
    assert case.has_unpublished_changes
    assert case.get_latest_revision_as_object().last_reviewed == today  # publishing the draft keeps the date
    assert "Gemarkeerd als beoordeeld" in client.get(f"/admin/pages/{case.pk}/history/").content.decode()


def test_reminding_mails_the_municipalitys_contributors_or_says_there_are_none(client, library, editor):
    CaseStudyPage.objects.filter(pk=library.pk).update(last_reviewed=datetime.date(2019, 5, 1))
    client.force_login(editor)
    html = client.post(f"{REPORT}{library.pk}/herinner/", follow=True).content.decode()
    assert "Tilburg heeft geen bijdragers met een e-mailadres" in html and not mail.outbox
    make_contributor()
    client.force_login(editor)
    html = client.post(f"{REPORT}{library.pk}/herinner/", follow=True).content.decode()
    assert "verstuurd naar anna@tilburg.example" in html
    assert [message.to for message in mail.outbox] == [["anna@tilburg.example"]]
    assert library.title in mail.outbox[0].subject and "1 mei 2019" in mail.outbox[0].body


def test_the_reminder_subject_has_an_english_translation_but_the_mail_goes_out_in_dutch(library):
    """The reminder's text is Dutch and goes to several contributors at once: an editor working in English sends
    it in the site's language."""
    with translation.override("en"):
        assert review_reminder_subject(library.municipality, [library]) == f"Wijkwijs: {library.title} due for review"
        send_review_reminder(library.municipality, [library], ["anna@tilburg.example"])
    assert mail.outbox[0].subject == f"Wijkwijs: {library.title} toe aan herziening"


def test_only_editors_use_the_report_buttons(client, library):
    client.force_login(make_contributor())
    assert client.post(f"{REPORT}{library.pk}/beoordeeld/").status_code in (302, 403)
    assert CaseStudyPage.objects.get(pk=library.pk).last_reviewed == timezone.localdate()


def test_theme_names_compare_without_case_accents_or_extra_spaces():
    assert theme_key("  Zorg en  WÉLZIJN ") == theme_key("zorg en welzijn")


def test_editors_see_case_counts_per_theme(client, library, editor):
    client.force_login(editor)
    html = client.get("/admin/snippets/knowledge/theme/").content.decode()
    assert "Praktijkvoorbeelden" in html and "Waarvan gepubliceerd" in html
    assert "Samenvoegen met" in html


def test_merging_two_themes_moves_the_cases_and_redirects_the_old_address(client, library, editor):
    armoede, werk = Theme.objects.get(slug="armoede"), Theme.objects.get(name="Werk en inkomen")
    moving = set(armoede.tagged_cases.values_list("content_object_id", flat=True))
    assert moving
    client.force_login(editor)
    form = client.get(f"/admin/themas/{armoede.pk}/samenvoegen/").content.decode()
    assert "Armoede" in form and "Samenvoegen" in form
    html = client.post(f"/admin/themas/{armoede.pk}/samenvoegen/", {"target": werk.pk}, follow=True).content.decode()
    assert "‘Armoede en schulden’ is samengevoegd met ‘Werk en inkomen’" in html
    assert not Theme.objects.filter(pk=armoede.pk).exists()
    assert moving <= set(werk.tagged_cases.values_list("content_object_id", flat=True))
    for case in CaseStudyPage.objects.filter(pk__in=moving):
        assert "Werk en inkomen" in [theme.name for theme in case.get_latest_revision_as_object().themes.all()]
    client.logout()
    response = client.get("/themas/armoede/")
    assert response.status_code == 301 and response["Location"].endswith("/themas/werk-en-inkomen/")
    assert Redirect.objects.filter(old_path="/themas/armoede/feed").exists()


def test_public_theme_lists_leave_out_themes_without_cases(client, library):
    empty = Theme.objects.create(name="Digitale inclusie", slug="digitale-inclusie", description="Meedoen online.")
    html = client.get("/themas/").content.decode()
    assert "Veiligheid" in html and empty.name not in html
    assert "/themas/digitale-inclusie/" not in client.get("/sitemap.xml").content.decode()
