#!/usr/bin/env bash
# Remote-sensing load: starts the server on a fresh store, registers four sites, drives it with the device simulator
# (hardware-sim rsd) at a steady rate, optionally takes the broker or the database down mid-run, and checks that every
# record the devices saw stored is in the database exactly once.
#
#   bash scripts/sensing-load.sh [--store sqlite|postgres] [--protocol http|tcp] [--rate 5000] [--duration 60]
#                                [--warmup 10] [--outage none|broker|database] [--outage-for 10] [--registry yes|no] [--truth file.jsonl]
#
# sqlite: the embedded default (SQLite + in-memory bus). postgres: PostgreSQL + RabbitMQ, started by
# scripts/start-services.sh (root); a fresh database mobilesource_load and RabbitMQ vhost per run.
# --registry yes (default) imports the simulated fleet (200,000 vehicles) as the vehicle registry first, as a city's
# would be: readings are then matched to registered vehicles (fleet operator, emission stage) as in service.
# The outage starts a third of the way into the measured run. Prints the simulator's report, the server's own
# latency figures (receipt -> judged and stored, receipt -> over-limit rule) and the stored count; exits 1 on a loss.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

store=sqlite protocol=http rate=5000 duration=60 warmup=10 outage=none outage_for=10 registry=yes truth=
while [ $# -gt 0 ]; do
  case "$1" in
    --store) store=$2 ;; --protocol) protocol=$2 ;; --rate) rate=$2 ;; --duration) duration=$2 ;;
    --warmup) warmup=$2 ;; --outage) outage=$2 ;; --outage-for) outage_for=$2 ;; --registry) registry=$2 ;; --truth) truth=$2 ;;
    *) echo "sensing-load: unknown option $1" >&2; exit 2 ;;
  esac
  shift 2
done
case "$store/$outage" in
  sqlite/none|postgres/none|postgres/broker|postgres/database) ;;
  *) echo "sensing-load: --store sqlite|postgres; --outage broker|database needs --store postgres" >&2; exit 2 ;;
esac

work=$(mktemp -d /tmp/sensing-load.XXXXXX)
out=$work/bin
echo "Building server and simulator into $out ..."
dotnet build src/MobileSource.Server -c Release -m:1 -v q -nologo -o "$out/server" >/dev/null
dotnet build hardware-sim/MobileSource.HardwareSim -c Release -m:1 -v q -nologo -o "$out/sim" >/dev/null

http_port=5280 tcp_port=5281 key=load-admin-key run_id=L$(date +%H%M%S)
args=(--urls "http://127.0.0.1:$http_port" --Auth:BootstrapApiKey=$key
      --Sensing:Tcp:Enabled=true --Sensing:Tcp:Port=$tcp_port --Logging:LogLevel:Default=Warning)
if [ "$store" = postgres ]; then
  bash scripts/start-services.sh >/dev/null
  export PGPASSWORD=mobilesource
  psql -h 127.0.0.1 -U mobilesource -d mobilesource -qc "DROP DATABASE IF EXISTS mobilesource_load WITH (FORCE)"
  vhost=load-$run_id
  rabbitmqctl -q add_vhost "$vhost"
  rabbitmqctl -q set_permissions -p "$vhost" mobilesource '.*' '.*' '.*'
  args+=(--Database:Provider=PostgreSql
         --ConnectionStrings:MobileSource="Host=127.0.0.1;Port=5432;Username=mobilesource;Password=mobilesource;Database=mobilesource_load"
         --Bus:Transport=RabbitMq --ConnectionStrings:RabbitMq="amqp://mobilesource:mobilesource@127.0.0.1:5672/$vhost")
else
  args+=(--ConnectionStrings:MobileSource="Data Source=$work/load.db")
fi

(cd "$out/server" && exec dotnet MobileSource.Server.dll "${args[@]}") >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
  # About 1 GB a run (the builds, the SQLite file, the registry): only the server's log is kept.
  rm -rf "$out" "$work/load.db" "$work/load.db-wal" "$work/load.db-shm" "$work/registry.csv"
  [ "$store" = postgres ] && rabbitmqctl -q delete_vhost "$vhost" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$http_port/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$http_port/health" >/dev/null || { echo "the server did not start; see $work/server.log" >&2; exit 1; }
for i in 1 2 3 4; do
  curl -sf -o /dev/null -X PUT -H "X-Api-Key: $key" -H 'Content-Type: application/json' \
    "http://127.0.0.1:$http_port/api/remote-sensing/sites/HB-RS-00$i" \
    -d "{\"name\":\"load site $i\",\"lanes\":2,\"lines\":[{\"lineNo\":\"L1\",\"instrumentSerial\":\"RSD-00$i\",\"calibrationValidUntil\":\"2099-12-31\"}]}"
done

fleet=200000 # a city's heavy traffic, so vehicles repeat as on real roads (not once a second)
if [ "$registry" = yes ]; then
  dotnet "$out/sim/hardware-sim.dll" rsd --registry "$work/registry.csv" --fleet $fleet >/dev/null
  imported=$(curl -sf -X POST -H "X-Api-Key: $key" -H 'Content-Type: text/csv; charset=utf-8' --data-binary @"$work/registry.csv" \
    "http://127.0.0.1:$http_port/api/registry/import") || { echo "the registry import failed; see $work/server.log" >&2; exit 1; }
  echo "registry    ${imported:0:160}"
fi
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); store $store, protocol $protocol, outage $outage"
outage_job=
if [ "$outage" != none ]; then
  (
    sleep $((warmup + duration / 3))
    echo ">>> $(date +%T) $outage down for ${outage_for} s"
    if [ "$outage" = broker ]; then bash scripts/rabbitmq-ctl.sh stop; else bash scripts/postgres-ctl.sh stop; fi
    sleep "$outage_for"
    if [ "$outage" = broker ]; then bash scripts/rabbitmq-ctl.sh start; else bash scripts/postgres-ctl.sh start; fi
    echo ">>> $(date +%T) $outage back"
  ) &
  outage_job=$!
fi

rc=0
dotnet "$out/sim/hardware-sim.dll" rsd --target "http://127.0.0.1:$http_port" --tcp-port $tcp_port --protocol "$protocol" \
  --key $key --rate "$rate" --duration "$duration" --warmup "$warmup" --fleet $fleet --stats --run-id "$run_id" \
  --drain 120 ${truth:+--truth "$truth"} 2> >(grep -v 'send failed' >&2) || rc=$?
[ -z "$outage_job" ] || wait "$outage_job"

# The database itself: every record of the measured run stored exactly once (the unique index forbids twice).
if [ "$store" = postgres ]; then
  in_db=$(psql -h 127.0.0.1 -U mobilesource -d mobilesource_load -tAc "SELECT count(*) FROM remote_sensing_readings WHERE record_no LIKE '$run_id-%'")
else
  in_db=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"SELECT count(*) FROM remote_sensing_readings WHERE record_no LIKE ?\", (sys.argv[2] + '-%',)).fetchone()[0])" "$work/load.db" "$run_id")
fi
echo "database    $in_db readings of run $run_id"
echo "server log  $work/server.log"
exit $rc
