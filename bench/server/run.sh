#!/usr/bin/env bash
# Read latency of `quanet serve` (Release) at 200 concurrent clients, measured with wrk.
# Usage: bench/server/run.sh [connections=200] [seconds=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-200}
seconds=${2:-20}
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
# 40 link-down faults and the late events that close the correlation window: alarms and incidents to read
for i in $(seq -w 1 40); do
  curl -sf -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' http://127.0.0.1:$port/eventListener/v7 -d \
  "{\"event\":{\"commonEventHeader\":{\"domain\":\"fault\",\"eventId\":\"b$i\",\"eventName\":\"Fault_LinkDown\",\"lastEpochMicrosec\":1000000,\"priority\":\"High\",\"reportingEntityName\":\"ems\",\"sequence\":1,\"sourceName\":\"S$i/du\",\"startEpochMicrosec\":1000000,\"version\":\"4.1\",\"vesEventListenerVersion\":\"7.2.1\"},\"faultFields\":{\"alarmCondition\":\"SOFTWARE_FAULT\",\"alarmInterfaceA\":\"\",\"eventSeverity\":\"CRITICAL\",\"eventSourceType\":\"du\",\"faultFieldsVersion\":\"4.0\",\"specificProblem\":\"crash\",\"vfStatus\":\"Active\"}}}"
done
curl -sf -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' http://127.0.0.1:$port/eventListener/v7 -d \
  '{"event":{"commonEventHeader":{"domain":"fault","eventId":"late","eventName":"Fault_Late","lastEpochMicrosec":1800000000,"priority":"High","reportingEntityName":"ems","sequence":1,"sourceName":"S01/csr","startEpochMicrosec":1800000000,"version":"4.1","vesEventListenerVersion":"7.2.1"},"faultFields":{"alarmCondition":"LATE","alarmInterfaceA":"","eventSeverity":"MINOR","eventSourceType":"router","faultFieldsVersion":"4.0","specificProblem":"late","vfStatus":"Active"}}}'
echo "alarms: $(curl -sf -H "Authorization: Bearer $key" http://127.0.0.1:$port/api/v1/alarms | head -c 40)"
echo "incidents: $(curl -sf -H "Authorization: Bearer $key" http://127.0.0.1:$port/api/v1/incidents | grep -o '"id":' | wc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for path in api/v1/incidents api/v1/alarms api/v1/whoami; do
  # warm-up, then the measured run
  wrk -t2 -c"$connections" -d3s -H "Authorization: Bearer $key" "http://127.0.0.1:$port/$path" >/dev/null
  printf '%-18s ' "$path"
  wrk -t2 -c"$connections" -d"${seconds}s" -H "Authorization: Bearer $key" -s bench/server/p95.lua "http://127.0.0.1:$port/$path" | tail -n 1
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
