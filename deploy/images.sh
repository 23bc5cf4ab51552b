#!/usr/bin/env bash
# The images deploy/compose.yaml runs beside MoldTank's own (./moldtank image), built here with no registry:
#   moldtank/postgres, moldtank/redis, moldtank/haproxy, moldtank/prometheus  Debian's packages, `docker build`
#                                      on the docker-imported Debian root of deploy/rootfs.sh
#   moldtank/anvil                     Anvil from npm (contracts/node_modules) on the slim root, its state holding
#                                      the escrow and test USDC deployed by deploy/images/anvil/chain-state.js
# Idempotent: an existing tag is reused. Bump DEPLOY_IMAGES_VERSION when anything under deploy/images changes.
set -euo pipefail
cd "$(dirname "$0")/.."
V=${DEPLOY_IMAGES_VERSION:-1}
ROOTFS_V=${DEPLOY_ROOTFS_VERSION:-1}
base="moldtank/debian:bookworm-${ROOTFS_V}"
slim="moldtank/debian-slim:bookworm-${ROOTFS_V}"

docker version >/dev/null 2>&1 || { echo "images: no Docker engine answers (bash .ci/docker.sh starts one)" >&2; exit 1; }
bash deploy/rootfs.sh

have() { docker image inspect "$1" >/dev/null 2>&1; }

build() { # name, base image, context directory
  local tag="moldtank/$1:${V}"
  if have "$tag"; then echo "images: reusing $tag"; return 0; fi
  echo "images: building $tag"
  # The legacy builder: BuildKit is not part of Debian's docker.io 20.10, and it needs nothing it adds.
  DOCKER_BUILDKIT=0 docker build -q --build-arg BASE="$2" -t "$tag" "$3" >"$work/$1.log" 2>&1 \
    || { echo "images: building $tag failed:" >&2; tail -20 "$work/$1.log" >&2; exit 1; }
}

work=deploy/target/images
rm -rf "$work"; mkdir -p "$work"
for name in postgres redis haproxy prometheus; do
  build "$name" "$base" "deploy/images/$name"
done

if ! have "moldtank/anvil:${V}"; then
  anvil=contracts/node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil
  [ -x "$anvil" ] || (cd contracts && npm ci --no-audit --no-fund)
  mkdir -p "$work/anvil"
  cp "$anvil" deploy/images/anvil/Dockerfile "$work/anvil/"
  deployed=$(node deploy/images/anvil/chain-state.js "$work/anvil/chain-state.json")
  # The nodes' configuration names the contracts by address: the state must hold them exactly there.
  for key in usdc escrow; do
    address=$(printf '%s' "$deployed" | sed -n "s/.*\"$key\":\"\\(0x[0-9a-fA-F]*\\)\".*/\\1/p")
    grep -qi "$key: \"$address\"" deploy/moldtank.yaml \
      || { echo "images: the chain state has $key at $address, which deploy/moldtank.yaml does not name" >&2; exit 1; }
  done
  build anvil "$slim" "$work/anvil"
else
  echo "images: reusing moldtank/anvil:${V}"
fi
echo "images: ready ($(for n in postgres redis haproxy prometheus anvil; do
  printf '%s %s MB, ' "$n" $(( $(docker image inspect -f '{{.Size}}' "moldtank/$n:${V}") / 1000000 )); done | sed 's/, $//'))"
