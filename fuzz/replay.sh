#!/usr/bin/env bash
# Replays saved inputs through a target without AFL and prints each outcome (loaded, rejected, or the exception with
# its stack trace). Uses an uninstrumented build of the harness.
#   fuzz/replay.sh <csv-long|csv-wide|dataframe> [FILE|DIR...]    (default: fuzz/.work/findings/<target>/default/crashes)
# Exits 1 if any input crashes.
set -euo pipefail
source "$(dirname "$0")/common.sh"
target="${1:?usage: fuzz/replay.sh <${TARGETS[*]// /|}> [FILE|DIR...]}"
shift
[ "$#" -gt 0 ] || set -- "$WORK/findings/$target/default/crashes"
build_harness 0
dotnet "$HARNESS" "$target" --replay "$@"
