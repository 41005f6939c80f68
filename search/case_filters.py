"""The facet filters of database search: which cases have one of the chosen values of a facet."""

from knowledge.models import CaseStudyPage, ThemedCase
from search.periods import periods_q

# Facets with one value per case, a column of the case or its municipality.
COLUMN_LOOKUPS = {"municipality": "municipality_id__in", "province": "municipality__province__in"}


def cases_with_theme(slugs):
    return ThemedCase.objects.filter(tag__slug__in=slugs).values("content_object_id")


def cases_of_congress(years):
    return CaseStudyPage.congress_editions.through.objects.filter(congresseditionpage__year__in=years).values("casestudypage_id")


# Facets with several values per case: the pks of the cases with any of the values.
RELATION_FILTERS = {"theme": cases_with_theme, "congress": cases_of_congress}


def filter_cases(queryset, resolved):
    for name, values in resolved.items():
        if name in RELATION_FILTERS:
            queryset = queryset.filter(pk__in=RELATION_FILTERS[name](values))
        elif name == "year":
            queryset = queryset.filter(periods_q(values, "year_start"))
        else:
            queryset = queryset.filter(**{COLUMN_LOOKUPS[name]: values})
    return queryset
