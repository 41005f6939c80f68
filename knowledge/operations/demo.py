"""Demo content: the example cases, both congress editions and a welcoming home page."""

import datetime
import importlib
import json
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.text import slugify

from knowledge.exchange.importer import CaseImporter, read_records
from knowledge.models import CaseStudyPage, CongressEditionPage, CongressSession, DossierItem, DossierPage, Theme
from knowledge.site_structure import (
    ensure_case_index,
    ensure_congress_index,
    ensure_dossier_index,
    ensure_home,
    ensure_theme_index,
)

EXAMPLES_DIR = Path(settings.BASE_DIR) / "examples"

HOME_INTRO = (
    "<p>Wijkwijs bewaart de praktijk van het wijkgericht werken in Nederland. Gemeenten delen hier hun "
    "aanpak, zodat wat op het landelijk congres gepresenteerd wordt ook tussen de edities vindbaar blijft.</p>"
)
CASE_INDEX_INTRO = "<p>Praktijkvoorbeelden van wijkgericht werken, geordend per gemeente.</p>"
THEME_INTRO = "<p>Alle thema's van de kennisbank, met het aantal praktijkvoorbeelden per thema.</p>"
DOSSIER_INTRO = "<p>De redactie bundelt praktijkvoorbeelden rond een vraag die veel gemeenten bezighoudt.</p>"
DEMO_DOSSIER = {
    "title": "Burger, politicus en ambtenaar",
    "slug": "burger-politicus-en-ambtenaar",
    "intro": (
        "<p>Het congres van 2014 in Groningen keek vanuit drie perspectieven naar samenwerking in de wijk: "
        "initiatieven van bewoners en ondernemers, de vernieuwing van de lokale democratie en de veranderende "
        "rol van de wijkambtenaar. Dit dossier verzamelt praktijkvoorbeelden bij elk perspectief.</p>"
    ),
    "items": [
        ("ex-groningen-congres", "Het congres zelf: de drie perspectieven op een rij."),
        ("ex-wijkonderneming", "Bewoners als ondernemers: wat vraagt dat van gemeente en corporatie?"),
        ("ex-raadsleden-op-pad", "De politiek in de wijk: raadsleden die zelf gaan kijken."),
        ("ex-tilburg-wijkgericht", "De ambtenaar in de wijk als vaste werkwijze van een hele gemeente."),
    ],
}
CONGRESS_INTRO = (
    "<p>Elk jaar komen gemeenten samen op het landelijk congres over wijkgericht werken. "
    "Hier vindt u het programma en de praktijkvoorbeelden van elke editie.</p>"
)


def _dates(raw_dates):
    """(start, end, month_only) from ['2014-11-19', '2014-11-21'] or ['2015-11']."""
    if not raw_dates:
        return None, None, False
    first = raw_dates[0]
    if len(first) == 7:
        return datetime.date.fromisoformat(first + "-01"), None, True
    start = datetime.date.fromisoformat(first)
    end = datetime.date.fromisoformat(raw_dates[-1])
    return start, end, False


def load_congresses(path):
    index = ensure_congress_index()
    for raw in json.loads(path.read_text(encoding="utf-8")):
        edition = CongressEditionPage.objects.filter(year=raw["year"]).first()
        if edition is not None and edition.city:
            continue  # already there, possibly edited by the editors since
        start, end, month_only = _dates(raw.get("dates"))
        values = {
            "title": f"Congres {raw['year']} {raw['city']}",
            "city": raw["city"],
            "start_date": start,
            "end_date": end,
            "month_only": month_only,
            "theme": raw.get("theme", ""),
            "expected_participants": raw.get("expected_participants"),
        }
        if edition is None:
            edition = CongressEditionPage(year=raw["year"], slug=str(raw["year"]), **values)
            index.add_child(instance=edition)
        else:
            for name, value in values.items():
                setattr(edition, name, value)
        edition.sessions = [
            CongressSession(title=perspective, perspective=perspective, sort_order=position)
            for position, perspective in enumerate(raw.get("perspectives", []))
        ]
        edition.save_revision().publish()


def _set_intro(page, html):
    if not page.intro:
        page.intro = html
        page.save_revision().publish()


def ensure_seed_themes():
    """The curated themes the migrations seed (gone when a test empties the database): the demo cases
    name them, and an import makes no theme it does not know."""
    seed = importlib.import_module("knowledge.migrations.0002_seed_themes")
    current = importlib.import_module("knowledge.migrations.0009_themes_of_national_practice")
    for name, description in seed.THEMES:
        slug = slugify(name)
        Theme.objects.get_or_create(slug=slug, defaults={"name": current.RENAMED.get(slug, name), "description": description})
    for slug, name, description in current.current_themes(set(Theme.objects.values_list("name", flat=True))):
        Theme.objects.get_or_create(slug=slug, defaults={"name": name, "description": description})


@transaction.atomic
def load_demo():
    """Load everything; a second run changes nothing. Returns the import report of the cases."""
    _set_intro(ensure_home(), HOME_INTRO)
    _set_intro(ensure_case_index(), CASE_INDEX_INTRO)
    _set_intro(ensure_congress_index(), CONGRESS_INTRO)
    _set_intro(ensure_theme_index(), THEME_INTRO)
    _set_intro(ensure_dossier_index(), DOSSIER_INTRO)
    load_congresses(EXAMPLES_DIR / "congresses.json")
    ensure_seed_themes()
    with open(EXAMPLES_DIR / "cases.json", encoding="utf-8") as stream:
        report = CaseImporter().run(read_records(stream))
    load_dossier(DEMO_DOSSIER)
    return report


def load_dossier(spec):
    """The demo dossier, featured on the home page; left alone once it exists."""
    if DossierPage.objects.filter(slug=spec["slug"]).exists():
        return
    dossier = DossierPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"])
    dossier.items = [
        DossierItem(case=CaseStudyPage.objects.get(external_id=external_id), note=note, sort_order=position)
        for position, (external_id, note) in enumerate(spec["items"])
    ]
    ensure_dossier_index().add_child(instance=dossier)
    dossier.save_revision().publish()
    home = ensure_home()
    FeaturedDossier = apps.get_model("home", "FeaturedDossier")
    FeaturedDossier.objects.create(page=home, dossier=dossier, sort_order=home.featured_dossiers.count())
