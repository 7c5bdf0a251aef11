#!/usr/bin/env bash
# Runs every test of Quanet on a fresh clone: installs the npm interoperability peers
# (when npm is present), runs the whole solution's tests and prints "N passed, M failed".
set -uo pipefail
cd "$(dirname "$0")"

for dir in tests/interop/*/; do
  if [ -f "$dir/package.json" ] && command -v npm >/dev/null 2>&1; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm ci failed in $dir" >&2
  fi
done

log=$(mktemp)
dotnet test Quanet.slnx -c Release --blame-hang-timeout 10m 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, Total: 12, ..."
passed=0
failed=0
while read -r f p; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n 's/.*- Failed: *\([0-9]*\), Passed: *\([0-9]*\),.*/\1 \2/p' "$log")
rm -f "$log"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # the build or the test host failed before any test could report
  failed=1
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
