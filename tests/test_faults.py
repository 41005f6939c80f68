"""Real faults: the search engine and PostgreSQL stopped and started again, media that cannot be written."""

import glob
import io
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from search import availability

ROOT = Path(__file__).resolve().parent.parent


def run(*command):
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, timeout=240)


@pytest.mark.engine
@pytest.mark.django_db
@pytest.mark.usefixtures("search_library")
def test_engine_stops_and_returns_and_the_index_catches_up(client, settings, monkeypatch, django_capture_on_commit_callbacks):
    from knowledge.models import CaseStudyPage
    from search.models import IndexBacklog

    if settings.SEARCH_ENGINE != "opensearch":
        pytest.skip("needs the OpenSearch node of `make opensearch`")
    monkeypatch.setattr(availability, "RETRY_AFTER_SECONDS", 0)
    run("bash", "opensearch/opensearch.sh", "stop")
    try:
        data = client.get("/api/search/", {"q": "overlast"}).json()
        assert data["backend"] == "database-fallback" and data["results"][0]["external_id"] == "ex-straatcoaches"
        assert "De zoekmachine is even niet bereikbaar" in client.get("/zoeken/", {"q": "overlast"}).content.decode()
        with django_capture_on_commit_callbacks(execute=True):
            case = CaseStudyPage.objects.get(external_id="ex-brede-school")
            case.title = "De brede school als huiskamer van de wijk"
            case.save_revision().publish()
            CaseStudyPage.objects.get(external_id="ex-verkeersveiligheid").unpublish()
        assert IndexBacklog.objects.count() >= 2
    finally:
        run("bash", "opensearch/opensearch.sh", "start")

    # The first search that reaches the engine again sends what it missed.
    data = client.get("/api/search/", {"q": "huiskamer"}).json()
    assert data["backend"] == "opensearch"
    assert not IndexBacklog.objects.exists()
    out = io.StringIO()
    call_command("search_reconcile", stdout=out)
    assert "gepubliceerd in index 15, in database 15" in out.getvalue()
    assert client.get("/api/search/", {"q": "huiskamer"}).json()["results"][0]["external_id"] == "ex-brede-school"
    found = [result["external_id"] for result in client.get("/api/search/", {"q": "snelheidsmeter"}).json()["results"]]
    assert "ex-verkeersveiligheid" not in found


def postgres_version():
    return sorted(Path(path).name for path in glob.glob("/usr/lib/postgresql/*"))[-1]


@pytest.fixture
def gunicorn_on_test_database(transactional_db):
    """The application as it runs in production, on the test database, on a free loopback port."""
    import os
    import socket
    import sys
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{database['USER']}:{database['PASSWORD']}@{database['HOST']}:{database['PORT']}/{database['NAME']}",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": "/dev/null",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/robots.txt", timeout=1)
            break
        except OSError:
            time.sleep(0.1)
    yield base
    server.terminate()
    server.wait(timeout=30)


def status_of(url):
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(), dict(error.headers)


def test_postgres_restart_gives_a_friendly_503_then_recovers(gunicorn_on_test_database):
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL server of `make test`")
    from django.db import connections

    from knowledge.operations.demo import load_demo

    load_demo()
    page = gunicorn_on_test_database + "/praktijkvoorbeelden/"
    assert status_of(page)[0] == 200
    run("pg_ctlcluster", postgres_version(), "main", "stop", "-m", "fast")
    try:
        status, body, headers = status_of(page)
        assert status == 503 and headers["Retry-After"] == "30"
        assert "Wijkwijs is even niet beschikbaar" in body
    finally:
        run("pg_ctlcluster", postgres_version(), "main", "start")
        connections.close_all()
    # The same gunicorn process, not restarted, answers again once PostgreSQL is back.
    for _ in range(30):
        if status_of(page)[0] == 200:
            break
        time.sleep(1)
    status, body, _ = status_of(page)
    assert status == 200 and "Tilburg" in body


@pytest.mark.sqlite
@pytest.mark.django_db
def test_unwritable_media_gives_a_clear_error_and_no_partial_case(client, settings):
    from django.core.cache import cache
    from wagtail.documents import get_document_model

    from knowledge.models import CaseStudyPage
    from knowledge.operations.demo import load_demo
    from tests.knowledge.submission.test_submission import form_data, pdf_file

    load_demo()
    cache.clear()
    settings.MEDIA_ROOT = "/proc/wijkwijs-media"  # a read-only file system, even for root
    documents_before = get_document_model().objects.count()
    response = client.post("/delen/", form_data(attachments=[pdf_file()]))
    assert response.status_code == 503
    assert "er is niets bewaard" in response.content.decode()
    assert 'value="Buurtkamers in de Reeshof"' in response.content.decode()
    assert not CaseStudyPage.objects.filter(title="Buurtkamers in de Reeshof").exists()
    assert get_document_model().objects.count() == documents_before
