#!/usr/bin/env bash
# Best effort, never fails the run: Debian's gdal-bin (ogrinfo) for the GeoPackage check in
# tests/Quanet.Workflows.Tests (the plan's .gpkg read by GDAL itself); skipped, with the reason shown, without it.
set -u
if command -v ogrinfo >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: gdal-bin is not installed and cannot be (needs root and apt-get); the ogrinfo check will be skipped" >&2
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
started=$(date +%s)
if timeout 300 apt-get update -qq && timeout 600 apt-get install -y -qq --no-install-recommends \
     -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold gdal-bin >/dev/null; then
  echo "gdal-bin installed for the GeoPackage check in $(( $(date +%s) - started )) s" >&2
else
  echo "warning: installing gdal-bin failed; the ogrinfo check will be skipped" >&2
fi
exit 0
