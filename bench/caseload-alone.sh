#!/usr/bin/env bash
# Issue 30: `caseload` alone from cold, two published programs alternately, RUNS rounds: medians of wall, CPU (user +
# system, all threads, from /usr/bin/time) and the assess phase of the program's own summary line, and how many pairs
# the second program took less CPU in. Less to run than bench/cmds-30.sh when only `caseload` changed.
# Usage: bash bench/caseload-alone.sh SYNTH_DIR RUNS BEFORE_DIR AFTER_DIR
set -euo pipefail
S="$1"; RUNS="$2"; A="$3"; B="$4"
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
echo "load at start: $(uptime | sed 's/.*load average: //')"
for r in $(seq "$RUNS"); do
  for b in "$A" "$B"; do
    /usr/bin/time -f "%e %U %S" -o "$W/t" "$b/localoffer" caseload --header "$S/header.csv" \
      --episodes "$S/episodes.csv" --caseload "$S/ssd_care_leavers.csv" --as-at 2026-03-31 --out "$W/caseload.csv" \
      >"$W/out" 2>&1
    echo "$b $(cat "$W/t") $(grep -o 'assess [0-9.]*' "$W/out" | cut -d' ' -f2)" >> "$W/times"
  done
done
echo "load at end: $(uptime | sed 's/.*load average: //')"
python3 - "$W/times" "$A" "$B" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1])]
cpu = {}
for b in sys.argv[2:]:
    v = [r for r in rows if r[0] == b]
    cpu[b] = [float(r[2]) + float(r[3]) for r in v]
    print(f"{b}: {len(v)} runs, wall {st.median(float(r[1]) for r in v):.3f} s, CPU {st.median(cpu[b]):.3f} s, "
          f"assess {st.median(float(r[4]) for r in v):.3f} s")
a, b = cpu[sys.argv[2]], cpu[sys.argv[3]]
print(f"the second took less CPU in {sum(y < x for x, y in zip(a, b))} of {len(a)} pairs")
PY
