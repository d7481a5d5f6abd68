"""Printed mathematics → LaTeX: Greek letters, operators and letters of one script level, each as printed."""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass

# Greek letters by their Unicode names; the variant forms keep their own command (ϕ U+03D5 is \phi and φ U+03C6
# \varphi in LaTeX, as its fonts draw them; ε U+03B5 is \varepsilon, ϵ U+03F5 \epsilon).
_GREEK = {
    "α": r"\alpha",
    "β": r"\beta",
    "γ": r"\gamma",
    "δ": r"\delta",
    "ε": r"\varepsilon",
    "ϵ": r"\epsilon",
    "ζ": r"\zeta",
    "η": r"\eta",
    "θ": r"\theta",
    "ϑ": r"\vartheta",
    "ι": r"\iota",
    "κ": r"\kappa",
    "λ": r"\lambda",
    "μ": r"\mu",
    "µ": r"\mu",  # the micro sign, which fonts draw as mu
    "ν": r"\nu",
    "ξ": r"\xi",
    "π": r"\pi",
    "ρ": r"\rho",
    "σ": r"\sigma",
    "ς": r"\varsigma",
    "τ": r"\tau",
    "υ": r"\upsilon",
    "ϕ": r"\phi",
    "φ": r"\varphi",
    "χ": r"\chi",
    "ψ": r"\psi",
    "ω": r"\omega",
    "Γ": r"\Gamma",
    "Δ": r"\Delta",
    "Θ": r"\Theta",
    "Λ": r"\Lambda",
    "Ξ": r"\Xi",
    "Π": r"\Pi",
    "Σ": r"\Sigma",
    "Φ": r"\Phi",
    "Ψ": r"\Psi",
    "Ω": r"\Omega",
}
_OPERATORS = {
    "−": "-",  # the minus sign: LaTeX's "-" in maths is one
    "–": "-",  # an en dash set for a minus by a word processor
    "×": r"\times",
    "·": r"\cdot",
    "÷": r"\div",
    "±": r"\pm",
    "≤": r"\leq",
    "≥": r"\geq",
    "≠": r"\neq",
    "≈": r"\approx",
    "∑": r"\sum",
    "∏": r"\prod",
    "∫": r"\int",
    "∂": r"\partial",
    "∞": r"\infty",
    "√": r"\sqrt{}",
    "%": r"\%",
    "<": "<",
    ">": ">",
}
# The printed number: "(4)", "(B1)", "(2.3)" before the equation or after it.
_NUMBER = r"\(([A-Z]?\d{1,2}(?:\.\d{1,2})?[a-z]?)\)"
LEADING_NUMBER = re.compile(rf"^\s*{_NUMBER}\s+")
TRAILING_NUMBER = re.compile(rf"\s+{_NUMBER}\s*$")
_PLAIN = set("0123456789+-=/()[],.:;|!'")
_LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class Piece:
    """Printed characters at one script level: 0 on the line, 1 raised (superscript), -1 lowered (subscript)."""

    text: str
    level: int = 0
    italic: bool = False


def math_letter(char: str) -> bool:
    """A letter of Unicode's mathematical alphanumerics (𝑌, 𝛼: U+1D400–U+1D7FF), as maths typesetters set them."""
    return 0x1D400 <= ord(char) <= 0x1D7FF


def _plain_letters(piece: Piece) -> list[Piece]:
    """The piece with its mathematical letters as the letters they are, italic where their names say so."""
    if not any(math_letter(c) for c in piece.text):
        return [piece]
    out: list[Piece] = []
    for char in piece.text:
        italic = "ITALIC" in unicodedata.name(char, "") if math_letter(char) else piece.italic
        char = unicodedata.normalize("NFKC", char) if math_letter(char) else char
        if out and out[-1].italic == italic:
            out[-1] = Piece(out[-1].text + char, piece.level, italic)
        else:
            out.append(Piece(char, piece.level, italic))
    return out


def known(char: str) -> bool:
    """Whether LaTeX is made for ``char`` here (anything else makes an equation one to check, not a guess)."""
    if math_letter(char):
        char = unicodedata.normalize("NFKC", char)
    listed = char in _GREEK or char in _OPERATORS or char in _PLAIN
    return listed or char.isspace() or (char.isascii() and char.isalpha())


def _atoms(text: str, italic: bool) -> list[str]:
    """One level's characters as LaTeX atoms; a printed space between two letters or numbers stays a space."""
    atoms: list[str] = []
    spaced = False
    for match in re.finditer(r"[A-Za-z]+|\d+(?:\.\d+)?|\s+|.", unicodedata.normalize("NFC", text)):
        piece = match.group()
        if piece.isspace():
            spaced = bool(atoms)
            continue
        if _LETTERS.fullmatch(piece):
            atom = piece if italic else rf"\mathrm{{{piece}}}"  # upright letters as printed, not math italic
        else:
            atom = _GREEK.get(piece) or _OPERATORS.get(piece) or piece
        if spaced and _word(atoms[-1]) and _word(atom):
            atoms.append(r"\ ")
        atoms.append(atom)
        spaced = False
    return atoms


def _word(atom: str) -> bool:
    """An atom that is a letter, a number or a Greek letter (a printed space beside two of them is kept)."""
    return atom[:1].isalnum() or atom.startswith(r"\mathrm") or atom in _GREEK.values()


def latex(pieces: list[Piece]) -> str:
    """The LaTeX of printed pieces: a raised or lowered run of pieces is the script of the atom before it."""
    out: list[str] = []
    pieces = [part for piece in pieces for part in _plain_letters(piece)]
    for level, group in itertools.groupby(pieces, key=lambda p: p.level):
        # Runs of one level and slant are read as one text, so that a space between two runs is seen.
        runs = itertools.groupby(group, key=lambda p: p.italic)
        atoms = [atom for italic, same in runs for atom in _atoms("".join(p.text for p in same), italic)]
        if level == 0:
            out += atoms
            continue
        mark = "^" if level > 0 else "_"
        base = out.pop() if out else "{}"
        out.append(f"{base}{mark}{{{' '.join(atoms)}}}")
    return " ".join(out)


def number(text: str) -> str:
    """The number printed before or after an equation ("B1" for "(B1) Y = X"), or ""."""
    found = LEADING_NUMBER.match(text) or TRAILING_NUMBER.search(text)
    return found.group(1) if found else ""


def label(number: str) -> str:
    """An equation's label in the output: "eq-" and its printed number in lower case ("eq-b1", "eq-2-3")."""
    return "eq-" + re.sub(r"[^a-z0-9]+", "-", number.lower()).strip("-")


def plain(text: str) -> str | None:
    """The LaTeX of an equation given as plain text (no scripts can be told there), without its number; or None."""
    found = LEADING_NUMBER.match(text) or TRAILING_NUMBER.search(text)
    if found:
        text = text[found.end() :] if found.start() == 0 else text[: found.start()]
    if not all(known(char) for char in text):
        return None
    return latex([Piece(text)])
