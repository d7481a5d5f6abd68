"""The PDF route on one paper set by publishers' own LaTeX classes: the journal layouts real articles come in.

The layout zoo (tests/layout_zoo.py) draws page layouts in Typst; this one sets the same words (the seed's title,
headings, paragraphs, notes and reference list, with two made-up authors, their affiliations and an abstract) with
the classes journals and proceedings publish with: Elsevier's elsarticle (preprint and two-column), IEEEtran
(journal and conference), APS's REVTeX, Springer's LLNCS, ACM's acmart, the Royal Astronomical Society's mnras,
the AMS's amsart and LaTeX's article (one and two columns). The truth is the source, never the converter's
output. The figures are the layout zoo's plus the front matter: title and authors as set.

Needs ``pdflatex`` and the classes (Debian's texlive-publishers); a class that is not installed is skipped.

    python tests/journal_zoo.py [-v] [CLASS ...]

``-v`` lists what was missed and keeps each PDF in /tmp/journal-zoo/.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "scripts"))
sys.path.insert(0, str(HERE))

from layout_zoo import _CALL, Paper, ratio, source_paper  # noqa: E402
from shared_papers import normalise, plain  # noqa: E402

AUTHORS = ["Marta Jensen", "David Okafor"]
AFFILIATIONS = [
    ("Department of Political Science, Northfield University", "Northfield", "Norway"),
    ("Centre for Regional Security Studies", "Eastbrook", "Canada"),
]
ABSTRACT = (
    "This article examines how a long regional conflict was shaped by the legacies of empire, and why the "
    "security arrangements that followed it left the parties dependent on outside powers. It argues that "
    "mediation failed where it treated the conflict as a local dispute."
)
KEYWORDS = ["conflict mediation", "regional security", "dependence"]
SEP, AND = r" \sep ", r" \and "

_SPECIAL = re.compile(r"([&%$#_{}])")
_URL = re.compile(r"(https?://\S+?)([.,;)]?(?:\s|$))")


def tex(text: str) -> str:
    """Plain text as LaTeX sets it literally: specials escaped, dashes and quotes unligated, addresses as URLs."""
    out = []
    last = 0
    for match in _URL.finditer(text):
        out.append(_escape(text[last : match.start()]))
        out.append(r"\url{" + match[1].replace("%", r"\%").replace("#", r"\#") + "}" + _escape(match[2]))
        last = match.end()
    out.append(_escape(text[last:]))
    return "".join(out)


def _escape(text: str) -> str:
    text = text.replace("\\", r"\textbackslash{}").replace("~", r"\textasciitilde{}").replace("^", r"\^{}")
    text = _SPECIAL.sub(r"\\\1", text)
    # "--" would be an en dash, "``" and "''" curly quotes, "<" and ">" other glyphs in old encodings.
    return (
        text.replace("-", "-{}")
        .replace("`", "{`}")
        .replace("'", "{'}")
        .replace("<", r"\textless{}")
        .replace(">", r"\textgreater{}")
    )


@dataclass(frozen=True)
class Style:
    """One class and how its papers set their front matter; ``front`` gives the lines from \\begin{document} on."""

    name: str
    cls: str
    options: str
    front: Callable[[Paper], str]
    preamble: str = ""
    section_numbering: str = r"^(?:\d+(?:\.\d+)*\.?|[IVX]+\.|[A-Z]\.)\s+"


def _plain_front(paper: Paper) -> str:
    authors = r" \and ".join(
        f"{tex(name)}\\thanks{{{tex(aff[0])}, {aff[1]}, {aff[2]}}}"
        for name, aff in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\\author{{{authors}}}\\date{{12 May 2025}}\\maketitle\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n"
    )


def _elsarticle(paper: Paper) -> str:
    authors = "".join(f"\\author[a{k}]{{{tex(name)}}}\n" for k, name in enumerate(AUTHORS))
    affs = "".join(
        f"\\affiliation[a{k}]{{organization={{{tex(org)}}},city={{{city}}},country={{{country}}}}}\n"
        for k, (org, city, country) in enumerate(AFFILIATIONS)
    )
    return (
        f"\\begin{{frontmatter}}\n\\title{{{tex(paper.title)}}}\n{authors}{affs}"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n"
        "\\begin{keyword}\n" + SEP.join(KEYWORDS) + "\n\\end{keyword}\n\\end{frontmatter}\n"
    )


def _ieee_journal(paper: Paper) -> str:
    thanks = "; ".join(
        f"{tex(n)} is with the {tex(a[0])}, {a[1]}, {a[2]}" for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\n\\author{{{' and '.join(tex(n) for n in AUTHORS)}"
        f"\\thanks{{{thanks}.}}}}\n\\maketitle\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n"
        f"\\begin{{IEEEkeywords}}\n{', '.join(KEYWORDS)}\n\\end{{IEEEkeywords}}\n"
    )


def _ieee_conference(paper: Paper) -> str:
    blocks = r"\and ".join(
        f"\\IEEEauthorblockN{{{tex(n)}}}\\IEEEauthorblockA{{{tex(a[0])}\\\\{a[1]}, {a[2]}}}"
        for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\n\\author{{{blocks}}}\n\\maketitle\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n"
    )


def _revtex(paper: Paper) -> str:
    authors = "".join(
        f"\\author{{{tex(n)}}}\n\\affiliation{{{tex(a[0])}, {a[1]}, {a[2]}}}\n"
        for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\n{authors}\\date{{12 May 2025}}\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n\\maketitle\n"
    )


def _llncs(paper: Paper) -> str:
    authors = r" \and ".join(f"{tex(n)}\\inst{{{k + 1}}}" for k, n in enumerate(AUTHORS))
    institutes = r" \and ".join(f"{tex(a[0])}, {a[1]}, {a[2]}" for a in AFFILIATIONS)
    return (
        f"\\title{{{tex(paper.title)}}}\n\\author{{{authors}}}\n\\institute{{{institutes}}}\n\\maketitle\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\keywords{{{AND.join(KEYWORDS)}}}\n\\end{{abstract}}\n"
    )


def _acmart(paper: Paper) -> str:
    authors = "".join(
        f"\\author{{{tex(n)}}}\n\\affiliation{{\\institution{{{tex(a[0])}}}\\city{{{a[1]}}}\\country{{{a[2]}}}}}\n"
        for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\n{authors}"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n\\keywords{{{', '.join(KEYWORDS)}}}\n\\maketitle\n"
    )


def _mnras(paper: Paper) -> str:
    names = ", ".join(f"{tex(n)}$^{{{k + 1}}}$" for k, n in enumerate(AUTHORS))
    affs = "".join(f"\\\\$^{{{k + 1}}}${tex(a[0])}, {a[1]}, {a[2]}" for k, a in enumerate(AFFILIATIONS))
    return (
        f"\\title{{{tex(paper.title)}}}\n\\author[{tex(AUTHORS[0])} et al.]{{{names}\n{affs}}}\n"
        f"\\date{{Accepted 2025 May 12}}\n\\pubyear{{2025}}\n\\begin{{document}}\n\\maketitle\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n"
        f"\\begin{{keywords}}\n{' -- '.join(KEYWORDS)}\n\\end{{keywords}}\n"
    )


def _amsart(paper: Paper) -> str:
    authors = "".join(
        f"\\author{{{tex(n)}}}\n\\address{{{tex(a[0])}, {a[1]}, {a[2]}}}\n"
        for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\title{{{tex(paper.title)}}}\n{authors}\\date{{12 May 2025}}\n"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n\\maketitle\n"
    )


def _apa7(paper: Paper) -> str:
    names = " and ".join(tex(n) for n in AUTHORS)
    return (
        f"\\title{{{tex(paper.title)}}}\n\\shorttitle{{Conflict and dependence}}\n\\authorsnames{{{names}}}\n"
        f"\\authorsaffiliations{{{{{tex(AFFILIATIONS[0][0])}}}, {{{tex(AFFILIATIONS[1][0])}}}}}\n"
        f"\\abstract{{{tex(ABSTRACT)}}}\n\\keywords{{{', '.join(KEYWORDS)}}}\n\\begin{{document}}\n\\maketitle\n"
    )


def _aastex(paper: Paper) -> str:
    authors = "".join(
        f"\\author{{{tex(n)}}}\n\\affiliation{{{tex(a[0])}, {a[1]}, {a[2]}}}\n"
        for n, a in zip(AUTHORS, AFFILIATIONS, strict=True)
    )
    return (
        f"\\begin{{document}}\n\\title{{{tex(paper.title)}}}\n{authors}"
        f"\\begin{{abstract}}\n{tex(ABSTRACT)}\n\\end{{abstract}}\n\\keywords{{{', '.join(KEYWORDS)}}}\n"
    )


ACM = (
    "\\setcopyright{none}\\settopmatter{printacmref=false}\\renewcommand\\footnotetextcopyrightpermission[1]{}"
    "\\acmConference{}{}{}\\acmYear{2025}\\acmDOI{}\\acmISBN{}\\pagestyle{plain}"
)
STYLES = [
    Style("article", "article", "a4paper,11pt", _plain_front),
    Style("article-2col", "article", "letterpaper,10pt,twocolumn", _plain_front),
    Style("elsarticle", "elsarticle", "preprint,12pt", _elsarticle),
    Style("elsarticle-5p", "elsarticle", "5p,twocolumn", _elsarticle),
    Style("ieee-journal", "IEEEtran", "journal", _ieee_journal),
    Style("ieee-conference", "IEEEtran", "conference", _ieee_conference),
    Style("revtex", "revtex4-2", "aps,pra,twocolumn,nofootinbib", _revtex),
    Style("llncs", "llncs", "", _llncs),
    Style("acmart-sigconf", "acmart", "sigconf", _acmart, ACM),
    Style("acmart-small", "acmart", "acmsmall,screen", _acmart, ACM),
    Style("mnras", "mnras", "", _mnras),
    Style("amsart", "amsart", "", _amsart),
    Style("scrartcl", "scrartcl", "a4paper,11pt,parskip=half", _plain_front),
    Style("memoir", "memoir", "article,11pt,twoside", _plain_front),
    Style("apa7-journal", "apa7", "jou", _apa7),
    Style("apa7-manuscript", "apa7", "man", _apa7),
    Style("aastex", "aastex631", "twocolumn", _aastex),
]


def source(paper: Paper, style: Style) -> str:
    """The paper's LaTeX in ``style``: notes as footnotes, the reference list as ``thebibliography``."""
    front = style.front(paper)
    begin = "" if "\\begin{document}" in front else "\\begin{document}\n"
    out = [
        f"\\documentclass[{style.options}]{{{style.cls}}}",
        # Type 1 fonts with their glyphs mapped to Unicode, as publishers' PDFs carry them.
        "\\input glyphtounicode\\pdfgentounicode=1\\usepackage[T1]{fontenc}\\usepackage{lmodern}\\usepackage{url}",
        style.preamble,
        begin + front,
    ]
    for kind, text in paper.parts:
        if kind == "heading":
            out.append(f"\\section{{{tex(text)}}}")
            continue
        pieces = _CALL.split(text)
        notes = (
            tex(piece) if k % 2 == 0 else f"\\footnote{{{tex(paper.notes[piece])}}}" for k, piece in enumerate(pieces)
        )
        out.append("".join(notes))
    if paper.references:
        entries = "\n".join(f"\\bibitem{{r{k}}} {tex(entry)}" for k, entry in enumerate(paper.references))
        out.append(f"\\begin{{thebibliography}}{{99}}\n{entries}\n\\end{{thebibliography}}")
    out.append("\\end{document}")
    return "\n\n".join(out) + "\n"


