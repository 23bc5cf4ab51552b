#!/usr/bin/env bash
# Installs the contracts' pinned npm toolchain (solc-js, OpenZeppelin, Anvil, ethers) from the lockfile
# and runs their tests on a throw-away Anvil. Idempotent; also leaves contracts/node_modules in place,
# where adapters-chain's tests find the Anvil binary. Run it before `mvn verify` in CI.
set -euo pipefail
cd "$(dirname "$0")/../contracts"
if [ ! -x node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil ] || ! npm ls --silent >/dev/null 2>&1; then
  npm ci --no-audit --no-fund
fi
npm test
