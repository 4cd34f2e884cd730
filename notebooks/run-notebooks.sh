#!/usr/bin/env bash
# Packs the libraries into artifacts/packages and runs every notebooks/*.ipynb in the real .NET Interactive C#
# kernel (tools/NotebookRunner). Fails on the first failing cell of any notebook.
#   notebooks/run-notebooks.sh                  # run, leave the notebooks untouched
#   notebooks/run-notebooks.sh --write-outputs  # also store the outputs in the .ipynb files
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

rm -rf artifacts/packages
dotnet pack Analysis.sln -c Release -o artifacts/packages -p:ContinuousIntegrationBuild="${CI:-false}" --nologo -v quiet

# The notebooks ask for the newest CohortAnalysis* (#r "nuget: CohortAnalysis, *-*"), and the version comes from git
# (MinVer: 0.2.0-alpha.0.HEIGHT until the first tag), so each commit packs a version of its own. A re-pack of the same
# commit with uncommitted changes keeps the version, though, and a copy restored earlier would then shadow the one
# just packed: drop our own packages (only those) from the global package cache.
global_packages="$(dotnet nuget locals global-packages --list | sed -e 's/^global-packages: //')"
for package in artifacts/packages/*.nupkg; do
  id="$(basename "$package" | sed -E 's/\.[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]*)?\.nupkg$//' | tr '[:upper:]' '[:lower:]')"
  rm -rf "${global_packages:?}/${id}"
done
echo "Packed $(ls artifacts/packages/*.nupkg | sed -E 's|.*/||' | tr '\n' ' ')"

dotnet build tools/NotebookRunner -c Release --nologo -v quiet
dotnet tools/NotebookRunner/bin/Release/net10.0/NotebookRunner.dll "$@" notebooks/*.ipynb
