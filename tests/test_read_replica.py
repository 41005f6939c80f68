"""The read replica for real: a gunicorn site on the primary with a streaming standby as DATABASE_REPLICA_URL
(`make postgres-replica`, which `make test` starts and names in TEST_DATABASE_REPLICA_URL)."""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from config import db_router

REPO = Path(__file__).resolve().parent.parent
DATABASE = "wijkwijs_replica_check"
PRIMARY_URL = os.environ.get("DATABASE_URL", "")
REPLICA_URL = os.environ.get("TEST_DATABASE_REPLICA_URL", "")

# Prints an editor's session key, and the id and path of a published case, for the site under test.
SETUP = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from knowledge.models import CaseStudyPage
from tests.people import make_editor
editor = make_editor()
session = SessionStore()
session[SESSION_KEY] = str(editor.pk)
session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
session[HASH_SESSION_KEY] = editor.get_session_auth_hash()
session.create()
case = CaseStudyPage.objects.live().order_by("pk").first()
print(session.session_key, case.pk, case.url)
"""


def on_database(url, name):
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=REPO, env=env, check=True, capture_output=True, text=True
    ).stdout


def run_sql(url, statement, params=()):
    with psycopg.connect(on_database(url, DATABASE), autocommit=True) as connection:
        cursor = connection.execute(statement, params)
        return cursor.fetchall() if cursor.description else []


def replica_sql(statement):
    return run_sql(REPLICA_URL, statement)


def primary_sql(statement, params=()):
    return run_sql(PRIMARY_URL, statement, params)


def standby(action):
    subprocess.run(["bash", "scripts/postgres_replica.sh", action], cwd=REPO, check=True, capture_output=True)


def wait_until(condition, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


class Site:
    def __init__(self, base, session_key, case_id, case_path):
        self.base, self.session_key, self.case_id, self.case_path = base, session_key, case_id, case_path

    def get(self, path, session=False):
        request = urllib.request.Request(self.base + path)
        if session:
            request.add_header("Cookie", f"sessionid={self.session_key}")
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read().decode()


def replica_has_caught_up():
    try:
        return replica_sql("SELECT count(*) FROM django_session")[0][0] > 0
    except psycopg.Error:
        return False


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    if not (REPLICA_URL and PRIMARY_URL.startswith("postgres")):
        pytest.skip("needs PostgreSQL and its streaming standby: TEST_DATABASE_REPLICA_URL (make test sets it)")
    with psycopg.connect(on_database(PRIMARY_URL, "postgres"), autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    files = tmp_path_factory.mktemp("replica-site")
    env = {
        **os.environ,
        "DATABASE_URL": on_database(PRIMARY_URL, DATABASE),
        "SEARCH_URL": "",
        "MEDIA_ROOT": str(files / "media"),
        "LIMITS_CACHE_DIR": str(files / "limits"),
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    manage(env, "migrate", "-v0")
    manage(env, "load_demo")
    session_key, case_id, case_path = manage(env, "shell", "-c", SETUP).splitlines()[-1].split()
    assert wait_until(replica_has_caught_up), "the standby did not receive the new database"
    port = free_port()
    server_env = {
        **env,
        "DATABASE_REPLICA_URL": on_database(REPLICA_URL, DATABASE),
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_ACCESS_LOG": str(files / "access.log"),
    }
    with open(files / "gunicorn.log", "w") as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py", "config.wsgi"],
            cwd=REPO,
            env=server_env,
            stdout=subprocess.DEVNULL,
            stderr=log,
        )
        site = Site(f"http://127.0.0.1:{port}", session_key, int(case_id), case_path)
        try:
            assert wait_until(lambda: _answers(site)), "gunicorn did not start"
            yield site
        finally:
            server.terminate()
            server.wait(timeout=30)
            standby("start")
            replica_sql("SELECT pg_wal_replay_resume()")
            with psycopg.connect(on_database(PRIMARY_URL, "postgres"), autocommit=True) as connection:
                connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def _answers(site):
    try:
        return site.get("/")[0] == 200
    except (urllib.error.URLError, ConnectionError):
        return False


def test_anonymous_visitors_read_the_replica_and_an_editor_reads_what_was_just_published(site):
    (title,) = primary_sql("SELECT title FROM wagtailcore_page WHERE id = %s", (site.case_id,))[0]
    replica_sql("SELECT pg_wal_replay_pause()")
    primary_sql("UPDATE wagtailcore_page SET title = %s WHERE id = %s", (f"{title} bijgewerkt", site.case_id))

    anonymous_page = site.get(site.case_path)[1]
    assert title in anonymous_page and f"{title} bijgewerkt" not in anonymous_page
    assert f"{title} bijgewerkt" in site.get(site.case_path, session=True)[1]

    replica_sql("SELECT pg_wal_replay_resume()")
    assert wait_until(lambda: f"{title} bijgewerkt" in site.get(site.case_path)[1], seconds=15)


def test_an_anonymous_search_writes_its_count_to_the_primary_not_the_replica(site):
    status, _ = site.get("/zoeken/?q=buurtbewoners")
    assert status == 200
    assert primary_sql("SELECT searches FROM wijkwijs_search_searchqueryweek WHERE query = 'buurtbewoners'") == [(1,)]


def test_the_site_keeps_answering_from_the_primary_when_the_replica_is_gone(site):
    standby("stop")
    try:
        status, page = site.get(site.case_path)
        assert status == 200 and "<h1" in page
        assert site.get("/zoeken/?q=wijk")[0] == 200
    finally:
        standby("start")


@pytest.mark.sqlite
def test_whoever_just_wrote_reads_the_primary_for_a_while(settings):
    settings.DATABASE_REPLICA_PIN_SECONDS = 10
    middleware = db_router.ReadFromReplicaMiddleware(lambda request: HttpResponse())
    response = middleware(RequestFactory().post("/delen/"))
    pinned = response.cookies[db_router.READ_PRIMARY_COOKIE]
    assert pinned["max-age"] == 10

    factory = RequestFactory()
    assert db_router.is_anonymous_read(factory.get("/zoeken/"))
    factory.cookies[db_router.READ_PRIMARY_COOKIE] = "1"
    assert not db_router.is_anonymous_read(factory.get("/zoeken/"))


@pytest.mark.sqlite
def test_accounts_submissions_and_private_files_always_read_the_primary():
    factory = RequestFactory()
    for path in ("/admin/pages/", "/delen/", "/documenten/1/plan.pdf"):
        assert not db_router.is_anonymous_read(factory.get(path))
    factory.cookies["sessionid"] = "x"
    assert not db_router.is_anonymous_read(factory.get("/praktijkvoorbeelden/"))
