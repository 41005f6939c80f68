#!/usr/bin/env bash
# Installs Debian's PostgreSQL when missing, starts it on 127.0.0.1:5432 and creates the
# 'wijkwijs' role and database used by the tests. Idempotent.
set -euo pipefail

ROLE=wijkwijs
PASSWORD=wijkwijs
DATABASE=wijkwijs

if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  echo "PostgreSQL is not installed: installing Debian's package"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-contrib >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break
  sleep 1
done

as_postgres() { su postgres -c "psql -v ON_ERROR_STOP=1 -qtAc \"$1\""; }
# The role is a superuser so that tests can create the test database and its extensions.
if [ "$(as_postgres "SELECT 1 FROM pg_roles WHERE rolname = '$ROLE'")" != "1" ]; then
  as_postgres "CREATE ROLE $ROLE LOGIN SUPERUSER PASSWORD '$PASSWORD'"
fi
if [ "$(as_postgres "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")" != "1" ]; then
  as_postgres "CREATE DATABASE $DATABASE OWNER $ROLE"
fi
echo "PostgreSQL $version is up: postgres://$ROLE:$PASSWORD@127.0.0.1:5432/$DATABASE"
