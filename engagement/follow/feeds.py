"""The Atom feed of any search with its filters: the newest cases it finds, for feed readers instead of mail."""

from django.http import HttpResponseBadRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from engagement.follow.followed import description, followed_params, matching_cases, stored_query
from knowledge.feeds import FEED_SIZE, NewCasesFeed
from search.params import InvalidSearchParams


class SearchFeed(NewCasesFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            followed_params(request.GET)
        except InvalidSearchParams as error:
            return HttpResponseBadRequest(
                "; ".join(f"{name}: {message}" for name, message in error.errors.items()), content_type="text/plain"
            )
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return followed_params(request.GET)

    def title(self, params):
        return _("Wijkwijs: %(search)s") % {"search": "; ".join(description(params))}

    def subtitle(self, params):
        return _("Nieuwe praktijkvoorbeelden bij deze zoekopdracht")

    def link(self, params):
        query = stored_query(params)
        return reverse("search") + (f"?{query}" if query else "")

    def items(self, params):
        return matching_cases(params).for_cards().order_by("-first_published_at")[:FEED_SIZE]
