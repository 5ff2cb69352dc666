"""Load on the web app over loopback: CLIENTS concurrent clients, each walking triages to
outcomes and saving them, for SECONDS. Reports requests per second, the median, 95th and
99th percentiles per kind of request, failed requests (must be 0), the cases saved against
the cases in the log (must be equal), the time from start to the first page, and the
weight of the heaviest page with everything it loads.

    .venv/bin/python benchmarks/web_load.py [--clients 20] [--seconds 30]

Besides wall-clock figures it reports the server's own CPU time (from /proc) to start and
answer, and per request under load: on a machine shared with other work the wall clock
mostly measures the queue for the CPU, while the CPU a request costs is what the server
itself can change (p95 under load is about that cost times the requests waiting).

Then one client alone walks ``--probe`` triages, one request at a time, and the server's
CPU time is charged to each kind of request (read from /proc before and after each one; the
clock-tick resolution evens out over the requests): what each costs with nobody waiting,
and from it what 20 clients would see on an idle 2-core machine (the estimate printed).

Not a test: the figures depend on the machine. Targets (issue 13): p95 under 50 ms for
answering a question; the server answering within 1.5 s of being started; pages under
60 KB with everything they load.
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from gk_respond import default_flowchart  # noqa: E402
from gk_respond.flowchart.engine import Chart  # noqa: E402
from gk_respond.flowchart.load import load  # noqa: E402

CHART = Chart(load(default_flowchart()))
PATHS = [[s.answer for s in steps] for steps, _ in CHART.paths()]


class Client:
    """One browser: a keep-alive connection and a session cookie."""

    def __init__(self, port: int, timings: dict[str, list[float]], failures: list[str]) -> None:
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        self.cookie = ""
        self.timings = timings
        self.failures = failures
        self.csrf = ""

    def request(self, kind: str, method: str, path: str, form: dict[str, str] | None = None):
        body = urlencode(form) if form is not None else None
        headers = {"Cookie": self.cookie} if self.cookie else {}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        start = time.perf_counter()
        self.connection.request(method, path, body=body, headers=headers)
        answer = self.connection.getresponse()
        text = answer.read().decode("utf-8")
        self.timings[kind].append(time.perf_counter() - start)
        cookie = answer.getheader("set-cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        if answer.status not in (200, 303):
            self.failures.append(f"{kind} {path}: {answer.status}")
        token = re.search(r'name="csrf" value="([^"]+)"', text)
        if token:
            self.csrf = token.group(1)
        return answer, text

    def triage(self, answers: list[str]) -> bool:
        self.request("comment page", "GET", "/")
        started, _ = self.request(
            "start", "POST", "/triage", {"csrf": self.csrf, "text": "Ett test <b>x</b>"}
        )
        location = started.getheader("location") or ""
        draft = location.split("?")[0]
        for step, answer in enumerate(answers):
            _, page = self.request("question page", "GET", location)
            question = re.search(r'name="question" value="([^"]+)"', page)
            if not question:
                self.failures.append(f"no question at {location}")
                return False
            form = {"csrf": self.csrf, "step": str(step), "question": question.group(1),
                    "answer": answer}  # fmt: skip
            sent, _ = self.request("answer", "POST", f"{draft}/answer", form)
            location = sent.getheader("location") or ""
        self.request("outcome page", "GET", location)
        saved, _ = self.request("save", "POST", f"{draft}/save", {"csrf": self.csrf})
        return saved.status == 303


class Probe(Client):
    """A client that charges the server's CPU time (process ``pid``) to each kind of
    request it makes, one request at a time."""

    def __init__(self, port: int, pid: int) -> None:
        super().__init__(port, defaultdict(list), [])
        self.pid = pid
        self.cpu: dict[str, list[float]] = defaultdict(list)

    def request(self, kind: str, method: str, path: str, form: dict[str, str] | None = None):
        before = cpu_seconds(self.pid)
        answer = super().request(kind, method, path, form)
        self.cpu[kind].append(cpu_seconds(self.pid) - before)
        return answer


def probe(port: int, pid: int, triages: int) -> Probe:
    client = Probe(port, pid)
    for walk in range(triages):
        client.triage(PATHS[walk % len(PATHS)])
    return client


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    """The user and system CPU time process ``pid`` has used so far (Linux; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start_server(db: str) -> tuple[subprocess.Popen[bytes], int, float]:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.perf_counter()
    server = subprocess.Popen(
        [sys.executable, "-m", "gk_respond", "serve", "--port", str(port), "--db", db],
        stdout=subprocess.DEVNULL,
        env=env,
    )
    wait_for_page(server, port)
    return server, port, time.perf_counter() - started


def wait_for_page(server: subprocess.Popen[bytes], port: int) -> None:
    """Poll ``GET /`` every 10 ms until the server answers it with a 200."""
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            if server.poll() is not None:
                raise SystemExit("the server stopped") from None
            time.sleep(0.01)


def weight(port: int) -> tuple[int, int]:
    """The heaviest page (an outcome) with everything it loads: bytes as sent (gzip where
    the server compresses) and uncompressed."""
    client = Client(port, defaultdict(list), [])
    client.request("x", "GET", "/")
    started, _ = client.request("x", "POST", "/triage", {"csrf": client.csrf, "text": "x"})
    draft = (started.getheader("location") or "").split("?")[0]
    location = started.getheader("location") or ""
    for step, answer in enumerate(PATHS[0]):
        _, page = client.request("x", "GET", location)
        question = re.search(r'name="question" value="([^"]+)"', page).group(1)
        sent, _ = client.request("x", "POST", f"{draft}/answer",
                                 {"csrf": client.csrf, "step": str(step), "question": question,
                                  "answer": answer})  # fmt: skip
        location = sent.getheader("location") or ""
    _, html = client.request("x", "GET", location)
    sent = raw = len(html.encode())
    for asset in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", asset, headers={"Accept-Encoding": "gzip"})
        answer = connection.getresponse()
        body = answer.read()
        sent += len(body)
        raw += len(gzip.decompress(body)) if answer.getheader("content-encoding") else len(body)
    return sent, raw


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--probe", type=int, default=60, help="triages walked by one client "
                        "alone, for the CPU time per kind of request (0: none)")  # fmt: skip
    args = parser.parse_args()
    folder = tempfile.mkdtemp()
    db = os.path.join(folder, "cases.db")
    server, port, startup = start_server(db)
    startup_cpu = cpu_seconds(server.pid)
    timings: dict[str, list[float]] = defaultdict(list)
    failures: list[str] = []
    saves = [0] * args.clients
    stop = time.perf_counter() + args.seconds

    def run(n: int) -> None:
        client = Client(port, timings, failures)
        walk = n
        while time.perf_counter() < stop:
            if client.triage(PATHS[walk % len(PATHS)]):
                saves[n] += 1
            walk += 1

    try:
        began = time.perf_counter()
        client_cpu = time.process_time()
        threads = [threading.Thread(target=run, args=(n,)) for n in range(args.clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - began
        load_cpu = cpu_seconds(server.pid) - startup_cpu
        client_cpu = time.process_time() - client_cpu
        stored = _stored(db)
        sent, raw = weight(port)
        alone = probe(port, server.pid, args.probe) if args.probe else None
    finally:
        server.terminate()
        server.wait()
    total = sum(len(v) for v in timings.values())
    print(f"{args.clients} clients for {args.seconds:g} s: {total} requests, "
          f"{total / elapsed:.0f} requests/s")  # fmt: skip
    print(f"{'request':<15} {'count':>6} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
    for kind, values in timings.items():
        cuts = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        print(f"{kind:<15} {len(values):>6} {statistics.median(values) * 1000:>8.1f} "
              f"{cuts[94] * 1000:>8.1f} {cuts[98] * 1000:>8.1f}")  # fmt: skip
    print(f"failed requests: {len(failures)}" + (f" (first: {failures[0]})" if failures else ""))
    print(f"cases saved by the clients: {sum(saves)}; in the case log: {stored}")
    print(f"CPU per request under load: {load_cpu / max(total, 1) * 1000:.2f} ms in the server, "
          f"{client_cpu / max(total, 1) * 1000:.2f} ms in these clients; the server used "
          f"{load_cpu / elapsed:.0%} of one core")  # fmt: skip
    if alone is not None:
        _alone(alone, args.clients)
    print(f"started and answering in {startup * 1000:.0f} ms (target: 1500 ms), "
          f"using {startup_cpu * 1000:.0f} ms of CPU")  # fmt: skip
    print(f"an outcome page with what it loads: {sent / 1024:.1f} KB sent "
          f"({raw / 1024:.1f} KB uncompressed; target: 60 KB)")  # fmt: skip


def _stored(db: str) -> int:
    import sqlite3

    with sqlite3.connect(db) as connection:
        (stored,) = connection.execute("SELECT COUNT(*) FROM cases").fetchone()
    return int(stored)


def _alone(alone: Probe, clients: int) -> None:
    """The probe's figures, and what ``clients`` clients without a pause would see on an
    idle 2-core machine: the server (one process, one GIL) on one core, the clients on the
    other. Saturated, it does one request after another, so by Little's law a request
    takes on average ``clients`` times the mean CPU time of the mix (all the others
    waiting are ahead of it); an estimate, not a measurement."""
    count = sum(len(v) for v in alone.cpu.values())
    mean = sum(sum(v) for v in alone.cpu.values()) / max(count, 1)
    print(f"one client alone, {count} requests: server CPU and wall time per request")
    print(f"{'request':<15} {'count':>6} {'CPU ms':>8} {'p50 ms':>8} {'p95 ms':>8}")
    for kind, values in alone.cpu.items():
        walls = alone.timings[kind]
        cuts = statistics.quantiles(walls, n=100) if len(walls) > 1 else walls * 99
        print(f"{kind:<15} {len(values):>6} {sum(values) / len(values) * 1000:>8.2f} "
              f"{statistics.median(walls) * 1000:>8.1f} {cuts[94] * 1000:>8.1f}")  # fmt: skip
    wait = clients * mean * 1000
    print(f"the mix: {mean * 1000:.2f} ms of server CPU a request; on an idle 2-core machine "
          f"{clients} clients without a pause would get at most {1 / mean:.0f} requests/s "
          f"and wait about {wait:.0f} ms a request on average (estimate)")  # fmt: skip


if __name__ == "__main__":
    main()
