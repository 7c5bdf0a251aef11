#!/usr/bin/env bash
# Is `quanet ops replay` deterministic under load? (issue #16, defect 4; results in bench/README.md)
#   bench/replay/determinism.sh [RUNS] [MAX_MINUTES]     default 100 runs, at most 30 minutes
# Simulates the six-hour storm (fibre_cut=8, du_crash=4, seed 3), keeps every core busy with a spin loop, replays
# the file RUNS times with --seed 3 and counts the distinct outcomes (alarm count and the incidents' type, root
# cause and alarm count). One distinct outcome means deterministic.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-100} minutes=${2:-30}
quanet=(dotnet "$root/src/Quanet.Cli/bin/Release/net10.0/quanet.dll")
[[ -f ${quanet[1]} ]] || dotnet build "$root/src/Quanet.Cli" -c Release >/dev/null
work=$(mktemp -d)
busy=()
cleanup() { for pid in "${busy[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"${quanet[@]}" ops simulate --hours 6 --faults fibre_cut=8,du_crash=4 --seed 3 --events-out "$work/storm.ndjson" >/dev/null
for _ in $(seq "$(nproc)"); do (while :; do :; done) & busy+=($!); done

deadline=$((SECONDS + minutes * 60)) done=0
while ((done < runs && SECONDS < deadline)); do
  "${quanet[@]}" ops replay "$work/storm.ndjson" --seed 3 --json 2>/dev/null | python3 -c '
import json, sys
r = json.load(sys.stdin)
incidents = sorted((i["type"], i["root_cause"], i["alarms"]) for i in r["incidents"])
alarms = r["alarms"]
print(f"{alarms} alarms, {len(incidents)} incidents: " + "; ".join(f"{t} {c} ({a} alarms)" for t, c, a in incidents))
' >>"$work/outcomes.txt"
  done=$((done + 1))
done
load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "$done runs in $SECONDS s ($(nproc) cores, $(nproc) spin loops, load average $load), $(sort -u "$work/outcomes.txt" | wc -l) distinct outcome(s):"
sort "$work/outcomes.txt" | uniq -c | sort -rn
