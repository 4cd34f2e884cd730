#!/usr/bin/env bash
# Side-by-side timing of `cohort` and R on the same generated files, in one run (issue 16). A benchmark, not a test.
#
#   bash benchmarks/compare-with-r.sh [rows] [reps]      (default 1000000 rows, 5 repetitions)
#
# Rows of the table (whole processes, start-up included; each repetition runs both tools back to back, the order
# alternating between repetitions; medians of the repetitions and the median of the per-pair ratios R / cohort):
#   (a) main job: `cohort change FILE --format json` vs R data.table (fread + the same summaries by parameter x arm x
#       visit and the within/between-arm tests: benchmarks/r/change-summaries.R) on the seeded demo trial as an ADaM long
#       CSV of ~rows rows; peak RSS of both (GNU time %M) against the file size;
#   (b) `cohort effect-size --ci-method bootstrap --resamples 10000` on 100 + 100 subjects vs R boot + boot.ci (BCa),
#       end to end on the same CSV (benchmarks/r/bootstrap-bca.R);
#   (c) Cohen's d with its noncentral-t CI on 2 x 50 values, per call: R effectsize::cohens_d timed over many calls
#       (benchmarks/r/cohens-d-per-call.R) vs the BenchmarkDotNet mean of EffectSizeHotPathBenchmarks.CohensD50 (run here, short
#       job, unless COHORT_D_US gives the figure in microseconds);
#   (d) loading the same data from Parquet vs CSV: `cohort describe` on both files (ratio CSV / Parquet).
# R and its packages, and GNU time, are installed from Debian when missing (root).
# The tool timed is the one `dotnet tool install` gives on this machine: the Native AOT build for this platform
# (benchmarks/cohort-tool.sh publishes it once); COHORT_TOOL=jit times the JIT build (dotnet cohort.dll) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
reps=${2:-5}
[[ $rows =~ ^[0-9]+$ && $rows -ge 1000 ]] || { echo "rows must be a whole number >= 1000" >&2; exit 2; }
[[ $reps =~ ^[0-9]+$ && $reps -ge 1 ]] || { echo "reps must be a whole number >= 1" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

need=()
command -v Rscript > /dev/null || need+=(r-base-core)
if command -v Rscript > /dev/null; then
  for p in data.table effectsize boot; do
    Rscript -e "quit(status = !requireNamespace('$p', quietly = TRUE))" > /dev/null 2>&1 || need+=("r-cran-${p//./}")
  done
else
  need+=(r-cran-datatable r-cran-effectsize r-cran-boot)
fi
[[ -x /usr/bin/time ]] || need+=(time)
if ((${#need[@]})); then
  echo "installing from Debian: ${need[*]}" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]/r-cran-datatable/r-cran-data.table}" > /dev/null
fi

source benchmarks/timing.sh         # median, small_trial_csv
source benchmarks/cohort-tool.sh   # cli=(...): the Native AOT tool; COHORT_TOOL=jit for the JIT build
commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo "+changes")

# (a), (d): the seeded demo trial (2 parameters x 5 visits; about 9.2 rows per subject), as CSV and Parquet.
subjects=$(( rows * 100 / 922 ))
"${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.csv"
"${cli[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.parquet"
# (b): 100 + 100 subjects, baseline and week 12, seeded (awk's generator; Box-Muller normals).
small_trial_csv "$work/small.csv"

# run NAME CMD...: runs once, appends "wall_s peak_kib cpu_s" (cpu = user + system) to $work/NAME.
run() {
  local name=$1; shift
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" > "$work/$name.out"
  tail -n 1 "$work/time" | awk '{ print $1, $2, $3 + $4 }' >> "$work/$name"
}
col() { awk -v c="$2" '{ print $c }' "$work/$1"; }
# pair A B [COLUMN]: the median over repetitions of B_i / A_i (column 1 wall times, 3 CPU times), and the range.
pair() { paste <(col "$1" "${3:-1}") <(col "$2" "${3:-1}") | awk '{ print ($1 > 0 ? $2 / $1 : "inf") }' > "$work/ratios"
  printf '%s (%s-%s)' "$(median < "$work/ratios" | xargs printf '%.2f')" \
    "$(sort -g "$work/ratios" | head -n 1 | xargs printf '%.2f')" "$(sort -g "$work/ratios" | tail -n 1 | xargs printf '%.2f')"; }

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start; commit $commit; $(Rscript --version 2>&1 | head -n 1)" >&2
for rep in $(seq 1 "$reps"); do
  echo "repetition $rep/$reps" >&2
  if ((rep % 2)); then
    run a_cohort "${cli[@]}" change "$work/big.csv" --format json
    run a_r Rscript benchmarks/r/change-summaries.R "$work/big.csv" "$work/r-change.csv"
    run b_cohort "${cli[@]}" effect-size "$work/small.csv" --paramcd MADRS --visit 12 --arms Active,Placebo --ci-method bootstrap --resamples 10000 --format json
    run b_r Rscript benchmarks/r/bootstrap-bca.R "$work/small.csv"
    run e_csv "${cli[@]}" describe "$work/big.csv" --format json
    run e_parquet "${cli[@]}" describe "$work/big.parquet" --format json
  else
    run a_r Rscript benchmarks/r/change-summaries.R "$work/big.csv" "$work/r-change.csv"
    run a_cohort "${cli[@]}" change "$work/big.csv" --format json
    run b_r Rscript benchmarks/r/bootstrap-bca.R "$work/small.csv"
    run b_cohort "${cli[@]}" effect-size "$work/small.csv" --paramcd MADRS --visit 12 --arms Active,Placebo --ci-method bootstrap --resamples 10000 --format json
    run e_parquet "${cli[@]}" describe "$work/big.parquet" --format json
    run e_csv "${cli[@]}" describe "$work/big.csv" --format json
  fi
done

# (c): R per call; ours from BenchmarkDotNet (mean, microseconds).
r_ms=$(Rscript benchmarks/r/cohens-d-per-call.R 500)
if [[ -z ${COHORT_D_US:-} ]]; then
  echo "BenchmarkDotNet: EffectSizeHotPathBenchmarks.CohensD50 (short job)" >&2
  (cd benchmarks/CohortAnalysis.Benchmarks && dotnet run -c Release -- --filter '*EffectSizeHotPathBenchmarks.CohensD50*' --job short --inProcess \
    --artifacts "$work/bdn" > "$work/bdn.log" 2>&1)
  # The summary line of the log ("Mean = 31.505 us, StdErr = …"): the CSV report's method name holds a comma.
  COHORT_D_US=$(awk '$1 == "Mean" && $2 == "=" { v = $3; gsub(",", "", v); u = $4; sub(",", "", u);
      print (u == "ns") ? v / 1000 : (u == "ms") ? v * 1000 : (u == "s") ? v * 1e6 : v; exit }' "$work/bdn.log")   # us or μs as is
fi

mib() { awk '{ printf "%.0f", $1 / 1024 }'; }
size_mib=$(stat -c %s "$work/big.csv" | awk '{ printf "%.1f", $1 / 1048576 }')
psize_mib=$(stat -c %s "$work/big.parquet" | awk '{ printf "%.1f", $1 / 1048576 }')
ca=$(col a_cohort 1 | median); ra=$(col a_r 1 | median)
cm=$(col a_cohort 2 | median | mib); rm_=$(col a_r 2 | median | mib)
cb=$(col b_cohort 1 | median); rb=$(col b_r 1 | median)
ec=$(col e_csv 1 | median); ep=$(col e_parquet 1 | median)
em=$(col e_parquet 2 | median | mib); ecm=$(col e_csv 2 | median | mib)
lines=$(( $(wc -l < "$work/big.csv") - 1 ))
echo
echo "cohort vs R, $lines-row ADaM long CSV ($size_mib MiB; Parquet $psize_mib MiB), $reps repetitions alternating, commit $commit, $(nproc) cores, load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| job | cohort wall (CPU) | R wall (CPU) | wall ratio R / cohort, median of pairs (range) | CPU ratio | target |"
echo "| --- | --- | --- | --- | --- | --- |"
echo "| (a) change summaries + within/between tests, end to end | ${ca} s ($(col a_cohort 3 | median) s) | ${ra} s ($(col a_r 3 | median) s), data.table | $(pair a_cohort a_r) | $(pair a_cohort a_r 3) | >= 3 |"
echo "| (a) peak RSS | $cm MiB = $(awk -v m="$cm" -v s="$size_mib" 'BEGIN { printf "%.1f", m / s }') x file | $rm_ MiB | | | cohort < 3 x file |"
echo "| (b) Cohen's d, BCa 10 000 resamples, 100 + 100, end to end | ${cb} s ($(col b_cohort 3 | median) s) | ${rb} s ($(col b_r 3 | median) s), boot + boot.ci | $(pair b_cohort b_r) | $(pair b_cohort b_r 3) | >= 10 |"
echo "| (c) Cohen's d + noncentral-t CI, 2 x 50, per call | ${COHORT_D_US} us (BenchmarkDotNet) | $(awk -v m="$r_ms" 'BEGIN { printf "%.0f", m * 1000 }') us (effectsize::cohens_d) | $(awk -v r="$r_ms" -v c="$COHORT_D_US" 'BEGIN { printf "%.0f", r * 1000 / c }') | | >= 50 |"
echo "| (d) load: describe Parquet vs CSV | Parquet ${ep} s ($(col e_parquet 3 | median) s), $em MiB | CSV ${ec} s ($(col e_csv 3 | median) s), $ecm MiB | CSV / Parquet: $(pair e_parquet e_csv) | $(pair e_parquet e_csv 3) | several x |"
