#!/usr/bin/env bash
# Start (or reuse) a throwaway PostgreSQL cluster for the test suite and print its URL.
# Runs the server as the unprivileged `postgres` user when invoked as root (initdb refuses root).
# Usage: eval "$(scripts/pg-start.sh)"   -> exports BILAT_TEST_PG
set -euo pipefail
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
[ -x "$PGBIN/initdb" ] || { echo "echo 'pg-start: PostgreSQL binaries not found' >&2"; exit 0; }
DIR=${BILAT_PG_DIR:-/tmp/bilat-pg}
PORT=${BILAT_PG_PORT:-54329}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -s "$DIR/data/PG_VERSION" ]; then
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres "$DIR"
  as_pg "$PGBIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 >"$DIR/initdb.log" 2>&1
fi
if ! as_pg "$PGBIN/pg_ctl" -D "$DIR/data" status >/dev/null 2>&1; then
  as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
    -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
fi
if ! as_pg "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc \
     "SELECT 1 FROM pg_database WHERE datname='bilat_test'" | grep -q 1; then
  as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres bilat_test
fi
echo "export BILAT_TEST_PG=postgresql://postgres@127.0.0.1:$PORT/bilat_test"
