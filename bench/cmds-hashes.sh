#!/usr/bin/env bash
# Issue 30: every output of `indicators` and `caseload` (and `batch`) hashed, on a synthetic return and on
# the shared fake return, so two builds can be compared byte for byte. Timestamps a run writes by design
# (the .ics DTSTAMP, the HTML page's "made at" line) are masked; an .xlsx is compared by its unzipped parts.
# Usage: bash bench/cmds-hashes.sh PUBLISHED_DIR SYNTH_DIR OUT_DIR   (prints "sha256  name" lines)
set -euo pipefail
L="$1/localoffer"; S="$2"; O="$3"
SHARED=${SHARED:-/work/shared/data/ssda903-fake}
SAMPLES=${SAMPLES:-$(cd "$(dirname "$0")/.." && pwd)/samples/young-people}
rm -rf "$O" && mkdir -p "$O"
run() { "$L" "$@" >/dev/null 2>"$O/last.err" || { cat "$O/last.err"; exit 1; }; }
for set in synth fake; do
  if [ $set = synth ]; then
    H=$S/header.csv; E=$S/episodes.csv; C=$S/oc3.csv; D=2026-03-31; CL="--caseload $S/ssd_care_leavers.csv"
  else H=$SHARED/header.csv; E=$SHARED/episodes.csv; C=$SHARED/oc3.csv; D=2018-03-31; CL=""; fi
  mkdir -p "$O/$set/b" "$O/$set/c"
  run batch --header "$H" --episodes "$E" --as-at $D --out "$O/$set/b/results.csv" --rejects "$O/$set/b/rejects.csv"
  run indicators --header "$H" --episodes "$E" --oc3 "$C" --year-end $D --la 384 --out "$O/$set/i"
  for f in csv ics xlsx; do
    run caseload --header "$H" --episodes "$E" $CL --as-at $D --within 365d --out "$O/$set/c/caseload.$f"
  done
  # The whole return's page is past the template output limit at 100k: one adviser's there, all here. Since the
  # caseload CSV's dates are read (all 20,865 rows), one adviser's year is past it too: their 60 days (2.4 MB).
  if [ $set = synth ]; then run caseload --header "$H" --episodes "$E" $CL --adviser "PA 1" --as-at $D \
      --within 60d --out "$O/$set/c/caseload.html"
  else run caseload --header "$H" --episodes "$E" --as-at $D --within 365d --out "$O/$set/c/caseload.html"; fi
done
mkdir -p "$O/hist"
run caseload --histories "$SAMPLES" --as-at 2026-11-22 --within 365d --out "$O/hist/coming-up.csv"
run caseload --histories "$SAMPLES" --as-at 2026-11-22 --within 9200d --out "$O/hist/all.csv"
cd "$O"
for x in $(find . -name '*.xlsx' | sort); do mkdir -p "$x.d" && (cd "$x.d" && unzip -q -o ../$(basename "$x")); done
# Masks what differs from run to run by design: the calendar's DTSTAMP (also inside the page's calendar
# link, decoded), the page's time of making, and the package's random relationship ids (R + 16 hex).
python3 - <<'PY'
import base64, hashlib, os, re
def ics(t): return re.sub(r'(?m)^DTSTAMP:[0-9TZ]+\r?\n', '', t)
def page(t):
    def link(m):
        raw = base64.b64decode(m.group(1).replace('&#x3D;', '='))
        return 'data:text/calendar;sha256=' + hashlib.sha256(ics(raw.decode()).encode()).hexdigest()
    t = re.sub(r'data:text/calendar;charset&#x3D;utf-8;base64,([A-Za-z0-9+/&#x;D]+)', link, t)
    return re.sub(r'[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[ap]m)?|20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.Z+-]+', '', t)
def rels(t): return re.sub(r'\bR[0-9a-f]{16}\b', 'R', t)
for root, dirs, files in sorted(os.walk('.')):
    dirs.sort()
    if '/assets' in root: continue
    for f in sorted(files):
        p = os.path.join(root, f)
        if f.endswith('.xlsx') or f == 'last.err': continue
        data = open(p, 'rb').read()
        note = ''
        if f.endswith('.ics'): data, note = ics(data.decode()).encode(), ' (DTSTAMP masked)'
        elif f.endswith('.html'): data, note = page(data.decode()).encode(), ' (times masked)'
        elif '.xlsx.d' in p and f.endswith(('.rels', 'workbook.xml')):
            data, note = rels(data.decode('utf-8-sig')).encode(), ' (ids masked)'
        print(hashlib.sha256(data).hexdigest() + '  ' + p + note)
PY
