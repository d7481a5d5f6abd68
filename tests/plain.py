"""Test helper: what a reader sees of the source's inline markup (markdown-it does the parsing)."""

from __future__ import annotations

from markdown_it import MarkdownIt

_MD = MarkdownIt("commonmark").disable(["backticks", "html_inline", "entity", "image"])


def plain(text: str) -> str:
    """The visible text of one line of source: emphasis marks, autolink brackets, link targets removed."""
    tokens = _MD.parseInline(text)[0].children or []
    return "".join(t.content for t in tokens if t.type in {"text", "softbreak"} or t.type == "code_inline")


def squash(text: str) -> str:
    return " ".join(text.split())
