from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from knowledge.models import CaseStudyPage, MunicipalityPage, Theme
from knowledge.moderation import is_editor
from knowledge.page_access import live_or_editable


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = gettext_lazy("Thema's")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


def _refuse(request, page, message):
    messages.error(request, message)
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_delete_page")
def keep_municipalities_with_cases_and_contributor_pages(request, page):
    specific = page.specific
    if isinstance(specific, MunicipalityPage) and specific.get_children().exists():
        return _refuse(request, page, _("Een gemeente met praktijkvoorbeelden kan niet worden verwijderd. "
                                        "Verplaats of verwijder eerst de praktijkvoorbeelden."))
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


@hooks.register("register_admin_urls")
def stale_cases_report_url():
    from django.urls import path

    from knowledge.admin_views import StaleCasesReport

    return [path("reports/te-herzien/", StaleCasesReport.as_view(), name="stale_cases_report")]


class EditorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return is_editor(request.user)


@hooks.register("register_reports_menu_item")
def stale_cases_report_menu_item():
    from django.urls import reverse

    return EditorsOnlyMenuItem(gettext_lazy("Te herzien"), reverse("stale_cases_report"), icon_name="time", order=700)


@hooks.register("after_delete_page")
def tell_the_submitter_of_a_declined_submission(request, page):
    from knowledge.submission.mails import declined

    declined(request, page)


@hooks.register("construct_homepage_panels")
def review_queue_on_the_dashboard(request, panels):
    from knowledge.review_queue import use_review_queue

    use_review_queue(request, panels)
