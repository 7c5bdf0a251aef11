#!/usr/bin/env bash
# Runs every test of Quanet on a fresh clone: installs the npm interoperability peers
# (when npm is present), runs the whole solution's tests, lists every skipped test with its
# reason and prints "N passed, M failed, K skipped" last.
set -uo pipefail
cd "$(dirname "$0")"

for dir in tests/interop/*/; do
  if [ -f "$dir/package.json" ] && command -v npm >/dev/null 2>&1; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || echo "warning: npm ci failed in $dir" >&2
  fi
done

log=$(mktemp)
results=$(mktemp -d)
# normal verbosity so that xUnit prints each skip reason (the passing tests' own lines are not echoed);
# the counts come from one TRX file per test assembly, which parallel console output cannot garble
dotnet test Quanet.slnx -c Release --blame-hang-timeout 10m --logger "console;verbosity=normal" \
  --logger trx --results-directory "$results" 2>&1 | tee "$log" | grep -vE '^\s+Passed [A-Za-z]'
status=${PIPESTATUS[0]}

# <Counters total="59" executed="59" passed="59" failed="0" error="0" timeout="0" aborted="0" ... notExecuted="0" .../>
count() { cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(count passed)
failed=$(( $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
# xUnit skips are counted as neither executed nor notExecuted: whatever did not pass or fail was skipped
skipped=$(( $(count total) - passed - failed ))

# xUnit: "[xUnit.net ...]     Name [SKIP]" then "[xUnit.net ...]       reason"
grep -A1 '\[SKIP\]' "$log" | sed -n 's/^\[xUnit\.net [^]]*\] *//p' | paste - - -d '\t' \
  | sed 's/ \[SKIP\]\t/: /; s/^/skipped: /' | sort -u
rm -rf "$log" "$results"

if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # the build or the test host failed before any test could report
  failed=1
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
