"""A followed search: the parameters of /zoeken/ without sort and paging, how to name it, and what it matches."""

from dataclasses import replace

from django.http import QueryDict
from django.utils.translation import gettext as _

from knowledge.models import CaseStudyPage, MunicipalityPage, Theme
from knowledge.provinces import Province, province_from_text
from search.matches import all_matches
from search.params import DEFAULT_PAGE_SIZE, SearchParams, parse_search_params


def followed_params(query_dict: QueryDict) -> SearchParams:
    """The search to follow from a request's query; InvalidSearchParams names a bad parameter. Sort and page
    do not change which cases a search finds, so a search followed from page 3 is the same search."""
    return replace(parse_search_params(query_dict), sort="relevance", page=1, page_size=DEFAULT_PAGE_SIZE)


def stored_query(params: SearchParams) -> str:
    return params.query_string()


def params_of(query: str) -> SearchParams:
    return followed_params(QueryDict(query))


def description(params: SearchParams) -> list[str]:
    """The followed search in words, one line per part: 'Thema: Veiligheid', 'Zoekwoorden: buurt'."""
    parts = []
    if params.theme:
        names = dict(Theme.objects.filter(slug__in=params.theme).values_list("slug", "name"))
        parts.append(_("Thema: %(names)s") % {"names": ", ".join(names.get(slug, slug) for slug in params.theme)})
    if params.municipality:
        wanted = {value.lower() for value in params.municipality}
        titles = [
            title
            for slug, title in MunicipalityPage.objects.live().values_list("slug", "title")
            if slug in wanted or title.lower() in wanted
        ]
        parts.append(_("Gemeente: %(names)s") % {"names": ", ".join(sorted(titles) or params.municipality)})
    if params.province:
        labels = [Province(code).label if (code := province_from_text(value)) else value for value in params.province]
        parts.append(_("Provincie: %(names)s") % {"names": ", ".join(labels)})
    if params.year:
        parts.append(_("Jaar: %(years)s") % {"years": ", ".join(params.year)})
    if params.congress:
        parts.append(_("Congres: %(years)s") % {"years": ", ".join(str(year) for year in params.congress)})
    if params.q:
        parts.append(_("Zoekwoorden: %(words)s") % {"words": params.q})
    return parts or [_("Alle praktijkvoorbeelden")]


def matching_cases(params: SearchParams):
    """The published cases the search finds (every match, not one page), as a queryset to narrow further."""
    return CaseStudyPage.objects.published().filter(pk__in=list(all_matches(params).pks))
