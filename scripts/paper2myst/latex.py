"""The one BibTeX/LaTeX escaper: field values, and entries as printed (emphasis, links)."""

from __future__ import annotations

import re

# biblatex's literal field ``usera`` carries the entry as printed, in LaTeX (\emph, \href, \url):
# the bibliography shows it, so no parse can change what the reader sees (docs/_ext/housestyle.py, which
# imports them from here: this module is light, the bib package is not).
PRINTED_FIELD = "usera"
# The list's own label ("[12]", "iv") in ``shorthand``, biblatex's field for a printed label.
LABEL_FIELD = "shorthand"

# LaTeX specials; "--" is split so that LaTeX decoding cannot turn it into an en dash.
_SPECIALS = re.compile(r"[&%$#_{}]|[~^\\]|(?<=-)(?=-)")
_WORDS = {"~": r"\textasciitilde{}", "^": r"\textasciicircum{}", "\\": r"\textbackslash{}", "": "{}"}
_UNESCAPE = re.compile(r"\\text(ascii(?:tilde|circum)|backslash)\{\}|\\([&%$#_{}])|(?<=-)\{\}(?=-)")
_UNWORDS = {"asciitilde": "~", "asciicircum": "^", "backslash": "\\"}

# MyST inline constructs of a reference as the converter reads it: emphasis, links, autolinks, bare
# URLs and DOIs, backslash escapes.
_MYST = re.compile(
    r"\*(?P<em>[^*]+)\*"
    r"|\[(?P<text>(?:[^\]\\]|\\.)+)\]\((?P<href>(?:[^()\s]|\([^()\s]*\))+)\)"
    r"|<(?P<auto>[a-z][a-z0-9+.-]*:[^<>\s]+)>"
    r"|(?P<bare>https?://[^\s<>]*[^\s<>.,;:)\]])"
    r"|(?P<doi>\b10\.\d{4,}/[^\s<>]*[^\s<>.,;:)\]])"
    r"|\\(?P<esc>[!-/:-@\[-`{-~])"
)
# The printed text in LaTeX: \emph{...}, \href{url}{text}, \url{url} and escapes.
_LATEX_MARKUP = re.compile(r"\\emph\{|\\href\{(?P<href>[^{}]*)\}\{|\\url\{(?P<url>[^{}]*)\}|\}")
DOI_RESOLVER = "https://doi.org/"


def latex_escape(text: str) -> str:
    """Escape LaTeX specials so the value is safe for BibTeX, biber and pybtex alike."""
    return _SPECIALS.sub(lambda m: _WORDS.get(m.group(), "\\" + m.group()), text)


def latex_unescape(text: str) -> str:
    """Undo :func:`latex_escape`."""
    return _UNESCAPE.sub(lambda m: _UNWORDS.get(m[1], "") if m[1] else m[2] or "", text)


def myst_unescape(text: str) -> str:
    """Drop Markdown backslash escapes: "STU\\(2022\\)" -> "STU(2022)"."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def printed_latex(myst: str) -> str:
    """A reference as printed (MyST inline source) to LaTeX markup for a literal .bib field.

    Emphasis becomes ``\\emph{}``, links ``\\href{url}{text}``, bare URLs and autolinks ``\\url{}``,
    a bare DOI ``\\href{https://doi.org/D}{D}``; URLs are kept raw inside braces, as hyperref reads them.
    """
    out: list[str] = []
    pos = 0
    for m in _MYST.finditer(myst):
        out.append(latex_escape(myst[pos : m.start()]))
        pos = m.end()
        if m["em"] is not None:
            out.append(r"\emph{" + printed_latex(m["em"]) + "}")
        elif m["href"] is not None:
            out.append(rf"\href{{{m['href']}}}{{{latex_escape(myst_unescape(m['text']))}}}")
        elif m["auto"] is not None or m["bare"] is not None:
            out.append(rf"\url{{{m['auto'] or m['bare']}}}")
        elif m["doi"] is not None:
            out.append(rf"\href{{{DOI_RESOLVER}{m['doi']}}}{{{latex_escape(m['doi'])}}}")
        else:
            out.append(latex_escape(m["esc"]))
    out.append(latex_escape(myst[pos:]))
    return "".join(out)


def printed_parts(latex: str) -> list[tuple[str, str, str]]:
    """Read :func:`printed_latex` back as (kind, text, url) runs; kind is "text", "em", "link" or "em+link"."""
    runs: list[tuple[str, str, str]] = []
    stack: list[tuple[str, str]] = []  # open groups: ("em", "") or ("link", url)
    pos = 0

    def emit(text: str) -> None:
        if not text:
            return
        kinds = [k for k, _ in stack]
        kind = "+".join(sorted(set(kinds))) or "text"
        url = next((u for k, u in reversed(stack) if k == "link"), "")
        runs.append((kind, latex_unescape(text), url))

    for m in _LATEX_MARKUP.finditer(latex):
        if m.group() == "}" and m.start() > 0 and latex[m.start() - 1] == "\\":
            continue  # an escaped brace is text
        if m.group() == "}" and (m.start() > 0 and latex[m.start() - 1] == "{"):
            continue  # "{}" from escaping
        emit(latex[pos : m.start()])
        pos = m.end()
        if m.group() == r"\emph{":
            stack.append(("em", ""))
        elif m["href"] is not None:
            stack.append(("link", m["href"]))
        elif m["url"] is not None:
            runs.append(("link" if "em" not in [k for k, _ in stack] else "em+link", m["url"], m["url"]))
        elif stack:
            stack.pop()
    emit(latex[pos:])
    return runs
