#!/usr/bin/env bash
# Best effort, never fails the run: COIN-OR CLP (Debian coinor-libclp1, libClp.so.1) for the Steiner exact solver's
# optional warm-started LP (`quanet steiner --lp clp`, src/Quanet.Optimization/Steiner/Lp). Without it that option
# falls back to the default (GLOP, then SCIP), and the tests that need CLP are skipped with the reason shown.
set -u
if ldconfig -p 2>/dev/null | grep -q 'libClp\.so\.1'; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: COIN-OR CLP is not installed and cannot be (needs root and apt-get); --lp clp will fall back to GLOP and the CLP tests will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold coinor-libclp1 >/dev/null; then
  echo "coinor-libclp1 installed for the Steiner LP in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing coinor-libclp1 failed; --lp clp will fall back to GLOP" >&2
fi
exit 0
