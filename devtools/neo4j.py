"""A throw-away Neo4j Community server for tests and benchmarks, from ``devtools/neo4j-launcher``.

The Maven project is built on first use (``mvn -q package``; Neo4j's jars are cached in
``~/.m2``) and rebuilt when its sources change. The server listens on loopback on a free port
and stops when :func:`stop` closes its stdin.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import threading
from pathlib import Path

LAUNCHER = Path(__file__).resolve().parent / "neo4j-launcher"
BUILD_TIMEOUT = 900   # the first build downloads Neo4j (~150 MB)
START_TIMEOUT = 180


class LauncherError(RuntimeError):
    """Java or Maven missing, the build failed, or the server did not start."""


def classpath() -> str:
    """Build the launcher if its sources are newer than the build; its run classpath."""
    cp_file = LAUNCHER / "target" / "classpath.txt"
    stamp = LAUNCHER / "target" / ".govkg-built"  # Maven leaves an unchanged classpath.txt untouched
    sources = [LAUNCHER / "pom.xml", *(LAUNCHER / "src").rglob("*.java")]
    stale = not cp_file.exists() or not stamp.exists() or \
        max(p.stat().st_mtime for p in sources) > stamp.stat().st_mtime
    if stale:
        if not shutil.which("mvn"):
            raise LauncherError("Maven (mvn) not found to build devtools/neo4j-launcher")
        try:
            done = subprocess.run(["mvn", "-q", "-B", "package", "-DskipTests"], cwd=LAUNCHER,
                                  capture_output=True, text=True, timeout=BUILD_TIMEOUT)
        except subprocess.TimeoutExpired:
            raise LauncherError(f"launcher build took over {BUILD_TIMEOUT}s") from None
        if done.returncode != 0:
            tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
            raise LauncherError("launcher build failed: " + " | ".join(tail))
        stamp.touch()
    return f"{LAUNCHER / 'target' / 'classes'}{os.pathsep}{cp_file.read_text().strip()}"


def make_home(path: Path) -> Path:
    """A Neo4j home folder for tests: ``conf/neo4j.conf``, ``data/``, and a ``bin/neo4j-admin`` that
    runs Neo4j's own admin tool (``org.neo4j.cli.AdminTool``, the class the distribution's script
    runs) from the launcher's classpath; :func:`start` with ``home`` then serves what it wrote."""
    (path / "conf").mkdir(parents=True, exist_ok=True)
    (path / "conf" / "neo4j.conf").write_text("server.memory.pagecache.size=128m\n", encoding="utf-8")
    (path / "data").mkdir(exist_ok=True)
    admin = path / "bin" / "neo4j-admin"
    admin.parent.mkdir(exist_ok=True)
    admin.write_text("#!/bin/sh\n" f'export NEO4J_CONF="{path / "conf"}"\n'
                     f'exec java -Xmx512m -cp "{classpath()}" org.neo4j.cli.AdminTool "$@"\n', encoding="utf-8")
    admin.chmod(0o755)
    return path


def start(password: str = "", heap: str = "1g", home: Path | None = None,
          tmpdir: Path | None = None) -> tuple[subprocess.Popen, str]:
    """Start a server (authentication on with user ``neo4j`` when ``password`` is given; over the
    existing Neo4j ``home`` when given, see :func:`make_home`); the process and its bolt URI. A fresh server's files go in a ``govkg-neo4j-*``
    folder under ``tmpdir`` (the system's temporary folder by default), removed when it stops."""
    if not shutil.which("java"):
        raise LauncherError("java not found")
    env = {**os.environ, "GOVKG_LAUNCHER_PASSWORD": password, "GOVKG_LAUNCHER_HOME": str(home or "")}
    # the throughput collector: bulk loads ran 30-40% faster than with the default G1 (bench/README.md)
    java = ["java", f"-Xmx{heap}", "-XX:+UseParallelGC"]
    if tmpdir is not None:
        java.append(f"-Djava.io.tmpdir={tmpdir}")
    proc = subprocess.Popen([*java, "-cp", classpath(), "govkg.Main"],
                            stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(START_TIMEOUT)
    uri = first[0].strip() if first else ""
    if not uri.startswith("bolt://"):
        _end(proc)  # terminate first: the launcher's shutdown hook removes its temporary folder
        lines = proc.stderr.read().strip().splitlines()
        err = lines[-1] if lines else ""
        raise LauncherError(f"the launcher printed no bolt URI: {err or 'timed out'}")
    # drain stderr so a chatty server never blocks on a full pipe
    threading.Thread(target=proc.stderr.read, daemon=True).start()
    return proc, uri.rstrip("/")


def stop(proc: subprocess.Popen) -> None:
    """Stop a server started by :func:`start` (closing stdin; terminating if it lingers)."""
    try:
        proc.stdin.close()
        proc.wait(60)
    except subprocess.TimeoutExpired:
        _end(proc)


def _end(proc: subprocess.Popen) -> None:
    """Terminate (the shutdown hook runs), then kill if the process lingers."""
    proc.terminate()
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)
