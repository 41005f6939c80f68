# Wijkwijs: `make run` serves the demo site, `make test` runs every test against real services.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
PORT ?= 8000

TEST_DATABASE_URL := postgres://wijkwijs:wijkwijs@127.0.0.1:5432/wijkwijs
TEST_SEARCH_URL := opensearch://127.0.0.1:9200
# The search suite also runs against Elasticsearch, on a database of its own.
TEST_ES_DATABASE_URL := postgres://wijkwijs:wijkwijs@127.0.0.1:5432/wijkwijs_es
TEST_ES_SEARCH_URL := elasticsearch://127.0.0.1:9201
# The three-node cluster of `make opensearch-cluster`, for the test that stops a node under load.
TEST_CLUSTER_SEARCH_URL := opensearch://127.0.0.1:9210,127.0.0.1:9211,127.0.0.1:9212
# The streaming standby of `make postgres-replica`, for the read-replica tests.
TEST_DATABASE_REPLICA_URL := postgres://wijkwijs:wijkwijs@127.0.0.1:5433/wijkwijs
TEST_ENV := DJANGO_SECRET_KEY=test-only-secret-key DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0 SEARCH_INDEX_PREFIX=wijkwijs_test_ API_RATE_LIMIT=0

# Without a secret key the maintenance commands run in local (debug) mode on the embedded default.
MANAGE_ENV := $(if $(DJANGO_SECRET_KEY),,DJANGO_DEBUG=1)

.PHONY: backup restore run test api-contract static opensearch opensearch-stop elasticsearch elasticsearch-stop opensearch-cluster opensearch-cluster-stop postgres postgres-replica chromium bench check lint format messages assets clean

$(VENV)/.run-installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -r requirements.txt
	touch $@

$(VENV)/.test-installed: $(VENV)/.run-installed requirements-test.txt
	$(PIP) install -q -r requirements-test.txt
	touch $@

# NL Design System styles and fonts, Leaflet and its marker clusters for the maps, axe-core and the Nu Html Checker come from the npm registry. Install
# scripts stay off: vnu-jar's would download a Java runtime, and the machine's Java is used instead.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error

# The site serves the few files it needs from static/vendor/ (ignored by git), never from a CDN.
assets: node_modules/.package-lock.json
	@rm -rf static/vendor && mkdir -p static/vendor/utrecht static/vendor/fonts
	@cp node_modules/@utrecht/design-tokens/dist/theme.css static/vendor/utrecht/design-tokens.css
	@cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/component-library.css
	@cp node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-wght-*.woff2 \
	    node_modules/@fontsource-variable/noto-sans/files/noto-sans-latin-ext-wght-*.woff2 static/vendor/fonts/
	@mkdir -p static/vendor/leaflet
	@cp -r node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.js.map node_modules/leaflet/dist/leaflet.css node_modules/leaflet/dist/images \
	    node_modules/leaflet.markercluster/dist/leaflet.markercluster.js node_modules/leaflet.markercluster/dist/leaflet.markercluster.js.map node_modules/leaflet.markercluster/dist/MarkerCluster.css \
	    node_modules/leaflet.markercluster/dist/MarkerCluster.Default.css static/vendor/leaflet/

chromium:
	@command -v chromium >/dev/null 2>&1 || { echo "Chromium is not installed: installing Debian's package"; \
	  export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; }

messages: $(VENV)/.run-installed
	@DJANGO_DEBUG=1 $(PY) manage.py compilemessages -v0 --ignore=.venv

run: $(VENV)/.run-installed messages assets
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py migrate -v0
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py load_demo
	@DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py ensure_admin
	@echo "Wijkwijs: http://127.0.0.1:$(PORT)/"
	DJANGO_DEBUG=1 SEARCH_URL= $(PY) manage.py runserver 127.0.0.1:$(PORT)

opensearch:
	@bash opensearch/opensearch.sh start

opensearch-stop:
	@bash opensearch/opensearch.sh stop

# Three OpenSearch nodes on 127.0.0.1:9210-9212 (transport 9310-9312), beside the single node; see docs/scaling.md.
opensearch-cluster:
	@bash opensearch/opensearch.sh cluster-start

opensearch-cluster-stop:
	@bash opensearch/opensearch.sh cluster-stop

elasticsearch:
	@bash elasticsearch/elasticsearch.sh start

elasticsearch-stop:
	@bash elasticsearch/elasticsearch.sh stop

postgres:
	@bash scripts/postgres.sh

# A streaming standby of the local PostgreSQL on 127.0.0.1:5433 (pg_basebackup), for the read-replica tests.
postgres-replica: postgres
	@bash scripts/postgres_replica.sh

# The collected, hashed files that WhiteNoise serves (browser tests and the HTTP benchmarks use them too).
static: $(VENV)/.run-installed assets
	$(TEST_ENV) $(PY) manage.py collectstatic --noinput -v0

check: $(VENV)/.test-installed static
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) manage.py check --fail-level WARNING
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) manage.py makemigrations --check --dry-run

# Lint, format check, the import layers (pyproject.toml) and types on the apps with typed seams (api/ once it exists).
lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(TEST_ENV) $(VENV)/bin/mypy $(wildcard search api)

format: $(VENV)/.test-installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

test: $(VENV)/.test-installed messages assets chromium postgres postgres-replica opensearch elasticsearch check
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) TEST_DATABASE_REPLICA_URL=$(TEST_DATABASE_REPLICA_URL) $(PY) -m pytest
	$(TEST_ENV) DATABASE_URL= SEARCH_URL= $(PY) -m pytest -m sqlite
	$(TEST_ENV) SEARCH_REPLICAS=0 DATABASE_URL=$(TEST_ES_DATABASE_URL) SEARCH_URL=$(TEST_ES_SEARCH_URL) $(PY) -m pytest tests/search/test_search*.py tests/api/test_search_api.py
	$(MAKE) opensearch-cluster
	$(TEST_ENV) SEARCH_REPLICAS=1 SEARCH_INDEX_PREFIX=wijkwijs_cluster_ DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_CLUSTER_SEARCH_URL) $(PY) -m pytest tests/search/test_search_cluster.py
	$(MAKE) opensearch-cluster-stop
	$(MAKE) api-contract

# The demo site's API against its own OpenAPI document (schemathesis, every check), on SQLite.
api-contract: $(VENV)/.test-installed static
	PY=$(PY) bash scripts/api_contract.sh

bench: $(VENV)/.test-installed static postgres opensearch
	$(TEST_ENV) DATABASE_URL=$(TEST_DATABASE_URL) SEARCH_URL=$(TEST_SEARCH_URL) $(PY) -m bench

backup: $(VENV)/.run-installed
	$(MANAGE_ENV) $(PY) manage.py backup_site

restore: $(VENV)/.run-installed
	@test -n "$(FILE)" || { echo "usage: make restore FILE=backups/wijkwijs-....tar.gz"; exit 2; }
	$(MANAGE_ENV) $(PY) manage.py restore_site "$(FILE)"

clean:
	rm -rf $(VENV) .ruff_cache .mypy_cache .import_linter_cache .opensearch opensearch/target .elasticsearch elasticsearch/target db.sqlite3 media static_collected static/vendor node_modules test-artifacts
