"""The review report: every decision the converter was unsure of, with its lines and the text around it."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from paper2myst.diagnostics import OPTIONS, Diagnostic, Kind

_CONTEXT = 1  # non-blank lines shown either side of a diagnostic's line


def context(lines: list[str], line: int) -> list[tuple[int, str]]:
    """The diagnostic's line and its non-blank neighbours, numbered."""
    shown: list[tuple[int, str]] = []
    for step in (-1, 1):
        at, found = line + step, 0
        while 1 <= at <= len(lines) and found < _CONTEXT:
            if lines[at - 1].strip():
                shown.append((at, lines[at - 1]))
                found += 1
            at += step
    if 1 <= line <= len(lines):
        shown.append((line, lines[line - 1]))
    return sorted(shown)


def _count(number: int, thing: str) -> str:
    return f"{number} {thing}{'' if number == 1 else 's'}"


# How a verdict opens where a program reads it (paperseries): every decision certain; errors kept in the output.
CERTAIN = "nothing to check"
UNPUBLISHABLE = "not publishable as is"


def verdict(diagnostics: list[Diagnostic], refused: bool = False, strict: bool = False, listed: bool = False) -> str:
    """One line the editor can act on (``listed``: in the report that lists the findings, not pointing to it).

    ``refused``: nothing was written. It names --strict only where --strict was given and is why (no error among
    the findings); an error refuses the input whatever the flags, so then it names the errors' kinds instead.
    """
    errors = [d for d in diagnostics if d.is_error]
    if refused and errors:
        kinds = ", ".join(sorted({d.kind.value for d in errors}))
        return f"verdict: nothing written — the input cannot be converted: {_count(len(errors), 'error')} ({kinds})"
    if refused and strict:
        warnings = _count(len(diagnostics), "warning")
        return f"verdict: nothing written — --strict refuses {warnings} (resolve them, or drop --strict to convert)"
    if refused:  # a refusal is an error or --strict: this is a caller's slip, said without blaming a flag
        return f"verdict: nothing written — resolve {_count(len(diagnostics), 'finding')}"
    if not diagnostics:
        return f"verdict: {CERTAIN} — every decision was certain"
    if errors:
        count = len(errors)
        return f"verdict: {UNPUBLISHABLE} — {count} errors, {len(diagnostics) - count} warnings to check"
    first = min(diagnostics, key=lambda d: (d.severity, d.line))
    like = sum(d.kind is first.kind for d in diagnostics) - 1
    others = f" (and {like} more like it)" if like else ""
    worst = "an option" if first.kind in OPTIONS else "the worst"  # an option offered is no defect
    return (
        f"verdict: converted; check {_count(len(diagnostics), 'decision')} before publishing"
        f"{'' if listed else ' (--report FILE lists them)'}; "
        f"{worst}: {first.message}{others}"
    )


@dataclass(frozen=True, slots=True)
class Review:
    """What a report can show beyond the source's lines: the printed pages, page crops, the output, the edition."""

    printed: Callable[[int], str] = lambda line: ""  # line → its page as printed ("page 7 (PDF sheet 9)"), or ""
    crop: Callable[[int], bytes] = lambda line: b""  # line → a PNG of its region of the page, or b""
    region: Callable[[int], object] = lambda line: None  # line → the figure or table it stands in (merges findings)
    output: str = ""  # the MyST written (docs/index.md), to show what became of each finding's line
    edition: str = ""  # the built web edition, relative to the report ("" when not built yet)


@dataclass(slots=True)
class Item:
    """One entry of the report: the findings on one line or in one table, shown once."""

    findings: list[Diagnostic]

    @property
    def first(self) -> Diagnostic:
        return self.findings[0]

    def said(self) -> list[tuple[str, str]]:
        """Each finding's message and kind once, in order; one said of several lines says how often ("(4 times)")."""
        counts: dict[tuple[str, str], int] = {}
        for f in self.findings:
            counts[f.message, f.kind.value] = counts.get((f.message, f.kind.value), 0) + 1
        return [(f"{message} ({n} times)" if n > 1 else message, kind) for (message, kind), n in counts.items()]


def items(diagnostics: Sequence[Diagnostic], region: Callable[[int], object]) -> list[list[Item]]:
    """The findings grouped by kind, the kind a reader notices first (the most severe) first, each in text order.

    Findings on one line, or on one table or figure (its image kept, its cells as text), are one item, under the
    first's (the most severe's) kind.
    """
    merged: dict[object, Item] = {}
    order: list[Item] = []
    for d in sorted(diagnostics, key=lambda d: (d.severity, d.line)):
        found = region(d.line) if d.line else None
        key = ("region", found) if found is not None else ("line", d.line) if d.line else None
        if key is not None and key in merged:
            merged[key].findings.append(d)
            continue
        item = Item([d])
        order.append(item)
        if key is not None:
            merged[key] = item
    kinds: dict[str, list[Item]] = {}
    for item in order:
        kinds.setdefault(item.first.kind.value, []).append(item)
    return [sorted(group, key=lambda i: i.first.line) for group in kinds.values()]


