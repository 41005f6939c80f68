"""The fixed top of the page tree: home, 'Praktijkvoorbeelden', 'Congres', 'Thema's' and 'Dossiers'."""

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

from knowledge.editorial.permissions import ensure_editors_group, ensure_review_workflow
from knowledge.models import CaseIndexPage, CongressIndexPage, DossierIndexPage, ThemeIndexPage

# The home app sits above this one (its page shows the library's cases); like the pages' parent_page_types,
# the tree refers to its page by label.
HOME_PAGE_MODEL = "home.HomePage"


def ensure_wagtail_tree():
    """The default locale, root page and root collection that Wagtail's migrations create.

    A database emptied with `flush` (or restored from elsewhere) lacks them; without them no page can be added.
    """
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root"))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")


@transaction.atomic
def ensure_home():
    """The home page as root of the default site, replacing Wagtail's welcome page."""
    ensure_wagtail_tree()
    HomePage = apps.get_model(HOME_PAGE_MODEL)
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().filter(depth=2, content_type__model="page").first()
        home = root.add_child(instance=HomePage(title="Wijkwijs", slug="wijkwijs-home"))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Wijkwijs")
        else:
            site.root_page = home
            site.site_name = "Wijkwijs"
            site.save()
        if welcome is not None:
            welcome.delete()
    ensure_editors_group(home)
    return home


def _ensure_child(parent, model, title, slug):
    existing = model.objects.first()
    if existing is not None:
        return existing
    return parent.add_child(instance=model(title=title, slug=slug))


@transaction.atomic
def ensure_case_index():
    case_index = _ensure_child(ensure_home(), CaseIndexPage, _("Praktijkvoorbeelden"), "praktijkvoorbeelden")
    ensure_review_workflow(case_index)
    return case_index


@transaction.atomic
def ensure_congress_index():
    return _ensure_child(ensure_home(), CongressIndexPage, _("Congres"), "congres")


@transaction.atomic
def ensure_theme_index():
    return _ensure_child(ensure_home(), ThemeIndexPage, _("Thema's"), "themas")


@transaction.atomic
def ensure_dossier_index():
    return _ensure_child(ensure_home(), DossierIndexPage, _("Dossiers"), "dossiers")
