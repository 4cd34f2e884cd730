#!/usr/bin/env bash
# The `cohort` tool's two builds side by side (issue 16): the framework-dependent JIT build (`dotnet cohort.dll`, the tool
# package's 'any' fallback) and the Native AOT build (the linux-x64 tool package), whole processes, alternating run by
# run; plus the AOT build with the GC's ConserveMemory setting (7, from the csproj) switched off
# (DOTNET_GCConserveMemory=0), to show the AOT binary honours it. A benchmark, not a test.
#
#   bash benchmarks/jit-vs-aot.sh [reps] [subjects]     (default 5 repetitions, 108459 subjects = ~1M rows)
#
# Jobs: (b) `effect-size --ci-method bootstrap --resamples 10000` on 100 + 100 subjects (the file compare-with-r.sh
# makes); (a) `change big.csv --format json` on the seeded demo trial. Prints per run and the medians of wall, CPU
# (user + system) and peak RSS (GNU time). Needs GNU time, clang and zlib1g-dev (Native AOT).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-5}
subjects=${2:-108459}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
source benchmarks/timing.sh   # small_trial_csv
jit=($(COHORT_TOOL=jit; source benchmarks/cohort-tool.sh 2> /dev/null; echo "${cli[@]}"))
aot=($(source benchmarks/cohort-tool.sh 2> /dev/null; echo "${cli[@]}"))
"${aot[@]}" demo --subjects "$subjects" --seed 7 --output "$work/big.csv"
small_trial_csv "$work/small.csv"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD); $(($(wc -l < "$work/big.csv") - 1)) rows" >&2

run() {   # run NAME CMD...: appends "wall_s cpu_s peak_kib" to $work/NAME
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/t" "$@" > /dev/null
  awk -v n="$name" '{ printf "%s %.2f %.2f %d\n", n, $1, $2 + $3, $4 }' "$work/t" | tee -a "$work/all" >&2
}
for ((i = 1; i <= reps; i++)); do
  for build in jit aot; do
    [[ $build == jit ]] && cmd=("${jit[@]}") || cmd=("${aot[@]}")
    run "b_$build" "${cmd[@]}" effect-size "$work/small.csv" --paramcd MADRS --visit 12 --arms Active,Placebo --ci-method bootstrap --resamples 10000 --format json
    run "a_$build" "${cmd[@]}" change "$work/big.csv" --format json
  done
  run a_aot_conserve0 env DOTNET_GCConserveMemory=0 "${aot[@]}" change "$work/big.csv" --format json
done
echo "job build: median wall s, median CPU s, median peak RSS MB"
for name in b_jit b_aot a_jit a_aot a_aot_conserve0; do
  awk -v n="$name" '$1 == n { w[++k] = $2; c[k] = $3; m[k] = $4 }
    function med(a, k,   i, j, t) { for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
    END { printf "%-16s %6.2f %6.2f %7.0f\n", n, med(w, k), med(c, k), med(m, k) / 1024 }' "$work/all"
done
