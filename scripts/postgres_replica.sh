#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL (scripts/postgres.sh) on 127.0.0.1:5433, for the read-replica
# tests (tests/test_read_replica.py). Idempotent: creates the standby once with pg_basebackup, then only starts it.
#
#   bash scripts/postgres_replica.sh [start]   create if needed, start, wait until it accepts connections
#   bash scripts/postgres_replica.sh stop      stop it
set -euo pipefail

PORT=${POSTGRES_REPLICA_PORT:-5433}
CLUSTER=replica
action=${1:-start}

bash "$(dirname "$0")/postgres.sh" >/dev/null
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
datadir=/var/lib/postgresql/$version/$CLUSTER

cluster_status() { pg_lsclusters -h | awk -v v="$version" -v c="$CLUSTER" '$1 == v && $2 == c { print $4 }'; }

if [ "$action" = stop ]; then
  if [[ "$(cluster_status)" == online* ]]; then pg_ctlcluster "$version" "$CLUSTER" stop; fi
  exit 0
fi

if [ -z "$(cluster_status)" ]; then
  # Debian's cluster gives the configuration (port, logs); its data directory is replaced by a base backup of
  # the primary, and -R writes standby.signal and primary_conninfo, so it starts as a streaming standby.
  pg_createcluster "$version" "$CLUSTER" --port "$PORT" >/dev/null
  rm -rf "$datadir"
  su postgres -c "PGPASSWORD=wijkwijs pg_basebackup -h 127.0.0.1 -p 5432 -U wijkwijs -D $datadir -R -X stream -c fast"
fi
if [[ "$(cluster_status)" != online* ]]; then  # a standby reads "online,recovery"
  pg_ctlcluster "$version" "$CLUSTER" start
fi
for _ in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT" && break
  sleep 1
done
echo "PostgreSQL standby $version/$CLUSTER is up on 127.0.0.1:$PORT, streaming from 127.0.0.1:5432"
