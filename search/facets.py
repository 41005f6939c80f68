"""Facets: turning filter values into what the index holds, and bucket values into labels."""

from dataclasses import dataclass

from django.db.models import Q

from knowledge.models import CongressEditionPage, MunicipalityPage, Theme
from knowledge.provinces import Province, province_from_text

NO_MATCH = "-"  # a filter value that matches nothing, for names that do not exist


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False

    def as_json(self):
        return {"value": self.value, "label": self.label, "count": self.count}


def resolve_filters(params):
    """{facet: index values} for the active filters; names and slugs both work for places."""
    resolved = {}
    if params.theme:
        resolved["theme"] = list(params.theme)
    if params.municipality:
        lowered = [value.lower() for value in params.municipality]
        title_match = Q()
        for value in params.municipality:
            title_match |= Q(title__iexact=value)
        pks = list(MunicipalityPage.objects.filter(Q(slug__in=lowered) | title_match).values_list("pk", flat=True))
        resolved["municipality"] = pks or [0]
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


def label_facets(raw, params):
    """{facet: [FacetValue]} from {facet: {index value: count}}, with labels from the database."""
    facets = {}
    theme_counts = raw.get("theme", {})
    themes = Theme.objects.filter(slug__in=list(theme_counts)).values_list("slug", "name")
    facets["theme"] = _sorted_by_count(
        FacetValue(slug, name, theme_counts[slug], slug in params.theme) for slug, name in themes
    )

    municipality_counts = {int(key): count for key, count in raw.get("municipality", {}).items()}
    selected = {value.lower() for value in params.municipality}
    municipalities = MunicipalityPage.objects.filter(pk__in=list(municipality_counts)).values_list("pk", "slug", "title")
    facets["municipality"] = _sorted_by_count(
        FacetValue(slug, title, municipality_counts[pk], slug in selected or title.lower() in selected)
        for pk, slug, title in municipalities
    )

    selected_provinces = {str(province_from_text(value)) for value in params.province}
    facets["province"] = _sorted_by_count(
        FacetValue(code, Province(code).label, count, code in selected_provinces)
        for code, count in raw.get("province", {}).items()
        if code in Province.values
    )

    facets["year"] = sorted(
        (FacetValue(str(year), str(year), count, int(year) in params.year) for year, count in raw.get("year", {}).items() if year),
        key=lambda item: item.value,
        reverse=True,
    )

    congress_counts = {int(key): count for key, count in raw.get("congress", {}).items()}
    editions = CongressEditionPage.objects.filter(year__in=list(congress_counts)).values_list("year", "city")
    facets["congress"] = sorted(
        (FacetValue(str(year), f"{year} {city}".strip(), congress_counts[year], year in params.congress) for year, city in editions),
        key=lambda item: item.value,
        reverse=True,
    )
    return facets