WORDS = re.compile(r"\w+")
FENCE = re.compile(r"^`{3,}.*$", re.MULTILINE)  # a directive's fence line ("````{container} rows"), markup


def around(output: str, text: str, window: int = 4) -> str:
    """The output's paragraph holding the source line's words (its first run of ``window`` words found), or "".

    Of the paragraphs holding them, the one with the fewest other words (a date printed twice: the stray line
    itself, not the paragraph that names the date); a fence's opening and closing lines are no words of it.
    """
    words = WORDS.findall(text)
    if not output or len(words) < 2:
        return ""
    blocks = [b.strip() for b in output.split("\n\n") if b.strip()]
    squashed = [" ".join(WORDS.findall(FENCE.sub("", b))) for b in blocks]
    size = min(window, len(words))
    for start in range(len(words) - size + 1):
        needle = " ".join(words[start : start + size])
        found = [(len(flat), k) for k, flat in enumerate(squashed) if needle in flat]
        if found:
            return blocks[min(found)[1]]
    return ""


def _clip(text: str, width: int = 300) -> str:
    return text if len(text) <= width else f"{text[: width - 1]}…"


def markdown_report(
    source: str,
    lines: list[str],
    diagnostics: list[Diagnostic],
    where: Callable[[int], str],
    refused: bool = False,
    strict: bool = False,
    review: Review | None = None,
) -> str:
    review = review or Review()
    out = [f"# Review report: {source}", "", verdict(diagnostics, refused, strict, listed=True), ""]
    if review.edition:
        out += [f"The edition to check it against: [{review.edition}]({review.edition})", ""]
    number = 0
    for group in items(diagnostics, review.region):
        kind = group[0].first.kind
        out += [f"## {kind_title(kind)} — `{kind.value}` ({_count(len(group), 'item')})", ""]
        for item in group:
            number += 1
            d = item.first
            page = review.printed(d.line)
            out += [f"### {number}. {source}:{where(d.line)}{f' — {page}' if page else ''}", ""]
            out += [f"- {message} [{kind}]" for message, kind in item.said()] + ["", "```text"]
            out += [f"{n:>5} {'>' if n == d.line else ' '} {_clip(text)}" for n, text in context(lines, d.line)]
            out += ["```", ""]
            if d.line and (written := around(review.output, lines[d.line - 1] if d.line <= len(lines) else "")):
                out += ["The output there:", "", "```markdown", _clip(written, 600), "```", ""]
    return "\n".join(out)


def kind_title(kind: Kind) -> str:
    """A section's heading for one kind of finding, in words ("Table as text"); its code follows it, to search."""
    return kind.value.replace("_", " ").capitalize()


def html_report(
    source: str,
    lines: list[str],
    diagnostics: list[Diagnostic],
    where: Callable[[int], str],
    refused: bool = False,
    strict: bool = False,
    review: Review | None = None,
) -> str:
    import html  # only for an HTML report

    review = review or Review()
    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Review report: {esc(source)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto;padding:0 1em}pre{background:#f4f4f4;"
        "padding:.5em;white-space:pre-wrap}mark{background:#ffe08a}img{max-width:100%;border:1px solid #ccc}"
        "li{margin-bottom:1.5em}h1,code{overflow-wrap:anywhere}</style></head><body>",
        f"<h1>Review report: {esc(source)}</h1>",
        f"<p>{esc(verdict(diagnostics, refused, strict, listed=True))}</p>",
    ]
    if review.edition:
        out.append(
            f'<p>The edition to check it against: <a href="{esc(review.edition)}" target="edition">'
            f"{esc(review.edition)}</a> (opens beside this report)</p>"
        )
    for group in items(diagnostics, review.region):
        kind = group[0].first.kind
        out += [
            f"<h2>{esc(kind_title(kind))} <code>{esc(kind.value)}</code> ({_count(len(group), 'item')})</h2>",
            "<ol>",
        ]
        for item in group:
            d = item.first
            page = review.printed(d.line)
            shown = "\n".join(
                f"<mark>{n:>5} {esc(_clip(t))}</mark>" if n == d.line else f"{n:>5} {esc(_clip(t))}"
                for n, t in context(lines, d.line)
            )
            found = "".join(f"<li>{esc(message)} <small>[{esc(kind)}]</small></li>" for message, kind in item.said())
            out.append(
                f'<li id="line-{d.line}"><p><code>{esc(source)}:{esc(where(d.line))}</code>'
                f"{f' — <strong>{esc(page)}</strong>' if page else ''}</p><ul>{found}</ul><pre>{shown}</pre>"
            )
            if png := review.crop(d.line) if d.line else b"":
                data = base64.b64encode(png).decode("ascii")
                out.append(f'<p><img alt="the page around it" src="data:image/png;base64,{data}"></p>')
            if d.line and (written := around(review.output, lines[d.line - 1] if d.line <= len(lines) else "")):
                out.append(f"<p>The output there:</p><pre>{esc(_clip(written, 600))}</pre>")
            out.append("</li>")
        out.append("</ol>")
    out += ["</body></html>", ""]
    return "\n".join(out)
