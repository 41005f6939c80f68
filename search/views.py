from django.shortcuts import render
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from knowledge.models import ThemeIndexPage
from knowledge.provinces import province_from_text
from search.facets import label_facets, resolve_filters
from search.params import FACETS, InvalidSearchParams, last_page, parse_search_params, words_only
from search.query_log import log_search
from search.service import run_search

FACET_LEGENDS = {
    "theme": gettext_lazy("Thema"),
    "municipality": gettext_lazy("Gemeente"),
    "province": gettext_lazy("Provincie"),
    "year": gettext_lazy("Startjaar"),
    "congress": gettext_lazy("Congres"),
}
# The parameters as the search page's form names them, for its error message (the API keeps the parameter names).
PARAMETER_LABELS = {
    **FACET_LEGENDS,
    "q": gettext_lazy("Zoekterm"),
    "sort": gettext_lazy("Sortering"),
    "page": gettext_lazy("Pagina"),
    "page_size": gettext_lazy("Aantal per pagina"),
}


def selected_facet_values(params):
    """{facet: [FacetValue]} of the active filter values that name something, each counted 0.

    Labelled from the cached names, so that a filter keeps its label when the search finds nothing for it."""
    if not params.filters:
        return {name: [] for name in FACETS}
    resolved = resolve_filters(params)
    return label_facets({name: dict.fromkeys(values, 0) for name, values in resolved.items()}, params)


def names_value(facet, given, facet_value):
    """Whether a filter value names this facet value: by slug, places also by name (as resolve_filters matches)."""
    if facet == "province":
        return province_from_text(given) == facet_value.value
    return str(given).lower() in (facet_value.value, facet_value.label.lower())


def filter_label(facet, given, selected_values):
    return next((value.label for value in selected_values if names_value(facet, given, value)), str(given))


def with_selected_values(values, selected_values):
    """The facet's values plus the selected ones that found nothing, so that they stay visible and ticked."""
    shown = {value.value for value in values}
    return values + [value for value in selected_values if value.value not in shown]


def active_filters(params, selected, link):
    return [
        {
            "legend": FACET_LEGENDS[name],
            "label": filter_label(name, value, selected[name]),
            "remove_url": link(params.without(name, value)),
        }
        for name, values in params.filters.items()
        for value in values
    ]


def theme_index_url(request):
    index = ThemeIndexPage.objects.live().first()
    return index.get_url(request) if index else ""


def page_numbers(current, last, around=2):
    """The page numbers a pager shows: the first, the last and those around the current one; None for a gap."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def link_keeping_view(map_view):
    """A function from a query string to the link that keeps the page's view (the list, or the map)."""

    def link(query):
        return "?" + "&".join(part for part in (query, MAP_VIEW_QUERY if map_view else "") if part)

    return link


MAP_VIEW_QUERY = "view=map"


@require_GET
def search_page(request):
    try:
        params = parse_search_params(request.GET)
        errors = {}
    except InvalidSearchParams as error:
        params, errors = words_only(request.GET), error.errors
    outcome = run_search(params)
    if not errors:
        log_search(params, outcome)
    page_count = last_page(outcome.count, params.page_size)
    selected = selected_facet_values(params)
    map_view = request.GET.get("view") == "map"
    link = link_keeping_view(map_view)
    facet_groups = [
        {"name": name, "legend": FACET_LEGENDS[name], "values": values}
        for name in FACETS
        if (values := with_selected_values(outcome.facets[name], selected[name]))
    ]
    context = {
        "params": params,
        "errors": [(PARAMETER_LABELS[name], message) for name, message in errors.items()],
        "outcome": outcome,
        "results": [(case, outcome.highlights.get(case.pk, "")) for case in outcome.cases],
        "facet_groups": facet_groups,
        "active_filters": active_filters(params, selected, link),
        "previous_url": link(params.query_string(page=params.page - 1)) if params.page > 1 else "",
        "page_count": page_count,
        "page_links": [
            {"number": number, "url": link(params.query_string(page=number)), "current": number == params.page}
            if number
            else None
            for number in page_numbers(params.page, page_count)
        ],
        "next_url": link(params.query_string(page=params.page + 1)) if params.page < page_count else "",
        "last_page_url": link(params.query_string(page=page_count)) if outcome.count and params.page > page_count else "",
        "newest_url": link(params.query_string(sort="newest", page=1)),
        "relevance_url": link(params.query_string(sort="relevance", page=1)),
        "suggestion_url": link(params.query_string(q=outcome.suggestion, page=1)) if outcome.suggestion else "",
        "clear_filters_url": link(params.query_string(theme=(), municipality=(), province=(), year=(), congress=(), page=1)),
        "map_view": map_view,
        "list_url": "?" + params.query_string(),
        "map_url": link_keeping_view(True)(params.query_string(page=1)),
        "map_query": params.query_string(page=1),
        "first_related": outcome.count + 1 if outcome.related else 0,
        "theme_index_url": theme_index_url(request) if not outcome.count else "",
    }
    return render(request, "search/search.html", context, status=400 if errors else 200)
