# Shared by run.sh, replay.sh and ci-smoke.sh: builds the harness and instruments the reader assemblies.
# Sourced, not run. Sets FUZZ_ROOT, REPO, WORK, TARGETS and AFL_TARGETS; build_harness sets HARNESS.
FUZZ_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$FUZZ_ROOT/.." && pwd)"
WORK="$FUZZ_ROOT/.work"
TARGETS=(csv-long csv-wide dataframe xpt dataset-json parquet)
# The targets afl-fuzz runs by default. parquet is replayed (its corpus, and seeded mutations in the unit tests:
# ParquetMutationTests) but not fuzzed by AFL: under afl-fuzz its persistent .NET process stops answering the fork
# server within about 50 executions, with no exception, crash or hang recorded (afl++ 4.04c, SharpFuzz 2.3.0); the
# same inputs replayed in one process pass. `fuzz/run.sh parquet` still starts it, to look into.
AFL_TARGETS=(csv-long csv-wide dataframe xpt dataset-json)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Builds the harness into a fresh folder and instruments it there, so the normal build output is never rewritten.
# With instrument=0 (replay) the copy stays uninstrumented: same code, readable stack traces, no AFL needed.
build_harness() {
    local instrument="${1:-1}"
    # Separate folders, so a replay never rebuilds under a running afl-fuzz.
    local bin="$WORK/bin-afl"; [ "$instrument" = 1 ] || bin="$WORK/bin-replay"
    HARNESS="$bin/CohortAnalysis.Fuzz.dll"
    dotnet build "$FUZZ_ROOT/CohortAnalysis.Fuzz/CohortAnalysis.Fuzz.csproj" -c Release -nologo -v quiet -o "$WORK/build-$instrument" >&2
    rm -rf "$bin" && mkdir -p "$bin" && cp -r "$WORK/build-$instrument/." "$bin/"
    if [ "$instrument" = 1 ]; then
        (cd "$REPO" && dotnet tool restore >/dev/null)
        # Our reader and the CSV parser under it: coverage of both guides AFL; the BCL and DataFrame stay uninstrumented.
        for dll in CohortAnalysis.dll Sylvan.Data.Csv.dll; do
            (cd "$REPO" && dotnet tool run sharpfuzz "$bin/$dll" >/dev/null)
        done
    fi
}

# AFL++ from Debian; apt is shared with other jobs on the machine, so a held lock is waited for, not fought.
ensure_afl() {
    command -v afl-fuzz >/dev/null && return 0
    echo "installing afl++ with apt-get" >&2
    for attempt in $(seq 1 30); do
        if apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q afl++ >/dev/null; then return 0; fi
        echo "apt busy or failed (attempt $attempt); retrying in 20 s" >&2
        sleep 20
    done
    echo "could not install afl++" >&2
    return 1
}

# Environment for afl-fuzz driving a .NET persistent-mode target.
afl_env() {
    export AFL_SKIP_BIN_CHECK=1            # the target is 'dotnet', not an AFL-compiled binary
    export AFL_NO_UI=1
    export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1   # core_pattern belongs to the machine, not to us
    export AFL_SKIP_CPUFREQ=1
    export AFL_NO_AFFINITY=1               # 2 shared cores: do not pin
    export AFL_FORKSRV_INIT_TMOUT=60000    # .NET start-up plus the first (JIT) run of the target
    export DOTNET_TieredPGO=0              # stable code paths between runs of one process
}

stat_of() { awk -F: -v k="$2" '{ gsub(/ /, "", $1); gsub(/^ +/, "", $2) } $1 == k { print $2 }' "$1/fuzzer_stats" 2>/dev/null; }
