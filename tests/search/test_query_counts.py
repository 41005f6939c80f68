"""The number of SQL queries of a search does not grow with the number of results shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.operations.demo import load_demo

pytestmark = [pytest.mark.django_db, pytest.mark.sqlite]


@pytest.mark.parametrize("path", ["/zoeken/", "/api/search/"])
def test_a_search_asks_the_database_as_often_for_3_results_as_for_12(client, path):
    load_demo()
    client.get(path)  # facet labels and theme counts are cached from here on
    counts = {}
    for page_size in (3, 12):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, {"page_size": page_size})
        assert response.status_code == 200
        counts[page_size] = len(queries)
    assert counts[3] == counts[12]
