#!/usr/bin/env bash
# Times `cohort describe` on the same ~1 000 000-row demo data as CSV, SAS transport (.xpt), Dataset-JSON (.json) and
# Dataset-JSON NDJSON (.ndjson), and reports peak memory (GNU time). A benchmark, not a test: the issue's target is that
# XPT and Dataset-JSON load at least as fast as CSV.
# Usage: bash benchmarks/load-formats-1m.sh [subjects] [runs]   (default 111 000 subjects ≈ 1 000 000 rows, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-111000}
runs=${2:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/CohortAnalysis.Cli -c Release -v q -nologo > /dev/null
cli=(dotnet src/CohortAnalysis.Cli/bin/Release/net10.0/cohort.dll)
for ext in csv xpt json ndjson; do
  "${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.$ext"
  echo "big.$ext: $(du -h "$work/big.$ext" | cut -f1)"
done
for ext in csv xpt json ndjson; do
  for run in $(seq 1 "$runs"); do
    /usr/bin/time -f "$ext run $run: %e s wall, %M KiB peak RSS" "${cli[@]}" describe "$work/big.$ext" --format json > /dev/null
  done
done
