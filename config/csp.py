"""Content-Security-Policy of the site and of the Wagtail admin."""

from csp.constants import NONE, SELF, UNSAFE_INLINE

SITE_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    "style-src": [SELF],
    "img-src": [SELF, "data:"],
    "font-src": [SELF],
    "connect-src": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [SELF],
    "base-uri": [SELF],
    "object-src": [NONE],
}

# Wagtail's admin sets styles and small scripts inline; it stays on this site only.
ADMIN_POLICY = {
    **SITE_POLICY,
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:"],
    "frame-src": [SELF],
}
