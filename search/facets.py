"""Facets: turning filter values into what the index holds, and bucket values into labels."""

from dataclasses import dataclass
from typing import Any

from core.library_cache import cached
from knowledge.models import CongressEditionPage, MunicipalityPage, Theme
from knowledge.provinces import Province, province_from_text
from search.params import SearchParams
from search.periods import PERIODS, parse_period

PERIOD_VALUES = {period.value for period in PERIODS}
NO_MATCH = "-"  # a filter value that matches nothing, for names that do not exist


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False

    def as_json(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def _theme_names():
    return cached("theme-names", lambda: dict(Theme.objects.values_list("slug", "name")))


def _municipalities():
    """{pk: (slug, title)} of every municipality."""
    return cached(
        "municipalities",
        lambda: {pk: (slug, title) for pk, slug, title in MunicipalityPage.objects.values_list("pk", "slug", "title")},
    )


def _congress_cities():
    return cached("congress-cities", lambda: dict(CongressEditionPage.objects.values_list("year", "city")))


def resolve_filters(params):
    """{facet: index values} for the active filters; names and slugs both work for places."""
    resolved = {}
    if params.theme:
        resolved["theme"] = list(params.theme)
    if params.municipality:
        wanted = {value.lower() for value in params.municipality}
        pks = [pk for pk, (slug, title) in _municipalities().items() if slug in wanted or title.lower() in wanted]
        resolved["municipality"] = sorted(pks) or [0]
    if params.province:
        codes = [province_from_text(value) for value in params.province]
        resolved["province"] = [str(code) for code in codes if code] or [NO_MATCH]
    if params.year:
        resolved["year"] = list(params.year)
    if params.congress:
        resolved["congress"] = list(params.congress)
    return resolved


def _sorted_by_count(values):
    return sorted(values, key=lambda item: (-item.count, item.label.lower()))


def label_facets(raw: dict[str, dict[Any, int]], params: SearchParams) -> dict[str, list[FacetValue]]:
    """{facet: [FacetValue]} from {facet: {index value: count}}, with labels from the database."""
    facets = {}
    names = _theme_names()
    facets["theme"] = _sorted_by_count(
        FacetValue(slug, names[slug], count, slug in params.theme)
        for slug, count in raw.get("theme", {}).items()
        if slug in names
    )

    municipalities = _municipalities()
    selected = {value.lower() for value in params.municipality}
    municipality_values = []
    for key, count in raw.get("municipality", {}).items():
        if int(key) in municipalities:
            slug, title = municipalities[int(key)]
            municipality_values.append(FacetValue(slug, title, count, slug in selected or title.lower() in selected))
    facets["municipality"] = _sorted_by_count(municipality_values)

    selected_provinces = {str(province_from_text(value)) for value in params.province}
    facets["province"] = _sorted_by_count(
        FacetValue(code, Province(code).label, count, code in selected_provinces)
        for code, count in raw.get("province", {}).items()
        if code in Province.values
    )

    year_counts = raw.get("year", {})
    facets["year"] = [
        FacetValue(period.value, str(period.label), year_counts[period.value], period.value in params.year)
        for period in PERIODS
        if year_counts.get(period.value) or (period.value in year_counts and period.value in params.year)
    ] + [  # a chosen year or range of the API's, or of a link, beside the periods
        FacetValue(value, str(parse_period(value).label), count, value in params.year)
        for value, count in year_counts.items()
        if value not in PERIOD_VALUES and parse_period(str(value))
    ]

    cities = _congress_cities()
    congress_counts = {int(key): count for key, count in raw.get("congress", {}).items()}
    facets["congress"] = sorted(
        (
            FacetValue(str(year), f"{year} {cities[year]}".strip(), count, year in params.congress)
            for year, count in congress_counts.items()
            if year in cities
        ),
        key=lambda item: item.value,
        reverse=True,
    )
    return facets
