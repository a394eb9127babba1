"""SHACL in a process of its own, alongside the build's other exports.

A build validates its graph.nt with pyrudof, which reads the file itself
(:func:`govkg.graph.validate.validate_nt`). Run in a fresh interpreter it takes the second core while the
build's process turns the graph into the property graph, Turtle, JSON-LD and the tables, and the memory
rudof takes (about 4 KB a triple at its peak, which the allocator keeps after the call) leaves with that
process instead of staying in the build's. The verdict and the report are the same as in the build's own
process: the child runs the same function on the same file and sends both back as JSON.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from govkg.errors import BuildRefused


class AsideValidation:
    """``validate_nt(nt)`` running in a child process: start it, do other work, then :meth:`result`."""

    def __init__(self, nt: Path) -> None:
        self.nt = nt
        # a fresh interpreter, not a fork: nothing of the build's heap is copied or kept alive in it
        self.proc = subprocess.Popen([sys.executable, "-m", __name__, str(nt)], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def result(self) -> tuple[bool, str, float]:
        """The verdict, the report text and the child's seconds of validating; BuildRefused (one line) if it failed."""
        out, err = self.proc.communicate()
        if self.proc.returncode != 0:
            lines = err.decode("utf-8", "replace").strip().splitlines()
            why = lines[-1] if lines else f"exit code {self.proc.returncode}"
            raise BuildRefused(f"SHACL validation of {self.nt.name} failed: {why}")
        answer = json.loads(out.strip().rsplit(b"\n", 1)[-1])  # the last line: whatever else was printed before it
        return bool(answer["conforms"]), answer["report"], float(answer["seconds"])

    def stop(self) -> None:
        """Kill the child if it still runs (the build failed before asking for the result)."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.communicate()


def main(argv: list[str]) -> int:
    """``python -m govkg.graph.shacl_process NT``: validate one N-Triples file, the answer as JSON on stdout."""
    from govkg.graph.validate import validate_nt

    t = time.perf_counter()
    conforms, report = validate_nt(Path(argv[0]))
    answer = {"conforms": conforms, "report": report, "seconds": time.perf_counter() - t}
    sys.stdout.flush()
    sys.stdout.buffer.write(b"\n" + json.dumps(answer, ensure_ascii=False).encode("utf-8") + b"\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
