#!/usr/bin/env bash
# The project's one test command (README; .ci/run runs exactly this).
# Installs what the tests need (scripts/setup.sh), builds once, runs every test project, and ends
# with one plain line "N passed, N failed, N skipped" summed over all projects.
set -uo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
bash scripts/setup.sh || exit 1
export LOCALOFFER_CHROMIUM="${LOCALOFFER_CHROMIUM:-/usr/bin/chromium}"
results="$here/TestResults"
rm -rf "$results"
dotnet build LocalOffer.sln -c Release --nologo -v quiet || exit 1
# The browser site (issue 16) as a host would serve it: the browser tests load this folder.
rm -rf "$here/artifacts/browser-site"
dotnet publish src/LocalOffer.Browser -c Release --nologo -v quiet -o "$here/artifacts/browser-site" || exit 1
dotnet test LocalOffer.sln -c Release --no-build --nologo -v quiet \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results"
code=$?
# Sum the counters of every project's TRX file into the closing line.
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); gsub(/"|\/>|>/, "", kv[2]);
      if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2] } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
exit $code
