"""Inline text of the source → MyST inline markup, with everything but the source's own syntax escaped.

The source uses a small Markdown subset: ``*emphasis*``, ``<url>`` autolinks, ``[text](url)``
links and backslash escapes; bare URLs are text. markdown-it-py parses that subset (every other rule is
switched off, so ``<script>``, backticks, ``$$`` or ``[^x]`` stay text); we write the tokens
back, escaping text so that neither MyST nor HTML can read anything else into it. Text made only of the
common shapes (plain runs, simple emphasis, plain autolinks) is written directly, as from its tokens, and
markdown-it is imported only for the rest.
"""

from __future__ import annotations

import functools
import re

from paper2myst.stages.blocks import CALL, call_label

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing (~2 ms); type checkers read it as True
if TYPE_CHECKING:  # markdown-it loads only for text beyond the common shapes (see _common)
    from collections.abc import Mapping

    from markdown_it import MarkdownIt
    from markdown_it.token import Token

_NONE: Mapping[str, str] = {}  # no call goes elsewhere than its label's first note (never mutated)
# Characters that mean something somewhere in MyST inline syntax (or HTML) and are escaped in text.
_ESCAPE = re.compile(r"([\\`*_\[\]<>{}$|~^&])")
# Characters that mean something only at the start of a line (blocks, targets, comments, fences).
_LINE_START = re.compile(r"^([#>+\-=%:(!]|\d+(?=[.)]))")
# The shapes most source text takes, each rendered as markdown-it's tokens of it would be (checked against it on
# millions of random texts): a run of text, where `_` stands only between letters or digits (so never emphasis);
# *emphasis* that begins and ends with a letter or digit (so its stars open and close wherever they stand); an
# <http(s) autolink> of characters markdown-it's link normaliser leaves as they are (no %, no "xn--" host).
_TEXT_CHAR = r"(?:[^\\*_\[<\r\0]|(?<=[^\W_])_(?=[^\W_]))"
_COMMON = re.compile(
    rf"(?P<text>{_TEXT_CHAR}+)"
    rf"|\*(?P<em>[^\W_](?:{_TEXT_CHAR}*[^\W_])?)\*"
    r"|<(?P<url>https?://(?![^>]*[xX][nN]--)[A-Za-z0-9.-]+(?:[/?#][A-Za-z0-9\-._~/?#:!$&'()+,;=]*)?)>"
)
# A script the PDF reader read from the glyphs ("Y{sub}`it`": it lowered and smaller): written as the role it is.
SCRIPT = re.compile(r"\{(sub|sup)\}`([^`\s][^`]*)`")
# A bare address with a scheme; trailing punctuation belongs to the sentence, not the address.
_BARE_URL = re.compile(r"\bhttps?://[^\s<>]*[^\s<>.,;:!?'\")\]]")


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # No linkify-it: its patterns take longer to compile than the whole conversion, and the
    # extraction's bare addresses always carry a scheme, which _BARE_URL finds (see _text).
    md = MarkdownIt("commonmark", {"html": False})
    md.disable(["backticks", "html_inline", "entity", "image", "newline"])
    return md


def escape(text: str) -> str:
    """Text with every character that means something in MyST escaped; a script's role is kept as it is."""
    if "}`" not in text:
        return _ESCAPE.sub(r"\\\1", text)
    out, at = [], 0
    for script in SCRIPT.finditer(text):
        out += [_ESCAPE.sub(r"\\\1", text[at : script.start()]), script.group()]
        at = script.end()
    return "".join([*out, _ESCAPE.sub(r"\\\1", text[at:])])


def _destination(href: str) -> str:
    # Pointy brackets allow any parentheses and spaces in the address.
    return f"<{href.replace('<', '%3C').replace('>', '%3E')}>"


def _call(match: re.Match[str], unmatched: frozenset[str], keys: Mapping[str, str]) -> str:
    label = call_label(match.group())
    return match.group() if label in unmatched else f"[^{keys.get(label, label)}]"


def _text(content: str, markers: bool, unmatched: frozenset[str] = frozenset(), keys: Mapping[str, str] = _NONE) -> str:
    """Escape plain text; bare addresses become autolinks and calls note references (unless they have no note)."""
    out, at = [], 0
    for url in _BARE_URL.finditer(content):
        out += [escape(content[at : url.start()]), f"<{url.group()}>"]
        at = url.end()
    out.append(escape(content[at:]))
    text = "".join(out)
    return CALL.sub(lambda m: _call(m, unmatched, keys), text) if markers else text


def _render(
    tokens: list[Token], markers: bool, unmatched: frozenset[str] = frozenset(), keys: Mapping[str, str] = _NONE
) -> str:
    out: list[str] = []
    stack: list[str] = []
    for token in tokens:
        if token.type == "text":
            # Inside a link, text is the link's own: no further links or note references.
            out.append(escape(token.content) if stack else _text(token.content, markers, unmatched, keys))
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


def _common(text: str, markers: bool, unmatched: frozenset[str], keys: Mapping[str, str] = _NONE) -> str | None:
    """``text`` rendered without markdown-it when it is all common shapes (see _COMMON), else None."""
    if "**" in text:
        return None  # a run of stars is one delimiter to markdown-it
    out, at = [], 0
    while at < len(text):
        m = _COMMON.match(text, at)
        if m is None:
            return None
        if m["text"] is not None:
            out.append(_text(m["text"], markers, unmatched, keys))
        elif m["em"] is not None:
            out.append(f"*{_text(m['em'], markers, unmatched, keys)}*")
        else:
            out.append(f"<{m['url']}>")
        at = m.end()
    return "".join(out)


def to_myst(
    text: str, *, markers: bool = True, unmatched: frozenset[str] = frozenset(), keys: Mapping[str, str] = _NONE
) -> str:
    """Render one line of source text as MyST inline markup (``markers``: calls → ``[^N]``, but ``unmatched``).

    ``keys``: the note a call of a label goes to where it is not the label's first note (``{"1": "1-2"}``).
    """
    common = _common(text, markers, unmatched, keys)
    if common is not None:
        return common
    tokens = _parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    return _render(children, markers, unmatched, keys)


def plain(text: str) -> str:
    """The words of source text without its markup (emphasis marks, link addresses, escapes): an image's alt text."""
    if not text or ((m := _COMMON.fullmatch(text)) and m["text"] is not None):
        return SCRIPT.sub(r"\2", text)  # one text token of itself: no markup to drop but a script's role
    tokens = _parser().parseInline(text)
    children = tokens[0].children or [] if tokens else []
    words = "".join(" " if t.type == "softbreak" else t.content for t in children if t.type in {"text", "softbreak"})
    return SCRIPT.sub(r"\2", words)


def line_start_safe(line: str) -> str:
    """Escape what would start a block construct when ``line`` begins a paragraph."""
    line = line.lstrip()
    return _LINE_START.sub(lambda m: f"{m.group()}\\" if m.group().isdigit() else f"\\{m.group()}", line, count=1)
