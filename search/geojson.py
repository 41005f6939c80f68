"""Every case a search matches as a GeoJSON FeatureCollection, for the maps.

The cases come from search.matches.all_matches, the same search as the list and the exports
(the engine, or the database when it is away) with the same filters, only without the page limits.
"""

from itertools import islice

from core.json import EscapingJSONEncoder
from knowledge.centres import case_point
from search.results import cases_in_order, result_json

CASES_PER_CHUNK = 500
MEDIA_TYPE = "application/geo+json"


def feature(case, point, request):
    """A case as a GeoJSON Feature: its point, and the properties of a search result plus how exact the point is."""
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [point.longitude, point.latitude]},
        "properties": {**result_json(case, "", request), "location": point.precision},
    }


def geojson_chunks(matches, request):
    """The FeatureCollection in pieces; 'count' and 'backend' as /api/search/ gives them."""
    encoder = EscapingJSONEncoder(ensure_ascii=False)
    yield '{"type": "FeatureCollection", "count": %d, "backend": %s, "features": [' % (  # noqa: UP031 - JSON's braces stay single
        matches.count,
        encoder.encode(matches.backend),
    )
    separator = "\n"
    pks = iter(matches.pks)
    while chunk := list(islice(pks, CASES_PER_CHUNK)):
        pieces = []
        for case in cases_in_order(chunk):
            point = case_point(case)
            if point is not None:
                pieces.append(separator + encoder.encode(feature(case, point, request)))
                separator = ",\n"
        yield "".join(pieces)
    yield "\n]}\n"
