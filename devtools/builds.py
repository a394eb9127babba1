"""Build folders as older versions wrote them, for tests and benches of ``govkg load``."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from govkg.graph.manifest import MANIFEST
from govkg.graph.tables import TABLES_DIR


def without_tables(build: Path, dst: Path) -> Path:
    """A copy of ``build`` as a build from before the property-graph tables: no ``tables/``, and a
    manifest that lists none (every other checksum kept), so ``govkg load`` reads ``graph.nt``."""
    shutil.copytree(build, dst, ignore=shutil.ignore_patterns(TABLES_DIR))
    manifest = json.loads((dst / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"] = {k: v for k, v in manifest["files"].items() if not k.startswith(TABLES_DIR + "/")}
    (dst / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return dst
