"""The limits count across server processes: gunicorn's workers are separate processes, and a limit counted in
each one's memory let one address submit 16 cases an hour instead of 5 (security issue item 3)."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

REPO = settings.BASE_DIR
# One server process: asks the API limit and the submission limit for one address, as a request would.
WORKER = """
import json, sys
import django
django.setup()
from django.test import RequestFactory
from api.ratelimit import seconds_over_limit
from knowledge.submission.throttle import count_submission, submission_allowed

requests = int(sys.argv[1])
request = RequestFactory().post("/delen/", REMOTE_ADDR="203.0.113.9")
api = [seconds_over_limit("203.0.113.9", limit=10) == 0 for _ in range(requests)]
submissions = []
for _ in range(requests):
    allowed = submission_allowed(request)
    submissions.append(allowed)
    if allowed:
        count_submission(request)
print(json.dumps({"api": api, "submissions": submissions}))
"""


def run_worker(requests, limits_dir):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "LIMITS_CACHE_DIR": str(limits_dir)}
    done = subprocess.run(
        [sys.executable, "-c", WORKER, str(requests)], cwd=REPO, env=env, capture_output=True, text=True, timeout=120, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_limits_are_shared_by_separate_server_processes(tmp_path):
    first = run_worker(6, tmp_path)
    second = run_worker(6, tmp_path)
    assert first["api"] == [True] * 6 and first["submissions"] == [True] * 5 + [False]
    assert second["api"] == [True] * 4 + [False] * 2
    assert second["submissions"] == [False] * 6


@pytest.mark.django_db
def test_the_api_limit_counts_in_the_shared_cache(client, settings):
    from core.counters import counters

    settings.API_RATE_LIMIT = 2
    for _ in range(2):
        assert client.get("/api/autocomplete/", {"q": "buurt"}).status_code == 200
    assert client.get("/api/autocomplete/", {"q": "buurt"}).status_code == 429
    counters().clear()
    assert client.get("/api/autocomplete/", {"q": "buurt"}).status_code == 200
