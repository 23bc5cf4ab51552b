#!/usr/bin/env bash
# Gas per escrow function (deposit, release, refund, a batched release of 10 bounties per bounty, ...)
# beside a plain ERC-20 transfer measured in the same run, on a throw-away Anvil. Not a test; not in CI.
#   bench/chain/run.sh
set -euo pipefail
cd "$(dirname "$0")/../../contracts"
[ -x node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ] || npm ci --no-audit --no-fund >&2
node scripts/compile.js --check >&2
node scripts/gas-report.js
