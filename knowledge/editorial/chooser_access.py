"""Wagtail's choosers, answering only about what the user may choose.

Their lists already keep to it (permission policies, construct_page_chooser_queryset), but the views that
answer for chosen ids (`chosen/<pk>/`, `chosen-multiple/?id=...`, an image's format step, browsing below a
page) return the title and URL of any id asked. These wrappers ask `references.choosable` first. The patterns
come before Wagtail's admin URLs in config/urls.py.
"""

from functools import wraps

from django.http import Http404, HttpResponseBadRequest
from django.urls import path
from django.utils.translation import gettext as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views import chooser as page_chooser
from wagtail.documents import get_document_model
from wagtail.documents.views.chooser import viewset as document_chooser
from wagtail.images import get_image_model
from wagtail.images.views.chooser import viewset as image_chooser
from wagtail.models import Page

from knowledge.editorial.bulk_access import OBJECT_ID
from knowledge.editorial.references import choosable


def one_choosable(view, model, kwarg):
    """The view for one object (named by the URL), for objects the user may choose; others are not found."""

    @wraps(view)
    @require_admin_access
    def checked(request, *args, **kwargs):
        pk = str(kwargs[kwarg])
        if not OBJECT_ID.fullmatch(pk) or not choosable(request.user, model).filter(pk=int(pk)).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return checked


def only_choosable(view, model):
    """The view for the objects named by `id` parameters, given only those the user may choose."""

    @wraps(view)
    @require_admin_access
    def checked(request, *args, **kwargs):
        asked = request.GET.getlist("id")
        if not all(OBJECT_ID.fullmatch(value) for value in asked):
            return HttpResponseBadRequest(_("Ongeldige id in de adresregel: gebruik alleen gehele getallen."))
        allowed = choosable(request.user, model).filter(pk__in=[int(value) for value in asked])
        request.GET = request.GET.copy()
        request.GET.setlist("id", [str(pk) for pk in allowed.values_list("pk", flat=True)])
        return view(request, *args, **kwargs)

    return checked


def chooser_urls():
    Document, Image = get_document_model(), get_image_model()
    return [
        path(
            "choose-page/<int:parent_page_id>/",
            one_choosable(page_chooser.BrowseView.as_view(), Page, "parent_page_id"),
        ),
        path("choose-page/chosen-multiple/", only_choosable(page_chooser.ChosenMultipleView.as_view(), Page)),
        path("documents/chooser/chosen/<str:pk>/", one_choosable(document_chooser.chosen_view, Document, "pk")),
        path("documents/chooser/chosen-multiple/", only_choosable(document_chooser.chosen_multiple_view, Document)),
        path("images/chooser/chosen/<str:pk>/", one_choosable(image_chooser.chosen_view, Image, "pk")),
        path("images/chooser/chosen-multiple/", only_choosable(image_chooser.chosen_multiple_view, Image)),
        path(
            "images/chooser/<int:image_id>/select_format/",
            one_choosable(image_chooser.select_format_view, Image, "image_id"),
        ),
    ]
