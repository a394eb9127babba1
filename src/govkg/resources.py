"""Where govkg's package data lives: the ontology, the SHACL shapes, the agency registry, the
canned queries, the page templates and static files (and, later, the lexicon).

Found through ``importlib.resources``, so a plain ``pip install .`` (a wheel in site-packages)
finds them as an editable install does; nothing walks up from ``__file__`` to a source checkout.
"""
from __future__ import annotations

import hashlib
from importlib.resources import files
from pathlib import Path


def package_path(*parts: str) -> Path:
    """A file or folder of the installed ``govkg`` package, as a filesystem path.

    Stores, Jinja2 and Starlette's static files need real paths; govkg is installed as files on
    disk (a wheel or an editable install), never imported from a zip archive.
    """
    res = files("govkg").joinpath(*parts)
    path = Path(str(res))
    if not path.exists():
        raise FileNotFoundError(f"govkg package data missing: {'/'.join(parts)} (looked in {path})")
    return path


def code_digest(*parts: str, salt: str = "") -> str:
    """A short hash of the package's files under ``parts`` (files or folders of ``govkg``; compiled files left
    out) and ``salt``: what changes when the code, vocabulary or data there do."""
    root = package_path()
    h = hashlib.sha256(salt.encode())
    for part in parts:
        top = root / part
        for p in [top] if top.is_file() else sorted(top.rglob("*")):
            if p.is_file() and p.suffix != ".pyc" and "__pycache__" not in p.parts:
                h.update(p.relative_to(root).as_posix().encode())
                h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()[:16]


DATA_DIR = package_path("data")
ONTOLOGY_DIR = DATA_DIR / "ontology"
ONTOLOGY_PATH = ONTOLOGY_DIR / "govkg.ttl"
SHAPES_PATH = ONTOLOGY_DIR / "shapes.ttl"
REGISTRY_PATH = ONTOLOGY_DIR / "agencies.yaml"
QUERY_DIR = DATA_DIR / "queries"
VIZ_DIR = package_path("viz")
TEMPLATES_DIR = VIZ_DIR / "templates"
STATIC_DIR = VIZ_DIR / "static"

__all__ = ["package_path", "code_digest", "DATA_DIR", "ONTOLOGY_DIR", "ONTOLOGY_PATH", "SHAPES_PATH", "REGISTRY_PATH",
           "QUERY_DIR", "TEMPLATES_DIR", "STATIC_DIR"]
