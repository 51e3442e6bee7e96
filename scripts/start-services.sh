#!/usr/bin/env bash
# Starts PostgreSQL 15 and RabbitMQ on this machine and creates the test
# role/user `mobilesource` (password `mobilesource`). Idempotent; every wait is
# bounded. Run as root after scripts/install-deps.sh.
set -euo pipefail

PG_VER=15
PG_CLUSTER=main
NAME=mobilesource   # role, password and database name alike

# Retries "$@" once a second, up to $1 times.
retry() {
  local n=$1; shift
  for ((i = 0; i < n; i++)); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "start-services: timed out waiting for: $*" >&2
  return 1
}

# ---- PostgreSQL -------------------------------------------------------------
# (awk, not grep -q, reads all input: no SIGPIPE under pipefail)
if ! pg_lsclusters -h | awk -v v="$PG_VER" -v c="$PG_CLUSTER" '$1 == v && $2 == c {f = 1} END {exit !f}'; then
  pg_createcluster "$PG_VER" "$PG_CLUSTER"
fi
# /var/run is a tmpfs on some machines; the socket dir must exist.
install -d -o postgres -g postgres -m 2775 /var/run/postgresql
if ! pg_ctlcluster "$PG_VER" "$PG_CLUSTER" status >/dev/null 2>&1; then
  pg_ctlcluster "$PG_VER" "$PG_CLUSTER" start
fi
retry 60 pg_isready -q -h 127.0.0.1 -p 5432

runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
SELECT 'CREATE ROLE $NAME' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$NAME')\gexec
ALTER ROLE $NAME LOGIN CREATEDB PASSWORD '$NAME';
SELECT 'CREATE DATABASE $NAME OWNER $NAME' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$NAME')\gexec
SQL

# ---- RabbitMQ ---------------------------------------------------------------
# The Erlang node is rabbit@<short hostname>; that name must resolve.
host=$(hostname -s)
getent hosts "$host" >/dev/null || echo "127.0.0.1 $host" >> /etc/hosts

if timeout 30 rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  # Node is up; its app may have been stopped by scripts/rabbitmq-ctl.sh stop.
  timeout 60 rabbitmqctl -q start_app
else
  rabbitmq-server -detached
  retry 60 timeout 10 rabbitmq-diagnostics -q ping
fi
timeout 120 rabbitmqctl -q await_startup --timeout 110

if ! rabbitmqctl -q list_users | awk -v n="$NAME" '$1 == n {f = 1} END {exit !f}'; then
  rabbitmqctl -q add_user "$NAME" "$NAME"
fi
rabbitmqctl -q change_password "$NAME" "$NAME"
rabbitmqctl -q set_permissions -p / "$NAME" '.*' '.*' '.*'

echo "PostgreSQL: Host=127.0.0.1;Port=5432;Username=$NAME;Password=$NAME;Database=$NAME"
echo "RabbitMQ:   amqp://$NAME:$NAME@127.0.0.1:5672/"
