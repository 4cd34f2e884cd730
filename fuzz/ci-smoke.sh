#!/usr/bin/env bash
# CI smoke fuzzing: replays the committed corpus through every target, then runs AFL++ on each target for a short
# time (FUZZ_SMOKE_SECONDS, default 20). Fails if any input crashes or hangs a reader, and prints the replay of the
# findings. Works on a fresh machine: installs afl++ with apt-get when missing and restores the local sharpfuzz tool.
set -euo pipefail
source "$(dirname "$0")/common.sh"
seconds="${FUZZ_SMOKE_SECONDS:-20}"

ensure_afl
(cd "$REPO" && dotnet tool restore >/dev/null)

# 1. The corpus itself must pass (no AFL involved): a crash fixed once stays fixed.
build_harness 0
for t in "${TARGETS[@]}"; do
    if ! dotnet "$HARNESS" "$t" --replay "$FUZZ_ROOT/corpus/$t" > "$WORK/replay-$t.log"; then
        grep -a -v '^ok' "$WORK/replay-$t.log"
        echo "fuzz smoke: FAILED (a committed corpus input crashes $t)"
        exit 1
    fi
    tail -1 "$WORK/replay-$t.log"
done

# 2. A short coverage-guided run per target.
status=0
"$FUZZ_ROOT/run.sh" all "$seconds" || status=$?
if [ "$status" = 1 ]; then
    for t in "${AFL_TARGETS[@]}"; do
        for kind in crashes hangs; do
            dir="$WORK/findings/$t/default/$kind"
            if [ -d "$dir" ] && [ -n "$(ls -A "$dir" | grep -v README)" ]; then
                echo "== $t $kind:"
                [ "$kind" = crashes ] && { "$FUZZ_ROOT/replay.sh" "$t" "$dir" 2>/dev/null || true; }
                [ "$kind" = hangs ] && ls "$dir"
            fi
        done
    done
    echo "fuzz smoke: FAILED (inputs kept under fuzz/.work/findings)"
    exit 1
fi
[ "$status" = 0 ] || { echo "fuzz smoke: afl-fuzz did not run (status $status)"; exit "$status"; }
echo "fuzz smoke: no crash"
