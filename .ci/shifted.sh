#!/usr/bin/env bash
# Runs the README's test command again with the clocks moved years ahead: libfaketime shifts the JVMs
# Maven starts and every process they spawn (Anvil, node, the CLI stand-ins), so a test that compares
# a literal date with a real clock fails on every build, not on the day its date passes (issue 12).
# PostgreSQL, Redis and dockerd keep the real time; nodes sharing them may drift, and must cope.
set -euo pipefail
cd "$(dirname "$0")/.."
shift_by=${MOLDTANK_CLOCK_SHIFT:-+1830d}
lib=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
if [ ! -e "$lib" ]; then
  echo "shifted: installing faketime"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq faketime >/dev/null
fi
real_year=$(date -u +%Y)
fake_year=$(FAKETIME="$shift_by" LD_PRELOAD="$lib" date -u +%Y)
if [ "$fake_year" -le "$real_year" ]; then
  echo "shifted: libfaketime did not move the clock ($real_year -> $fake_year)" >&2
  exit 1
fi
echo "shifted: running the tests with every clock at $(FAKETIME="$shift_by" LD_PRELOAD="$lib" date -u +%FT%TZ) ($shift_by)"
export FAKETIME="$shift_by" LD_PRELOAD="$lib"
exec ./moldtank test "$@"
