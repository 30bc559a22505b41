#!/usr/bin/env bash
# Issue 30: the published program from cold, command by command, alternately against another build and the
# peer (the DfE validator's rule 1001 in pandas, bench/peer/rule1001.py), medians of wall, CPU (user+sys)
# and peak memory. Each run is a whole process, as people run it.
#   VALIDATOR903=/path/to/validator-checkout \
#   bash bench/cold-commands.sh NEW_DIR OLD_DIR DATA_10K DATA_1M [RUNS]
# NEW_DIR and OLD_DIR are what `dotnet publish src/LocalOffer.Cli -c Release -o DIR` made (e.g. with and without
# -p:PublishAot=false); DATA_* what `localoffer synth --children N` wrote (year ending 2026-03-31). Without
# VALIDATOR903 the peer is left out. Set SIZES="10k" to leave the million out.
set -euo pipefail
new=$1 old=$2 d10k=$3 d1m=$4 runs=${5:-5}
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
times="$out/times"
measure() { # label, command...: one whole process; appends "label wall cpu kb"
  local label=$1; shift
  rm -rf "$out/w" && mkdir -p "$out/w"
  (cd "$out/w" && /usr/bin/time -o "$out/one" -f "%e %U %S %M" "$@" > /dev/null 2>&1)
  read -r wall user sys kb < "$out/one"
  echo "$label $wall $(echo "$user + $sys" | bc) $kb" >> "$times"
}
sample="$repo/samples/young-people/former-relevant.json"
batch() { echo batch --header "$1/header.csv" --episodes "$1/episodes.csv" --as-at 2026-03-31 --out r.csv --rejects j.csv; }
echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for ((i = 1; i <= runs; i++)); do
  for v in new old; do
    dir=${!v}
    measure "check/$v" "$dir/localoffer" check "$sample" --as-at 2026-11-22
    measure "publish-hackney/$v" "$dir/localoffer" publish --council hackney --as-at 2026-11-22 --out site
    # shellcheck disable=SC2046
    measure "batch-10k/$v" "$dir/localoffer" $(batch "$d10k")
    if [ "${SIZES:-10k 1m}" != 10k ]; then
      # shellcheck disable=SC2046
      measure "batch-1m/$v" "$dir/localoffer" $(batch "$d1m")
    fi
  done
  if [ -n "${VALIDATOR903:-}" ]; then
    measure "batch-10k/peer" /usr/bin/python3 "$here/peer/rule1001.py" "$d10k" 2026-03-31
    if [ "${SIZES:-10k 1m}" != 10k ] && [ "$i" -le "${PEER_1M_RUNS:-$runs}" ]; then
      measure "batch-1m/peer" /usr/bin/python3 "$here/peer/rule1001.py" "$d1m" 2026-03-31
    fi
  fi
  echo "run $i done, load $(cut -d' ' -f1 /proc/loadavg)"
done
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '{ k = $1; n[k]++; w[k, n[k]] = $2; c[k, n[k]] = $3; m[k, n[k]] = $4 }
  function med(a, k, cnt,   i, j, t, v) { for (i = 1; i <= cnt; i++) v[i] = a[k, i]
    for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
    return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2 }
  END { for (k in n) printf "%-24s wall %7.2f s  CPU %7.2f s  peak %6.0f MB  (%d runs)\n", k, med(w, k, n[k]),
    med(c, k, n[k]), med(m, k, n[k]) / 1024, n[k] }' "$times" | sort
