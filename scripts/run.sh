#!/usr/bin/env bash
# Starts the server on the embedded default: SQLite under data/, in-memory bus, the demo registry from
# seeds/ and a bootstrap admin key. Extra arguments go to the server (e.g. --urls http://0.0.0.0:5080).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
key=${MOBILESOURCE_ADMIN_KEY:-demo-admin-key}
echo "MobileSource on http://127.0.0.1:5080  (admin API key: $key; OpenAPI: /openapi/v1.json)"
exec dotnet run --project src/MobileSource.Server -c Release -- \
  --urls http://127.0.0.1:5080 \
  --Seed:Demo=true \
  --Auth:BootstrapApiKey="$key" \
  "$@"
