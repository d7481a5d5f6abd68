"""Writing outputs so that a rebuild touches only what changed: a file is written only when its bytes differ."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path


def digest(paths: Iterable[Path]) -> str:
    """One SHA-256 over the files' names and bytes, in the order given."""
    h = hashlib.sha256()
    for path in paths:
        h.update(f"\0{path.name}\0".encode() + path.read_bytes())
    return h.hexdigest()


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` unless the file already holds it (its time stays: the incremental builds look at it)."""
    if path.is_file() and path.read_bytes() == data:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return True


def tree(top: Path) -> dict[str, Path]:
    """The files under ``top`` by their relative POSIX path, hidden ones (``.buildinfo``, records) left out."""
    if not top.is_dir():
        return {}
    return {
        p.relative_to(top).as_posix(): p
        for p in sorted(top.rglob("*"))
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(top).parts)
    }


def same_file(src: Path, copy: Path) -> bool:
    """Whether ``copy`` is a copy of ``src`` made by :func:`sync`: same size and time (rsync's quick check)."""
    try:
        a, b = src.stat(), copy.stat()
    except OSError:
        return False
    return a.st_size == b.st_size and a.st_mtime_ns == b.st_mtime_ns


def sync(target: Path, files: Mapping[str, Path | bytes], keep: Iterable[str] = ()) -> None:
    """Make ``target`` hold exactly ``files`` (a source file or bytes per relative path), plus the ``keep`` names.

    Files already equal are left alone (a copied file keeps its source's time, so that the next run knows it
    without reading it); files not listed are deleted, and folders left empty go too.
    """
    kept = set(keep)
    for rel, src in files.items():
        if isinstance(src, bytes):
            write_if_changed(target / rel, src)
        elif not same_file(src, target / rel):
            write_if_changed(target / rel, src.read_bytes())
            stat = src.stat()
            os.utime(target / rel, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    for rel, path in tree(target).items():
        if rel not in files and rel not in kept:
            path.unlink()
    if target.is_dir():
        for folder in sorted((p for p in target.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
            if not any(folder.iterdir()):
                folder.rmdir()


def remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
