#!/usr/bin/env bash
# The project's one test command (README; .ci/run runs exactly this, with no flag).
# Installs what the tests need (scripts/setup.sh), builds once, runs the test projects, and ends
# with one plain line "N passed, N failed, N skipped" summed over all projects.
#   bash scripts/test.sh          the full run: every test (what CI runs)
#   bash scripts/test.sh --fast   the fast lane: every test but the classes marked [Trait("Lane", "Slow")]
#                                 (browser, accessibility and packing tests; tests/README.md), with no
#                                 Chromium, no browser site and no Blazor build
set -uo pipefail
lane=full
for arg in "$@"; do
  case "$arg" in
    --fast) lane=fast ;;
    *) echo "usage: bash scripts/test.sh [--fast]" >&2; exit 2 ;;
  esac
done
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
results="$here/TestResults"
rm -rf "$results"
if [ "$lane" = fast ]; then
  # Chromium is only for the slow lane; Lane.RequireSlow fails any test that launches it here.
  LOCALOFFER_SKIP_BROWSER="${LOCALOFFER_SKIP_BROWSER:-1}" bash scripts/setup.sh || exit 1
  export LOCALOFFER_TEST_LANE=fast
  # The test projects and what they reference: not the Blazor app or the bench.
  projects="tests/LocalOffer.Tests.slnf"
  filter=(--filter "Lane!=Slow")
else
  bash scripts/setup.sh || exit 1
  projects="LocalOffer.sln"
  filter=()
fi
dotnet build "$projects" -c Release --nologo -v quiet || exit 1
if [ "$lane" = full ]; then
  # The browser site (issue 16) as a host would serve it: the browser tests load this folder. Without the
  # Brotli and gzip copies of its files: the tests' host serves the plain files (as python's http.server in the
  # README does), and compressing 26 MB at Brotli's smallest size was about a minute of a fresh clone's run
  # (issue 30). The README's publish, for a real host, keeps them. --no-build: the build above built it, and a
  # publish that checks the build again cost about 3 s more of CPU for the same files.
  rm -rf "$here/artifacts/browser-site"
  dotnet publish src/LocalOffer.Browser -c Release --no-build --nologo -v quiet -o "$here/artifacts/browser-site" \
    -p:CompressionEnabled=false || exit 1
fi
# The tests' temporary folders in memory when the machine has /dev/shm: every output goes through
# AtomicFile, whose fsync costs seconds on a busy shared disk and proves nothing in a test.
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  TMPDIR="$(mktemp -d /dev/shm/localoffer-tests.XXXXXX)" && export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi
dotnet test "$projects" -c Release --no-build --nologo -v quiet "${filter[@]}" \
  --logger "console;verbosity=minimal" --logger "trx" --results-directory "$results"
code=$?
# Sum the counters of every project's TRX file into the closing line.
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); gsub(/"|\/>|>/, "", kv[2]);
      if (kv[1] == "passed") p += kv[2]; if (kv[1] == "failed") f += kv[2]; if (kv[1] == "notExecuted") s += kv[2] } }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }'
exit $code
