from collections.abc import Callable, Iterable, Iterator

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from api.api_docs import documented_operations, documented_schemas
from api.exports import csv_chunks, json_chunks
from api.openapi import openapi_schema
from search.autocomplete import suggestions
from search.geojson import MEDIA_TYPE, geojson_chunks
from search.json import json_response
from search.matches import all_matches
from search.params import FACETS, InvalidSearchParams, SearchParams, parse_search_params
from search.query_log import log_search
from search.results import result_json
from search.service import run_search

PAGING_PARAMETERS = ("page", "page_size")
SEARCH_FORMATS = ("json", "geojson")


class ServerChosenFormat(BaseContentNegotiation):
    """Each endpoint answers in its one format, whatever the client's Accept header asks for."""

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type

    def select_parser(self, request, parsers):
        return None


class PublicReadView(APIView):
    """An anonymous, read-only endpoint: GET (and HEAD); other methods get 405 as the OpenAPI document implies."""

    http_method_names = ["get", "head", "options"]
    authentication_classes = ()
    permission_classes = (AllowAny,)
    renderer_classes = (JSONRenderer,)
    content_negotiation_class = ServerChosenFormat


def bad_request(error: InvalidSearchParams) -> HttpResponse:
    return json_response({"error": _("Ongeldige zoekparameters"), "details": error.errors}, status=400)


def search_parameters(query: QueryDict) -> SearchParams:
    """parse_search_params plus the search endpoint's own parameter, format."""
    errors = {}
    try:
        params = parse_search_params(query)
    except InvalidSearchParams as error:
        errors = error.errors
    if query.get("format", "json") not in SEARCH_FORMATS:
        errors["format"] = _("kies 'json' of 'geojson'")
    if errors:
        raise InvalidSearchParams(errors)
    return params


class SearchView(PublicReadView):
    def get(self, request: Request) -> HttpResponseBase:
        try:
            params = search_parameters(request.GET)
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


def geojson_response(params: SearchParams, request: HttpRequest) -> StreamingHttpResponse:
    """Every case the search matches, not one page, as GeoJSON for the maps."""
    matches = all_matches(params)
    response = StreamingHttpResponse(geojson_chunks(matches, request), content_type=MEDIA_TYPE)
    response["X-Total-Count"] = str(matches.count)
    response["X-Search-Backend"] = matches.backend
    return response


class AutocompleteView(PublicReadView):
    def get(self, request: Request) -> HttpResponse:
        q = " ".join(request.GET.get("q", "").split())[:100]
        return json_response({"query": q, "suggestions": suggestions(q, request)})


class SchemaView(PublicReadView):
    def get(self, request: Request) -> HttpResponse:
        return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


class DocsView(PublicReadView):
    def get(self, request: Request) -> HttpResponse:
        api_schema = openapi_schema()
        return render(request, "api/api_docs.html", {
            "info": api_schema["info"],
            "operations": documented_operations(api_schema),
            "schemas": documented_schemas(api_schema),
        })


def export_filename(extension: str) -> str:
    return f"wijkwijs-praktijkvoorbeelden-{timezone.localdate().isoformat()}.{extension}"


class ExportView(PublicReadView):
    """Every case a search matches as one file; the paging parameters of the search do not apply."""

    chunks: Callable[[Iterable[int], str], Iterator[str]]
    extension: str
    content_type: str

    def get(self, request: Request) -> HttpResponseBase:
        query = request.GET.copy()
        for name in PAGING_PARAMETERS:
            query.pop(name, None)
        try:
            params = parse_search_params(query)
        except InvalidSearchParams as error:
            return bad_request(error)
        matches = all_matches(params)
        chunks = self.chunks(matches.pks, request.build_absolute_uri("/"))
        response = StreamingHttpResponse(chunks, content_type=self.content_type)
        response["Content-Disposition"] = f'attachment; filename="{export_filename(self.extension)}"'
        response["X-Total-Count"] = str(matches.count)
        response["X-Search-Backend"] = matches.backend
        return response


class CsvExportView(ExportView):
    chunks = staticmethod(csv_chunks)
    extension = "csv"
    content_type = "text/csv; charset=utf-8"


class JsonExportView(ExportView):
    chunks = staticmethod(json_chunks)
    extension = "json"
    content_type = "application/json; charset=utf-8"
