"""Wagtail's mail to a contributor whose case was approved, with the editor's comment and the public address of
the published case (the stock approval mail has neither)."""

from wagtail.admin.mail import WorkflowStateApprovalEmailNotifier
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved

from knowledge.submission.mails import public_url, review_comment


class ApprovalNotifier(WorkflowStateApprovalEmailNotifier):
    def get_context(self, workflow_state, **kwargs):
        context = super().get_context(workflow_state, **kwargs)
        context["comment"] = review_comment(workflow_state)
        if "page" in context:
            context["public_url"] = public_url(context["page"])
        return context


approval_notifier = ApprovalNotifier()


def replace_wagtail_notifiers():
    """Connect before wagtail.admin does (this app comes first in INSTALLED_APPS): Wagtail's own connect with the
    same dispatch_uid is then ignored, so a contributor gets this mail instead of the stock one, not both.
    The request-for-changes mail is Wagtail's own (it carries the comment); templates/wagtailadmin/notifications/
    words both."""
    workflow_approved.connect(approval_notifier, sender=WorkflowState, dispatch_uid="workflow_state_approved_email_notification")
