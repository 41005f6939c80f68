"""The PostgreSQL search index is written with plain SQL: it must hold what modelsearch itself writes."""

import pytest
from django.db import connection
from modelsearch.backends import get_search_backend
from modelsearch.backends.database.postgres.postgres import IndexEntry, PostgresIndex

from core.remembered import remembered_values
from knowledge.models import CaseStudyPage
from tests.search_helpers import load_extra_cases

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the PostgreSQL index only"),
]

COLUMNS = ("object_id", "title", "autocomplete", "body", "title_norm", "title_text", "body_text")


def index_rows(index):
    cases = list(CaseStudyPage.get_indexed_objects().order_by("pk"))
    IndexEntry.objects.all().delete()
    with remembered_values():
        index.add_items(CaseStudyPage, cases)
    return list(IndexEntry.objects.order_by("object_id").values_list(*COLUMNS))


def test_the_bulk_index_writes_the_rows_modelsearch_writes():
    load_extra_cases()
    backend = get_search_backend("database")

    ours = index_rows(backend.get_index_for_model(CaseStudyPage))
    theirs = index_rows(PostgresIndex(backend))

    assert len(ours) == CaseStudyPage.objects.count() == 5
    assert ours == theirs
    assert all(title and body for _, title, _, body, *_ in ours)
