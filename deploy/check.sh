#!/usr/bin/env bash
# `./moldtank compose-check`: proves deploy/compose.yaml works as a whole. Brings up its own copy (project
# moldtank-check, fresh secrets in a temp env file, host ports picked by Docker, so a running `deploy/up.sh`
# stack is left alone), runs ComposeFlowTest against it through the balancer (register, post, fund on Anvil,
# submit, validated by the worker in a Docker sandbox, paid on chain, followed on a live stream; Prometheus
# sees every node and the rules), then removes the containers and volumes whatever happened.
# Builds what is missing first (./moldtank image, deploy/images.sh, the sandbox image). Prints its duration.
set -euo pipefail
cd "$(dirname "$0")/.."
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$j" ] && [ -x "$j/bin/javac" ]; then export JAVA_HOME=$j PATH=$j/bin:$PATH; break; fi
done
started=$(date +%s)
tmp=$(mktemp -d)
export COMPOSE_PROJECT=moldtank-check MOLDTANK_ENV_FILE="$tmp/env" MOLDTANK_PORT='' PROMETHEUS_PORT='' ANVIL_PORT=''
cleanup() {
  local rc=$?
  if [ "$rc" != 0 ]; then
    echo "compose-check: failed; the nodes' last log lines:" >&2
    bash deploy/up.sh logs --tail 20 api1 api2 worker1 lb >&2 2>&1 || true
  fi
  bash deploy/up.sh down -v >/dev/null 2>&1 || true
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

bash deploy/up.sh
up=$(date +%s)
lb=$(bash deploy/up.sh port lb 8080)
rpc=$(bash deploy/up.sh port anvil 8545)
prometheus=$(bash deploy/up.sh port prometheus 9090)
mvn -B -ntp test -pl app -am -Dtest=ComposeFlowTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dmoldtank.compose.url="http://$lb" -Dmoldtank.compose.rpc="http://$rpc" \
  -Dmoldtank.compose.prometheus="http://$prometheus" >"$tmp/mvn.log" 2>&1 \
  || { grep -E 'Tests run:|FAIL|ERROR\]|Expecting|not within' "$tmp/mvn.log" | head -30 >&2; exit 1; }
grep -E 'Tests run: [0-9]+, Failures' "$tmp/mvn.log" | tail -1
# A skipped test would pass without proving anything.
grep -q 'Tests run: 1, Failures: 0, Errors: 0, Skipped: 0' "$tmp/mvn.log" \
  || { echo "compose-check: ComposeFlowTest did not run" >&2; exit 1; }
done_at=$(date +%s)
echo "compose-check: passed in $((done_at - started)) s (up $((up - started)) s, flow $((done_at - up)) s)"
