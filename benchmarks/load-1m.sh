#!/usr/bin/env bash
# Times `cohort describe` on a generated ~1 000 000-row long CSV and reports peak memory (GNU time).
# Usage: bash benchmarks/load-1m.sh [subjects]   (default 111 000 subjects ≈ 1 000 000 rows)
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-111000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/CohortAnalysis.Cli -c Release -v q -nologo > /dev/null
cli=(dotnet src/CohortAnalysis.Cli/bin/Release/net10.0/cohort.dll)
"${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.csv"
rows=$(($(wc -l < "$work/big.csv") - 1))
echo "rows: $rows ($(du -h "$work/big.csv" | cut -f1))"
for run in 1 2 3; do
  /usr/bin/time -f "run $run: %e s wall, %M KiB peak RSS" "${cli[@]}" describe "$work/big.csv" --format json > /dev/null
done
