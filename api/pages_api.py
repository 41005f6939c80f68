"""Wagtail's pages API (v2) for other case platforms: live, public pages only, as Wagtail serves them.

Images and documents get no endpoint: Wagtail would list every upload, including those used only
by drafts. Full-text search is left to /api/search/, which keeps answering when the engine is gone.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import QuerySet
from django.http import Http404
from rest_framework.request import Request
from rest_framework.views import APIView
from wagtail.api.v2.filters import (
    AncestorOfFilter,
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

# Beyond this the database refuses the OFFSET (an error, not an empty page).
MAX_OFFSET = 10**9


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset: QuerySet, request: Request, view: APIView | None = None) -> QuerySet:
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # Wagtail's own check names the error
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class MissingPageIsNotFound:
    """A filter on a page that is not a live, public page answers 404, as the page itself would, not 400."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: APIView) -> QuerySet:
        try:
            return super().filter_queryset(request, queryset, view)  # type: ignore[misc]  # a mixin of Wagtail's filters
        except BadRequestError as error:
            if isinstance(error.__cause__, ObjectDoesNotExist):
                raise Http404(str(error)) from error
            raise


class ParentFilter(MissingPageIsNotFound, ChildOfFilter):
    pass


class DescendantFilter(MissingPageIsNotFound, DescendantOfFilter):
    pass


def common_fields() -> list[str]:
    """The fields every page type has in this API: what `fields` may name without a `type` (parent: one page only)."""
    return sorted(
        {*PublicPagesAPIViewSet.body_fields, *PublicPagesAPIViewSet.meta_fields} - {"id", "type", "detail_url", "parent"}
    )


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    # Wagtail's filters without full-text search; descendant_of goes before child_of, so that both
    # together (the children of a page, within a part of the tree) work instead of being refused.
    filter_backends = [
        FieldsFilter,
        DescendantFilter,
        ParentFilter,
        AncestorOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        LocaleFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"search", "search_operator"}


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
