#!/usr/bin/env bash
# Read latency of `quanet serve` (Release) at 200 concurrent clients, measured with wrk.
# Usage: bench/server/run.sh [connections=200] [seconds=20] [faults=40] [paths...]
#   faults: software-fault alarms fed before the run, on 40 DUs (one incident each), or on faults/4 DUs when more
#           than 40 (e.g. 500: a storm of 500 alarms in 125 incidents)
#   paths:  which reads to measure (default: every read the NOC console polls)
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-200}
seconds=${2:-20}
faults=${3:-40}
shift $(( $# < 3 ? $# : 3 ))
data=$(mktemp -d)
dotnet build src/Quanet.Cli -c Release -v quiet -nologo >/dev/null
quanet() { dotnet src/Quanet.Cli/bin/Release/net10.0/quanet.dll "$@"; }
key=$(quanet serve keys add bench --role operator --data "$data" | tail -n 1)
# one caller makes every request here, so the per-caller rate limit is off for the run
dotnet src/Quanet.Cli/bin/Release/net10.0/quanet.dll serve --listen 127.0.0.1:0 --data "$data" --rate-limit 0 >"$data/out.log" 2>"$data/server.log" &
server=$!
trap 'kill -TERM $server; wait $server || true; rm -rf "$data"' EXIT
until grep -q "^listening on" "$data/out.log"; do kill -0 $server; sleep 0.5; done
port=$(sed -n "s|^listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p" "$data/out.log")
base=http://127.0.0.1:$port
auth="Authorization: Bearer $key"
post() { curl -sf -H "$auth" -H "Content-Type: ${3:-application/json}" "$base/$1" --data-binary "$2"; }
# software faults on S01/du.., in batches of 100, and the late event that closes the correlation window
sources=$(( faults > 40 ? faults / 4 : faults ))
batch=""
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
plan=$(post api/v1/plans '{"solver":"heuristic","timeLimitSeconds":1}' | sed -n 's/.*"id":"\([0-9a-f]\{32\}\)".*/\1/p')
until curl -sf -H "$auth" "$base/api/v1/plans/$plan" | grep -q '"status":"\(succeeded\|failed\|cancelled\)"'; do sleep 1; done
incident=$(curl -sf -H "$auth" "$base/api/v1/incidents" | sed -n 's/^{"incidents":\[{"id":\([0-9]*\).*/\1/p')
echo "alarms: $(curl -sf -H "$auth" "$base/api/v1/alarms" | head -c 40)  incidents: $(curl -sf -H "$auth" "$base/api/v1/incidents" | grep -o '"rootCause":' | wc -l)  defence incidents: $(curl -sf -H "$auth" "$base/api/v1/defence/incidents" | grep -o '"interconnect":' | wc -l)"
if [ $# -eq 0 ]; then
  set -- api/v1/incidents "api/v1/incidents/$incident" api/v1/alarms api/v1/whoami api/v1/defence/incidents \
    "api/v1/defence/isolations?state=pending" api/v1/plans "api/v1/plans/$plan" api/v1/solvers metrics
fi
echo "uptime: $(uptime)"
for path in "$@"; do
  # warm-up, then the measured run
  wrk -t2 -c"$connections" -d3s -H "$auth" "$base/$path" >/dev/null
  printf '%-42s ' "$path"
  wrk -t2 -c"$connections" -d"${seconds}s" -H "$auth" -s bench/server/p95.lua "$base/$path" | tail -n 1
done
echo "uptime: $(uptime)"
