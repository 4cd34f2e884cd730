#!/usr/bin/env bash
# Replaces fuzz/corpus/<target>/ with the afl-cmin minimisation of the last run's queue (fuzz/.work/findings/<target>),
# renaming AFL's 'id:...,orig:NAME' files to portable names (NAME for seeds, q<id> for AFL's finds).
#   fuzz/adopt-corpus.sh <target>
set -euo pipefail
source "$(dirname "$0")/common.sh"
target="${1:?usage: fuzz/adopt-corpus.sh <target>}"
queue="$WORK/findings/$target/default/queue"
[ -d "$queue" ] || { echo "no queue at $queue: run fuzz/run.sh $target first" >&2; exit 2; }
[ -f "$WORK/bin-afl/CohortAnalysis.Fuzz.dll" ] || build_harness 1
afl_env
min="$WORK/cmin-$target"
rm -rf "$min"
afl-cmin -i "$queue" -o "$min" -m none -t 5000 -- "$(command -v dotnet)" "$WORK/bin-afl/CohortAnalysis.Fuzz.dll" "$target" >&2
ext=csv; [ "$target" != dataframe ] || ext=bin
rm -rf "$FUZZ_ROOT/corpus/$target" && mkdir -p "$FUZZ_ROOT/corpus/$target"
for f in "$min"/*; do
    name=$(basename "$f")
    case "$name" in
        *orig:*) new="${name##*orig:}" ;;
        id:*) id="${name#id:}"; new="q${id%%,*}.$ext" ;;
        *) new="$name" ;;
    esac
    cp "$f" "$FUZZ_ROOT/corpus/$target/$new"
done
echo "$target: $(ls "$FUZZ_ROOT/corpus/$target" | wc -l) files, $(du -sb "$FUZZ_ROOT/corpus/$target" | cut -f1) bytes"
