from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from knowledge.editorial.permissions import is_editor
from knowledge.editorial.stale_cases import (
    STALE_AFTER_MONTHS,
    contributor_emails,
    mark_reviewed,
    send_review_reminder,
    stale_cases,
)
from knowledge.models import CaseStudyPage, Theme
from knowledge.themes import merge_themes


class EditorsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not is_editor(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class StaleCasesReport(EditorsOnly, WagtailAdminTemplateMixin, TemplateView):
    """For the editorial team: published cases never reviewed, or not for more than 24 months."""

    template_name = "knowledge/admin/stale_cases.html"
    page_title = gettext_lazy("Te herzien")
    header_icon = "time"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        cases = list(stale_cases())
        context["cases"] = cases
        context["never_reviewed"] = sum(1 for case in cases if case.last_reviewed is None)
        context["overdue"] = len(cases) - context["never_reviewed"]
        context["months"] = STALE_AFTER_MONTHS
        return context


class StaleCaseAction(EditorsOnly, View):
    """A button on the report for one case; back to the report with a message saying what happened."""

    def post(self, request, pk):
        case = get_object_or_404(CaseStudyPage, pk=pk)
        self.act(request, case)
        return redirect("stale_cases_report")


class MarkReviewed(StaleCaseAction):
    def act(self, request, case):
        mark_reviewed(case, user=request.user)
        messages.success(request, _("‘%(title)s’ is gemarkeerd als beoordeeld.") % {"title": case.title})


class RemindContributors(StaleCaseAction):
    def act(self, request, case):
        recipients = contributor_emails(case.municipality)
        if not recipients:
            messages.error(
                request,
                _(
                    "%(municipality)s heeft geen bijdragers met een e-mailadres, dus er is geen herinnering verstuurd. "
                    "Voeg een bijdrager toe of neem zelf contact op."
                )
                % {"municipality": case.municipality_name or _("Deze gemeente")},
            )
            return
        send_review_reminder(case.municipality, [case], recipients)
        log(instance=case, action="wijkwijs.review_reminder", user=request.user, data={"to": recipients})
        messages.success(
            request,
            _("Herinnering over ‘%(title)s’ verstuurd naar %(recipients)s.")
            % {
                "title": case.title,
                "recipients": ", ".join(recipients),
            },
        )


class MergeThemeForm(forms.Form):
    target = forms.ModelChoiceField(
        label=gettext_lazy("Samenvoegen met"),
        queryset=Theme.objects.none(),
        help_text=gettext_lazy("De praktijkvoorbeelden gaan naar dit thema; het oude adres verwijst ernaar door."),
    )

    def __init__(self, *args, source, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = Theme.objects.exclude(pk=source.pk).order_by("name")


class MergeTheme(WagtailAdminTemplateMixin, FormView):
    """Merge one theme into another: its cases move, it disappears, and its address redirects."""

    template_name = "knowledge/admin/merge_theme.html"
    form_class = MergeThemeForm
    header_icon = "tag"

    def dispatch(self, request, pk):
        if not request.user.has_perms(["knowledge.change_theme", "knowledge.delete_theme"]):
            raise PermissionDenied
        self.source = get_object_or_404(Theme, pk=pk)
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Thema ‘%(name)s’ samenvoegen") % {"name": self.source.name}

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "source": self.source}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["source"] = self.source
        context["case_count"] = self.source.tagged_cases.count()
        return context

    def form_valid(self, form):
        target = form.cleaned_data["target"]
        name = self.source.name
        moved = merge_themes(self.source, target)
        messages.success(
            self.request,
            _("‘%(source)s’ is samengevoegd met ‘%(target)s’: %(count)s praktijkvoorbeeld(en) verplaatst.")
            % {"source": name, "target": target.name, "count": moved},
        )
        return redirect(reverse("wagtailsnippets_knowledge_theme:list"))
