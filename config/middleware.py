"""Site-wide middleware that does not belong to a single app."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.utils import translation

from config.csp import ADMIN_POLICY, with_map_tiles


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy for the public site; the Wagtail admin needs inline styles and scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith("/admin/"):
            parts.replace = with_map_tiles(ADMIN_POLICY, settings.MAP_TILE_URL)  # the location picker's map
        return parts


class RequestBodyLimitMiddleware:
    """Refuses a request whose announced body is larger than the path allows, before a byte of it is read.

    Django's DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files: without this a 300 MB upload was
    received and written to disk before the form said no. settings.REQUEST_BODY_LIMITS maps path prefixes to
    their limit; the reverse proxy should cap every body as well (see README).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = next((size for prefix, size in settings.REQUEST_BODY_LIMITS.items() if request.path.startswith(prefix)), None)
        try:
            announced = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            announced = 0
        if limit is not None and announced > limit:
            context = {"limit": filesizeformat(limit)}
            return render(request, "errors/request_too_large.html", context, status=413)
        return self.get_response(request)


class AdminInDutch:
    """The admin speaks Dutch, whatever language the browser asks for (the public site follows the browser).

    Wagtail then shows a user without a language of their own in Dutch too; whoever chose English in their
    account settings keeps it, as Wagtail activates that choice after this.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)
