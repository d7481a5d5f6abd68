"""The review report: every decision the converter was unsure of, with its lines and the text around it."""

from __future__ import annotations

from collections.abc import Callable

from paper2myst.diagnostics import Diagnostic

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


def verdict(diagnostics: list[Diagnostic], refused: bool = False, strict: bool = False) -> str:
    """One line the editor can act on.

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
        return "verdict: nothing to check — every decision was certain"
    if errors:
        count = len(errors)
        return f"verdict: not publishable as is — {count} errors, {len(diagnostics) - count} warnings to check"
    first = min(diagnostics, key=lambda d: (d.severity, d.line))
    like = sum(d.kind is first.kind for d in diagnostics) - 1
    others = f" (and {like} more like it)" if like else ""
    return (
        f"verdict: converted; check {len(diagnostics)} decisions before publishing (--report FILE lists them); "
        f"the worst: {first.message}{others}"
    )


def _clip(text: str, width: int = 300) -> str:
    return text if len(text) <= width else f"{text[: width - 1]}…"


def markdown_report(
    source: str,
    lines: list[str],
    diagnostics: list[Diagnostic],
    where: Callable[[int], str],
    refused: bool = False,
    strict: bool = False,
) -> str:
    out = [f"# Review report: {source}", "", verdict(diagnostics, refused, strict), ""]
    for number, d in enumerate(diagnostics, start=1):
        out += [f"## {number}. {source}:{where(d.line)} — {d.kind.value}", "", d.message, "", "```text"]
        out += [f"{n:>5} {'>' if n == d.line else ' '} {_clip(text)}" for n, text in context(lines, d.line)]
        out += ["```", ""]
    return "\n".join(out)


def html_report(
    source: str,
    lines: list[str],
    diagnostics: list[Diagnostic],
    where: Callable[[int], str],
    refused: bool = False,
    strict: bool = False,
) -> str:
    import html  # only for an HTML report

    esc = html.escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>Review report: {esc(source)}</title>",
        "<style>body{font-family:sans-serif;max-width:60em;margin:auto}pre{background:#f4f4f4;padding:.5em;"
        "white-space:pre-wrap}mark{background:#ffe08a}</style></head><body>",
        f"<h1>Review report: {esc(source)}</h1>",
        f"<p>{esc(verdict(diagnostics, refused, strict))}</p>",
        "<ol>",
    ]
    for d in diagnostics:
        shown = "\n".join(
            f"<mark>{n:>5} {esc(_clip(t))}</mark>" if n == d.line else f"{n:>5} {esc(_clip(t))}"
            for n, t in context(lines, d.line)
        )
        out.append(
            f'<li id="line-{d.line}"><p><code>{esc(source)}:{esc(where(d.line))}</code> '
            f"<strong>{esc(d.kind.value)}</strong>: {esc(d.message)}</p><pre>{shown}</pre></li>"
        )
    out += ["</ol>", "</body></html>", ""]
    return "\n".join(out)
