#!/usr/bin/env bash
# Queue benchmark: our PostgreSQL and Redis queues beside graphile-worker (same PostgreSQL) and
# BullMQ (same Redis), at 1, 4 and 16 workers, in one run. Not a test; not run in CI.
#   bench/queue/run.sh                      # defaults: JOBS=10000 RATE=200 WORKERS="1 4 16" WARMUP=2 REPEAT=3
#   JOBS=10000 WORKERS="4" bench/queue/run.sh
# Servers: MOLDTANK_BENCH_PG (postgres://postgres@127.0.0.1:5432/test) and
# MOLDTANK_BENCH_REDIS (redis://127.0.0.1:6379). Everything it creates is dropped afterwards.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
JOBS=${JOBS:-10000}
RATE=${RATE:-200}
WORKERS=${WORKERS:-"1 4 16"}
export WARMUP=${WARMUP:-2}   # unmeasured rounds before each measured one, for ours and the peers alike
REPEAT=${REPEAT:-3}          # measured pairs (ours, then its peer) per worker count; the report takes medians
PG=${MOLDTANK_BENCH_PG:-postgres://postgres@127.0.0.1:5432/test}
REDIS=${MOLDTANK_BENCH_REDIS:-redis://127.0.0.1:6379}
pg_host=$(node -e 'const u=new URL(process.argv[1]);console.log(u.hostname+":"+(u.port||5432)+u.pathname)' "$PG")
pg_user=$(node -e 'console.log(new URL(process.argv[1]).username||"postgres")' "$PG")
JDBC="jdbc:postgresql://$pg_host"

for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$j" ] && [ -x "$j/bin/javac" ]; then export JAVA_HOME=$j; break; fi
done
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow -XX:+IgnoreUnrecognizedVMOptions"

echo "building (no tests) ..." >&2
(cd "$root" && mvn -B -ntp -q verify -DskipTests -pl adapters-persistence -am \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/.classpath") >&2
cp="$root/adapters-persistence/target/test-classes:$root/adapters-persistence/target/classes:$(cat "$here/.classpath")"

echo "installing peers (npm) ..." >&2
(cd "$here/node" && npm install --no-audit --no-fund --silent)

results="$here/results-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
: > "$results"
java=("$JAVA_HOME/bin/java" -cp "$cp")
for w in $WORKERS; do
  for rep in $(seq "$REPEAT"); do
    echo "workers=$w, pair $rep/$REPEAT: ours-postgres, graphile-worker, ours-redis, bullmq ..." >&2
    "${java[@]}" io.moldtank.adapters.persistence.QueueBench pg "$JDBC" "$pg_user" "$JOBS" "$RATE" "$w" >> "$results"
    node "$here/node/peers.mjs" graphile "$PG" "$JOBS" "$RATE" "$w" >> "$results"
    "${java[@]}" io.moldtank.adapters.persistence.QueueBench redis "$REDIS" "$JOBS" "$RATE" "$w" >> "$results"
    node "$here/node/peers.mjs" bullmq "$REDIS" "$JOBS" "$RATE" "$w" >> "$results"
  done
done
echo "raw results: $results" >&2
node "$here/node/report.mjs" "$results"
