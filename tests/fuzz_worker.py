"""The process the fuzzing suite (test_fuzz.py) runs gk-respond in: one request a line on
standard input, one answer a line on standard output, under caps set with ``setrlimit``.

A request is JSON: ``argv`` (for ``gk_respond.cli.main``), ``stdin`` (text given as its
UTF-8 bytes in latin-1, so any bytes can be sent), and ``files`` (name -> text, written into
a fresh folder that is the working directory). The answer: ``code`` (the exit code),
``stdout``, ``stderr`` and ``error`` (a traceback, or None). Running the commands in one
process keeps a few hundred examples fast; the memory cap (address space) holds for the
whole process, and each request gets its own CPU-time budget on top of what the process
has used so far. Exceeding either kills the worker (or gives a MemoryError, reported as a
traceback), which the suite reports as a failure of the example that did it.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import sys
import tempfile
import traceback


def cpu_used() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def serve(memory: int, cpu: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    _, hard = resource.getrlimit(resource.RLIMIT_CPU)
    from gk_respond.cli import main  # imported once, before any request

    requests = sys.stdin
    answers = sys.stdout
    for line in requests:
        request = json.loads(line)
        budget = int(cpu_used()) + cpu
        resource.setrlimit(resource.RLIMIT_CPU, (budget, hard))
        answers.write(json.dumps(run(main, request)) + "\n")
        answers.flush()


def run(main, request: dict) -> dict:
    stdin = io.TextIOWrapper(io.BytesIO(request.get("stdin", "").encode("latin-1")), "utf-8")
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, "utf-8", errors="strict", write_through=True)
    stderr = io.TextIOWrapper(err, "utf-8", errors="strict", write_through=True)
    error = None
    code = None
    with tempfile.TemporaryDirectory() as folder:
        for name, text in request.get("files", {}).items():
            with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as file:
                file.write(text)
        here = os.getcwd()
        os.chdir(folder)
        saved = sys.stdin, sys.stdout, sys.stderr
        sys.stdin, sys.stdout, sys.stderr = stdin, stdout, stderr
        try:
            code = main(request["argv"])
        except SystemExit as exit:  # argparse
            code = exit.code if isinstance(exit.code, int) else 2
        except BaseException:
            error = traceback.format_exc()
        finally:
            with contextlib.suppress(Exception):
                stdout.flush()
                stderr.flush()
            sys.stdin, sys.stdout, sys.stderr = saved
            os.chdir(here)
    return {
        "code": code,
        "stdout": out.getvalue().decode("utf-8", "replace"),
        "stderr": err.getvalue().decode("utf-8", "replace"),
        "error": error,
    }


if __name__ == "__main__":
    serve(int(sys.argv[1]), int(sys.argv[2]))
