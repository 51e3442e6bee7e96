#!/usr/bin/env bash
# Stops or starts the RabbitMQ application (not the Erlang node), so tests can
# simulate a broker outage: `stop` closes all connections and the AMQP port
# 5672; `start` brings it back and waits until it accepts connections.
# Usage: scripts/rabbitmq-ctl.sh stop|start   (as root; node started by start-services.sh)
set -euo pipefail
case "${1:-}" in
  stop)  timeout 60 rabbitmqctl -q stop_app ;;
  start) timeout 60 rabbitmqctl -q start_app
         timeout 120 rabbitmqctl -q await_startup --timeout 110 ;;
  *)     echo "usage: $0 stop|start" >&2; exit 2 ;;
esac
