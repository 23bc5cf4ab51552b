#!/usr/bin/env bash
# The kill -9 loop of issue 22 at any size (CI runs 10 rounds inside ./moldtank test):
#   chaos/kill9.sh            # 100 rounds
#   chaos/kill9.sh 20         # 20 rounds
#   SEED=1234 chaos/kill9.sh  # replay a run (the seed is printed on the kill9: line)
#   KEEP=/tmp/k9 chaos/kill9.sh  # keep the H2 file, the chain journal and each run's JSON log
#   CLUSTER=1 chaos/kill9.sh 20   # api, workers and scheduler nodes on PostgreSQL + Redis, one killed per round
# Needs what ./moldtank test needs for the app module (a JDK 21+, Maven, Docker or bubblewrap for the
# test runner's sandbox). Prints the figures line and exits non-zero when an invariant broke.
set -euo pipefail
cd "$(dirname "$0")/.."
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$j" ] && [ -x "$j/bin/javac" ]; then export JAVA_HOME=$j PATH=$j/bin:$PATH; break; fi
done
if [ -n "${CLUSTER:-}" ]; then
  args=(-Dmoldtank.kill9.cluster.rounds="${1:-100}"); test='KillNineLoopTest#on_postgresql*'
else
  args=(-Dmoldtank.kill9.rounds="${1:-100}"); test='KillNineLoopTest#acknowledged*'
fi
[ -n "${SEED:-}" ] && args+=(-Dmoldtank.kill9.seed="$SEED")
[ -n "${KEEP:-}" ] && args+=(-Dmoldtank.kill9.dir="$KEEP")
mvn -B -ntp -q test -pl app -am -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}" \
  | grep -E '^kill9(-cluster)?:|Tests run:|FAIL|Expecting' || true
test "${PIPESTATUS[0]}" -eq 0
