#!/usr/bin/env bash
# Checks the running API against its own OpenAPI document: starts the demo site on SQLite (in a
# temporary directory, on a free 127.0.0.1 port, without a search engine) and runs schemathesis with
# every check. Exits non-zero when any check fails. The seed and deterministic generation keep the
# run the same from one CI run to the next.
set -euo pipefail

PY=${PY:-.venv/bin/python}
EXAMPLES=${EXAMPLES:-60}
SEED=${SEED:-20}

workdir=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$workdir"
}
trap cleanup EXIT

export DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-test-only-secret-key} DJANGO_DEBUG=0 DJANGO_SECURE_SSL_REDIRECT=0
export API_RATE_LIMIT=0 SEARCH_URL= DATABASE_URL="sqlite:///$workdir/db.sqlite3" MEDIA_ROOT="$workdir/media"

"$PY" manage.py migrate -v0
"$PY" manage.py load_demo >/dev/null
port=$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$PY" manage.py runserver --noreload --insecure "127.0.0.1:$port" >"$workdir/server.log" 2>&1 &
server=$!
for _ in $(seq 60); do
  if "$PY" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/api/schema/')" 2>/dev/null; then break; fi
  sleep 1
done

"$PY" -m schemathesis.cli run "http://127.0.0.1:$port/api/schema/" --checks all \
  --max-examples "$EXAMPLES" --seed "$SEED" --generation-deterministic --no-color
