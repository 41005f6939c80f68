from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from api.api_docs import documented_operations, documented_schemas
from api.exports import csv_chunks, json_chunks
from api.openapi import openapi_schema
from search.autocomplete import suggestions
from search.geojson import MEDIA_TYPE, geojson_chunks
from search.json import json_response
from search.matches import all_matches
from search.params import FACETS, InvalidSearchParams, parse_search_params
from search.query_log import log_search
from search.results import result_json
from search.service import run_search

PAGING_PARAMETERS = ("page", "page_size")


def bad_request(error):
    return json_response({"error": _("Ongeldige zoekparameters"), "details": error.errors}, status=400)


@require_GET
def search_api(request):
    try:
        params = parse_search_params(request.GET)
    except InvalidSearchParams as error:
        return bad_request(error)
    if request.GET.get("format") == "geojson":
        return geojson_response(params, request)
    outcome = run_search(params)
    log_search(params, outcome)
    return json_response({
        "query": params.q,
        "count": outcome.count,
        "page": params.page,
        "page_size": params.page_size,
        "backend": outcome.backend,
        "results": [result_json(case, outcome.highlights.get(case.pk, ""), request) for case in outcome.cases],
        "facets": {name: [value.as_json() for value in outcome.facets[name]] for name in FACETS},
        "suggestion": outcome.suggestion,
        "some_words_only": outcome.some_words_only,
        "related_count": outcome.related,
        "searched_for": [{"term": term, "dutch": dutch} for term, dutch in outcome.searched_for.items()],
    })


def geojson_response(params, request):
    """Every case the search matches, not one page, as GeoJSON for the maps."""
    matches = all_matches(params)
    response = StreamingHttpResponse(geojson_chunks(matches, request), content_type=MEDIA_TYPE)
    response["X-Total-Count"] = str(matches.count)
    response["X-Search-Backend"] = matches.backend
    return response


@require_GET
def autocomplete_api(request):
    q = " ".join(request.GET.get("q", "").split())[:100]
    return json_response({"query": q, "suggestions": suggestions(q, request)})


@require_GET
def schema(request):
    return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


@require_GET
def docs(request):
    api_schema = openapi_schema()
    return render(request, "api/api_docs.html", {
        "info": api_schema["info"],
        "operations": documented_operations(api_schema),
        "schemas": documented_schemas(api_schema),
    })


def export_filename(extension):
    return f"wijkwijs-praktijkvoorbeelden-{timezone.localdate().isoformat()}.{extension}"


def export(request, chunks, extension, content_type):
    query = request.GET.copy()
    for name in PAGING_PARAMETERS:
        query.pop(name, None)
    try:
        params = parse_search_params(query)
    except InvalidSearchParams as error:
        return bad_request(error)
    matches = all_matches(params)
    response = StreamingHttpResponse(chunks(matches.pks, request.build_absolute_uri("/")), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{export_filename(extension)}"'
    response["X-Total-Count"] = str(matches.count)
    response["X-Search-Backend"] = matches.backend
    return response


@require_GET
def export_csv(request):
    return export(request, csv_chunks, "csv", "text/csv; charset=utf-8")


@require_GET
def export_json(request):
    return export(request, json_chunks, "json", "application/json; charset=utf-8")
