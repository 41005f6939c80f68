"""Suggestions while typing: case titles, themes and municipalities."""

import re

from django.urls import reverse
from modelsearch.backends import get_search_backend

from knowledge.models import CaseStudyPage, MunicipalityPage, Theme
from search import availability
from search.query_text import first_words
from search.service import engine_backend

MIN_LENGTH = 2
LIMIT = 8


def _case_titles(q, request):
    live = CaseStudyPage.objects.published()
    backend = engine_backend()
    if backend is not None and availability.engine_available():
        try:
            return [(case.title, case.get_url(request)) for case in backend.autocomplete(q, live)[:5]]
        except backend.connection_errors as error:
            availability.mark_engine_down(error)
    return [(case.title, case.get_url(request)) for case in get_search_backend("database").autocomplete(q, live)[:5]]


def suggestions(q, request):
    # Only words go to the backends: quotes and operators mean something to FTS5 and the engines.
    q = " ".join(re.findall(r"\w+", first_words(q)))
    if len(q) < MIN_LENGTH:
        return []
    search_url = reverse("search")
    found = [
        {"type": "theme", "label": theme.name, "value": theme.slug, "url": f"{search_url}?theme={theme.slug}"}
        for theme in Theme.objects.filter(name__icontains=q)[:3]
    ]
    found += [
        {"type": "municipality", "label": page.title, "value": page.slug, "url": f"{search_url}?municipality={page.slug}"}
        for page in MunicipalityPage.objects.live().filter(title__istartswith=q)[:3]
    ]
    found += [{"type": "case", "label": title, "value": title, "url": url} for title, url in _case_titles(q, request)]
    return found[:LIMIT]
