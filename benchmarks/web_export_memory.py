"""The web app's case download at 10,000 and 100,000 cases: the server's peak memory.

Run from a checkout with the package installed:
  python benchmarks/web_export_memory.py [--cases 10000,100000] [--formats json,csv]
      [--backend sqlite] [--code DIR] [--logs DIR]

It fills a log of each size with the realistic cases of ``export_memory.py`` (through the
store's own API), then for each format and size starts `gk-respond serve` on it (a server
of its own, so that its peak is that one download's), asks it for the case list once (the
server's peak resident memory then, VmHWM in /proc: the baseline), downloads
``/cases/export.FMT`` reading the body 64 KiB at a time and throwing it away, and reads the
peak again, with the server's CPU time for the download (/proc). ``--code DIR`` runs the
server from another source tree (a `git archive` of the commit before): the "before"
figures. Not a test: figures vary by machine (Linux only: /proc).
"""

from __future__ import annotations

import argparse
import http.client
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from export_memory import TARGET_MIB, filled_logs, parsed
from web_load import cpu_seconds, free_port, wait_for_page


def peak_mib(pid: int) -> float:
    """The peak resident memory of process ``pid`` so far (VmHWM), in MiB."""
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    raise SystemExit("no VmHWM in /proc (Linux only)")


def download(port: int, path: str) -> int:
    """GET ``path`` and read the body a piece at a time; how many bytes it held."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=3600)
    connection.request("GET", path)
    response = connection.getresponse()
    if response.status != 200:
        raise SystemExit(f"{path}: {response.status}")
    size = 0
    while piece := response.read(64 * 1024):
        size += len(piece)
    connection.close()
    return size


def measure(env: dict[str, str], location: str, fmt: str) -> tuple[float, float, float, int]:
    """The server's peak before and after the download (MiB), its CPU time for it (s), and
    the bytes sent."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gk_respond", "serve", "--port", str(port), "--db", location],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
        cwd="/",  # not this checkout, which `-m` would put first on the path (--code)
    )
    try:
        wait_for_page(server, port)
        download(port, "/cases")
        before, cpu = peak_mib(server.pid), cpu_seconds(server.pid)
        size = download(port, f"/cases/export.{fmt}")
        return before, peak_mib(server.pid), cpu_seconds(server.pid) - cpu, size
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--formats", default="json,csv")
    args, sizes, folder, env = parsed(parser, "the server")
    try:
        logs = filled_logs(sizes, args.backend, args.logs or folder)
        print(f"{os.cpu_count()} cores; code: {args.code or 'this checkout'}")
        for fmt in args.formats.split(","):
            for size, location in logs.items():
                before, after, cpu, sent = measure(env, location, fmt)
                flag = "" if after < TARGET_MIB + before else f"  (grew over {TARGET_MIB} MiB)"
                print(f"web export.{fmt:4} {size:>7} cases: server peak {after:7.1f} MiB "
                      f"({before:.1f} MiB before it, +{after - before:.1f}), {cpu:.2f} s CPU, "
                      f"{sent / 1e6:.1f} MB sent{flag}")  # fmt: skip
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
