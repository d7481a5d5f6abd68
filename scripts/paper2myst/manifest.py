"""The editor's loop: what the converter generated last (docs/generated.json), and what the editor changed since."""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from paper2myst import __version__

MANIFEST = "generated.json"  # beside the MyST it describes, in the docs folder
# What the manifest says to an editor who opens it.
ABOUT = (
    "What paper2myst generated last, by file (paths from this folder) and SHA-256. A file that no longer matches "
    "was edited: converting again keeps it, or stops and says so (--force overwrites, --beside writes NAME.new)."
)
BESIDE = ".new"  # the new output of an edited file, written beside it: a suffix Sphinx does not read as a source


def digest(data: str | bytes) -> str:
    return hashlib.sha256(data.encode("utf-8") if isinstance(data, str) else data).hexdigest()


def manifest_text(docs: Path, source: str, files: Mapping[Path, str | bytes]) -> str:
    """The manifest of one conversion: every output's path from ``docs`` and the hash of what was generated."""
    hashes = {os.path.relpath(p, docs).replace(os.sep, "/"): digest(c) for p, c in sorted(files.items())}
    data = {"generated_by": f"paper2myst {__version__}", "source": source, "about": ABOUT, "files": hashes}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def _key(path: Path) -> Path:
    """One name per file, however the caller reached it ("docs/../refs/x.bib", "refs/x.bib")."""
    return Path(os.path.abspath(path))


def read_manifest(docs: Path) -> dict[Path, str]:
    """The hashes the last conversion recorded, by path (as the caller names them); none if there is no manifest."""
    try:
        data = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return {}
    return {_key(docs / name): str(h) for name, h in files.items()} if isinstance(files, dict) else {}


@dataclass
class Plan:
    """What a conversion does to the files on disk, decided before anything is written."""

    write: dict[Path, str | bytes] = field(default_factory=dict)  # generated, unchanged by the editor: (over)write
    kept: list[Path] = field(default_factory=list)  # edited, and the converter makes the same as last time: kept
    conflicts: list[Path] = field(default_factory=list)  # edited, and the converter now makes something else
    remove: list[Path] = field(default_factory=list)  # the previous conversion's, not made by this one
    edited_stale: list[Path] = field(default_factory=list)  # ... but edited since: not removed without --force


def plan(files: Mapping[Path, str | bytes], recorded: Mapping[Path, str], previous: Iterable[Path] = ()) -> Plan:
    """Sort each output by what the editor did to it since the last conversion.

    A file is edited when it differs from the hash recorded for it; a file the manifest does not know (no manifest:
    the first conversion, or files from before it) counts as edited when it differs from the new output, so that
    nobody's work is overwritten on a guess.
    """
    out = Plan()
    for path, content in files.items():
        if not path.is_file():
            out.write[path] = content
            continue
        current = path.read_bytes()
        new = digest(content)
        if digest(current) == new:
            continue  # already what the converter makes
        known = recorded.get(_key(path))
        if known == digest(current):
            out.write[path] = content  # untouched since generated: the new output replaces it
        elif known == new:
            out.kept.append(path)  # edited; the converter's output is what the editor started from: keep the edit
        else:
            out.conflicts.append(path)
    made = {_key(p) for p in files}
    for path in sorted({*recorded, *map(_key, previous)} - made):
        if not path.is_file():
            continue
        if recorded.get(path) == digest(path.read_bytes()) or path not in recorded:
            out.remove.append(path)
        else:
            out.edited_stale.append(path)
    return out


def beside(path: Path) -> Path:
    """Where the new output of an edited file goes: ``index.md.new`` beside ``index.md``."""
    return path.with_name(path.name + BESIDE)


def unified_diff(path: Path, content: str | bytes, context: int = 2) -> list[str]:
    """The drift of a file from what the converter makes now, as unified diff lines (a binary file: one line)."""
    on_disk = path.read_bytes() if path.is_file() else b""
    if isinstance(content, bytes):
        return [f"Binary files {path} and (generated) differ"] if on_disk != content else []
    old = on_disk.decode("utf-8", errors="replace").splitlines(keepends=True)
    new = content.splitlines(keepends=True)
    lines = difflib.unified_diff(old, new, f"{path}", f"{path} (generated)", n=context)
    return [line.rstrip("\n") for line in lines]


def generated(path: Path) -> bool:
    """A file whose first line says the converter generated it (from any source, by any version).

    Not a list made by ``paper2myst refs``: that is the editor's own, made on purpose.
    """
    try:
        with path.open(encoding="utf-8") as handle:
            first = handle.readline()
    except (OSError, UnicodeDecodeError):
        return False
    return first.startswith("% Generated by paper2myst ") and not first.startswith("% Generated by paper2myst refs ")
