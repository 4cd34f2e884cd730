# Sourced by the benchmark scripts: sets cli=(...) to the `cohort` tool as a user gets it on this machine, i.e. what
# `dotnet tool install` installs here: the Native AOT build for this platform (the tool package's linux-x64 package),
# published once into artifacts/benchmark-tool/RID (incremental: later runs reuse it; needs clang and zlib1g-dev).
# COHORT_TOOL=jit times the framework-dependent JIT build instead (`dotnet cohort.dll`, the tool package's 'any'
# fallback), for comparison. Prints which one it uses on standard error.
rid=$(dotnet --info | awk '/^ *RID:/ { print $2; exit }')
if [[ "${COHORT_TOOL:-aot}" == jit ]]; then
  dotnet build src/CohortAnalysis.Cli -c Release -v q -nologo -nodeReuse:false > /dev/null
  cli=(dotnet src/CohortAnalysis.Cli/bin/Release/net10.0/cohort.dll)
  echo "tool: JIT build (dotnet cohort.dll), COHORT_TOOL=jit" >&2
else
  dotnet publish src/CohortAnalysis.Cli -c Release -r "$rid" -v q -nologo -nodeReuse:false -o "artifacts/benchmark-tool/$rid" > /dev/null
  cli=("artifacts/benchmark-tool/$rid/cohort")
  echo "tool: Native AOT build for $rid (COHORT_TOOL=jit for the JIT build)" >&2
fi
