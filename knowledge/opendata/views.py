from django.http import JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from knowledge.opendata.api_docs import documented_operations, documented_schemas
from knowledge.opendata.exports import csv_chunks, json_chunks
from knowledge.opendata.matches import all_matches
from knowledge.opendata.openapi import openapi_schema
from search.params import InvalidSearchParams, parse_search_params
from search.views import bad_request

PAGING_PARAMETERS = ("page", "page_size")


@require_GET
def schema(request):
    return JsonResponse(openapi_schema(), json_dumps_params={"ensure_ascii": False})


@require_GET
def docs(request):
    api_schema = openapi_schema()
    return render(request, "opendata/api_docs.html", {
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
