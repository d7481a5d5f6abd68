"""LaTeX maths (the subset paper2myst writes) → Typst maths; its ``\\tag`` is the equation's printed number."""

from __future__ import annotations

import re
import unicodedata

# Commands paper2myst writes for signs (paper2myst.mathtext): Typst takes the character itself in maths.
_SIGNS = {
    "varepsilon": "ε",
    "epsilon": "ϵ",
    "vartheta": "ϑ",
    "varsigma": "ς",
    "varphi": "φ",
    "phi": "ϕ",
    "times": "×",
    "cdot": "·",
    "div": "÷",
    "pm": "±",
    "leq": "≤",
    "geq": "≥",
    "neq": "≠",
    "approx": "≈",
    "sum": "∑",
    "prod": "∏",
    "int": "∫",
    "partial": "∂",
    "infty": "∞",
    "%": "%",
}
_TOKEN = re.compile(r"\\(?:[A-Za-z]+|.)|[_^]\{|[{}]|\s+|.")
_TAG = re.compile(r"\\tag\{([^{}]*)\}")
# Characters Typst reads as markup in maths: set apart with a backslash.
_ESCAPE = set('/\\$#"@<>_^&')


class Unsupported(ValueError):
    """LaTeX outside the subset this translator knows."""


def split_tag(latex: str) -> tuple[str, str]:
    """The LaTeX without its ``\\tag{…}``, and the tag ("" for none)."""
    found = _TAG.search(latex)
    if not found:
        return latex.strip(), ""
    return (latex[: found.start()] + latex[found.end() :]).strip(), found.group(1)


def _greek(name: str) -> str | None:
    """The Greek letter a command names (``\\tau`` → τ, ``\\Delta`` → Δ), or None."""
    try:
        char = unicodedata.lookup(f"GREEK {'CAPITAL' if name[0].isupper() else 'SMALL'} LETTER {name.upper()}")
    except KeyError:
        return None
    return char


def _text(body: str) -> str:
    return '"' + body.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst(latex: str) -> str:
    """The Typst maths of ``latex`` (without the ``$``): scripts in brackets, upright words as text, signs as such."""
    out: list[str] = []
    closers: list[str] = []
    tokens = _TOKEN.findall(latex)
    i = 0
    while i < len(tokens):
        token = tokens[i]
        i += 1
        if token.isspace():
            continue
        if token in {"_{", "^{"}:
            out.append(token[0] + "(")
            closers.append(")")
        elif token == "{" and tokens[i : i + 1] == ["}"]:
            out.append('""')  # an empty base, as for a script printed before anything
            i += 1
        elif token == "}":
            if not closers:
                raise Unsupported(f"unbalanced brace in {latex!r}")
            out.append(closers.pop())
        elif token in {r"\mathrm", r"\text"}:
            if i >= len(tokens) or tokens[i] != "{":
                raise Unsupported(f"{token} without its braces in {latex!r}")
            end = tokens.index("}", i)
            out.append(_text("".join(tokens[i + 1 : end])))
            i = end + 1
        elif token == r"\ ":
            out.append("space")
        elif token == r"\,":
            out.append("thin")
        elif token.startswith("\\") and len(token) > 1:
            name = token[1:]
            sign = _SIGNS.get(name) or _greek(name)
            if sign is None:
                raise Unsupported(f"no Typst form for {token} in {latex!r}")
            out.append(sign)
        elif token in _ESCAPE:
            out.append("\\" + token)
        elif token.isascii() and token.isalpha():
            out.append(token)  # one letter a token: a word of letters would be read as a variable's name
        else:
            out.append(token)
    if closers:
        raise Unsupported(f"unbalanced brace in {latex!r}")
    # A script's bracket follows its base directly ("x_(i)"): no space may stand before it.
    return re.sub(r" (?=[_^]\()", "", " ".join(t for t in out if t)).replace("( ", "(").replace(" )", ")")


def alt(latex: str) -> str:
    """The equation as a line of text, for its alternative text: signs as characters, scripts after _ and ^."""
    out = re.sub(r"\\(?:mathrm|text)\{([^{}]*)\}", r"\1", latex)
    out = re.sub(r"\\([A-Za-z]+)", lambda m: _SIGNS.get(m.group(1)) or _greek(m.group(1)) or m.group(), out)
    out = re.sub(r"([_^])\{([^{}]*)\}", lambda m: m.group(1) + m.group(2).replace(" ", ""), out)
    return " ".join(out.replace("\\ ", " ").replace("\\%", "%").replace("{}", "").split())


def block(latex: str) -> str:
    """A display equation in Typst markup, its printed number (the tag) at the right as the paper prints it."""
    body, tag = split_tag(latex)
    numbering = f", numbering: _ => {_text('(' + tag + ')')}" if tag else ""
    return f"#math.equation(block: true{numbering}, alt: {_text(alt(body))}, $ {typst(body)} $.body)"


def inline(latex: str) -> str:
    """Maths in a line of text, in Typst markup (with its alternative text, as PDF/UA wants)."""
    return f"#math.equation(block: false, alt: {_text(alt(latex))}, $ {typst(latex)} $.body)"
