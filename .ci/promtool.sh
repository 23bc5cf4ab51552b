#!/usr/bin/env bash
# Checks the Prometheus alert rules and runs their unit tests (promtool test rules). promtool comes with
# Debian's prometheus package: installed here when missing and running as root (CI); otherwise the
# check fails in CI and is skipped, loudly, elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v promtool >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "promtool: installing prometheus"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq prometheus >/dev/null
fi
if ! command -v promtool >/dev/null 2>&1; then
  echo "*** promtool: NOT RUN, promtool missing (apt-get install prometheus) ***" >&2
  [ "${CI:-}" = true ] && exit 1
  exit 0
fi
promtool check rules app/src/main/resources/prometheus/moldtank-alerts.yml
(cd app/src/test/prometheus && promtool test rules moldtank-alerts.test.yml)
