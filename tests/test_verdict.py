"""The verdict line: a refusal names --strict only when --strict was given and is why; otherwise the errors' kinds."""

from __future__ import annotations

from pathlib import Path

import pytest
from paper2myst.cli import main
from paper2myst.diagnostics import Diagnostic, Kind
from paper2myst.report import verdict
from test_untrusted import KEYWORDS_AS_TITLE

ERROR = Diagnostic(Kind.NO_TEXT, 0, "the PDF has no text layer (a scan?); it needs OCR first")
WARNING = Diagnostic(Kind.SUSPICIOUS_FRONT, 1, "the title reads like a keywords line")


@pytest.mark.parametrize("strict", [False, True])
def test_refused_for_an_error_names_the_error_not_strict(strict: bool) -> None:
    line = verdict([ERROR, WARNING] if strict else [ERROR], refused=True, strict=strict)
    assert line == "verdict: nothing written — the input cannot be converted: 1 error (no_text)"
    assert "--strict" not in line


def test_refused_for_warnings_under_strict_names_strict() -> None:
    assert verdict([WARNING, WARNING], refused=True, strict=True) == (
        "verdict: nothing written — --strict refuses 2 warnings (resolve them, or drop --strict to convert)"
    )


def test_refused_without_error_or_strict_blames_no_flag() -> None:
    assert verdict([WARNING], refused=True) == "verdict: nothing written — resolve 1 finding"


def test_errors_counted_by_kind() -> None:
    errors = [Diagnostic(Kind.BINARY, 3, "a"), Diagnostic(Kind.ENCODING, 5, "b")] * 2
    assert verdict(errors, refused=True).endswith("4 errors (binary, encoding)")


def _run(tmp_path: Path, name: str, data: bytes, *flags: str) -> tuple[int, str, str]:
    source = tmp_path / name
    source.write_bytes(data)
    report = tmp_path / "review.md"
    status = main(
        [
            str(source),
            "--docs",
            str(tmp_path / "docs"),
            "--bib",
            str(tmp_path / "r.bib"),
            "--report",
            str(report),
            *flags,
        ]
    )
    return status, report.read_text(encoding="utf-8"), str(source)


def test_cli_refusal_for_bad_input_does_not_blame_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, report, _ = _run(tmp_path, "paper.txt", b"Water\x00Rights\n")
    assert status == 2
    err = capsys.readouterr().err
    expected = "verdict: nothing written — the input cannot be converted: 1 error (binary)"
    assert f"paper2myst: {expected}\n" in err and "--strict" not in err
    assert expected in report  # the review report says the same, not "converted"


def test_cli_refusal_under_strict_names_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, report, _ = _run(tmp_path, "paper.txt", KEYWORDS_AS_TITLE.encode("utf-8"), "--strict")
    assert status == 2
    err = capsys.readouterr().err
    assert "paper2myst: verdict: nothing written — --strict refuses" in err
    assert "drop --strict to convert" in report
    # Without --strict the same paper converts: --strict was the only reason.
    status, report, _ = _run(tmp_path, "paper.txt", KEYWORDS_AS_TITLE.encode("utf-8"))
    assert status == 0 and "--strict" not in capsys.readouterr().out
