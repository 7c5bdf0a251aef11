#!/usr/bin/env bash
# Coverage-guided fuzzing of one Quanet parser with SharpFuzz and AFL++ (docs/trust.md).
#   bench/fuzz/run.sh --list              the parsers
#   bench/fuzz/run.sh PARSER MINUTES      publish + instrument (once), seed, fuzz for MINUTES, print a result row
# Needs afl-fuzz (Debian: apt-get install afl++) and sharpfuzz (dotnet tool install -g SharpFuzz.CommandLine).
# Work files (build, seeds, findings) go to bench/fuzz/work/ (FUZZ_WORK to move them; FUZZ_REBUILD=1 rebuilds).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${FUZZ_WORK:-$root/bench/fuzz/work}
build=$work/build   # instrumented: runs only under afl-fuzz (the coverage map exists only there)
plain=$work/plain   # the same files uninstrumented: list, seeds and replay
export PATH="$PATH:$HOME/.dotnet/tools"

publish() {
  if [[ -f $build/.instrumented && -z ${FUZZ_REBUILD:-} ]]; then return; fi
  rm -rf "$build" "$plain"
  dotnet publish "$root/bench/Quanet.Fuzz" -c Release -o "$build" >"$work/publish.log"
  cp -r "$build" "$plain"
  for dll in "$build"/Quanet.*.dll; do
    [[ $(basename "$dll") == Quanet.Fuzz.dll ]] && continue
    sharpfuzz "$dll" >/dev/null
  done
  touch "$build/.instrumented"
}

# Files the CLI writes (plan artifacts, a VES storm, an inventory, a PQC key pair), made once as seeds.
generate() {
  local gen=$work/generated
  if [[ -f $gen/.done ]]; then return; fi
  rm -rf "$gen"; mkdir -p "$gen/pqc"
  dotnet build "$root/src/Quanet.Cli" -c Release >"$work/cli-build.log"
  local quanet=(dotnet "$root/src/Quanet.Cli/bin/Release/net10.0/quanet.dll")
  "${quanet[@]}" plan --backhaul --secure --export gpkg,shp --out "$gen/plan" >/dev/null
  "${quanet[@]}" ops simulate --hours 1 --faults fibre_cut=1,du_crash=1 --seed 3 --events-out "$gen/storm.ndjson" >/dev/null
  "${quanet[@]}" ops inventory --plan "$gen/plan" --json >"$gen/inventory.json"
  "${quanet[@]}" pqc keygen ML-KEM-768 --out "$gen/pqc/bob" >/dev/null
  touch "$gen/.done"
}

mkdir -p "$work"
if [[ ${1:-} == --list ]]; then publish; dotnet "$plain/Quanet.Fuzz.dll" list; exit 0; fi
if [[ $# -ne 2 ]]; then echo "usage: $0 --list | PARSER MINUTES" >&2; exit 2; fi
parser=$1 minutes=$2
publish
generate
run=$work/$parser
rm -rf "$run"; mkdir -p "$run"
(cd "$root" && dotnet "$plain/Quanet.Fuzz.dll" seeds "$parser" "$run/in" "$work/generated")

# dotnet itself is not instrumented (the managed code is); the GC heap cap turns an allocation bomb into a crash.
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1
export DOTNET_GCHeapHardLimit=0x20000000
start=$(date -u +%FT%TZ)
afl-fuzz -i "$run/in" -o "$run/out" -t 5000 -m none -V $((minutes * 60)) -- \
  dotnet "$build/Quanet.Fuzz.dll" run "$parser" >"$run/afl.log" 2>&1 || { tail -20 "$run/afl.log"; exit 1; }

stats=$run/out/default/fuzzer_stats
stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
crashes=$(stat saved_crashes); crashes=${crashes:-$(stat unique_crashes)}
hangs=$(stat saved_hangs); hangs=${hangs:-$(stat unique_hangs)}
paths=$(stat corpus_count); paths=${paths:-$(stat paths_total)}
echo "| $parser | $start | $minutes | $(stat execs_done) | $(stat execs_per_sec) | $paths | $crashes | $hangs |"
shopt -s nullglob
found=("$run"/out/default/crashes/id:* "$run"/out/default/hangs/id:*)
if ((${#found[@]})); then
  dotnet "$plain/Quanet.Fuzz.dll" replay "$parser" "${found[@]}" >"$run/findings.txt" 2>&1 || true
  grep -h FINDING "$run/findings.txt" | sed 's/^.*FINDING //' | sort | uniq -c | sort -rn | head -20
fi
