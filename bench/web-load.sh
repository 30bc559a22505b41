#!/usr/bin/env bash
# The web app as people run it, measured (issue 30; figures in bench/README.md, "Issue 30: the web app").
#
#   bash bench/web-load.sh [--publish DIR] [--runs 5] [--rounds 3] [--duration 20s] [PROGRAM...]
#
# PROGRAM is a published web app (DIR/LocalOffer.Web) or CLI (DIR/localoffer, run as `serve`); give the
# baseline and the new build to measure them alternately. --publish DIR first publishes this checkout's
# web app (`dotnet publish src/LocalOffer.Web -c Release -o DIR`) and measures DIR/LocalOffer.Web.
# For each program, on 127.0.0.1 only:
#   1. the responses: a SHA-256 of each of a few responses (status, headers but Date, body; the form token
#      of a page masked), so two builds can be shown to answer byte for byte the same;
#   2. the first response from cold (bench/web-first-response.py): process start to the first 200 from
#      `GET /` and from `POST /api/check`, --runs cold starts of each, the programs in turn, medians;
#   3. load: `wrk --latency` POSTing samples/young-people/former-relevant.json to /api/check, after a 5 s
#      warm-up, with -t2 -c16 and -t1 -c16 for --duration, --rounds times, the programs in turn, with the
#      server's CPU time per request (user + system, steadier than latency on a shared machine); then GET
#      /health the same way, the floor: what the machine gives any request at that moment. wrk runs on the
#      same two cores as the server: the figures are what both together make of the machine. Then the same
#      program started again pinned (taskset): the server on core 1, `wrk -t1` on core 0, the check and /health
#      ("pin" rows), so the two do not take turns on one core (other processes still run on both).
# Needs wrk (Debian: apt-get install wrk), curl and python3. Every server is stopped at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=5 rounds=3 duration=20s programs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --publish)
      dotnet publish src/LocalOffer.Web -c Release -o "$2" >/dev/null
      programs+=("$2/LocalOffer.Web"); shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    -h|--help) sed -n '2,21p' "$0"; exit 0 ;;
    *) programs+=("$1"); shift ;;
  esac
