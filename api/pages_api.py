"""Wagtail's pages API (v2) for other case platforms: live, public pages only, as Wagtail serves them.

Images and documents get no endpoint: Wagtail would list every upload, including those used only
by drafts. Full-text search is left to /api/search/, which keeps answering when the engine is gone.
"""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

# Beyond this the database refuses the OFFSET (an error, not an empty page).
MAX_OFFSET = 10**9


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        try:
            too_far = int(request.GET.get("offset", 0)) > MAX_OFFSET
        except ValueError:
            too_far = False  # Wagtail's own check names the error
        if too_far:
            raise BadRequestError(f"offset cannot be higher than {MAX_OFFSET}")
        return super().paginate_queryset(queryset, request, view)


class PublicPagesAPIViewSet(PagesAPIViewSet):
    pagination_class = BoundedPagination
    filter_backends = [backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"search", "search_operator"}


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
