#!/usr/bin/env bash
# Sandbox benchmark: DockerSandbox.run against a bare `docker run` of the same command with the same
# limits (interleaved, one run), then test-runner validations per minute with 2 workers on a trivial
# pytest bounty. Not a test; not run in CI. Needs Docker and the sandbox image (bash .ci/docker.sh).
#   bench/sandbox/run.sh            # ROUNDS=20 VALIDATIONS=20
#   ROUNDS=50 VALIDATIONS=60 bench/sandbox/run.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
for j in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
  if [ -n "$j" ] && [ -x "$j/bin/javac" ]; then export JAVA_HOME=$j; break; fi
done
echo "building (no tests) ..." >&2
(cd "$root" && mvn -B -ntp -q verify -DskipTests -pl adapters-sandbox -am \
  dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$here/.classpath") >&2
cp="$root/adapters-sandbox/target/test-classes:$root/adapters-sandbox/target/classes:$(cat "$here/.classpath")"
"$JAVA_HOME/bin/java" -cp "$cp" io.moldtank.adapters.sandbox.SandboxBench "${ROUNDS:-20}" "${VALIDATIONS:-20}"
