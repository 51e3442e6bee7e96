#!/usr/bin/env bash
# Stops or starts the PostgreSQL 15 cluster, so tests can simulate a database outage: `stop` ends every
# connection (fast shutdown); `start` returns once the server accepts connections again.
# Usage: scripts/postgres-ctl.sh stop|start   (as root; cluster made by start-services.sh)
set -euo pipefail
case "${1:-}" in
  stop)  pg_ctlcluster 15 main stop -m fast ;;
  start) pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
         for _ in $(seq 1 60); do pg_isready -q -h 127.0.0.1 -p 5432 && exit 0; sleep 1; done
         echo "PostgreSQL did not accept connections within 60 s" >&2; exit 1 ;;
  *)     echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
