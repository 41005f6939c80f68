"""What a contributor sees of pages that are not theirs: the live ones, as everyone does, and no drafts.

Wagtail's page chooser lists every page, and its bulk-action pages name every page asked for, drafts of other
municipalities included; for people who are not editors both keep to live pages and the pages they may edit.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.models import Page
from wagtail.permissions import page_permission_policy

from knowledge.editorial.permissions import is_editor


def editable_pages(user):
    return page_permission_policy.instances_user_has_any_permission_for(user, ["change"])


def live_or_editable(pages, user):
    """These pages without the drafts the user may not edit (all of them for editors)."""
    if is_editor(user):
        return pages
    return pages.filter(Q(live=True) | Q(pk__in=editable_pages(user).values("pk")))


def _asked_pages(request):
    ids = request.GET.getlist("id")
    if "all" in ids:
        parent = Page.objects.filter(pk=request.GET.get("childOf") or 0).first()
        return parent.get_children() if parent else Page.objects.none()
    return Page.objects.filter(pk__in=[value for value in ids if value.isdigit()])


@require_admin_access
def page_bulk_action(request, action):
    """Wagtail's bulk action on pages, asked only for pages the user may edit (unless an editor)."""
    asked = _asked_pages(request)
    if not is_editor(request.user) and asked.exclude(pk__in=editable_pages(request.user).values("pk")).exists():
        raise PermissionDenied
    return wagtail_bulk_action(request, "wagtailcore", "page", action)
