"""The admin's dashboard shows editors and a case's contributors how many questions its form brought in."""

from wagtail import hooks
from wagtail.admin.ui.components import Component

from engagement.models import CaseQuestionCount

SHOWN_CASES = 50


class QuestionCountsPanel(Component):
    name = "question_counts"
    order = 20
    template_name = "engagement/admin/question_counts_panel.html"

    def __init__(self, counts):
        self.counts = counts

    def get_context_data(self, parent_context=None):
        return {"counts": self.counts}


def counts_for(user):
    """The question counts of the cases this user may edit: every case for an editor, their municipality's
    for a contributor."""
    counts = CaseQuestionCount.objects.filter(count__gt=0).select_related("case").order_by("-count", "case__title")
    return [entry for entry in counts if entry.case.permissions_for_user(user).can_edit()][:SHOWN_CASES]


@hooks.register("construct_homepage_panels")
def add_question_counts(request, panels):
    counts = counts_for(request.user)
    if counts:
        panels.append(QuestionCountsPanel(counts))
