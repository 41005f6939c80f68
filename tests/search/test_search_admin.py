"""What editors do for search in the admin: manage synonyms and English terms, read what was rarely found."""

import pytest

from knowledge.operations.demo import load_demo
from search.models import SynonymGroup
from search.query_log import record_search
from tests.people import make_contributor, make_editor

pytestmark = [pytest.mark.sqlite, pytest.mark.django_db]


@pytest.fixture
def library():
    load_demo()


def test_editors_read_the_searches_that_found_little_and_contributors_may_not(client, library):
    record_search("xylofoonorkest", 0)
    record_search("xylofoonorkest", 0)
    record_search("wijkteam", 9)
    client.force_login(make_editor())
    page = client.get("/admin/reports/weinig-gevonden/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "xylofoonorkest" in html and "wijkteam" not in html
    assert "Zoekopdrachten met weinig resultaten" in html
    client.force_login(make_contributor())
    refused = client.get("/admin/reports/weinig-gevonden/", follow=True)
    assert refused.redirect_chain and "xylofoonorkest" not in refused.content.decode()


def test_editors_add_a_synonym_group_in_the_admin_and_it_keeps_its_history(client, library):
    client.force_login(make_editor())
    listing = client.get("/admin/snippets/wijkwijs_search/synonymgroup/")
    assert listing.status_code == 200 and "buurthuis" in listing.content.decode()
    response = client.post(
        "/admin/snippets/wijkwijs_search/synonymgroup/add/", {"terms": "repaircafé, reparatiecafé", "note": ""}
    )
    assert response.status_code == 302
    group = SynonymGroup.objects.get(terms="repaircafé, reparatiecafé")
    assert group.revisions.count() == 1
    refused = client.post("/admin/snippets/wijkwijs_search/synonymgroup/add/", {"terms": "alleen", "note": ""})
    assert "Geef minstens twee woorden" in refused.content.decode()
