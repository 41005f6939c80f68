"""Wagtail's bulk actions, asked only about objects the user may touch.

Wagtail's bulk-action views load every object whose id is asked (or, for `id=all`, every object of the listing)
and name them all on the confirmation page, the ones the user may not act on included. This view in front of
them parses the ids as Wagtail will use them, refuses explicit ids of objects the user may not touch, and hands
Wagtail, for `id=all`, only the touchable part of the listing.
"""

import re

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.bulk_action import index as wagtail_bulk_action
from wagtail.admin.views.bulk_action.registry import bulk_action_registry
from wagtail.admin.views.pages.search import page_filter_search
from wagtail.models import CollectionMember, Page
from wagtail.permissions import policy_registry

from knowledge.editorial.page_access import editable_pages
from knowledge.editorial.permissions import is_editor

# Wagtail's listings send plain digits; " 142", "142.0" or "142x" are no ids (Django would cast the first).
OBJECT_ID = re.compile(r"[0-9]{1,18}")


def touchable(user, model):
    """The objects of this model the user may act on or at least choose: pages they may edit (all for editors),
    media they may change, delete or choose, other models by their permission policy."""
    if issubclass(model, Page):
        return Page.objects.all() if is_editor(user) else editable_pages(user)
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_any_permission_for(user, ["change", "delete", "choose"])


def _listing(request, action_class, model, allowed, parent):
    """The touchable objects of the listing `id=all` stands for. Pages and media are filtered here as Wagtail's
    listings filter them (children of `childOf`, or its descendants when searching; a collection), because
    Wagtail's own query for them fails when searching on a search engine; other models keep Wagtail's query."""
    query = request.GET.get("q")
    if issubclass(model, Page):
        if parent:
            parent_page = get_object_or_404(Page, pk=int(parent))
            allowed = allowed.descendant_of(parent_page) if query else allowed.child_of(parent_page)
        return [page.pk for page in page_filter_search(query, allowed)[0]] if query else allowed
    if issubclass(model, CollectionMember):
        if parent:
            allowed = allowed.filter(collection_id=int(parent))
        return [item.pk for item in allowed.search(query)] if query else allowed
    listed = action_class(request, model).get_all_objects_in_listing_query(int(parent) if parent else None)
    return allowed.filter(pk__in=list(listed))


@require_admin_access
def bulk_action(request, app_label, model_name, action):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as unknown:
        raise Http404 from unknown
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    asked = request.GET.getlist("id")
    parent = request.GET.get("childOf")
    numbers = [value for value in asked if value != "all"]
    if not all(OBJECT_ID.fullmatch(value) for value in numbers) or (parent and not OBJECT_ID.fullmatch(parent)):
        return HttpResponseBadRequest(_("Ongeldige id in de adresregel: gebruik alleen gehele getallen."))
    allowed = touchable(request.user, model)
    if "all" in asked:
        ids = [getattr(item, "pk", item) for item in _listing(request, action_class, model, allowed, parent)]
    else:
        ids = {int(value) for value in numbers}
        if allowed.filter(pk__in=ids).count() != len(ids):
            raise PermissionDenied
    request.GET = request.GET.copy()
    request.GET.setlist("id", [str(pk) for pk in ids])
    return wagtail_bulk_action(request, app_label, model_name, action)
