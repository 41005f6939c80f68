from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from knowledge.wagtail_hooks import EditorsOnlyMenuItem
from search.admin_views import RarelyFoundReport
from search.models import GlossaryEntry, SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "list-ul"
    menu_label = _("Synoniemen")
    list_display = ["__str__", "note"]
    search_fields = ["terms", "note"]


class GlossaryEntryViewSet(SnippetViewSet):
    model = GlossaryEntry
    icon = "globe"
    menu_label = _("Engels-Nederlands")
    list_display = ["english", "dutch"]
    search_fields = ["english", "dutch"]


class SearchWordsGroup(SnippetViewSetGroup):
    """Editors' words for search: a change works in the next search, without reindexing."""

    items = (SynonymGroupViewSet, GlossaryEntryViewSet)
    menu_icon = "search"
    menu_label = _("Zoekwoorden")
    menu_order = 250


register_snippet(SearchWordsGroup)


@hooks.register("register_admin_urls")
def rarely_found_report_urls():
    return [
        path("reports/weinig-gevonden/", RarelyFoundReport.as_view(), name="rarely_found_report"),
        path(
            "reports/weinig-gevonden/results/", RarelyFoundReport.as_view(results_only=True), name="rarely_found_report_results"
        ),
    ]


@hooks.register("register_reports_menu_item")
def rarely_found_report_menu_item():
    return EditorsOnlyMenuItem(_("Weinig gevonden"), reverse("rarely_found_report"), icon_name="search", order=710)
