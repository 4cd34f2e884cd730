#!/usr/bin/env bash
# Times `cohort describe` on the same ~1 000 000-row demo data as CSV, Apache Parquet (.parquet), SAS transport (.xpt),
# Dataset-JSON (.json) and Dataset-JSON NDJSON (.ndjson): whole processes (start-up and JIT included), the formats one
# after the other in each run (in reverse order every other run, so no format always follows the same one), and prints every run and then the medians of wall time, CPU time (user + system, the fairer figure on a busy
# machine) and peak RSS (GNU time), with each format's median CPU relative to CSV's. A benchmark, not a test: the
# issue's targets are that XPT and Dataset-JSON load at least as fast as CSV and Parquet several times faster (issue 16 d). The transport files keep AVAL and CHG
# numeric (the demo's NA is a SAS/JSON missing value), as an ADaM dataset has them.
# Usage: bash benchmarks/load-formats-1m.sh [subjects] [runs]   (default 111 000 subjects ≈ 1 000 000 rows, 5 runs)
#        FORMATS="csv parquet" bash benchmarks/load-formats-1m.sh      (only these formats)
# The tool timed is the one `dotnet tool install` gives on this machine: the Native AOT build for this platform
# (benchmarks/cohort-tool.sh publishes it once); COHORT_TOOL=jit times the JIT build (dotnet cohort.dll) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-111000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source benchmarks/timing.sh         # median
source benchmarks/cohort-tool.sh   # cli=(...): the Native AOT tool; COHORT_TOOL=jit for the JIT build
read -r -a formats <<< "${FORMATS:-csv parquet xpt json ndjson}"
[[ ${formats[0]} == csv ]] || { echo "FORMATS must start with csv (the reference)" >&2; exit 2; }
for ext in "${formats[@]}"; do
  "${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.$ext"
  echo "big.$ext: $(du -h "$work/big.$ext" | cut -f1)"
done
echo "commit $(git rev-parse --short HEAD), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for run in $(seq 1 "$runs"); do
  order=("${formats[@]}")
  ((run % 2)) || mapfile -t order < <(printf "%s\n" "${formats[@]}" | tac)
  for ext in "${order[@]}"; do
    /usr/bin/time -o "$work/time" -f "$ext %e %U %S %M" "${cli[@]}" describe "$work/big.$ext" --format json > /dev/null
    read -r f wall user sys rss < "$work/time"
    echo "$f run $run: ${wall} s wall, $(echo "$user + $sys" | bc) s CPU, $((rss / 1024)) MiB peak RSS"
    echo "$f $wall $(echo "$user + $sys" | bc) $rss" >> "$work/all"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
csv_cpu=$(awk '$1 == "csv" { print $3 }' "$work/all" | median)
csv_wall=$(awk '$1 == "csv" { print $2 }' "$work/all" | median)
printf '\n| format | file | wall (median) | CPU (median) | wall / CSV | CPU / CSV | peak RSS (median) |\n| --- | --- | --- | --- | --- | --- | --- |\n'
for ext in "${formats[@]}"; do
  wall=$(awk -v f="$ext" '$1 == f { print $2 }' "$work/all" | median)
  cpu=$(awk -v f="$ext" '$1 == f { print $3 }' "$work/all" | median)
  rss=$(awk -v f="$ext" '$1 == f { print $4 }' "$work/all" | median)
  printf '| %s | %s | %.2f s | %.2f s | %.2f | %.2f | %d MiB |\n' "$ext" "$(du -h "$work/big.$ext" | cut -f1)" "$wall" "$cpu" \
    "$(echo "$wall / $csv_wall" | bc -l)" "$(echo "$cpu / $csv_cpu" | bc -l)" "$(echo "$rss / 1024" | bc)"
done
