#!/usr/bin/env bash
# Installs the Debian packages needed by the tests and local services.
# Idempotent: does nothing (not even apt-get update) when all are installed.
#   install-deps.sh        everything the tests need
#   install-deps.sh run    only what `scripts/run.sh` needs (video decoding, OpenCV's GTK, plate fonts)
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

RUN_PKGS=(ffmpeg libgtk-3-0 fonts-noto-cjk fonts-dejavu-core)
TEST_PKGS=(postgresql rabbitmq-server chromium
  gir1.2-gst-rtsp-server-1.0 python3-gi gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad gstreamer1.0-tools)
case "${1:-all}" in
  run) PKGS=("${RUN_PKGS[@]}") ;;
  all) PKGS=("${RUN_PKGS[@]}" "${TEST_PKGS[@]}") ;;
  *) echo "usage: install-deps.sh [run|all]" >&2; exit 2 ;;
esac

missing=()
for p in "${PKGS[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"

apt-get update -qq

unavailable=()
for p in "${missing[@]}"; do
  # (captured, not piped to grep -q: that would SIGPIPE apt-cache under pipefail)
  candidate=$(apt-cache policy "$p" | sed -n 's/^ *Candidate: //p')
  [ -n "$candidate" ] && [ "$candidate" != "(none)" ] || unavailable+=("$p")
done
if [ ${#unavailable[@]} -gt 0 ]; then
  echo "install-deps: not available from apt: ${unavailable[*]}" >&2
  exit 1
fi

# There is no systemd here: keep the packages' maintainer scripts from trying to
# start postgresql/rabbitmq (that can fail or hang); start-services.sh starts them.
POLICY=/usr/sbin/policy-rc.d
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$POLICY"
  chmod +x "$POLICY"
  trap 'rm -f "$POLICY"' EXIT
fi

apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}"
echo "install-deps: done"
