#!/usr/bin/env bash
# Best effort, never fails the run: Debian's Chromium for the console's browser tests (tests/Quanet.Console.Tests),
# which Playwright drives through ExecutablePath=/usr/bin/chromium; they are skipped, with the reason shown, when
# it is missing. Playwright's own browser download (`playwright install`) is never used.
# Cost measured on Debian 12 (chromium 156): about 60 s with apt-get update, 25 packages.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: Chromium is not installed and cannot be (needs root and apt-get); the console's browser tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold chromium >/dev/null; then
  echo "Chromium installed for the console's browser tests in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing Chromium failed; the console's browser tests will be skipped" >&2
fi
exit 0
