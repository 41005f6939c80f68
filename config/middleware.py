"""Site-wide middleware that does not belong to a single app."""

from csp.middleware import CSPMiddleware
from django.conf import settings

from config.csp import ADMIN_POLICY, with_map_tiles


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """A strict policy for the public site; the Wagtail admin needs inline styles and scripts."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith("/admin/"):
            parts.replace = with_map_tiles(ADMIN_POLICY, settings.MAP_TILE_URL)  # the location picker's map
        return parts
