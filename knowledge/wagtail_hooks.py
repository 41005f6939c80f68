from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from knowledge.editorial.dashboard import MyCasesPanel, municipalities_of
from knowledge.editorial.page_access import live_or_editable
from knowledge.editorial.permissions import is_editor
from knowledge.models import CaseStudyPage, MunicipalityPage, Theme


class ThemeViewSet(SnippetViewSet):
    """The theme list the editors keep, with how many cases each theme has (to spot doubles and empty ones)."""

    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Thema's")
    menu_order = 200
    add_to_admin_menu = True
    list_display = [
        "name",
        "slug",
        Column("case_count", label=gettext_lazy("Praktijkvoorbeelden"), sort_key="case_count"),
        Column("live_count", label=gettext_lazy("Waarvan gepubliceerd"), sort_key="live_count"),
    ]
    search_fields = ["name"]

    def get_queryset(self, request):
        return Theme.objects.annotate(
            case_count=Count("tagged_cases", distinct=True),
            live_count=Count("tagged_cases", filter=Q(tagged_cases__content_object__live=True), distinct=True),
        ).order_by("name")  # Django drops Meta.ordering from a grouped query


register_snippet(ThemeViewSet)


@hooks.register("register_snippet_listing_buttons")
def merge_theme_button(snippet, user, next_url=None):
    if isinstance(snippet, Theme) and user.has_perms(["knowledge.change_theme", "knowledge.delete_theme"]):
        yield Button(_("Samenvoegen met…"), reverse("merge_theme", args=[snippet.pk]), icon_name="resubmit", priority=30)


@hooks.register("register_log_actions")
def review_log_actions(actions):
    actions.register_action(
        "wijkwijs.reviewed", gettext_lazy("Markeer als beoordeeld"), gettext_lazy("Gemarkeerd als beoordeeld")
    )
    actions.register_action(
        "wijkwijs.review_reminder", gettext_lazy("Herinner de bijdrager"), gettext_lazy("Bijdragers herinnerd aan herziening")
    )


@hooks.register("construct_homepage_panels")
def contributors_see_their_own_cases(request, panels):
    """A contributor's dashboard leads with their cases; Wagtail's lists of recent edits and workflows say the same."""
    municipalities = municipalities_of(request.user)
    if not municipalities:
        return
    panels[:] = [
        panel for panel in panels if getattr(panel, "name", None) not in ("recent_edits", "user_objects_in_workflow_moderation")
    ]
    panels.insert(0, MyCasesPanel(municipalities))


@hooks.register("construct_page_action_menu")
def submitting_is_the_contributors_main_action(menu_items, request, context):
    """'Stuur door naar Redactiecheck' is the button a contributor sees first; 'Bewaar concept' moves to the arrow."""
    if is_editor(request.user):
        return
    for position, item in enumerate(menu_items):
        if item.name == "action-submit":
            menu_items.insert(0, menu_items.pop(position))
            return


@hooks.register("insert_global_admin_css")
def wijkwijs_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


def _refuse(request, page, message):
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def keep_municipalities_with_cases_and_contributor_pages(request, page):
    specific = page.specific
    if isinstance(specific, MunicipalityPage) and specific.get_children().exists():
        return _refuse(
            request,
            page,
            _(
                "Een gemeente met praktijkvoorbeelden kan niet worden verwijderd. "
                "Verplaats of verwijder eerst de praktijkvoorbeelden."
            ),
        )
    if isinstance(specific, CaseStudyPage) and not is_editor(request.user):
        return _refuse(request, page, _("Alleen de redactie kan praktijkvoorbeelden verwijderen."))
    return None


@hooks.register("before_move_page")
def only_editors_move_cases(request, page, destination):
    if isinstance(page.specific, CaseStudyPage) and not is_editor(request.user):
        return _refuse(request, page, _("Alleen de redactie kan praktijkvoorbeelden verplaatsen."))
    return None


@hooks.register("construct_page_chooser_queryset")
def choose_live_pages_and_ones_own(pages, request):
    return live_or_editable(pages, request.user)


# order=1: after wagtail.documents and wagtail.images register their own endpoints under the same names.
@hooks.register("construct_admin_api", order=1)
def admin_api_lists_what_the_user_may_choose(router):
    from knowledge.editorial.admin_api import register_endpoints

    register_endpoints(router)


@hooks.register("register_admin_urls")
def review_and_theme_urls():
    from knowledge.editorial.admin_views import MarkReviewed, MergeTheme, RemindContributors, StaleCasesReport

    return [
        path("reports/te-herzien/", StaleCasesReport.as_view(), name="stale_cases_report"),
        path("reports/te-herzien/<int:pk>/beoordeeld/", MarkReviewed.as_view(), name="stale_case_reviewed"),
        path("reports/te-herzien/<int:pk>/herinner/", RemindContributors.as_view(), name="stale_case_remind"),
        path("themas/<int:pk>/samenvoegen/", MergeTheme.as_view(), name="merge_theme"),
    ]


class EditorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def stale_cases_report_menu_item():
    return EditorsOnlyMenuItem(gettext_lazy("Te herzien"), reverse("stale_cases_report"), icon_name="time", order=700)


@hooks.register("after_delete_page")
def tell_the_submitter_of_a_declined_submission(request, page):
    from knowledge.submission.mails import declined

    declined(request, page)


@hooks.register("construct_homepage_panels")
def review_queue_on_the_dashboard(request, panels):
    from knowledge.editorial.review_queue import use_review_queue

    use_review_queue(request, panels)
