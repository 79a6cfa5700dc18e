#!/usr/bin/env python3
"""The server's soak for `make bench-serve`: wardcheck serve under a submission day's crowd while
connections that would hold it are kept open against it.

For SECONDS (60 by default), wrk keeps 200 connections busy going round POST /api/evaluate,
POST /api/upload and GET /city (Tests/Bench/soak.lua), while this script holds 50 idle connections
(connected, saying nothing) and 50 slow ones (half trickling a header a byte a second, half a body),
each opened again as soon as the server cuts it. Printed: requests per second, p50, p99, errors
(non-2xx answers and socket errors: the bar is zero), the server's peak memory (VmHWM), and how
many held connections its deadlines cut.

    python3 Tests/Bench/soak.py --server .build/release/wardcheck-serve [--seconds 60]
"""
import argparse
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def memory(pid, field):
    """A /proc/PID/status figure in MiB (VmHWM: the peak resident memory; VmRSS: now)."""
    try:
        text = Path("/proc/%d/status" % pid).read_text()
    except OSError:
        return None
    match = re.search(r"^%s:\s+(\d+) kB" % field, text, re.M)
    return int(match.group(1)) / 1024 if match else None


class Held:
    """Connections kept open against the server; each is opened again when the server cuts it."""

    def __init__(self, port, until):
        self.port, self.until = port, until
        self.cut = 0
        self.opened = 0
        self.lock = threading.Lock()

    def connect(self):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=2)
        with self.lock:
            self.opened += 1
        return s

    def was_cut(self):
        with self.lock:
            self.cut += 1

    def idle(self):
        while time.time() < self.until:
            try:
                s = self.connect()
            except OSError:
                time.sleep(0.5)
                continue
            s.settimeout(1)
            while time.time() < self.until:
                try:
                    if s.recv(1024) == b"":
                        self.was_cut()
                        break
                except socket.timeout:
                    continue
                except OSError:
                    self.was_cut()
                    break
            s.close()

    def trickle(self, head, drip):
        """Sends `head` at once, then `drip` a byte a second, until the server cuts the connection."""
        while time.time() < self.until:
            try:
                s = self.connect()
                s.sendall(head)
            except OSError:
                time.sleep(0.5)
                continue
            index = 0
            while time.time() < self.until:
                try:
                    s.sendall(drip[index % len(drip):index % len(drip) + 1])
                    index += 1
                    s.settimeout(1)
                    if s.recv(1024) == b"":
                        self.was_cut()
                        break
                except socket.timeout:
                    continue
                except OSError:
                    self.was_cut()
                    break
            s.close()

    def slow_header(self):
        host = ("Host: 127.0.0.1:%d\r\n" % self.port).encode()
        self.trickle(b"GET / HTTP/1.1\r\n" + host, b"X-Slow: " + b"a" * 64)

    def slow_body(self):
        head = ("POST /api/evaluate HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                "Content-Length: 100000\r\n\r\n" % self.port).encode()
        self.trickle(head, b'{"answers": {"unit.code": "20352"')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--server", required=True, help="the wardcheck-serve binary")
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--idle", type=int, default=50)
    parser.add_argument("--slow", type=int, default=50)
    parser.add_argument("--upload", default=str(ROOT / "wards/submissions/20352-ba-na.yaml"))
    args = parser.parse_args()

    server = subprocess.Popen([args.server, "--port", "0", "--wards", str(ROOT / "wards"), "--criteria", str(ROOT / "criteria")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", server.stdout.readline())
        if not match:
            sys.exit("soak: wardcheck serve did not start")
        port = int(match.group(1))
        url = "http://127.0.0.1:%d" % port
        # The city page read once before the clock starts, as any running server would have.
        with urllib.request.urlopen(url + "/city", timeout=60) as page:
            page.read()
        start_memory = memory(server.pid, "VmRSS")

        until = time.time() + args.seconds + 2
        held = Held(port, until)
        threads = [threading.Thread(target=held.idle, daemon=True) for _ in range(args.idle)]
        threads += [threading.Thread(target=held.slow_header if i % 2 == 0 else held.slow_body, daemon=True) for i in range(args.slow)]
        for thread in threads:
            thread.start()
        time.sleep(1)

        print("soak: %s, %d clients for %d s (evaluate, upload, /city in turn), %d idle and %d slow connections held"
              % (url, args.clients, args.seconds, args.idle, args.slow))
        peak_now = [0.0]

        def sample():
            while time.time() < until:
                rss = memory(server.pid, "VmRSS") or 0
                peak_now[0] = max(peak_now[0], rss)
                time.sleep(0.5)

        threading.Thread(target=sample, daemon=True).start()
        wrk = subprocess.run(["wrk", "-t2", "-c%d" % args.clients, "-d%ds" % args.seconds, "--timeout", "10s", "--latency",
                              "-s", str(ROOT / "Tests/Bench/soak.lua"), url, "--", args.upload],
                             cwd=ROOT, capture_output=True, text=True)
        print(wrk.stdout.rstrip())
        if wrk.returncode != 0:
            print(wrk.stderr)
            return 1
        peak = memory(server.pid, "VmHWM")
        print("soak: server memory %.1f MiB at the start, peak %.1f MiB (VmHWM); %d held connections opened, %d cut by the server's deadlines"
              % (start_memory or 0, peak or 0, held.opened, held.cut))
        line = re.search(r"^soak: requests (\d+).*non-2xx (\d+), socket errors (\d+)", wrk.stdout, re.M)
        rate = re.search(r"Requests/sec:\s+([\d.]+)", wrk.stdout)
        if not line or not rate:
            print("soak: could not read wrk's summary")
            return 1
        errors = int(line.group(2)) + int(line.group(3))
        print("soak: %.0f requests/s, %d errors" % (float(rate.group(1)), errors))
        if server.poll() is not None:
            print("soak: the server died")
            return 1
        return 0 if errors == 0 else 1
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
