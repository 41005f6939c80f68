from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.views import APIView

from api.api_docs import documented_operations, documented_schemas
from api.examples import CSV_EXAMPLE, example_feature_collection, example_record, example_search_response
from api.exports import csv_chunks, json_chunks
from api.lazy_text import StrOrPromise, lazy_tags
from api.schema import BAD_REQUEST, RETRY_AFTER, TOO_MANY_REQUESTS, openapi_schema
from api.serializers import (
    BACKENDS,
    AutocompleteQuerySerializer,
    AutocompleteResponseSerializer,
    CaseExportSerializer,
    CaseFeatureCollectionSerializer,
    FilterQuerySerializer,
    SearchQuerySerializer,
    SearchResponseSerializer,
)
from core.json import json_response
from search.autocomplete import suggestions
from search.geojson import MEDIA_TYPE, geojson_chunks
from search.matches import all_matches
from search.params import FACETS, InvalidSearchParams, SearchParams, parse_search_params
from search.query_log import log_search
from search.results import result_json
from search.service import run_search

PAGING_PARAMETERS = ("page", "page_size")
SEARCH_FORMATS = ("json", "geojson")
SEARCH_TAGS = lazy_tags(gettext_lazy("Zoeken"))
ViewClass = TypeVar("ViewClass", bound=Callable[..., Any])
PARAMETER_EXAMPLES = [
    OpenApiExample(name, value=value, parameter_only=(name, OpenApiParameter.QUERY))
    for name, value in {
        "q": "wijkambtenaar",
        "theme": ["veiligheid"],
        "municipality": ["tilburg"],
        "province": ["noord-brabant"],
        "year": ["2010-2014"],
        "congress": [2014],
    }.items()
]


class ServerChosenFormat(BaseContentNegotiation):
    """Each endpoint answers in its one format, whatever the client's Accept header asks for."""

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None) -> tuple:
        return renderers[0], renderers[0].media_type

    def select_parser(self, request: Request, parsers: list) -> None:
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
    @extend_schema(
        operation_id="search",
        tags=SEARCH_TAGS,
        summary=gettext_lazy("Praktijkvoorbeelden zoeken en filteren"),
        description=gettext_lazy(
            "Filters werken samen (EN) tussen verschillende parameters en als OF binnen één parameter. "
            "Antwoordt uit de database als de zoekmachine onbereikbaar is."
        ),
        parameters=[SearchQuerySerializer, RETRY_AFTER],
        examples=PARAMETER_EXAMPLES,
        responses={
            (200, "application/json"): OpenApiResponse(
                SearchResponseSerializer,
                description=gettext_lazy(
                    "Eén pagina resultaten met filters (facetten) en hun aantallen; met "
                    "format=geojson alle gevonden praktijkvoorbeelden als punten."
                ),
                examples=[OpenApiExample("search", value=example_search_response())],
            ),
            (200, MEDIA_TYPE): OpenApiResponse(
                CaseFeatureCollectionSerializer,
                examples=[OpenApiExample("map", value=example_feature_collection())],
            ),
            400: BAD_REQUEST,
            429: TOO_MANY_REQUESTS,
        },
    )
    def get(self, request: Request) -> HttpResponseBase:
        try:
            params = search_parameters(request.GET)
        except InvalidSearchParams as error:
            return bad_request(error)
        if request.GET.get("format") == "geojson":
            return geojson_response(params, request)
        outcome = run_search(params)
        log_search(params, outcome)
        return json_response(
            {
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
            }
        )


def geojson_response(params: SearchParams, request: HttpRequest) -> StreamingHttpResponse:
    """Every case the search matches, not one page, as GeoJSON for the maps."""
    matches = all_matches(params)
    response = StreamingHttpResponse(geojson_chunks(matches, request), content_type=MEDIA_TYPE)
    response["X-Total-Count"] = str(matches.count)
    response["X-Search-Backend"] = matches.backend
    return response


