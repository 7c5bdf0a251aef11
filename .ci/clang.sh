#!/usr/bin/env bash
# Best effort, never fails the run: clang and zlib (Debian clang, zlib1g-dev), which native AOT links with, for the test
# that publishes quanet-steiner as a native executable (src/Quanet.SteinerNative). Without them that test is skipped
# with the reason shown; everything else builds and runs on the .NET runtime as before.
set -u
if command -v clang >/dev/null 2>&1 && [ -e /usr/include/zlib.h ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: clang is not installed and cannot be (needs root and apt-get); the native AOT test of quanet-steiner will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold clang zlib1g-dev >/dev/null; then
  echo "clang and zlib1g-dev installed for native AOT in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing clang failed; the native AOT test of quanet-steiner will be skipped" >&2
fi
exit 0
