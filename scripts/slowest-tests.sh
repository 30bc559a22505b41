#!/usr/bin/env bash
# The slowest tests of the last run, from the TRX files scripts/test.sh leaves in TestResults/
# (each test's duration as the runner measured it, while other tests ran beside it).
#   bash scripts/slowest-tests.sh [N] [folder]     N defaults to 10, folder to TestResults
set -euo pipefail
n="${1:-10}"
dir="${2:-$(cd "$(dirname "$0")/.." && pwd)/TestResults}"
ls "$dir"/*.trx >/dev/null 2>&1 || { echo "no TRX files in $dir: run scripts/test.sh first" >&2; exit 2; }
# testName holds XML entities and may hold spaces; duration is hh:mm:ss.fffffff.
cat "$dir"/*.trx | grep -o '<UnitTestResult [^>]*>' | sed -E \
  's/.* testName="([^"]*)".* duration="([0-9]+):([0-9]+):([0-9.]+)".*/\2 \3 \4\t\1/' |
  awk -F'\t' '{ split($1, t, " "); printf "%8.2f s  %s\n", t[1] * 3600 + t[2] * 60 + t[3], $2 }' |
  sed 's/&quot;/"/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g' | sort -rn | head -n "$n"
