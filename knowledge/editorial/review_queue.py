"""The editors' review queue on the admin dashboard: Wagtail's 'Awaiting your review' panel, saying for each case
who sent it (name, municipality, by the public form or from an account) and since when it waits."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel


def submitter(workflow_state, obj):
    """Who asked for the review: the account that submitted it, or the person who filled in the public form."""
    user = workflow_state.requested_by
    if user is not None:
        return {"name": user.get_full_name() or user.get_username(), "via": _("account")}
    return {"name": getattr(obj, "contact_name", "") or _("onbekend"), "via": _("via formulier")}


class ReviewQueuePanel(WorkflowObjectsToModeratePanel):
    template_name = "knowledge/admin/review_queue_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            workflow_state = state["task_state"].workflow_state
            state["submitter"] = submitter(workflow_state, state["obj"])
            state["municipality"] = getattr(state["obj"], "municipality_name", "")
        return context


def use_review_queue(request, panels):
    panels[:] = [ReviewQueuePanel() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel for panel in panels]
