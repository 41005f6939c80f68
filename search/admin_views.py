from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from knowledge.editorial.permissions import is_editor
from search.query_log import FEW_RESULTS, rarely_found


class RarelyFoundReport(ReportView):
    """For the editorial team: the searches of each week that found no or few cases."""

    page_title = _("Zoekopdrachten met weinig resultaten")
    header_icon = "search"
    index_url_name = "rarely_found_report"
    index_results_url_name = "rarely_found_report_results"
    results_template_name = "search/admin/rarely_found_results.html"
    columns = [
        DateColumn("week", label=_("Week van")),
        Column("query", label=_("Zoekopdracht")),
        Column("searches", label=_("Aantal keer gezocht")),
        Column("results", label=_("Resultaten (laatste keer)")),
    ]
    list_export = ["week", "query", "searches", "results"]
    export_headings = {
        "week": _("Week van"),
        "query": _("Zoekopdracht"),
        "searches": _("Aantal keer gezocht"),
        "results": _("Resultaten"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return rarely_found()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["few_results"] = FEW_RESULTS
        return context
