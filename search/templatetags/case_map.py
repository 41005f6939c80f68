from django import template
from django.conf import settings
from django.urls import reverse

register = template.Library()


@register.inclusion_tag("includes/case_map.html")
def case_map(query="", heading="", small=False):
    """A map of the cases a search with this query string finds (all of them), with a text alternative.

    The cases come from /api/search/?format=geojson, the same search as the list; without a tile URL the
    markers lie on a blank background."""
    return {
        "geojson_url": reverse("search_api") + "?" + "&".join(part for part in ("format=geojson", query) if part),
        "tile_url": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "heading": heading,
        "small": small,
    }
