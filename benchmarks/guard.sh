#!/usr/bin/env bash
# Times the de-identification guard (BenchmarkDotNet, IdentifierGuardBenchmarks): its scan of every value of the
# generated ~1 000 000-row demo file beside the whole load of that file, and its scan of values crafted against its
# patterns. The unit tests assert the bounds that keep the guard cheap (value cap, match timeouts); this measures it.
# Usage: bash benchmarks/guard.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project benchmarks/CohortAnalysis.Benchmarks -- --inProcess --job short --filter "*IdentifierGuardBenchmarks*"
