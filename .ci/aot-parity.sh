#!/usr/bin/env bash
# Native AOT parity: every cohort command gives byte-identical output (text, JSON, CSV, the data files `cohort demo`
# writes, the HTML report with its figures, error messages and exit codes) from the JIT build and the Native AOT build.
# Usage: .ci/aot-parity.sh JIT AOT   where each is a command that runs the tool, e.g.
#   .ci/aot-parity.sh "dotnet $PWD/src/CohortAnalysis.Cli/bin/Release/net10.0/cohort.dll" /tmp/aot/cohort
# (absolute paths: each case runs in a folder of its own, where it writes its files).
# Exits 1 and shows the first differences when any output differs.
set -uo pipefail
[ $# -eq 2 ] || { echo "usage: $0 JIT-COMMAND AOT-COMMAND" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The data: the bundled demo trial in every input format (written by the JIT build, so both read the same bytes).
data="$work/data"
mkdir -p "$data"
for ext in csv xpt json ndjson parquet; do $1 demo --subjects 60 --seed 11 --output "$data/trial.$ext" > /dev/null; done
tr ',' '\t' < "$data/trial.csv" > "$data/trial.tsv"
printf 'USUBJID,ARM,AVISITN,PARAMCD,AVAL\n01,A,0,MADRS,20\n01,A,6,MADRS,n/a\n' > "$data/bad.csv"

cases=(
  "demo --subjects 12 --seed 3"
  "report -o report.html --quiet"
)
for file in "" "$data/trial.csv" "$data/trial.tsv" "$data/trial.xpt" "$data/trial.json" "$data/trial.ndjson" "$data/trial.parquet"; do
  for format in text json csv; do
    cases+=("change $file --format $format" "responders $file --format $format" "correlate $file --format $format"
            "effect-size $file --measure hedges-g --format $format")
  done
  cases+=("describe $file" "describe $file --format json")
done
cases+=(
  "responders --joint PAINNRS --format json" "responders --joint PAINNRS" "responders --stratify SITEID --format json"
  "effect-size --measure cohens-d --ci-method bootstrap --resamples 2000 --seed 5 --format json"
  "effect-size --measure cliffs-delta" "effect-size --measure cohens-h --format json"
  "change --missing locf --quantiles r7 --format json"
  "ancova --visit 6 --covariates SEX --format json" "ancova --visit 6 --robust hc3"
  "mmrm --paramcd MADRS --format json" "mmrm --paramcd MADRS --compare-structures"
  "mmrm --paramcd MADRS --impute j2r --imputations 5 --seed 1 --format json"
  "tipping-point --paramcd MADRS --deltas 0:4:2 --imputations 5 --seed 1"
  "describe $data/bad.csv" "describe $data/bad.csv --format json" "change --paramcd NOPE" "no-such-command"
)

run() {   # run BUILD-NAME COMMAND: every case's stdout, stderr, exit code and written files under $work/BUILD-NAME
  local out="$work/$1" i=0
  mkdir -p "$out"
  for c in "${cases[@]}"; do
    i=$((i + 1))
    mkdir -p "$out/$i" && (cd "$out/$i" && eval "$2 $c" > stdout 2> stderr; echo "$? $c" > exit)
  done
}
run jit "$1"
run aot "$2"
if diff -r "$work/jit" "$work/aot" > "$work/diff"; then
  echo "aot-parity: ${#cases[@]} commands, JIT and Native AOT outputs byte-identical"
else
  echo "aot-parity: outputs differ (case number: exit code and command in its 'exit' file):" >&2
  diff -rq "$work/jit" "$work/aot" | sed "s|$work/||g" >&2
  head -n 60 "$work/diff" >&2
  exit 1
fi