@dataclass
class Result:
    style: str
    paragraphs: tuple[int, int] = (0, 0)
    notes: tuple[int, int] = (0, 0)
    headings: tuple[int, int] = (0, 0)
    references: tuple[int, int] = (0, 0)
    foreign: int = 0
    title: bool = False
    authors: bool = False
    abstract: bool = False
    refused: str = ""
    missing: list[str] = field(default_factory=list)

    def line(self) -> str:
        if self.refused:
            return f"{self.style:16} REFUSED {self.refused[:100]}"
        p, n, h, r = self.paragraphs, self.notes, self.headings, self.references
        front = "".join(
            c if ok else "-" for c, ok in zip("TAB", (self.title, self.authors, self.abstract), strict=True)
        )
        return (
            f"{self.style:16} para {p[0]:2}/{p[1]:<2} notes {n[0]:2}/{n[1]:<2} head {h[0]:2}/{h[1]:<2} "
            f"refs {r[0]:2}/{r[1]:<2} foreign {self.foreign:2} front {front}"
        )


def typeset(paper: Paper, style: Style, keep: Path | None) -> bytes | None:
    """The PDF pdflatex makes of the paper in ``style`` (run twice, for the notes' and pages' marks), or None."""
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "paper.tex").write_text(source(paper, style), encoding="utf-8")
        for _ in range(2):
            subprocess.run(
                ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "paper.tex"],
                cwd=tmp,
                capture_output=True,
                timeout=120,
                check=False,
            )
        pdf = Path(tmp) / "paper.pdf"
        if not pdf.exists():
            return None
        if keep:
            keep.mkdir(parents=True, exist_ok=True)
            shutil.copy(pdf, keep / f"{style.name}.pdf")
            shutil.copy(Path(tmp) / "paper.tex", keep / f"{style.name}.tex")
        return pdf.read_bytes()


