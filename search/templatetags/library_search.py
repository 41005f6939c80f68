"""What content pages show from search: the library's shape, a theme's cases, a case's similar cases.

The pages belong to knowledge, which never imports search (see docs/architecture.md); their templates ask
search through these tags.
"""

from django import template

from search.params import InvalidSearchParams, SearchParams, parse_search_params
from search.results import cases_in_order
from search.service import run_search, similar_case_pks

register = template.Library()


@register.simple_tag
def library_facets():
    """The facets of a search for everything: the same counts /zoeken/ shows."""
    return run_search(SearchParams()).facets


@register.simple_tag(takes_context=True)
def theme_cases(context, theme):
    """The search for one theme, with what else the address asks (a page); a bad parameter falls back to page one."""
    query = context["request"].GET.copy()
    query.setlist("theme", [theme.slug])
    try:
        params = parse_search_params(query)
    except InvalidSearchParams:
        params = SearchParams(theme=(theme.slug,))
    return run_search(params)


@register.simple_tag
def related_and_similar_cases(case, limit=4):
    """Editor-linked cases first, then the most similar ones the search engine finds."""
    linked = case.related_cases()
    wanted = max(limit - len(linked), 0)
    if not wanted:
        return linked
    taken = {linked_case.pk for linked_case in linked} | {case.pk}
    similar = [pk for pk in similar_case_pks(case, limit + len(taken)) if pk not in taken][:wanted]
    return linked + cases_in_order(similar)
