#!/usr/bin/env bash
# Times `localoffer publish` of every council under rules/councils (issue 26: publishing all councils
# must be no slower after the template engine changed). Usage:
#   bash bench/publish-all.sh [BUILD_DIR] [RUNS] [OUT]
# BUILD_DIR holds a built localoffer (default: this checkout's Release build); each run publishes every
# council on 2026-11-22 into a fresh folder under OUT (default: a temporary folder) and prints its
# wall time; the last line is the median. Give the machine's load (uptime) with any figure.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${1:-$here/src/LocalOffer.Cli/bin/Release/net10.0}"
runs="${2:-5}"
out="${3:-$(mktemp -d)}"
councils=$(ls "$here/rules/councils" | while read -r c; do [ -f "$here/rules/councils/$c/council.yaml" ] && echo "$c"; done)
times=()
for r in $(seq 1 "$runs"); do
  start=$(date +%s.%N)
  for c in $councils; do
    rm -rf "$out/run$r/$c" "$out/run$r/$c-officers"
    "$bin/localoffer" publish --council "$c" --as-at 2026-11-22 --out "$out/run$r/$c" >/dev/null 2>&1
  done
  t=$(echo "$(date +%s.%N) - $start" | bc)
  times+=("$t")
  echo "run $r: ${t}s"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print "median: " a[int((NR+1)/2)] "s"}'