def measure(style: Style, paper: Paper, keep: Path | None = None) -> Result | None:
    """Typeset the paper in ``style``, read it back, and compare with the source (None: the class is missing)."""
    from paper2myst.diagnostics import ConversionError
    from paper2myst.model import Heading
    from paper2myst.pipeline import convert_reading
    from paper2myst.readers.pdf import read_pdf
    from shared_papers import _body

    pdf = typeset(paper, style, keep)
    if pdf is None:
        return None
    result = Result(style.name)
    try:
        doc = convert_reading(read_pdf(pdf, images=False), f"{style.name}.pdf")
    except ConversionError as err:
        result.refused = "; ".join(d.message for d in err.diagnostics[:2])
        return result
    body = _body(doc)
    found = set(body)
    want = [normalise(_CALL.sub("", t)) for kind, t in paper.parts if kind == "paragraph"]
    result.paragraphs = (sum(p in found for p in want), len(want))
    result.missing = [f"paragraph {p[:100]}" for p in want if p not in found]
    joined = "\n".join([*want, normalise(ABSTRACT)])
    result.foreign = sum(1 for p in body if p and p not in joined)
    result.missing += [f"foreign {p[:100]}" for p in body if p and p not in joined]
    cited = [label for kind, t in paper.parts if kind == "paragraph" for label in _CALL.findall(t)]
    got = [plain(n.text, calls=False) for n in doc.notes]
    truth = [normalise(paper.notes[label]) for label in cited]
    result.notes = (sum(t in got for t in truth), len(truth))
    result.missing += [f"note {t[:100]}" for t in truth if t not in got]
    strip = re.compile(style.section_numbering)
    headings = {strip.sub("", plain(h.text)).casefold() for h in doc.body if isinstance(h, Heading)}
    wanted = [normalise(t).casefold() for kind, t in paper.parts if kind == "heading"]
    result.headings = (sum(h in headings for h in wanted), len(wanted))
    result.missing += [f"heading {h}" for h in wanted if h not in headings]
    entries = {re.sub(r"^\[\d+\]\s*", "", plain(r.text, calls=False)) for r in doc.references}
    truth_entries = [normalise(e) for e in paper.references]
    result.references = (sum(e in entries for e in truth_entries), len(truth_entries))
    result.missing += [f"reference {e[:100]}" for e in truth_entries if e not in entries]
    # Compared without case: a class may print the title in capitals (amsart), and so may the converter.
    result.title = normalise(plain(doc.front.title)).casefold() == normalise(paper.title).casefold()
    result.authors = sorted(normalise(a) for a in doc.front.authors) == sorted(AUTHORS)
    result.abstract = normalise(ABSTRACT) in {plain(p.text) for p in doc.front.abstract}
    if not result.title:
        result.missing.append(f"title {doc.front.title!r}")
    if not result.authors:
        result.missing.append(f"authors {doc.front.authors!r}")
    if not result.abstract:
        result.missing.append(f"abstract {[p.text[:60] for p in doc.front.abstract]!r}")
    return result


def main(argv: list[str]) -> None:
    verbose = "-v" in argv
    names = [a for a in argv if not a.startswith("-")]
    if shutil.which("pdflatex") is None:
        sys.exit("journal_zoo: needs pdflatex (Debian's texlive-latex-base and texlive-publishers)")
    paper, keep = source_paper(), Path("/tmp/journal-zoo") if verbose else None
    results = []
    for style in STYLES:
        if names and style.name not in names:
            continue
        result = measure(style, paper, keep)
        if result is None:
            print(f"{style.name:16} skipped: the class did not compile")
            continue
        results.append(result)
        print(result.line(), flush=True)
        if verbose:
            for miss in result.missing[:12]:
                print("      ", miss)
    done = [r for r in results if not r.refused]

    def total(attr: str) -> str:
        return ratio([getattr(r, attr) for r in done])

    print(
        f"{len(results)} classes, {len(results) - len(done)} refused; paragraphs {total('paragraphs')}, "
        f"notes {total('notes')}, headings {total('headings')}, references {total('references')}, "
        f"foreign {sum(r.foreign for r in done)}, title {sum(r.title for r in done)}, "
        f"authors {sum(r.authors for r in done)}, abstract {sum(r.abstract for r in done)} of {len(done)}"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