done
[ ${#programs[@]} -gt 0 ] || { echo "usage: bash bench/web-load.sh [--publish DIR] PROGRAM..." >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }

body=samples/young-people/former-relevant.json
as_at=2026-11-22
work=$(mktemp -d)
server=""
ticks() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }   # the server's user + system CPU, in clock ticks
stop() {
  [ -n "$server" ] || return 0
  kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""
}
trap 'stop; rm -rf "$work"' EXIT

# Starts PROGRAM on a free loopback port (PORT), its output in $work/server.log, and waits for /health; with a
# second argument, on that core only (taskset -c).
start() {
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  local url="http://127.0.0.1:$port" pin=()
  [ -z "${2:-}" ] || pin=(taskset -c "$2")
  if [ "$(basename "$1")" = localoffer ]; then "${pin[@]}" "$1" serve --urls "$url" >>"$work/server.log" 2>&1 &
  else "${pin[@]}" "$1" --urls "$url" >>"$work/server.log" 2>&1 & fi
  server=$!
  for _ in $(seq 1 500); do curl -sf -o /dev/null "$url/health" && return 0; sleep 0.02; done
  echo "$1 did not start" >&2; exit 1
}

# One response, reduced to what must not change: status, headers (not Date), body; form tokens and trace ids masked.
response() {
  curl -s -D - "$@" | tr -d '\r' | grep -v '^Date: ' \
    | sed -E 's/(name="__af" value=")[^"]*/\1TOKEN/g; s/(localoffer-af=)[^;]*/\1TOKEN/g' \
    | sed -E 's/("traceId":")[^"]*/\1ID/g' | sha256sum | cut -c1-16
}

echo "== responses (SHA-256 of status, headers but Date, body; form token masked)"
for p in "${programs[@]}"; do
  start "$p"; u="http://127.0.0.1:$port"
  {
    json=(-X POST -H 'Content-Type: application/json')
    bad='{"dateOfBirth":"2008-06-15","episodes":[{"start":"2023-02-01","end":"2023-01-01","legalStatus":"Q9"}]}'
    echo "POST /api/check $(response "${json[@]}" --data-binary @$body "$u/api/check?asAt=$as_at")"
    echo "POST /api/check bad $(response "${json[@]}" -d "$bad" "$u/api/check")"
    echo "POST /api/offer $(response "${json[@]}" --data-binary @$body "$u/api/offer?council=hackney&asAt=$as_at")"
    echo "GET / $(response "$u/")"
    echo "GET /api/rules $(response "$u/api/rules?asAt=$as_at")"
    echo "GET /api/councils $(response "$u/api/councils")"
    echo "GET /councils/hackney/ $(response "$u/councils/hackney/?asAt=$as_at")"
    echo "GET /assets/govuk-frontend.min.css $(response "$u/assets/govuk-frontend.min.css")"
    echo "GET /health $(response "$u/health")"
  } > "$work/hashes.$(echo "$p" | md5sum | cut -c1-8)"
  stop
done
first="$work/hashes.$(echo "${programs[0]}" | md5sum | cut -c1-8)"
cat "$first"
for p in "${programs[@]:1}"; do
  if cmp -s "$first" "$work/hashes.$(echo "$p" | md5sum | cut -c1-8)"; then echo "$p: identical"
  else echo "$p: DIFFERENT"; diff "$first" "$work/hashes.$(echo "$p" | md5sum | cut -c1-8)" || true; fi
done

echo; echo "== first response from cold (load $(cut -d' ' -f1-3 /proc/loadavg))"
python3 bench/web-first-response.py --runs "$runs" --body "$body" --as-at "$as_at" --log "$work/server.log" \
  "${programs[@]}" \
  | sed -n '/^medians/,$p'

cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local f = io.open("$body"); wrk.body = f:read("*a"); f:close()
LUA
echo; echo "== load: POST /api/check, wrk --latency, $duration each, $rounds rounds, programs in turn"
printf '%-6s %-10s %-40s %9s %8s %8s %8s %8s %7s %s\n' round wrk program req/s p50 p90 p99 'CPU us/req' non-2xx load
for round in $(seq 1 "$rounds"); do
  for p in "${programs[@]}"; do
    start "$p"; u="http://127.0.0.1:$port/api/check?asAt=$as_at"
    wrk -t2 -c16 -d5s -s "$work/post.lua" "$u" >/dev/null
    for t in 2 1 health pin pin-health; do
      if [ $t = pin ]; then # the same program again, on core 1 only; wrk on core 0
        stop; start "$p" 1; u="http://127.0.0.1:$port/api/check?asAt=$as_at"
        taskset -c 0 wrk -t1 -c16 -d5s -s "$work/post.lua" "$u" >/dev/null
      fi
      load=$(cut -d' ' -f1 /proc/loadavg); before=$(ticks)
      case $t in
        health) wrk -t2 -c16 -d"$duration" --latency "http://127.0.0.1:$port/health" > "$work/wrk.txt" ;;
        pin) taskset -c 0 wrk -t1 -c16 -d"$duration" --latency -s "$work/post.lua" "$u" > "$work/wrk.txt" ;;
        pin-health) taskset -c 0 wrk -t1 -c16 -d"$duration" --latency "http://127.0.0.1:$port/health" \
          > "$work/wrk.txt" ;;
        *) wrk -t$t -c16 -d"$duration" --latency -s "$work/post.lua" "$u" > "$work/wrk.txt" ;;
      esac
      label="-t$t -c16"; case $t in health|pin-health) label=$t ;; pin) label="pin -t1" ;; esac
      awk -v r="$round" -v t="$label" -v p="$p" -v load="$load" \
          -v ticks=$(( $(ticks) - before )) -v hz="$(getconf CLK_TCK)" '
        /requests in/ { n = $1 }
        /Requests\/sec/ { rps = $2 }
        /^ +50%/ { p50 = $2 } /^ +90%/ { p90 = $2 } /^ +99%/ { p99 = $2 }
        /Non-2xx/ { bad = $NF }
        END { printf "%-6s %-10s %-40s %9s %8s %8s %8s %8.0f %7s %s\n", r, t, p, rps, p50, p90, p99,
              ticks / hz * 1e6 / n, bad ? bad : 0, load }' "$work/wrk.txt"
    done
    stop
  done
done
echo; echo "server output during all of it (should be only 'serve: listening' lines):"
grep -v '^serve: listening' "$work/server.log" || echo "(nothing)"
