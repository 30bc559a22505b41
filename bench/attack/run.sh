#!/usr/bin/env bash
# Starts `localoffer serve` from a build on 127.0.0.1:PORT, runs bench/attack/attack.py MODE against
# it, and stops it. Usage: run.sh <path to localoffer.dll> amplify|flood|caseload [PORT] [args...]
set -euo pipefail
dll="$1"; mode="$2"; port="${3:-5099}"; shift 3 || shift $#
here="$(cd "$(dirname "$0")" && pwd)"
dotnet "$dll" serve --urls "http://127.0.0.1:$port" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.2; done
python3 "$here/attack.py" "$mode" "$port" "$pid" "$@"
