#!/usr/bin/env python3
"""Time from process start to the web app's first 200, from cold (issue 30; bench/web-load.sh runs it).

Each program is started N times, the programs in turn (alternately), on a free loopback port; this script
polls every 2 ms (connection refused costs nothing) until the first request answers 200, then stops the
server. Two series: the first request is `GET /`, or it is `POST /api/check` with a care history.
Prints each run and the medians (wall from start to the 200, and the server's CPU time by then).

usage: web-first-response.py [--runs 5] [--body FILE] [--as-at YYYY-MM-DD] PROGRAM...
A PROGRAM named `localoffer` (the published CLI) is run as `localoffer serve --urls URL`; anything else
(the published web app, `LocalOffer.Web`) as `PROGRAM --urls URL`.
"""
import argparse
import http.client
import os
import signal
import socket
import statistics
import subprocess
import time

TICKS = os.sysconf("SC_CLK_TCK")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """User + system CPU of the process so far (/proc/PID/stat fields 14 and 15)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def command(program, url):
    if os.path.basename(program) == "localoffer":
        return [program, "serve", "--urls", url]
    return [program, "--urls", url]


def first_200(program, method, path, body, log):
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    headers = {"Content-Type": "application/json"} if body else {}
    start = time.perf_counter()
    proc = subprocess.Popen(command(program, url), stdout=log, stderr=log, stdin=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{program} exited with {proc.returncode} before answering")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
            except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected):
                time.sleep(0.002)
                continue
            wall = time.perf_counter() - start
            cpu = cpu_seconds(proc.pid)
            if response.status != 200:
                raise RuntimeError(f"{program} {method} {path}: {response.status}")
            return wall, cpu
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--body", default="samples/young-people/former-relevant.json")
    parser.add_argument("--as-at", default="2026-11-22")
    parser.add_argument("--log", default=os.devnull, help="where the servers' own output goes (it should be empty)")
    parser.add_argument("programs", nargs="+")
    args = parser.parse_args()
    with open(args.body, "rb") as f:
        body = f.read()
    requests = [("GET /", "GET", "/", None),
                ("POST /api/check", "POST", f"/api/check?asAt={args.as_at}", body)]
    results = {(p, r[0]): [] for p in args.programs for r in requests}
    with open(args.log, "ab") as log:
        for run in range(args.runs):
            for name, method, path, data in requests:
                for program in args.programs:
                    wall, cpu = first_200(program, method, path, data, log)
                    results[(program, name)].append((wall, cpu))
                    print(f"run {run + 1} {name:16} {program}: {wall * 1000:.0f} ms, CPU {cpu * 1000:.0f} ms",
                          flush=True)
    print(f"\nmedians of {args.runs} cold starts (load {os.getloadavg()[0]:.1f} at the end):")
    for (program, name), values in results.items():
        wall = statistics.median(v[0] for v in values)
        cpu = statistics.median(v[1] for v in values)
        print(f"  {name:16} {program}: first 200 after {wall * 1000:.0f} ms, server CPU {cpu * 1000:.0f} ms")


if __name__ == "__main__":
    main()
