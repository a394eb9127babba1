"""SHACL in a process of its own, alongside the build's other exports.

A build validates its graph.nt with pyrudof, which reads the file itself
(:func:`govkg.graph.validate.validate_nt`). Run in a fresh interpreter it takes the second core while the
build's process turns the graph into the property graph, Turtle, JSON-LD and the tables, and the memory
rudof takes (about 4 KB a triple at its peak, which the allocator keeps after the call) leaves with that
process instead of staying in the build's. The verdict and the report are the same as in the build's own
process: the child runs the same function on the same file and sends both back as JSON.

When the build's process has done everything else it says so (``help``, a line on the child's stdin) and the
child starts one more process that validates parts from the end while it goes on from the start
(``shacl_split.validate_parts``): the build's core would otherwise idle while it waits.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from govkg.errors import BuildRefused


class AsideValidation:
    """``validate_nt(nt)`` running in a child process: start it, do other work, then :meth:`result`."""

    def __init__(self, nt: Path, remember: Path | None = None, reuse: bool = True) -> None:
        """``remember``: a folder of parts' results kept between builds (``govkg.graph.shacl_cache``), read
        unless not ``reuse`` (and refilled either way)."""
        self.nt = nt
        self.parts: tuple[int, int] | None = None  # after result(): parts, and of them validated (not remembered)
        from govkg.graph import validate

        how = ([f"--remember={remember}"] if remember is not None else []) + ([] if reuse else ["--fresh"])
        how.append(f"--part-bytes={validate.PART_BYTES}")  # this process's, which a caller may have set
        # a fresh interpreter, not a fork: nothing of the build's heap is copied or kept alive in it
        self.proc = subprocess.Popen([sys.executable, "-m", __name__, str(nt), *how], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def help(self) -> None:
        """Tell the child this process has nothing else to do: it may take the second core for its parts."""
        try:
            assert self.proc.stdin is not None
            self.proc.stdin.write(b"help\n")
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):  # the child has ended already: result() says how
            pass

    def result(self) -> tuple[bool, str, float]:
        """The verdict, the report text and the child's seconds of validating; BuildRefused (one line) if it failed."""
        out, err = self.proc.communicate()
        if self.proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            why = lines[-1] if lines else f"exit code {self.proc.returncode}"
            raise BuildRefused(f"SHACL validation of {self.nt.name} failed: {why}")
        answer = json.loads(out.strip().rsplit(b"\n", 1)[-1])  # the last line: whatever else was printed before it
        if answer.get("parts") is not None:
            self.parts = tuple(answer["parts"])
        return bool(answer["conforms"]), answer["report"], float(answer["seconds"])

    def stop(self) -> None:
        """Kill the child if it still runs (the build failed before asking for the result)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


HELPER_ROOM = 1 << 30  # bytes of available memory a helper is started with at least


def _exit_with(parent: int) -> None:
    """A helper's pool initializer: end when the SHACL process does (killed with a build that failed or was
    stopped), instead of waiting for work that will never come."""
    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


class PartHelper:
    """``shacl_split.Helper``: wanted once ``help`` comes on stdin and there is :meth:`room`; one more process
    (started then, not before: it holds a rudof session of its own) that validates the parts it is given."""

    def __init__(self, listen: bool = True) -> None:
        self._wanted = threading.Event()
        self._pool: ProcessPoolExecutor | None = None
        self.taken = 0  # parts submitted
        if listen:
            threading.Thread(target=self._listen, daemon=True).start()

    def want(self) -> None:
        """From now on, take parts."""
        self._wanted.set()

    @staticmethod
    def room() -> bool:
        """Whether a helper can run beside this process: a second core, and memory for a rudof session with a part
        (~0.3 GB; ``HELPER_ROOM`` asked, from /proc/meminfo's MemAvailable where there is one)."""
        if (os.cpu_count() or 1) < 2:
            return False
        try:
            with open("/proc/meminfo", encoding="ascii") as f:
                free = next(int(line.split()[1]) * 1024 for line in f if line.startswith("MemAvailable:"))
        except (OSError, StopIteration, ValueError):
            return True  # not Linux: nothing to go by
        return free >= HELPER_ROOM

    def _listen(self) -> None:
        # the file descriptor, not sys.stdin: a daemon thread blocked in a buffered read holds its lock, and the
        # interpreter aborts when it finds the lock held at exit
        got = b""
        while chunk := os.read(0, 64):
            got += chunk
            if b"help\n" in got:
                if self.room():
                    self.want()
                return

    def wanted(self) -> bool:
        return self._wanted.is_set()

    def submit(self, check: Callable[[Path], tuple[bool, list]], part: Path) -> Future:
        if self._pool is None:  # spawned: a fork would copy this process's rudof state
            self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_exit_with, initargs=(os.getpid(),))
        self.taken += 1
        return self._pool.submit(check, part)

    def pids(self) -> list[int]:
        """The helper's process ids (none before a part was submitted)."""
        # ProcessPoolExecutor has no public list of its processes
        return sorted(self._pool._processes) if self._pool is not None else []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def main(argv: list[str]) -> int:
    """``python -m govkg.graph.shacl_process NT [--remember=DIR] [--fresh] [--part-bytes=N]``: validate one
    N-Triples file (with the parts' results remembered in DIR, read unless ``--fresh``), the answer as JSON on
    stdout."""
    from govkg.graph.validate import remembered_in, validate_nt

    t = time.perf_counter()
    nt, flags = Path(argv[0]), argv[1:]
    given = dict(f.split("=", 1) for f in flags if "=" in f)
    folder = Path(given["--remember"]) if "--remember" in given else None
    part_bytes = int(given["--part-bytes"]) if "--part-bytes" in given else None
    remembered = remembered_in(folder, reuse="--fresh" not in flags) if folder is not None else None
    helper = PartHelper()
    try:
        conforms, report = validate_nt(nt, helper=helper, remembered=remembered, part_bytes=part_bytes)
    finally:
        helper.close()
    parts = None
    if remembered is not None and remembered.asked:  # none asked: the graph was one part, kept nowhere
        remembered.prune()
        parts = [remembered.asked, remembered.asked - remembered.hits]
    answer = {"conforms": conforms, "report": report, "seconds": time.perf_counter() - t, "parts": parts}
    sys.stdout.flush()
    sys.stdout.buffer.write(b"\n" + json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
