#!/usr/bin/env bash
# Coverage-guided fuzzing of the readers with AFL++ and SharpFuzz.
#   fuzz/run.sh [csv-long|csv-wide|dataframe|xpt|dataset-json|parquet|all] [seconds]     (default: all, 600 s per target;
#   all is every target but parquet, see common.sh)
#   FUZZ_EXECS=1000000 fuzz/run.sh csv-long 1500                 (stop at about that many executions, or at the time limit)
# Builds the harness, instruments CohortAnalysis.dll (and Sylvan.Data.Csv.dll) with the local sharpfuzz tool, and runs
# afl-fuzz from fuzz/corpus/<target>/ into fuzz/.work/findings/<target>/. Prints executions and crashes per target;
# exits 1 if any target crashed or hung. Replay findings with fuzz/replay.sh.
set -euo pipefail
source "$(dirname "$0")/common.sh"
target="${1:-all}"
seconds="${2:-600}"
if [ "$target" = all ]; then selected=("${AFL_TARGETS[@]}"); else selected=("$target"); fi
for t in "${selected[@]}"; do
    [ -d "$FUZZ_ROOT/corpus/$t" ] || { echo "unknown target $t (known: ${TARGETS[*]})" >&2; exit 2; }
done

ensure_afl
build_harness 1
afl_env

status=0
summary=()
for t in "${selected[@]}"; do
    out="$WORK/findings/$t"
    rm -rf "$out"; mkdir -p "$(dirname "$out")"
    echo "== $t: fuzzing for $seconds s" >&2
    # -t: a clean input takes well under a millisecond; 2 s only catches real hangs (and the odd GC pause).
    # -m none: the .NET runtime reserves far more address space than AFL's default limit.
    # Input on stdin (no @@): SharpFuzz reads it in persistent mode.
    dict="$FUZZ_ROOT/$t.dict"; [ -f "$dict" ] || dict="$FUZZ_ROOT/csv.dict"
    limit=(-V "$seconds"); [ -z "${FUZZ_EXECS:-}" ] || limit+=(-E "$FUZZ_EXECS")
    afl-fuzz -i "$FUZZ_ROOT/corpus/$t" -o "$out" -t 2000 -m none "${limit[@]}" -x "$dict" \
        -- "$(command -v dotnet)" "$HARNESS" "$t" > "$WORK/afl-$t.log" 2>&1 || { echo "afl-fuzz failed; last lines of $WORK/afl-$t.log:" >&2; tail -20 "$WORK/afl-$t.log" >&2; exit 3; }
    d="$out/default"
    execs=$(stat_of "$d" execs_done); speed=$(stat_of "$d" execs_per_sec)
    crashes=$(stat_of "$d" saved_crashes); [ -n "$crashes" ] || crashes=$(stat_of "$d" unique_crashes)
    hangs=$(stat_of "$d" saved_hangs); [ -n "$hangs" ] || hangs=$(stat_of "$d" unique_hangs)
    paths=$(stat_of "$d" corpus_count); [ -n "$paths" ] || paths=$(stat_of "$d" paths_total)
    summary+=("$t: execs_done=$execs execs_per_sec=$speed corpus=$paths crashes=$crashes hangs=$hangs findings=$d")
    if [ "${crashes:-0}" != 0 ] || [ "${hangs:-0}" != 0 ]; then status=1; fi
done
printf '%s\n' "${summary[@]}"
[ "$status" = 0 ] || echo "crashes or hangs found: fuzz/replay.sh <target> fuzz/.work/findings/<target>/default/crashes" >&2
exit "$status"
