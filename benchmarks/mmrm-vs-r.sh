#!/usr/bin/env bash
# MMRM speed, side by side in one run: CohortAnalysis Mmrm.Fit (unstructured, REML, LS means and differences with
# Satterthwaite df) against nlme::gls(corSymm + varIdent) + emmeans on the same seeded data, then bcva_data
# (1 000 subjects x 10 visits; mmrm's published median fit time 3.36 s) and the cost over 500 -> 8 000 subjects.
# Medians of REPS fits after a warm-up fit, in one process per tool and data set. R is optional (skipped if absent).
# Usage: bash benchmarks/mmrm-vs-r.sh [REPS] [SEED]        (default 5 fits, seed 20261202)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
seed=${2:-20261202}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build benchmarks/CohortAnalysis.Benchmarks -c Release -v q -nologo > /dev/null
bench=(dotnet benchmarks/CohortAnalysis.Benchmarks/bin/Release/net10.0/CohortAnalysis.Benchmarks.dll)
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p"; }
have_r=0
if command -v Rscript > /dev/null && Rscript -e 'library(nlme); library(emmeans)' > /dev/null 2>&1; then have_r=1; fi

echo "== UN MMRM with LS means, 3 arms, 3 post-baseline visits (seed $seed, $reps fits each) =="
printf '%-9s %-13s %10s %14s %12s %9s %16s %16s\n' subjects observations "ours (ms)" "ms/1000 subj" "gls+emm (ms)" speed-up "ours -2LL" "R -2LL"
for n in 500 1000 2000 4000 8000; do
  "${bench[@]}" mmrm-generate "$n" "$seed" "$work/sim$n.csv"
  ours=$("${bench[@]}" mmrm-time "$work/sim$n.csv" SCORE "$reps")
  ms=$(echo "$ours" | field median_ms)
  rms="-"; rll="-"; ratio="-"
  if [ "$have_r" = 1 ] && [ "$n" -le 2000 ]; then
    r=$(Rscript benchmarks/mmrm-vs-r.R "$work/sim$n.csv" SCORE "$reps")
    rms=$(echo "$r" | field median_ms); rll=$(echo "$r" | field m2ll)
    ratio=$(awk -v a="$rms" -v b="$ms" 'BEGIN { printf "%.1fx", a / b }')
  fi
  printf '%-9s %-13s %10s %14s %12s %9s %16s %16s\n' "$n" "$(echo "$ours" | field observations)" "$ms" "$(awk -v a="$ms" -v n="$n" 'BEGIN { printf "%.1f", 1000 * a / n }')" "$rms" "$ratio" "$(echo "$ours" | field m2ll)" "$rll"
done

echo
echo "== bcva_data (mmrm 0.3.18; 1 000 subjects x 10 visits), UN MMRM with LS means =="
"${bench[@]}" mmrm-bcva tests/known-results/mmrm-sas/bcva_data.csv "$work/bcva.csv"
bcva=$("${bench[@]}" mmrm-time "$work/bcva.csv" BCVA "$reps")
echo "ours: $(echo "$bcva" | field median_ms) ms median ($(echo "$bcva" | field observations) observations, $(echo "$bcva" | field iterations) iterations); mmrm's published median: 3360 ms"
