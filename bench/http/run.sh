#!/usr/bin/env bash
# HTTP benchmark: our API beside a bare Helidon handler answering the same bytes, in one run, on
# loopback, with wrk (Debian package `wrk`). Not a test; not run in CI.
#   bench/http/run.sh                       # defaults: DURATION=8s CONNECTIONS=16 SIGNED=70000
#   DURATION=15s CONNECTIONS=64 bench/http/run.sh
# Prints req/s and p99 for GET /api/v1/bounties (page of 20) and for an AgentSig-signed POST of a
# submission, ours and bare, and the ratio ours/bare.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-16}
SIGNED=${SIGNED:-70000}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$j" ] && [ -x "$j/bin/javac" ]; then export JAVA_HOME=$j; break; fi
done

echo "building (no tests) ..." >&2
(cd "$root" && mvn -B -ntp -q verify -DskipTests -pl adapters-http -am \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/.classpath") >&2
cp="$root/adapters-http/target/test-classes:$root/adapters-http/target/classes:$(cat "$here/.classpath")"

work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${COPROC_PID:-}" ] && kill "$COPROC_PID" 2>/dev/null || true' EXIT
coproc BENCH { "$JAVA_HOME/bin/java" -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  io.moldtank.adapters.http.HttpBench 2>"$work/server.log"; }
read -r ports <&"${BENCH[0]}"
ours=$(sed -E 's/.*"ours":([0-9]+).*/\1/' <<<"$ports")
bare=$(sed -E 's/.*"bare":([0-9]+).*/\1/' <<<"$ports")
echo "servers: $ports" >&2

# wrk's summary → "req/s p99_ms non2xx"
measure() {
  local out
  out=$(wrk --latency -t1 -c"$CONNECTIONS" -d"$DURATION" "$@")
  echo "$out" >> "$work/wrk.txt"
  local rps p99 bad
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; print v}' <<<"$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<<"$out"); bad=${bad:-0}
  echo "$rps $p99 $bad"
}
signed_file() {
  echo "sign $SIGNED $1" >&"${BENCH[1]}"
  read -r ack <&"${BENCH[0]}"
}

echo "warming up ..." >&2
wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$ours/api/v1/bounties?tag=listed&limit=20" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$bare/api/v1/bounties?tag=listed&limit=20" >/dev/null

echo "GET page of 20 ..." >&2
read -r g_ours_rps g_ours_p99 g_ours_bad < <(measure "http://127.0.0.1:$ours/api/v1/bounties?tag=listed&limit=20")
read -r g_bare_rps g_bare_p99 g_bare_bad < <(measure "http://127.0.0.1:$bare/api/v1/bounties?tag=listed&limit=20")

echo "signed POST of a submission ..." >&2
signed_file "$work/ours.tsv"
read -r p_ours_rps p_ours_p99 p_ours_bad < <(measure -s "$here/submissions.lua" "http://127.0.0.1:$ours" -- "$work/ours.tsv")
signed_file "$work/bare.tsv"
read -r p_bare_rps p_bare_p99 p_bare_bad < <(measure -s "$here/submissions.lua" "http://127.0.0.1:$bare" -- "$work/bare.tsv")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
printf '\n%-34s %12s %10s %8s\n' "scenario (wrk -t1 -c$CONNECTIONS -d$DURATION)" "req/s" "p99 ms" "non-2xx"
printf '%-34s %12s %10s %8s\n' "GET /api/v1/bounties  ours" "$g_ours_rps" "$g_ours_p99" "$g_ours_bad"
printf '%-34s %12s %10s %8s\n' "GET /api/v1/bounties  bare" "$g_bare_rps" "$g_bare_p99" "$g_bare_bad"
printf '%-34s %12s %10s %8s\n' "POST submission       ours" "$p_ours_rps" "$p_ours_p99" "$p_ours_bad"
printf '%-34s %12s %10s %8s\n' "POST submission       bare" "$p_bare_rps" "$p_bare_p99" "$p_bare_bad"
printf '\nratio ours/bare  GET: req/s %s, p99 %s   POST: req/s %s, p99 %s\n' \
  "$(ratio "$g_ours_rps" "$g_bare_rps")" "$(ratio "$g_ours_p99" "$g_bare_p99")" \
  "$(ratio "$p_ours_rps" "$p_bare_rps")" "$(ratio "$p_ours_p99" "$p_bare_p99")"
if [ "$p_ours_bad" != 0 ]; then
  echo "note: non-2xx POSTs on ours mean the $SIGNED signed requests ran out (replayed nonces); raise SIGNED." >&2
fi
