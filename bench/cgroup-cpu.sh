#!/usr/bin/env bash
# The wall time and the CPU time of a command's whole process tree, measured in a cpuacct cgroup of its own
# (cgroup v1, as this machine has): Chromium's renderers, servers and test hosts count wherever they are
# reparented, which /usr/bin/time and a parent's rusage miss (issue 30: the suite's per-project CPU had missed
# most of Chromium). A compiler or MSBuild server started before the run, outside the group, is not counted.
# Nothing else is recorded: not the command's arguments, output or files.
# Usage: bash bench/cgroup-cpu.sh NAME COMMAND [ARGS...]   (prints "CG NAME wall S cpu S rc N" on stderr)
set -u
if [ $# -lt 2 ]; then echo "usage: bash bench/cgroup-cpu.sh NAME COMMAND [ARGS...]" >&2; exit 2; fi
name=$1; shift
case "$name" in *[!A-Za-z0-9_-]*) echo "cgroup-cpu: NAME must be letters, digits, - or _" >&2; exit 2 ;; esac
cg=/sys/fs/cgroup/cpuacct/localoffer-$name
if ! mkdir -p "$cg" 2>/dev/null || [ ! -w "$cg/cgroup.procs" ]; then
  echo "cgroup-cpu: cannot make $cg (needs cgroup v1 cpuacct, writable)" >&2; exit 2
fi
before=$(cat "$cg/cpuacct.usage"); start=$(date +%s.%N)
sh -c 'echo $$ > "$1/cgroup.procs"; shift; exec "$@"' sh "$cg" "$@"; rc=$?
end=$(date +%s.%N); after=$(cat "$cg/cpuacct.usage")
awk -v n="$name" -v s="$start" -v e="$end" -v b="$before" -v a="$after" -v rc="$rc" \
  'BEGIN { printf "CG %s wall %.1f cpu %.1f rc %d\n", n, e - s, (a - b) / 1e9, rc }' >&2
exit $rc
