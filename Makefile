# Wijkwijs: `make run` serves the demo site, `make test` runs every test against real services.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000

TEST_DATABASE_URL := postgres://wijkwijs:wijkwijs@127.0.0.1:5432/wijkwijs
TEST_SEARCH_URL := opensearch://127.0.0.1:9200
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret-key DJANGO_DEBUG=0 SEARCH_INDEX_PREFIX=wijkwijs_test_ API_RATE_LIMIT=0

.PHONY: run test opensearch opensearch-stop postgres bench check messages clean

$(VENV)/.run-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.run-installed requirements-test.txt
	$(PIP) install -q -r requirements-test.txt
	touch $@

messages: $(VENV)/.run-installed
	@DJANGO_DEBUG=1 $(PY) manage.py compilemessages -v0 --ignore=.venv

run: $(VENV)/.run-installed messages
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py migrate -v0
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py load_demo
	@DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py ensure_admin
	@echo "Wijkwijs: http://127.0.0.1:$(PORT)/"
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py runserver 127.0.0.1:$(PORT)

opensearch:
	@bash opensearch/opensearch.sh start

opensearch-stop:
	@bash opensearch/opensearch.sh stop

postgres:
	@bash scripts/postgres.sh

check: $(VENV)/.test-installed
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) manage.py check --fail-level WARNING
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) manage.py makemigrations --check --dry-run

test: $(VENV)/.test-installed messages postgres opensearch check
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) -m pytest
	$(TEST_ENV) DATABASE_URL= SEARCH_URL= $(PY) -m pytest -m sqlite

bench: $(VENV)/.test-installed postgres opensearch
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) -m bench

clean:
	rm -rf $(VENV) .opensearch opensearch/target db.sqlite3 media static_collected
