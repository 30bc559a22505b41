#!/usr/bin/env bash
# Issue 30: `batch`, `indicators` and `caseload` from cold on the same return, as people run them (the published
# program), each build's three commands in turn, builds alternately, RUNS rounds; medians of wall, CPU (user +
# system, all threads) and peak RSS from /usr/bin/time, and each command's ratio to its own build's `batch`.
# Usage: bash bench/cmds-30.sh SYNTH_DIR RUNS PUBLISHED_DIR...
#   SYNTH_DIR from `localoffer synth --children 100000 --seed 1 --year-end 2026-03-31 --out SYNTH_DIR`
#   (header.csv, episodes.csv, oc3.csv, ssd_care_leavers.csv); each PUBLISHED_DIR from
#   `dotnet publish src/LocalOffer.Cli -c Release -o PUBLISHED_DIR`.
set -euo pipefail
S="$1"; RUNS="$2"; shift 2
W=$(mktemp -d); trap 'rm -rf "$W"' EXIT
echo "load at start: $(uptime | sed 's/.*load average: //')"
for r in $(seq "$RUNS"); do
  for b in "$@"; do
    L="$b/localoffer"; k=$(basename "$b"); O="$W/$k"; rm -rf "$O"; mkdir -p "$O"
    t() { /usr/bin/time -f "$k $1 %e %U %S %M" -a -o "$W/times" "${@:2}" >/dev/null 2>&1; }
    t batch "$L" batch --header "$S/header.csv" --episodes "$S/episodes.csv" --as-at 2026-03-31 \
      --out "$O/results.csv" --rejects "$O/rejects.csv"
    t indicators "$L" indicators --header "$S/header.csv" --episodes "$S/episodes.csv" --oc3 "$S/oc3.csv" \
      --year-end 2026-03-31 --la 384 --out "$O/report"
    t caseload "$L" caseload --header "$S/header.csv" --episodes "$S/episodes.csv" \
      --caseload "$S/ssd_care_leavers.csv" --as-at 2026-03-31 --out "$O/caseload.csv"
  done
done
echo "load at end: $(uptime | sed 's/.*load average: //')"
python3 - "$W/times" <<'PY'
import sys, statistics as st
rows = [l.split() for l in open(sys.argv[1]) if l.strip() and not l.startswith('Command')]
by = {}
for b, c, e, u, s, m in rows: by.setdefault((b, c), []).append((float(e), float(u) + float(s), int(m) // 1024))
print("| build | command | wall | CPU | peak RSS | wall / batch | CPU / batch | runs (wall) |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for b in dict.fromkeys(k[0] for k in by):
    med = {c: (st.median(x[0] for x in v), st.median(x[1] for x in v), st.median(x[2] for x in v))
           for (bb, c), v in by.items() if bb == b}
    for c in ("batch", "indicators", "caseload"):
        w, cpu, m = med[c]
        runs = " ".join(f"{x[0]:.2f}" for x in by[(b, c)])
        print(f"| {b} | {c} | {w:.2f} s | {cpu:.2f} s | {m:.0f} MB | {w / med['batch'][0]:.2f} | "
              f"{cpu / med['batch'][1]:.2f} | {runs} |")
PY
