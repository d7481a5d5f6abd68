"""Each block kind the text route knows, input → expected MyST (written by hand), one case per kind.

Cases live in tests/fixtures/kinds/*.md in MyST-Parser's fixture form: a title line, ``.``, the input, ``.``,
the expected MyST of the body and the notes, ``.``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.emit import body, notes
from paper2myst.pipeline import convert

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"


def read_cases() -> list[tuple[str, str, str]]:
    cases = []
    for path in sorted(FIXTURES.glob("*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        at = 0
        while at < len(lines):
            if not lines[at].strip():
                at += 1
                continue
            title = lines[at]
            assert lines[at + 1] == ".", title
            end_input = lines.index(".", at + 2)
            end_output = lines.index(".", end_input + 1)
            cases.append((title, "\n".join(lines[at + 2 : end_input]), "\n".join(lines[end_input + 1 : end_output])))
            at = end_output + 1
    return cases


CASES = read_cases()


@pytest.mark.parametrize(("title", "source", "expected"), CASES, ids=[c[0][:60] for c in CASES])
def test_kind(title: str, source: str, expected: str) -> None:
    doc = convert((source + "\n").encode("utf-8"), "paper.txt")
    assert "\n".join([*body(doc), *notes(doc)]).rstrip("\n") == expected
