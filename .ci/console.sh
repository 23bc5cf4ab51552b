#!/usr/bin/env bash
# Installs the console's browser-test toolchain: Debian's Chromium (Playwright cannot download browsers
# here) when missing, and the suite's pinned npm packages (@playwright/test) from its lockfile.
# Idempotent. ConsoleBrowserTest (app tests) then drives Chromium; without these it fails in CI and is
# skipped, loudly, elsewhere.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "console: installing chromium"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "console: /usr/bin/chromium is missing (apt-get install chromium); the browser suite will not run" >&2
  fi
fi
cd app/src/test/console
if [ ! -d node_modules/@playwright/test ] || ! npm ls --silent >/dev/null 2>&1; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
fi
