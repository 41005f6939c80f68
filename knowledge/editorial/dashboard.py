"""The contributor's dashboard: 'Mijn praktijkvoorbeelden', with where each case stands and a button for a new one."""

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import GroupPagePermission, Page, WorkflowState

from knowledge.editorial.stale_cases import review_is_due
from knowledge.models import CaseStudyPage, MunicipalityPage

SHOWN_CASES = 50

STATUS_LABELS = {
    "draft": _("concept"),
    "needs_changes": _("aanpassingen gevraagd"),
    "in_review": _("bij de redactie"),
    "published": _("gepubliceerd"),
    "to_review": _("te herzien"),
}


def municipalities_of(user):
    """The municipalities this user writes for (through the page permissions of their groups)."""
    pages = GroupPagePermission.objects.filter(
        group__user=user, permission__codename="add_page", page__content_type=ContentType.objects.get_for_model(MunicipalityPage)
    ).values_list("page_id", flat=True)
    return list(MunicipalityPage.objects.filter(pk__in=pages).order_by("title"))


def case_statuses(cases):
    """Where each case stands, from the contributor's side: a key of STATUS_LABELS per case pk."""
    workflow_status = dict(
        WorkflowState.objects.filter(
            base_content_type=ContentType.objects.get_for_model(Page),
            object_id__in=[str(case.pk) for case in cases],
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values_list("object_id", "status")
    )
    statuses = {}
    for case in cases:
        status = workflow_status.get(str(case.pk))
        if status == WorkflowState.STATUS_IN_PROGRESS:
            statuses[case.pk] = "in_review"
        elif status == WorkflowState.STATUS_NEEDS_CHANGES:
            statuses[case.pk] = "needs_changes"
        elif not case.live:
            statuses[case.pk] = "draft"
        else:
            statuses[case.pk] = "to_review" if review_is_due(case.last_reviewed) else "published"
    return statuses


class MyCasesPanel(Component):
    name = "my_cases"
    order = 10
    template_name = "knowledge/admin/my_cases_panel.html"

    def __init__(self, municipalities):
        self.municipalities = municipalities

    def get_context_data(self, parent_context=None):
        cases = list(
            CaseStudyPage.objects.filter(municipality__in=self.municipalities)
            .select_related("municipality")
            .order_by("-latest_revision_created_at", "title")[:SHOWN_CASES]
        )
        statuses = case_statuses(cases)
        return {
            "municipalities": self.municipalities,
            "rows": [(case, statuses[case.pk], STATUS_LABELS[statuses[case.pk]]) for case in cases],
            "more": CaseStudyPage.objects.filter(municipality__in=self.municipalities).count() > len(cases),
        }
