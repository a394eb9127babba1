"""The worker processes behind ``/sparql``: a :class:`SparqlEngine` keeps ``workers`` processes, each
holding the graph in a pyoxigraph store, and runs one query at a time on each with a deadline.

A worker is ``python -m govkg.store.sparqlpool SETTINGS``, a fresh interpreter (never a fork of a
threaded server), spoken to over its stdin and stdout in length-prefixed pickles. A query past
its deadline cannot be cancelled inside pyoxigraph: its worker is killed and replaced, and the
caller gets a :class:`~govkg.store.sparql.SparqlError` (503). A worker's address space is limited
(``memory``), so a query that would take the machine's memory ends that worker, not the server.
"""
from __future__ import annotations

import json
import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

from govkg.store.sparql import (MAX_QUERY_CHARS, MAX_RESULT_BYTES, TIME_LIMIT, Answer, SparqlError, load_graph,
                                check_query, evaluate, graph_prefixes)

MEMORY_LIMIT = 2 * 1024 ** 3  # address space of a worker process (bytes)


def _send(fh: Any, msg: Any) -> None:
    data = pickle.dumps(msg, protocol=pickle.HIGHEST_PROTOCOL)
    fh.write(struct.pack(">I", len(data)) + data)
    fh.flush()


def _read_exact(fh: Any, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        chunk = fh.read(n - len(buf))
        if not chunk:
            raise EOFError
        buf += chunk
    return buf


def _recv(fh: Any) -> Any:
    (n,) = struct.unpack(">I", _read_exact(fh, 4))
    return pickle.loads(_read_exact(fh, n))


def _worker_main(argv: list[str]) -> None:
    """A worker process (``python -m govkg.store.sparqlpool SETTINGS``): load the graph, then answer
    ``(query, results, graph)`` messages on stdin until None or end of input."""
    conf = json.loads(argv[0])
    memory = int(conf["memory"])
    if memory:
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        except (ImportError, ValueError, OSError):  # pragma: no cover - not on this platform
            pass
    import pyoxigraph as ox

    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but messages on the pipe
    store = ox.Store()
    try:
        load_graph(store, Path(conf["source"]), conf["suffix"])
    except Exception as err:  # noqa: BLE001 - reported to the parent as one line
        _send(out, ("error", f"cannot load {conf['graph_file']}: {err}", 503))
        return
    _send(out, ("ready", len(store), 0))
    while True:
        try:
            msg = _recv(inp)
        except EOFError:
            return
        if msg is None:
            return
        query, results, graph = msg
        try:
            answer = evaluate(store, query, results, graph, conf["prefixes"], int(conf["max_bytes"]))
            # plain values: this module is __main__ here, and govkg.store.sparql in the parent
            _send(out, ("ok", (answer.kind, answer.format, answer.media_type, answer.body), 0))
        except SparqlError as err:
            _send(out, ("error", str(err), err.status))
        except MemoryError:
            _send(out, ("error", "query failed: out of memory (the worker's limit); ask for less", 503))


class _Worker:
    """One worker process and the parent's ends of its pipes (length-prefixed pickles)."""

    def __init__(self, engine: "SparqlEngine") -> None:
        conf = json.dumps({"graph_file": str(engine.graph_file), "source": engine.source,
                           "suffix": engine.graph_file.suffix, "prefixes": engine.prefixes,
                           "max_bytes": engine.max_bytes, "memory": engine.memory})
        # a fresh interpreter, not a fork of a threaded server
        self.proc = subprocess.Popen([sys.executable, "-m", "govkg.store.sparqlpool", conf], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, close_fds=True,
                                     pass_fds=engine.pass_fds)
        self.ready = False
        self.triples = 0

    def _poll(self, timeout: float) -> bool:
        return bool(select.select([self.proc.stdout], [], [], timeout)[0])

    def wait_ready(self, timeout: float) -> None:
        if self.ready:
            return
        if not self._poll(timeout):
            raise SparqlError(f"the SPARQL worker did not load the graph in {timeout:.0f} s", status=503)
        status, value, code = self._recv()
        if status != "ready":
            raise SparqlError(value, status=code or 503)
        self.ready, self.triples = True, value

    def _recv(self) -> tuple:
        try:
            return _recv(self.proc.stdout)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.proc.wait(1)
            raise SparqlError("query failed: the SPARQL worker ended (out of memory?); ask for less",
                              status=503) from None

    def ask(self, msg: tuple, timeout: float) -> Answer:
        try:
            _send(self.proc.stdin, msg)
        except (BrokenPipeError, OSError):
            raise SparqlError("query failed: the SPARQL worker ended; ask again", status=503) from None
        if not self._poll(timeout):
            raise TimeoutError
        status, value, code = self._recv()
        if status != "ok":
            raise SparqlError(value, status=code or 400)
        return Answer(*value)

    def alive(self) -> bool:
        return self.proc.poll() is None

    def stop(self) -> None:
        try:
            _send(self.proc.stdin, None)
        except (OSError, ValueError):
            pass
        try:
            self.proc.wait(0.5)
        except subprocess.TimeoutExpired:
            pass
        self.kill()

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:  # pragma: no cover - a killed process always ends
            pass
        for fh in (self.proc.stdin, self.proc.stdout):
            try:
                fh.close()
            except OSError:
                pass


class SparqlEngine:
    """``workers`` processes over one graph file; :meth:`query` runs one query with the limits."""

    def __init__(self, graph_file: str | Path, *, prefixes: dict[str, str] | None = None, workers: int = 1,
                 time_limit: float = TIME_LIMIT, max_bytes: int = MAX_RESULT_BYTES, memory: int = MEMORY_LIMIT,
                 max_chars: int = MAX_QUERY_CHARS, load_timeout: float = 120.0) -> None:
        self.graph_file = Path(graph_file)
        if not self.graph_file.is_file():
            raise SparqlError(f"no graph file {self.graph_file}: run govkg build first", status=503)
        # the file as it is now, held open: a worker started later (after a timeout) reads the same
        # graph through /proc/self/fd even when a rebuild has replaced the file in the folder since
        self._fd: int | None = os.open(self.graph_file, os.O_RDONLY)
        proc_path = f"/proc/self/fd/{self._fd}"
        if os.path.exists(proc_path):
            self.source, self.pass_fds = proc_path, (self._fd,)
        else:  # pragma: no cover - no /proc: read the path (a rebuild may then be seen by a new worker)
            os.close(self._fd)
            self._fd, self.source, self.pass_fds = None, str(self.graph_file), ()
        self.prefixes = dict(prefixes if prefixes is not None else graph_prefixes())
        self.time_limit, self.max_bytes, self.memory, self.max_chars = time_limit, max_bytes, memory, max_chars
        self.load_timeout = load_timeout
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(max(1, workers)):
            self._add()

    def _add(self) -> None:
        w = _Worker(self)
        with self._lock:
            self._all.append(w)
        self._idle.put(w)

    def _replace(self, w: _Worker) -> None:
        w.kill()
        with self._lock:
            if w in self._all:
                self._all.remove(w)
        if not self._closed:
            try:
                self._add()
            except OSError:  # closed meanwhile (the graph file's descriptor with it)
                pass

    def query(self, text: str, results: str = "json", graph: str = "turtle") -> Answer:
        """Check and run one query; raises :class:`SparqlError` (refused, syntax, too slow, too large)."""
        check_query(text, self.max_chars)
        if self._closed:
            raise SparqlError("the SPARQL engine is closed (the graph was reloaded): ask again", status=503)
        start = time.monotonic()
        try:
            w = self._idle.get(timeout=self.time_limit)
        except queue.Empty:
            raise SparqlError(f"busy: every SPARQL worker is still running a query after {self.time_limit:.0f} s; "
                              "ask again later", status=503) from None
        try:
            w.wait_ready(self.load_timeout)
        except SparqlError:
            self._replace(w)
            raise
        remaining = max(0.05, self.time_limit - (time.monotonic() - start))
        try:
            answer = w.ask((text, results, graph), remaining)
        except TimeoutError:
            self._replace(w)
            raise SparqlError(f"query stopped after the time limit of {self.time_limit:g} s: narrow it down "
                              "(more specific patterns, a LIMIT)", status=503) from None
        except SparqlError:
            if w.alive():
                self._idle.put(w)
            else:
                self._replace(w)
            raise
        self._idle.put(w)
        return answer

    def warm(self) -> int:
        """Wait until a worker has loaded the graph; the number of triples it holds (0: every worker
        is busy, so loaded)."""
        try:
            w = self._idle.get(timeout=self.load_timeout)
        except queue.Empty:
            return 0
        try:
            w.wait_ready(self.load_timeout)
            return w.triples
        finally:
            self._idle.put(w)

    def close(self) -> None:
        """Stop every worker (a query still running on one ends with an error)."""
        self._closed = True
        if self._fd is not None:  # the workers hold their own copies of it
            os.close(self._fd)
            self._fd = None
        with self._lock:
            workers, self._all = self._all, []
        for w in workers:
            w.stop()

    def __enter__(self) -> "SparqlEngine":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["SparqlEngine", "MEMORY_LIMIT"]


if __name__ == "__main__":  # a worker process of SparqlEngine
    _worker_main(sys.argv[1:])
