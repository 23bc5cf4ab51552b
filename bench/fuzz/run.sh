#!/usr/bin/env bash
# The fuzzing campaign on demand: N inputs (default 100000) against the main job on embedded defaults.
#   bench/fuzz/run.sh [N] [seed]
# Prints and writes bench/fuzz/results/report-<seed>.txt (inputs, 5xx, refused requests that changed storage,
# duration, the first failures); any failing input is appended to the regression corpus that FuzzTest
# replays on every build (app/src/test/resources/fuzz/regressions.jsonl). Exit status: 0 when none failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-100000}
SEED=${2:-$RANDOM$RANDOM}
for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
  [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
  v=$("$c/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  if [ -n "$v" ] && [ "$v" -ge 21 ]; then export JAVA_HOME=$c PATH=$c/bin:$PATH; break; fi
done
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow -XX:+IgnoreUnrecognizedVMOptions"
mkdir -p bench/fuzz/results
REPORT=$PWD/bench/fuzz/results/report-$SEED.txt
mvn -B -ntp -q -pl app -am test -Dtest=FuzzCampaignTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfuzz.inputs="$N" -Dfuzz.seed="$SEED" -Dfuzz.report="$REPORT" \
    -Dfuzz.corpus="$PWD/app/src/test/resources/fuzz/regressions.jsonl" > bench/fuzz/results/mvn-$SEED.log 2>&1 \
  && status=0 || status=$?
cat "$REPORT" 2>/dev/null || tail -40 bench/fuzz/results/mvn-$SEED.log
exit $status
