#!/usr/bin/env bash
# Makes a Docker engine and the sandbox image available for the sandbox tests. Idempotent:
# installs Debian's docker.io only when dockerd is missing, starts dockerd only when the socket
# does not answer, and the image script reuses an existing tag.
set -euo pipefail
cd "$(dirname "$0")/.."

# docker.io for the Docker sandbox; bubblewrap for the fallback sandbox (tested too); debootstrap for the image.
missing=""
command -v dockerd >/dev/null 2>&1 || missing="$missing docker.io"
command -v bwrap >/dev/null 2>&1 || missing="$missing bubblewrap"
command -v debootstrap >/dev/null 2>&1 || missing="$missing debootstrap"
if [ -n "$missing" ]; then
  echo "docker: installing$missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

if ! docker version >/dev/null 2>&1; then
  echo "docker: starting dockerd"
  mkdir -p /var/log
  # setsid + nohup: dockerd outlives this script and the CI shell that ran it.
  setsid nohup dockerd >/var/log/moldtank-dockerd.log 2>&1 < /dev/null &
  for _ in $(seq 1 120); do
    [ -S /var/run/docker.sock ] && docker version >/dev/null 2>&1 && break
    sleep 0.5
  done
fi
docker version --format 'docker: engine {{.Server.Version}} (API {{.Server.APIVersion}}) is up' \
  || { echo "docker: dockerd did not come up, see /var/log/moldtank-dockerd.log" >&2; exit 1; }

bash adapters-sandbox/scripts/build-image.sh
