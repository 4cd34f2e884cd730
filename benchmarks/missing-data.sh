#!/usr/bin/env bash
# Imputation speed (issue 13): conditional mean imputation + jackknife SE, Bayesian MI (M = 100, Gibbs burn-in 200,
# thinning 10) and approximate Bayesian MI (M = 100 REML refits), J2R, ANCOVA at each visit, on the demo-trial generator
# with 200 subjects x 4 post-baseline visits (monotone dropout); then conditional mean + jackknife and Bayesian MI with
# the MMRM as the analysis of each completed dataset instead of ANCOVA at each visit. Medians of REPS runs after a
# warm-up run, all cores, then one thread. Targets: conditional mean + jackknife under 1 s; Bayesian MI M = 100 in a few seconds.
# Usage: bash benchmarks/missing-data.sh [SUBJECTS] [REPS]      (default 200 subjects, 5 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-200}
reps=${2:-5}
dotnet build benchmarks/CohortAnalysis.Benchmarks -c Release -v q -nologo > /dev/null
bench=(dotnet benchmarks/CohortAnalysis.Benchmarks/bin/Release/net10.0/CohortAnalysis.Benchmarks.dll)
echo "== $subjects subjects x 4 visits, J2R, all cores ($(nproc) here) =="
"${bench[@]}" missing-time "$subjects" "$reps"
echo "== the same, one thread =="
"${bench[@]}" missing-time "$subjects" "$reps" 1
