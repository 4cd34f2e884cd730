#!/usr/bin/env bash
# Times `cohort describe` on a generated ~1 000 000-row long CSV and reports peak memory (GNU time).
# Usage: bash benchmarks/load-1m.sh [subjects]   (default 111 000 subjects ≈ 1 000 000 rows)
# The tool timed is the one `dotnet tool install` gives on this machine: the Native AOT build for this platform
# (benchmarks/cohort-tool.sh publishes it once); COHORT_TOOL=jit times the JIT build (dotnet cohort.dll) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-111000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source benchmarks/cohort-tool.sh   # cli=(...): the Native AOT tool; COHORT_TOOL=jit for the JIT build
"${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.csv"
rows=$(($(wc -l < "$work/big.csv") - 1))
echo "rows: $rows ($(du -h "$work/big.csv" | cut -f1))"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KiB peak RSS" "${cli[@]}" describe "$work/big.csv" --format json > /dev/null
done
