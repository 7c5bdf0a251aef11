#!/usr/bin/env bash
# Read latency of `quanet serve` (Release) at 200 concurrent clients, measured with wrk.
# Usage: bench/server/run.sh [connections=200] [seconds=20] [faults=40] [paths...]
#   faults: software-fault alarms fed before the run, on 40 DUs (one incident each), or on faults/4 DUs when more
#           than 40 (e.g. 500: a storm of 500 alarms in 125 incidents)
#   paths:  which reads to measure (default: every read the NOC console polls)
# Environment:
#   BASE=DIR  also start the server built in checkout DIR (e.g. a `git archive` of main, built with
#             `dotnet build src/Quanet.Cli -c Release`), fed the same way, and measure each path on it first:
#             before and after under the same machine load, one path at a time
#   GZIP=1    every request says `Accept-Encoding: gzip`, as a browser does
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-200}
seconds=${2:-20}
faults=${3:-40}
shift $(( $# < 3 ? $# : 3 ))
dotnet build src/Quanet.Cli -c Release -v quiet -nologo >/dev/null
headers=()
[ "${GZIP:-0}" = 1 ] && headers=(-H 'Accept-Encoding: gzip')
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill -TERM "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; done
  rm -rf "${dirs[@]}"
}
dirs=()
trap cleanup EXIT

# start NAME CHECKOUT: a server built in CHECKOUT on a fresh data directory, fed; sets base_NAME, key_NAME
start() {
  local name=$1 dll=$2/src/Quanet.Cli/bin/Release/net10.0/quanet.dll data
  data=$(mktemp -d)
  dirs+=("$data")
  local key
  key=$(dotnet "$dll" serve keys add bench --role operator --data "$data" | tail -n 1)
  # one caller makes every request here, so the per-caller rate limit is off for the run
  dotnet "$dll" serve --listen 127.0.0.1:0 --data "$data" --rate-limit 0 >"$data/out.log" 2>"$data/server.log" &
  servers+=($!)
  until grep -q "^listening on" "$data/out.log"; do kill -0 "${servers[-1]}"; sleep 0.5; done
  local port
  port=$(sed -n "s|^listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p" "$data/out.log")
  printf -v "base_$name" '%s' "http://127.0.0.1:$port"
  printf -v "key_$name" '%s' "$key"
  feed "http://127.0.0.1:$port" "$key"
}

feed() {
  local base=$1 auth="Authorization: Bearer $2"
  post() { curl -sf -H "$auth" -H "Content-Type: ${3:-application/json}" "$base/$1" --data-binary "$2"; }
  # software faults on S01/du.., in batches of 100, and the late event that closes the correlation window
  local sources=$(( faults > 40 ? faults / 4 : faults )) batch="" i id
  for i in $(seq 1 "$faults"); do
    id=$(printf 'S%02d/du' $(( (i - 1) % sources + 1 )))
    batch="$batch{\"commonEventHeader\":{\"domain\":\"fault\",\"eventId\":\"b$i\",\"eventName\":\"Fault_SoftwareFault\",\"lastEpochMicrosec\":1000000,\"priority\":\"High\",\"reportingEntityName\":\"ems\",\"sequence\":1,\"sourceName\":\"$id\",\"startEpochMicrosec\":1000000,\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},\"faultFields\":{\"alarmCondition\":\"SOFTWARE_FAULT\",\"alarmInterfaceA\":\"if$(( (i - 1) / sources ))\",\"eventSeverity\":\"CRITICAL\",\"eventSourceType\":\"du\",\"faultFieldsVersion\":\"4.0\",\"specificProblem\":\"crash\",\"vfStatus\":\"Active\"}},"
    if [ $(( i % 100 )) -eq 0 ] || [ "$i" -eq "$faults" ]; then
      post eventListener/v7/eventBatch "{\"eventList\":[${batch%,}]}" >/dev/null
      batch=""
    fi
  done
  post eventListener/v7 '{"event":{"commonEventHeader":{"domain":"fault","eventId":"late","eventName":"Fault_Late","lastEpochMicrosec":1800000000,"priority":"High","reportingEntityName":"ems","sequence":1,"sourceName":"S01/csr","startEpochMicrosec":1800000000,"version":"4.1","vesEventListenerVersion":"7.2.1"},"faultFields":{"alarmCondition":"LATE","alarmInterfaceA":"","eventSeverity":"MINOR","eventSourceType":"router","faultFieldsVersion":"4.0","specificProblem":"late","vfStatus":"Active"}}}' >/dev/null
  # two intrusions (Quanet.Defence's response scenario): one isolated at once, one awaiting an operator
  post api/v1/defence/telemetry/aaa '{"ts":"2026-03-01T12:00:00.000Z","device":"pe1","user":"svc","src":"198.51.100.9","cmd":"show version"}
{"ts":"2026-03-01T12:00:05.000Z","device":"pe2","user":"svc","src":"192.0.2.9","cmd":"show version"}
' text/plain >/dev/null
  # one small plan job, run to its end
  local plan
  plan=$(post api/v1/plans '{"solver":"heuristic","timeLimitSeconds":1}' | sed -n 's/.*"id":"\([0-9a-f]\{32\}\)".*/\1/p')
  until curl -sf -H "$auth" "$base/api/v1/plans/$plan" | grep -q '"status":"\(succeeded\|failed\|cancelled\)"'; do sleep 1; done
  echo "$base: $(curl -sf -H "$auth" "$base/api/v1/alarms" | head -c 20)..., incidents: $(curl -sf -H "$auth" "$base/api/v1/incidents" | grep -o '"rootCause":' | wc -l) ($(curl -sf -H "$auth" "$base/api/v1/incidents" | wc -c) bytes)"
}

measure() {
  local label=$1 base=$2 key=$3 path=$4
  # the plan job's id differs per server
  path=${path//\{plan\}/$(curl -sf -H "Authorization: Bearer $key" "$base/api/v1/plans" | sed -n 's/.*"id":"\([0-9a-f]\{32\}\)".*/\1/p' | head -n 1)}
  # warm-up, then the measured run
  wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $key" "${headers[@]}" "$base/$path" >/dev/null
  printf '%-6s %-40s ' "$label" "$path"
  wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $key" "${headers[@]}" -s bench/server/p95.lua "$base/$path" | tail -n 1
}

[ -n "${BASE:-}" ] && start before "$BASE"
start this .
if [ $# -eq 0 ]; then
  set -- api/v1/incidents "api/v1/incidents?state=open" api/v1/incidents/1 api/v1/alarms api/v1/whoami api/v1/defence/incidents \
    "api/v1/defence/isolations?state=pending" api/v1/plans "api/v1/plans/{plan}" api/v1/solvers metrics
fi
echo "uptime: $(uptime)"
for path in "$@"; do
  [ -n "${BASE:-}" ] && measure before "$base_before" "$key_before" "$path"
  measure this "$base_this" "$key_this" "$path"
done
echo "uptime: $(uptime)"
