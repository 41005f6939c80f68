"""What happens when a page passes the review workflow (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

Kept free of model imports: Wagtail imports this while its own models are still loading.
"""

from django.utils import timezone


def publish_as_reviewed(workflow_state, user=None):
    """Wagtail's own action, publishing the latest revision, except that an approved case counts as reviewed today."""
    revision = workflow_state.content_object.get_latest_revision()
    page = revision.as_object()
    if hasattr(page, "last_reviewed"):
        page.last_reviewed = timezone.localdate()
        revision = page.save_revision(user=user, clean=False)  # validated when it was submitted
    revision.publish(user=user)
