from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from knowledge.moderation import is_editor
from knowledge.review import STALE_AFTER_MONTHS, stale_cases


class StaleCasesReport(WagtailAdminTemplateMixin, TemplateView):
    """For the editorial team: published cases not reviewed for more than 24 months."""

    template_name = "knowledge/admin/stale_cases.html"
    page_title = _("Te herzien")
    header_icon = "time"

    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["cases"] = stale_cases()
        context["months"] = STALE_AFTER_MONTHS
        return context
