#!/usr/bin/env bash
# Registry-scale run (issue 16): `cohort change` on generated long files of 1M, 10M and 100M observations, with wall
# time, CPU time and peak memory, to show how cost grows with the rows. A benchmark, not a test; nothing is committed.
#
#   bash benchmarks/scale.sh [rows ...]      (default: 1000000 10000000 100000000)
#
# The data: a seeded routine-care registry of PHQ-9 totals (0-27), two arms, 10 visits per patient (months 0-9, month 0
# flagged baseline), about 8 % of visits missing (NA), written by awk straight to disk (a 100M-row file is ~3.4 GB).
# Each file is deleted after its run. Needs GNU time (/usr/bin/time, Debian package `time`).
# The tool timed is the one `dotnet tool install` gives on this machine: the Native AOT build for this platform
# (benchmarks/cohort-tool.sh publishes it once); COHORT_TOOL=jit times the JIT build (dotnet cohort.dll) instead.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(1000000 10000000 100000000)
work=${SCALE_DIR:-$(mktemp -d)}
trap 'rm -f "$work"/registry-*.csv' EXIT
[[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time > /dev/null; }
source benchmarks/cohort-tool.sh   # cli=(...): the Native AOT tool; COHORT_TOOL=jit for the JIT build

echo "machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)" >&2
printf '| rows | subjects | file | wall | CPU (user + sys) | peak RSS | RSS bytes per row | RSS / file |\n| --- | --- | --- | --- | --- | --- | --- | --- |\n'
for rows in "${sizes[@]}"; do
  subjects=$((rows / 10))
  file="$work/registry-$rows.csv"
  awk -v n="$subjects" -v seed=16 'BEGIN {
    srand(seed); OFS = ","; print "USUBJID,TRT01P,PARAMCD,AVISITN,ABLFL,AVAL"
    for (s = 1; s <= n; s++) {
      arm = (rand() < 0.5) ? "Usual care" : "Collaborative care"
      base = int(8 + 12 * rand() + 0.5); slope = (arm == "Usual care") ? 0.35 : 0.7
      id = sprintf("REG-%09d", s)
      for (v = 0; v <= 9; v++) {
        if (v > 0 && rand() < 0.08) { print id, arm, "PHQ9", v, "", "NA"; continue }
        y = int(base - slope * v + 4 * (rand() - 0.5) + 0.5); if (y < 0) y = 0; if (y > 27) y = 27
        print id, arm, "PHQ9", v, (v == 0 ? "Y" : ""), y
      } } }' > "$file"
  bytes=$(stat -c %s "$file")
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${cli[@]}" change "$file" --format json > "$work/out.json"
  read -r wall user sys kib < "$work/time"
  awk -v r="$rows" -v s="$subjects" -v b="$bytes" -v w="$wall" -v u="$user" -v y="$sys" -v k="$kib" 'BEGIN {
    printf "| %d | %d | %.0f MB | %.1f s | %.1f s | %.2f GB | %.0f | %.1f |\n", r, s, b / 1e6, w, u + y, k * 1024 / 1e9, k * 1024 / r, k * 1024 / b }'
  grep -m1 '"rowsUsed"' "$work/out.json" >&2
  rm -f "$file"
done
