import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import translation
from django.utils.text import slugify

from knowledge.models import CaseStudyPage, CongressEditionPage, MunicipalityPage, Theme

EXAMPLES = settings.BASE_DIR / "examples" / "cases.json"

pytestmark = pytest.mark.django_db


def import_json(document, *options):
    path = Path(pytest.importorskip("tempfile").mkdtemp()) / "cases.json"
    path.write_text(json.dumps(document) if not isinstance(document, str) else document, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_cases", str(path), *options, stdout=out, stderr=err)
        failed = None
    except CommandError as error:
        failed = error
    return out.getvalue(), err.getvalue(), failed


def export_json():
    out = io.StringIO()
    call_command("export_cases", "-", stdout=out)
    return json.loads(out.getvalue())


def record(**fields):
    base = {
        "external_id": "delft-buurtkracht",
        "title": "Buurtkracht",
        "municipality": "Delft",
        "province": "Zuid-Holland",
        "summary": "Bewoners nemen het heft in handen.",
    }
    base.update(fields)
    return base


def test_the_examples_import_with_their_municipalities_themes_and_congresses():
    out, err, failed = import_json(EXAMPLES.read_text(encoding="utf-8"))
    assert failed is None, err
    assert "12 nieuw" in out
    assert CaseStudyPage.objects.live().count() == 12
    tilburg = CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht")
    assert tilburg.municipality.title == "Tilburg"
    assert tilburg.municipality.province == "noord-brabant"
    assert {theme.name for theme in tilburg.themes.all()} == {"Rol van de wijkambtenaar", "Vernieuwing van de lokale democratie"}
    assert tilburg.neighbourhood_list == ["Reeshof", "Noord", "Oud-Noord"]
    assert [edition.year for edition in tilburg.congress_editions.all()] == [2015]
    assert CongressEditionPage.objects.filter(year__in=[2014, 2015]).count() == 2


def test_importing_again_updates_instead_of_duplicating():
    import_json(EXAMPLES.read_text(encoding="utf-8"))
    changed = json.loads(EXAMPLES.read_text(encoding="utf-8"))
    changed["cases"][0]["title"] = "Tilburg: wijkgericht werken als werkwijze"
    out, err, failed = import_json(changed)
    assert failed is None, err
    assert "1 bijgewerkt" in out and "11 ongewijzigd" in out
    assert CaseStudyPage.objects.count() == 12
    assert CaseStudyPage.objects.get(external_id="ex-tilburg-wijkgericht").title == "Tilburg: wijkgericht werken als werkwijze"


def test_bad_records_are_reported_by_external_id_and_the_good_ones_still_land():
    document = {
        "cases": [
            record(external_id="good-one"),
            record(external_id="no-title", title=None),
            record(external_id="bad-year", year_start="vorig jaar"),
            record(external_id="bad-theme-type", themes="Veiligheid"),
            record(external_id="bad-province", province="Atlantis"),
            {"title": "zonder sleutel"},
            "not an object",
            record(external_id="good-two", title="Nog een"),
        ]
    }
    out, err, failed = import_json(document)
    assert failed is not None and failed.returncode == 1
    assert "2 nieuw" in out and "6 mislukt" in out
    assert "no-title: 'title' ontbreekt" in err
    assert "bad-year: 'year_start' moet een jaartal zijn" in err
    assert "bad-theme-type: 'themes' moet een lijst" in err
    assert "bad-province: onbekende provincie 'Atlantis'" in err
    assert "#6: 'external_id' ontbreekt" in err
    assert set(CaseStudyPage.objects.values_list("external_id", flat=True)) == {"good-one", "good-two"}


LONG_THEME = "Samenwerking tussen bewoners, wijkteams, woningcorporaties en de gemeente bij de aanpak van wijk"


def test_theme_and_tag_names_that_cannot_be_stored_fail_their_record_only():
    document = {
        "cases": [
            record(external_id="punctuation-theme", themes=["!!!"]),
            record(external_id="long-tag", tags=["buurt" * 21]),
            record(external_id="new-themes", themes=[LONG_THEME + " A", LONG_THEME + " B", "Wijk & Buurt", "Wijk - Buurt"]),
            record(external_id="after-them", title="Gewoon verder"),
        ]
    }
    out, err, _failed = import_json(document, "--create-themes")
    assert "2 nieuw" in out and "2 mislukt" in out
    assert "punctuation-theme: 'themes': '!!!' bevat geen letters of cijfers" in err
    assert "long-tag: 'tags': 'buurtbuurtbuurtbuurtbuurtbuurtbuurtbuurt'... is langer dan 100 tekens" in err
    assert set(CaseStudyPage.objects.values_list("external_id", flat=True)) == {"new-themes", "after-them"}
    themes = CaseStudyPage.objects.get(external_id="new-themes").themes.all()
    # Two new themes whose slugs would be the same once shortened each get their own; names of one slug are one theme.
    long_slug = slugify(LONG_THEME)[:90]
    assert sorted(theme.slug for theme in themes) == [long_slug, f"{long_slug}-2", "wijk-buurt"]


def test_an_unpublished_case_re_imported_settles_and_exports_its_newest_text():
    from wagtail.models import Revision

    import_json({"cases": [record(published=False)]})
    out, _, _ = import_json({"cases": [record(published=False, title="Buurtkracht in Delft")]})
    assert "1 bijgewerkt" in out
    revisions = Revision.objects.count()
    out, _, _ = import_json({"cases": [record(published=False, title="Buurtkracht in Delft")]})
    assert "1 ongewijzigd" in out and Revision.objects.count() == revisions
    exported = export_json()["cases"]
    assert [(case["title"], case["published"]) for case in exported] == [("Buurtkracht in Delft", False)]


def test_broken_json_is_refused_as_a_whole_with_its_position():
    _out, _err, failed = import_json('{"cases": [{"external_id": "x",]}')
    assert failed is not None
    assert "geen geldige JSON" in str(failed) and "regel 1" in str(failed)
    assert not CaseStudyPage.objects.exists()


def test_html_in_the_body_is_sanitised_and_plain_text_becomes_paragraphs():
    import_json(
        {
            "cases": [
                record(
                    external_id="html",
                    body='<p onclick="steal()">Hallo <script>alert(1)</script><a href="javascript:x">link</a> <b>vet</b></p>',
                ),
                record(external_id="plain", title="Platte tekst", body="Eerste alinea.\n\nTweede <alinea> & meer."),
            ]
        }
    )
    html_body = CaseStudyPage.objects.get(external_id="html").body[0].value.source
    assert "script" not in html_body and "onclick" not in html_body and "javascript" not in html_body
    assert "<b>vet</b>" in html_body
    plain_body = CaseStudyPage.objects.get(external_id="plain").body[0].value.source
    assert plain_body == "<p>Eerste alinea.</p><p>Tweede &lt;alinea&gt; &amp; meer.</p>"


def test_unpublished_records_become_drafts():
    import_json({"cases": [record(published=False)]})
    case = CaseStudyPage.objects.get(external_id="delft-buurtkracht")
    assert not case.live
    assert case.has_unpublished_changes


def test_new_municipality_without_province_is_a_clear_error():
    _out, err, failed = import_json({"cases": [record(province=None)]})
    assert failed is not None
    assert "gemeente 'Delft' bestaat nog niet" in err
    assert not MunicipalityPage.objects.exists()


def test_themes_match_whatever_their_case_or_accents():
    _out, err, failed = import_json({"cases": [record(themes=["VEILIGHEID", "zorg en wélzijn", "  Rol van de  wijkambtenaar"])]})
    assert failed is None, err
    case = CaseStudyPage.objects.get(external_id="delft-buurtkracht")
    assert sorted(theme.name for theme in case.themes.all()) == ["Rol van de wijkambtenaar", "Veiligheid", "Zorg en welzijn"]
    assert Theme.objects.filter(name__iexact="veiligheid").count() == 1


def test_an_unknown_theme_fails_its_record_with_a_suggestion():
    before = Theme.objects.count()
    out, err, failed = import_json(
        {
            "cases": [
                record(themes=["Armoede en schuld"]),
                record(external_id="delft-2", title="Wijkbudget", themes=["Veiligheid"]),
            ]
        }
    )
    assert failed is not None and "1 nieuw" in out and "1 mislukt" in out
    assert (
        "mislukt delft-buurtkracht: onbekend thema 'Armoede en schuld' (bedoelt u 'Armoede en schulden'?); kies een bestaand "
        "thema, of importeer met --create-themes om het aan te maken"
    ) in err
    assert Theme.objects.count() == before
    assert list(CaseStudyPage.objects.values_list("external_id", flat=True)) == ["delft-2"]


def test_an_english_speaking_importer_reads_the_errors_in_english():
    with translation.override("en"):
        out, err, failed = import_json(
            {
                "cases": [
                    record(themes=["Armoede en schuld"]),
                    record(external_id="delft-2", summary=None),
                ]
            }
        )
    assert (
        "failed delft-buurtkracht: unknown theme 'Armoede en schuld' (did you mean 'Armoede en schulden'?); "
        "choose an existing theme, or import with --create-themes to create it"
    ) in err
    assert "failed delft-2: 'summary' is missing" in err
    assert "0 new, 0 updated, 0 unchanged, 2 failed" in out and str(failed) == "2 record(s) not imported"


def test_unknown_themes_are_created_only_when_asked():
    _out, err, failed = import_json({"cases": [record(themes=["Veiligheid", "Digitale inclusie"])]}, "--create-themes")
    assert failed is None, err
    assert Theme.objects.filter(name="Digitale inclusie").exists()
    assert Theme.objects.filter(name="Veiligheid").count() == 1


def test_export_then_import_is_a_round_trip(django_db_blocker):
    import_json(EXAMPLES.read_text(encoding="utf-8"))
    import_json(
        {
            "cases": [
                record(
                    tags=["wijkregie"],
                    partners=["Politie"],
                    contact={"name": "An", "role": "wijkregisseur", "email": "an@delft.nl", "public": True},
                    year_start=2019,
                    year_end=2021,
                    body="<h2>Kop</h2><p>Tekst</p>",
                    published=False,
                    congress_year=2014,
                    source_url="https://www.delft.nl/buurtkracht",
                )
            ]
        }
    )
    first = export_json()
    assert len(first["cases"]) == 13
    CaseStudyPage.objects.all().delete()
    MunicipalityPage.objects.all().delete()
    _, err, failed = import_json(first)
    assert failed is None, err
    second = export_json()
    for before, after in zip(first["cases"], second["cases"], strict=True):
        assert after == before


def test_export_writes_the_documented_fields():
    import_json({"cases": [record(congress_year=2015)]})
    exported = export_json()["cases"][0]
    for key in (
        "external_id",
        "title",
        "municipality",
        "province",
        "summary",
        "body",
        "themes",
        "tags",
        "neighbourhoods",
        "year_start",
        "year_end",
        "partners",
        "results",
        "lessons_learned",
        "congress_year",
        "contact",
        "published",
    ):
        assert key in exported
    assert exported["province"] == "Zuid-Holland"
    assert exported["congress_year"] == 2015
    assert exported["url"].endswith("/praktijkvoorbeelden/delft/buurtkracht/")


def test_the_source_url_is_imported_exported_and_checked():
    out, err, _failed = import_json(
        {
            "cases": [
                record(source_url="https://www.delft.nl/buurtkracht"),
                record(external_id="no-web-address", title="Geen adres", source_url="www.delft.nl zie website"),
                record(external_id="script", title="Script", source_url="javascript:alert(1)"),
                record(external_id="without-source", title="Zonder bron"),
            ]
        }
    )
    assert "2 nieuw" in out and "2 mislukt" in out
    assert "no-web-address: 'source_url' 'www.delft.nl zie website' is geen webadres" in err
    assert "script: 'source_url' 'javascript:alert(1)' is geen webadres" in err
    assert CaseStudyPage.objects.get(external_id="delft-buurtkracht").source_url == "https://www.delft.nl/buurtkracht"
    exported = {case["external_id"]: case for case in export_json()["cases"]}
    assert exported["delft-buurtkracht"]["source_url"] == "https://www.delft.nl/buurtkracht"
    assert exported["without-source"]["source_url"] == ""

    # Importing the record again without a source clears it, as for every other field of the format.
    import_json({"cases": [record()]})
    assert CaseStudyPage.objects.get(external_id="delft-buurtkracht").source_url == ""


def test_missing_file_is_a_clear_error():
    with pytest.raises(CommandError, match="No such file"):
        call_command("import_cases", "/nonexistent/cases.json")


def test_load_demo_twice_changes_nothing():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    pages_after_first = sorted(CaseStudyPage.objects.values_list("external_id", "latest_revision_id"))
    call_command("load_demo", stdout=out)
    assert "12 ongewijzigd" in out.getvalue()
    assert sorted(CaseStudyPage.objects.values_list("external_id", "latest_revision_id")) == pages_after_first


@pytest.mark.sqlite
def test_out_of_range_and_too_long_fields_fail_their_record_only():
    """A budget no database column holds stopped the whole import; a summary beyond the model's limit went in."""
    document = {
        "cases": [
            record(external_id="huge-budget", budget_euros=10**30),
            record(external_id="long-summary", title="Te lang", summary="woord " * 20_000),
            *[record(external_id=f"good-{number}", title=f"Goed {number}") for number in range(3)],
        ]
    }
    out, err, failed = import_json(document)
    assert failed is not None and "3 nieuw" in out and "2 mislukt" in out
    assert "huge-budget: 'budget_euros' 1000000000000000000000000000000 is groter dan 2147483647 euro" in err
    assert "long-summary: 'summary' is langer dan 600 tekens" in err
    assert set(CaseStudyPage.objects.values_list("external_id", flat=True)) == {"good-0", "good-1", "good-2"}


@pytest.mark.sqlite
def test_control_characters_in_an_import_never_reach_the_pages_or_the_feed(client):
    _out, err, failed = import_json(
        {"cases": [record(title="Buurt\x00kracht\x0b in\r\nDelft", summary="Bewoners\x0c doen het.")]}
    )
    assert failed is None, err
    case = CaseStudyPage.objects.get(external_id="delft-buurtkracht")
    assert case.title == "Buurtkracht in Delft" and case.summary == "Bewoners doen het."
    feed = client.get("/feeds/nieuw/")
    assert feed.status_code == 200 and "Buurtkracht in Delft" in feed.content.decode()
