#!/usr/bin/env bash
# The project's one test command (README; .ci/run runs exactly this).
# Installs what the tests need (scripts/setup.sh), builds once, runs every test project.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
bash scripts/setup.sh
export LOCALOFFER_CHROMIUM="${LOCALOFFER_CHROMIUM:-/usr/bin/chromium}"
dotnet build LocalOffer.sln -c Release --nologo -v quiet
dotnet test LocalOffer.sln -c Release --no-build --nologo -v quiet --logger "console;verbosity=minimal"
