"""Site-wide middleware that does not belong to a single app."""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.utils import translation

from config.csp import ADMIN_POLICY


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy for the public site; the Wagtail admin needs inline styles and scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith("/admin/"):
            parts.replace = ADMIN_POLICY
        return parts


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