class AutocompleteView(PublicReadView):
    @extend_schema(
        operation_id="autocomplete",
        tags=SEARCH_TAGS,
        summary=gettext_lazy("Suggesties tijdens het typen"),
        description=gettext_lazy("Thema's, gemeenten en titels van praktijkvoorbeelden; pas vanaf twee tekens."),
        parameters=[AutocompleteQuerySerializer, RETRY_AFTER],
        examples=[OpenApiExample("q", value="vei", parameter_only=("q", OpenApiParameter.QUERY))],
        responses={
            200: OpenApiResponse(
                AutocompleteResponseSerializer,
                description=gettext_lazy("Hoogstens acht suggesties."),
                examples=[
                    OpenApiExample(
                        "typing",
                        value={
                            "query": "vei",
                            "suggestions": [
                                {
                                    "type": "theme",
                                    "label": "Veiligheid",
                                    "value": "veiligheid",
                                    "url": "/zoeken/?theme=veiligheid",
                                }
                            ],
                        },
                    )
                ],
            ),
            429: TOO_MANY_REQUESTS,
        },
    )
    def get(self, request: Request) -> HttpResponse:
        q = " ".join(request.GET.get("q", "").split())[:100]
        return json_response({"query": q, "suggestions": suggestions(q, request)})


@extend_schema(exclude=True)
class SchemaView(PublicReadView):
    def get(self, request: Request) -> HttpResponse:
        return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


@extend_schema(exclude=True)
class DocsView(PublicReadView):
    def get(self, request: Request) -> HttpResponse:
        api_schema = openapi_schema()
        return render(
            request,
            "api/api_docs.html",
            {
                "info": api_schema["info"],
                "operations": documented_operations(api_schema),
                "schemas": documented_schemas(api_schema),
            },
        )


def export_filename(extension: str) -> str:
    return f"wijkwijs-praktijkvoorbeelden-{timezone.localdate().isoformat()}.{extension}"


def export_schema(
    operation_id: str, summary: StrOrPromise, media_type: str, body: Any, example: Any, extension: str
) -> Callable[[ViewClass], ViewClass]:
    """The description of an export: the filters of /api/search/, a file as attachment, and its headers."""
    return extend_schema_view(
        get=extend_schema(
            operation_id=operation_id,
            tags=lazy_tags(gettext_lazy("Exporteren")),
            summary=summary,
            description=gettext_lazy(
                "Alle gevonden praktijkvoorbeelden in één bestand, met dezelfde parameters als /api/search/ "
                "(page en page_size doen hier niet mee). Het aantal is de ‘count’ van /api/search/. "
                "Elk praktijkvoorbeeld heeft zijn licentie en de bron-URL."
            ),
            parameters=[
                FilterQuerySerializer,
                OpenApiParameter(
                    "Content-Disposition",
                    {
                        "type": "string",
                        "example": f'attachment; filename="wijkwijs-praktijkvoorbeelden-2026-11-29.{extension}"',
                    },
                    OpenApiParameter.HEADER,
                    response=[200],
                    description=gettext_lazy("Bestandsnaam met de datum."),
                ),
                OpenApiParameter(
                    "X-Total-Count",
                    int,
                    OpenApiParameter.HEADER,
                    response=[200],
                    description=gettext_lazy("Aantal praktijkvoorbeelden in het bestand."),
                ),
                OpenApiParameter(
                    "X-Search-Backend",
                    {"type": "string", "enum": list(BACKENDS)},
                    OpenApiParameter.HEADER,
                    response=[200],
                    description=gettext_lazy("Wie de zoekvraag beantwoordde, zoals ‘backend’ van /api/search/."),
                ),
                RETRY_AFTER,
            ],
            examples=PARAMETER_EXAMPLES,
            responses={
                (200, media_type): OpenApiResponse(
                    body,
                    description=gettext_lazy("Het bestand, als bijlage."),
                    examples=[OpenApiExample("file", value=example)],
                ),
                400: BAD_REQUEST,
                429: TOO_MANY_REQUESTS,
            },
        )
    )


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


@export_schema(
    "exportCsv",
    gettext_lazy("Gevonden praktijkvoorbeelden als CSV"),
    "text/csv",
    {"type": "string", "description": gettext_lazy("UTF-8 met BOM; lijsten gescheiden door ‘; ’.")},
    CSV_EXAMPLE,
    "csv",
)
class CsvExportView(ExportView):
    chunks = staticmethod(csv_chunks)
    extension = "csv"
    content_type = "text/csv; charset=utf-8"


@export_schema(
    "exportJson",
    gettext_lazy("Gevonden praktijkvoorbeelden in het uitwisselformaat (JSON)"),
    "application/json",
    CaseExportSerializer,
    {"cases": [example_record()]},
    "json",
)
class JsonExportView(ExportView):
    chunks = staticmethod(json_chunks)
    extension = "json"
    content_type = "application/json; charset=utf-8"
