"""A three-node OpenSearch cluster loses a node while practitioners search and editors write.

`make test` runs this file on its own against `opensearch/opensearch.sh cluster-start` (nodes on 9210-9212,
SEARCH_URL naming all three, SEARCH_REPLICAS=1); in the other passes it is skipped."""

import subprocess
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import Client
from modelsearch.backends import get_search_backend

from knowledge.exchange.importer import CaseImporter
from knowledge.models import CaseStudyPage
from knowledge.operations.demo import load_demo
from search.reconcile import reconcile

REPO = Path(__file__).resolve().parents[2]
CLUSTER_NODES = 3

pytestmark = pytest.mark.skipif(
    settings.SEARCH_ENGINE != "opensearch" or len(settings.WAGTAILSEARCH_BACKENDS["default"].get("URLS", [])) < CLUSTER_NODES,
    reason="needs the three-node cluster of `opensearch/opensearch.sh cluster-start` in SEARCH_URL (make test runs it)",
)


def cluster(*command):
    subprocess.run(["bash", "opensearch/opensearch.sh", *command], cwd=REPO, check=True, capture_output=True, timeout=300)


def new_case(number):
    return {
        "external_id": f"cluster-{number}",
        "title": f"Buurtkamer nummer {number} in de wijk",
        "municipality": "Deventer",
        "province": "Overijssel",
        "summary": f"Bewoners openen buurtkamer {number} voor ontmoeting.",
    }


class Searcher(threading.Thread):
    """Searches as a practitioner does, over and over, and remembers who answered each time."""

    def __init__(self):
        super().__init__(daemon=True)
        self.stop = threading.Event()
        self.answers = []

    def run(self):
        client = Client()
        try:
            while not self.stop.is_set():
                response = client.get("/api/search/", {"q": "buurt", "page_size": 5})
                self.answers.append((time.monotonic(), response.status_code, response.json().get("backend")))
                time.sleep(0.05)
        finally:
            connection.close()


@pytest.mark.django_db(transaction=True)
def test_searches_and_writes_go_on_while_a_node_is_down(settings):
    settings.SEARCH_ENGINE = "opensearch"  # the suite's default for tests without the shared search library
    load_demo()
    call_command("update_index", verbosity=0)
    backend = get_search_backend("default")
    index = backend.get_index_for_model(CaseStudyPage)
    (index_settings,) = backend.es.indices.get_settings(index=index.name).values()
    assert index_settings["settings"]["index"]["number_of_replicas"] == "1"
    backend.es.cluster.health(index=index.name, wait_for_status="green", request_timeout=60)

    searcher = Searcher()
    searcher.start()
    try:
        assert CaseImporter().run([new_case(1)]).ok
        cluster("node-stop", "2")
        node_down_at = time.monotonic()
        edited = CaseStudyPage.objects.live().order_by("pk").first()
        edited.summary = "Een nieuwe samenvatting, geschreven terwijl een zoekserver uit stond."
        edited.save_revision().publish()
        assert CaseImporter().run([new_case(2), new_case(3)]).ok
        deadline = time.monotonic() + 60
        while sum(1 for at, *_ in searcher.answers if at > node_down_at) < 5 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        searcher.stop.set()
        searcher.join(timeout=30)
    try:
        assert sum(1 for at, *_ in searcher.answers if at > node_down_at) >= 5, "searches went on with the node down"
        answered_by = {(status, backend) for _, status, backend in searcher.answers}
        assert answered_by == {(200, "opensearch")}, "every search answered by the engine, none by the fallback"

        index.refresh()  # what was written in the last second is searchable, as after any pause
        report = reconcile(backend)
        assert (report.replayed, report.added, report.updated, report.removed) == (0, 0, 0, 0), "no write was lost"
        assert report.in_parity
        found = Client().get("/api/search/", {"q": "geschreven terwijl een zoekserver uit stond"}).json()
        assert found["backend"] == "opensearch" and found["results"][0]["url"].endswith(edited.url)
    finally:
        cluster("node-start", "2")
