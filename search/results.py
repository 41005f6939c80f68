"""Search results as practitioners and API clients see them."""

from collections.abc import Sequence
from typing import Any

from django.http import HttpRequest

from knowledge.models import CaseStudyPage


def cases_in_order(pks: Sequence[int]) -> list[CaseStudyPage]:
    """The cases of these pks in this order, with what a result or a case card shows (not the long texts)."""
    cases = CaseStudyPage.objects.filter(pk__in=pks).for_cards().defer("body", "results", "lessons_learned")
    by_pk = {case.pk: case for case in cases}
    return [by_pk[pk] for pk in pks if pk in by_pk]


def result_json(case: CaseStudyPage, highlight: str, request: HttpRequest) -> dict[str, Any]:
    return {
        "external_id": case.external_id,
        "title": case.title,
        "url": request.build_absolute_uri(case.get_url(request)),
        "municipality": case.municipality_name,
        "province": case.province_label,
        "themes": [theme.name for theme in case.related("themes")],
        "year_start": case.year_start,
        "year_end": case.year_end,
        "summary": case.summary,
        "highlight": highlight,
    }
