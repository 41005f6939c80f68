"""What a contributor sees of pages that are not theirs: the live ones, as everyone does, and no drafts.

Wagtail's page chooser lists every page, drafts of other municipalities included; for people who are not editors
it keeps to live pages and the pages they may edit (bulk actions: editorial/bulk_access.py).
"""

from django.db.models import Q
from wagtail.permissions import page_permission_policy

from knowledge.editorial.permissions import is_editor


def editable_pages(user):
    return page_permission_policy.instances_user_has_any_permission_for(user, ["change"])


def live_or_editable(pages, user):
    """These pages without the drafts the user may not edit (all of them for editors)."""
    if is_editor(user):
        return pages
    return pages.filter(Q(live=True) | Q(pk__in=editable_pages(user).values("pk")))
