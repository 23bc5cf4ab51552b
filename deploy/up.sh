#!/usr/bin/env bash
# Runs deploy/compose.yaml on this box.
#   deploy/up.sh          build the images that are missing, write the env file with fresh secrets (once),
#                         start everything and wait until the balancer has a ready API node behind it
#   deploy/up.sh down     stop and remove the containers; `down -v` drops the volumes (the data) too
#   deploy/up.sh ps|logs  passed to compose
# Compose: the `docker compose` plugin when present, else `docker-compose` (Debian's docker-compose 1.29,
# installed here when missing and running as root).
#   COMPOSE_PROJECT   project name (default moldtank): containers, network and volumes are named after it
#   MOLDTANK_ENV_FILE the env file (default deploy/.env, mode 600, ignored by git)
#   MOLDTANK_PORT, PROMETHEUS_PORT, ANVIL_PORT   host ports on 127.0.0.1 (8080, 9090, 8545; set empty: Docker picks)
set -euo pipefail
cd "$(dirname "$0")/.."
project=${COMPOSE_PROJECT:-moldtank}
env_file=${MOLDTANK_ENV_FILE:-deploy/.env}

if docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
else
  if ! command -v docker-compose >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "up: installing docker-compose"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  fi
  command -v docker-compose >/dev/null 2>&1 \
    || { echo "up: neither 'docker compose' nor docker-compose is installed (apt-get install docker-compose)" >&2; exit 1; }
  compose=(docker-compose)
fi

hex32() { od -An -N32 -tx1 /dev/urandom | tr -d ' \n'; }
if [ ! -f "$env_file" ]; then
  umask 077
  cat >"$env_file" <<EOF
# Secrets of deploy/compose.yaml, written by deploy/up.sh on $(date -u +%F). Keep this file to keep the data:
# PostgreSQL and Redis were initialised with these passwords, receipts were signed with this key.
POSTGRES_PASSWORD=$(hex32)
REDIS_PASSWORD=$(hex32)
MOLDTANK_RECEIPTS_KEY=$(hex32)
MOLDTANK_JWT_KEY=$(hex32)
MOLDTANK_CHALLENGE_SECRET=$(hex32)
MOLDTANK_OPERATOR_TOKEN=$(hex32)
# Anvil's well-known development keys (accounts 1 and 7 of its public test mnemonic): they hold nothing
# but on the compose file's local chain. For a real chain, put your own keys here and edit deploy/moldtank.yaml.
MOLDTANK_CHAIN_QA_KEY=0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d
MOLDTANK_CHAIN_TREASURY_KEY=0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356
EOF
  echo "up: wrote $env_file"
fi
run() { "${compose[@]}" -p "$project" --env-file "$env_file" -f deploy/compose.yaml "$@"; }

case "${1:-up}" in
  up) ;;
  *) DOCKER_GID=0 run "$@"; exit ;;
esac

docker version >/dev/null 2>&1 || { echo "up: no Docker engine answers (bash .ci/docker.sh starts one)" >&2; exit 1; }
docker image inspect moldtank/moldtank:local >/dev/null 2>&1 || ./moldtank image
bash deploy/images.sh
# The worker's test runner starts its sandboxes from this image on the same engine.
bash adapters-sandbox/scripts/build-image.sh
DOCKER_GID=$(stat -c %g /var/run/docker.sock) run up -d

# Ready: the balancer answers /observe/health/ready, which it passes only to a ready API node.
lb=$(run port lb 8080)
for _ in $(seq 1 180); do
  if curl -sf "http://$lb/observe/health/ready" >/dev/null 2>&1; then
    echo "up: MoldTank answers on http://$lb (Prometheus: http://$(run port prometheus 9090))"
    exit 0
  fi
  sleep 1
done
echo "up: no ready API node behind the balancer after 180 s; docker-compose ps and logs:" >&2
run ps >&2
run logs --tail 30 >&2
exit 1
