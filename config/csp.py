"""Content-Security-Policy of the site and of the Wagtail admin."""

from urllib.parse import urlsplit

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


def tile_origin(tile_url):
    """The scheme and host of a map tile URL template ('' without one), the only other origin the maps load from."""
    parts = urlsplit(tile_url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def with_map_tiles(policy, tile_url):
    """The policy that also lets the maps load their tile images from the origin of tile_url."""
    origin = tile_origin(tile_url)
    if not origin:
        return policy
    return {**policy, "img-src": [*policy["img-src"], origin]}
