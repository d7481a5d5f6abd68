"""Inline text of the source → MyST inline markup, with everything but the source's own syntax escaped.

The source uses a small Markdown subset: ``*emphasis*``, ``<url>`` autolinks, ``[text](url)``
links and backslash escapes; bare URLs are text. markdown-it-py parses that subset (every other rule is
switched off, so ``<script>``, backticks, ``$$`` or ``[^x]`` stay text); we write the tokens
back, escaping text so that neither MyST nor HTML can read anything else into it.
"""

from __future__ import annotations

import functools
import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from paper2myst.stages.blocks import CALL, call_label

# Characters that mean something somewhere in MyST inline syntax (or HTML) and are escaped in text.
_ESCAPE = re.compile(r"([\\`*_\[\]<>{}$|~^&])")
# Characters that mean something only at the start of a line (blocks, targets, comments, fences).
_LINE_START = re.compile(r"^([#>+\-=%:(!]|\d+(?=[.)]))")
# What can start the subset's syntax (escapes, emphasis, links, autolinks) or be normalised (CR, NUL): text
# without any of these parses to one text token, itself, so it needs no parser.
_SYNTAX = re.compile(r"[\\*_\[<\r\0]")
# A bare address with a scheme; trailing punctuation belongs to the sentence, not the address.
_BARE_URL = re.compile(r"\bhttps?://[^\s<>]*[^\s<>.,;:!?'\")\]]")


@functools.cache
def _parser() -> MarkdownIt:
    # No linkify-it: its patterns take longer to compile than the whole conversion, and the
    # extraction's bare addresses always carry a scheme, which _BARE_URL finds (see _text).
    md = MarkdownIt("commonmark", {"html": False})
    md.disable(["backticks", "html_inline", "entity", "image", "newline"])
    return md


def escape(text: str) -> str:
    return _ESCAPE.sub(r"\\\1", text)


def _destination(href: str) -> str:
    # Pointy brackets allow any parentheses and spaces in the address.
    return f"<{href.replace('<', '%3C').replace('>', '%3E')}>"


def _call(match: re.Match[str], unmatched: frozenset[str]) -> str:
    label = call_label(match.group())
    return match.group() if label in unmatched else f"[^{label}]"


def _text(content: str, markers: bool, unmatched: frozenset[str] = frozenset()) -> str:
    """Escape plain text; bare addresses become autolinks and calls note references (unless they have no note)."""
    out, at = [], 0
    for url in _BARE_URL.finditer(content):
        out += [escape(content[at : url.start()]), f"<{url.group()}>"]
        at = url.end()
    out.append(escape(content[at:]))
    text = "".join(out)
    return CALL.sub(lambda m: _call(m, unmatched), text) if markers else text


def _render(tokens: list[Token], markers: bool, unmatched: frozenset[str] = frozenset()) -> str:
    out: list[str] = []
    stack: list[str] = []
    for token in tokens:
        if token.type == "text":
            # Inside a link, text is the link's own: no further links or note references.
            out.append(escape(token.content) if stack else _text(token.content, markers, unmatched))
        elif token.type in {"em_open", "em_close"}:
            out.append("*")
        elif token.type in {"strong_open", "strong_close"}:
            out.append("**")
        elif token.type == "softbreak":
            out.append(" ")
        elif token.type == "link_open":
            href = str(token.attrs.get("href", ""))
            stack.append(href)
            out.append(f"\x00{token.markup}\x00")
        elif token.type == "link_close":
            href = stack.pop()
            start = max(i for i, piece in enumerate(out) if piece.startswith("\x00"))
            kind = out[start].strip("\x00")
            inner = "".join(out[start + 1 :])
            del out[start:]
            if kind == "autolink" and inner == escape(href):
                out.append(f"<{href}>")
            else:
                out.append(f"[{inner}]({_destination(href)})")
        else:  # pragma: no cover - every other rule is disabled
            out.append(escape(token.content))
    return "".join(out)


def to_myst(text: str, *, markers: bool = True, unmatched: frozenset[str] = frozenset()) -> str:
    """Render one line of source text as MyST inline markup (``markers``: calls → ``[^N]``, but ``unmatched``)."""
    if not _SYNTAX.search(text):
        return _text(text, markers, unmatched)  # what _render makes of its one text token
    tokens = _parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return _render(children, markers, unmatched)


def plain(text: str) -> str:
    """The words of source text without its markup (emphasis marks, link addresses, escapes): an image's alt text."""
    if not _SYNTAX.search(text):
        return text
    tokens = _parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return "".join(" " if t.type == "softbreak" else t.content for t in children if t.type in {"text", "softbreak"})


def line_start_safe(line: str) -> str:
    """Escape what would start a block construct when ``line`` begins a paragraph."""
    line = line.lstrip()
    return _LINE_START.sub(lambda m: f"{m.group()}\\" if m.group().isdigit() else f"\\{m.group()}", line, count=1)
