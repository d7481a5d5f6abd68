"""Tests for the reference list parser, the BibTeX writer and the house style rendering."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import bibtexparser
import pybtex.database
import pytest
from hypothesis import given
from hypothesis import strategies as st
from paper2myst.bib import BibEntry, bibliography_myst, format_bibtex, make_key, parse_references
from paper2myst.bib.core import unique_keys
from paper2myst.dates import MONTHS, iso_date
from paper2myst.diagnostics import Kind
from paper2myst.latex import LABEL_FIELD, PRINTED_FIELD, latex_escape
from paper2myst.latex import latex_unescape as unescape
from paper2myst.model import Reference, Span
from pybtex.plugin import find_plugin

ROOT = Path(__file__).resolve().parents[1]
PAPER = ROOT / "refs" / "alieva-2023-decolonising.txt"
GOLD = ROOT / "tests" / "fixtures" / "references" / "gold.bib"
SPHINX_ROOT = ROOT / "tests" / "roots" / "bib"
sys.path.insert(0, str(ROOT / "docs" / "_ext"))

import housestyle  # noqa: E402

housestyle.register()

# A made-up reference list in the same house style, to show nothing is fitted to one paper.
OTHER_REFERENCES = [
    'Maria Rossi and Jan Kowalski, "Energy Corridors in the Eastern Mediterranean", in *Mediterranean Politics*, '
    "Vol. 12, No. 2 (Spring 2020), p. 45-67, DOI 10.1234/medpol.2020.0042",
    'Maria Rossi, "Gas Diplomacy after the War", in *IAI Commentaries*, No. 21 (March 2022), '
    "<https://www.iai.it/en/node/15000>",
    'Maria Rossi, "Gas Diplomacy & the Market", in *IAI Commentaries*, No. 22 (March 2022), '
    "<https://www.iai.it/en/node/15001>",
    'International Crisis Group, "A Fragile Truce in the Caucasus", in *Crisis Group Europe Reports*, '
    "No. 264 (8 February 2023), <https://www.crisisgroup.org/node/1234>",
    "Pierre Dupont (ed.), *Europe and Its Neighbours*, Rome, Nuova Cultura, 2021",
    "European Commission, *Commission Welcomes Agreement on Gas Storage*, 23 June 2022, "
    "<https://ec.europa.eu/commission/presscorner/detail/en/ip_22_3925>",
    "Ana López, Twitter post, 3 May 2023, <https://twitter.com/example/status/1>",
    "Council of the European Union, *Council Decision (CFSP) 2023/1234*, OJ L 160, 26.6.2023, p. 12, "
    "<https://eur-lex.europa.eu/eli/dec/2023/1234/oj>",
]
OTHER_KEYS = [
    "rossi2020energy",
    "rossi2022gasa",
    "rossi2022gasb",
    "internationalcrisisgroup2023fragile",
    "dupont2021europe",
    "europeancommission2022commission",
    "lopez2023twitter",
    "counciloftheeuropeanunion2023council",
]


def paper_references() -> list[Reference]:
    """Read the list entries: non-blank lines between "References" and the publisher's back matter."""
    lines = PAPER.read_text(encoding="utf-8").splitlines()
    start = lines.index("References") + 1
    end = lines.index("Istituto Affari Internazionali (IAI)")
    return [Reference(lines[i], Span((i + 1,))) for i in range(start, end) if lines[i].strip()]


def other_references() -> list[Reference]:
    return [Reference(text, Span((100 + 2 * i,))) for i, text in enumerate(OTHER_REFERENCES)]


def paper_entries() -> list[BibEntry]:
    entries, diagnostics = parse_references(paper_references())
    assert diagnostics == []
    return entries


def demarkdown(text: str) -> str:
    """Return the reader's text of MyST-ish source: no stars, no link syntax, whitespace normalised."""
    text = re.sub(r"\[((?:[^\]\\]|\\.)+)\]\((?:[^()\s]|\([^()\s]*\))+\)", lambda m: re.sub(r"\\(.)", r"\1", m[1]), text)
    text = re.sub(r"<([a-z][a-z0-9+.-]*:[^<>\s]+)>", r"\1", text)
    return " ".join(text.replace("*", "").split())


def render_text(entries: list[BibEntry]) -> list[str]:
    """Render the written .bib through pybtex with the house style, as plain text."""
    bib = pybtex.database.parse_string(format_bibtex(entries, "test"), "bibtex")
    style = find_plugin("pybtex.style.formatting", "housestyle")()
    return [" ".join(fe.text.render_as("text").split()) for fe in style.format_entries(bib.entries.values())]


def data_fields(entry: BibEntry) -> dict[str, str]:
    """The parsed fields, without the printed text and the list label (checked on their own)."""
    return {k: v for k, v in entry.fields.items() if k not in (PRINTED_FIELD, LABEL_FIELD)}


def gold_fields(path: Path = GOLD) -> dict[str, tuple[str, dict[str, str]]]:
    library = bibtexparser.parse_string(path.read_text(encoding="utf-8"))
    assert library.failed_blocks == []
    return {e.key: (e.entry_type, {f.key: str(f.value) for f in e.fields}) for e in library.entries}


# --- parsing ---------------------------------------------------------------------------------------


def test_all_28_references_parse_without_diagnostics() -> None:
    refs = paper_references()
    assert len(refs) == 28
    entries = paper_entries()
    assert len(entries) == 28
    assert [e.span for e in entries] == [r.span for r in refs]
    assert [e.source for e in entries] == [r.text for r in refs]
    assert len({e.key for e in entries}) == 28
    assert all(re.fullmatch(r"[a-z0-9]+", e.key) for e in entries)


def test_field_accuracy_against_gold_is_100_percent() -> None:
    gold = gold_fields()
    entries = paper_entries()
    assert [e.key for e in entries] == list(gold)
    total = right = 0
    wrong: list[str] = []
    for entry in entries:
        gtype, gfields = gold[entry.key]
        fields = data_fields(entry)
        for name in sorted(set(gfields) | set(fields) | {"@type"}):
            want = gtype if name == "@type" else gfields.get(name)
            got = entry.type if name == "@type" else fields.get(name)
            total += 1
            if want == got:
                right += 1
            else:
                wrong.append(f"{entry.key}.{name}: {got!r} != {want!r}")
    assert wrong == []
    assert right / total == 1.0


def test_every_word_of_the_source_is_in_the_fields() -> None:
    for entry in paper_entries():
        kept = " ".join(unescape(v) for v in data_fields(entry).values())
        words = re.findall(r"[A-Za-z]{2,}", demarkdown(entry.source))
        dates = {
            *MONTHS,
            "Summer",
            "Vol",
            "No",
            "DOI",
            "in",
            "ed",
        }
        missing = [w for w in words if w not in kept and w not in dates]
        assert missing == [], entry.key


def test_other_paper_parses_with_generic_rules() -> None:
    entries, diagnostics = parse_references(other_references())
    assert diagnostics == []
    assert [e.key for e in entries] == OTHER_KEYS
    by_key = {e.key: e for e in entries}
    assert by_key["rossi2020energy"].fields["date"] == "2020-21"
    assert by_key["rossi2022gasb"].fields["title"] == r"Gas Diplomacy \& the Market"
    assert by_key["internationalcrisisgroup2023fragile"].type == "report"
    assert by_key["internationalcrisisgroup2023fragile"].fields["institution"] == "Crisis Group Europe"
    assert by_key["dupont2021europe"].type == "collection"
    assert by_key["dupont2021europe"].fields["editor"] == "Pierre Dupont"
    assert by_key["lopez2023twitter"].type == "online"
    assert by_key["counciloftheeuropeanunion2023council"].fields["date"] == "2023-06-26"
    assert render_text(entries) == [demarkdown(t) for t in OTHER_REFERENCES]


def test_unsure_reference_becomes_misc_with_diagnostic() -> None:
    text = "!! ?? -- ## ;; :: 42 ,, ++"
    entries, diagnostics = parse_references([Reference(text, Span((7,)))])
    assert [(d.kind, d.line) for d in diagnostics] == [(Kind.UNPARSED_REFERENCE, 7)]
    assert entries[0].type == "misc"
    assert unescape(entries[0].fields["note"]) == text
    assert unescape(entries[0].fields[PRINTED_FIELD]) == text  # and it is still shown as printed


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("18 June 2021", "2021-06-18"),
        ("October 2018", "2018-10"),
        ("Summer 1995", "1995-22"),
        ("4.10.1993", "1993-10-04"),
        ("2018", "2018"),
    ],
)
def test_iso_dates_round_trip_through_the_fallback_style(text: str, iso: str) -> None:
    assert iso_date(text) == iso
    assert housestyle.format_date(iso, numeric="." in text) == text


def test_keys_and_clashes() -> None:
    assert make_key({"author": "Thomas de Waal", "title": "Black Garden", "date": "2003"}) == "dewaal2003black"
    assert make_key({"author": "{US Congress}", "title": "The Law", "date": "1992-10-24"}) == "uscongress1992law"
    assert make_key({"title": "UN Security Council Resolution 822 (1993)", "date": "1993"}) == "un1993security"
    assert unique_keys(["a1", "b2", "a1", "c3", "a1"]) == ["a1a", "b2", "a1b", "c3", "a1c"]
    # A clash never takes a key an entry has on its own; past "z" the letters double.
    assert unique_keys(["x2020", "x2020a", "x2020"]) == ["x2020b", "x2020a", "x2020c"]
    assert unique_keys(["k"] * 28)[25:] == ["kz", "kaa", "kab"]


@given(st.lists(st.sampled_from(["k", "ka", "kb", "kaa", "k1", "m"]), max_size=40))
def test_keys_are_unique_whatever_the_list(keys: list[str]) -> None:
    out = unique_keys(keys)
    assert len(set(out)) == len(out) == len(keys)
    assert all(new.startswith(old) for old, new in zip(keys, out, strict=True))


def test_latex_escaping_round_trips() -> None:
    text = "A & B_c {x} 100% $5 #1 ~ ^ \\ x--y"
    assert unescape(latex_escape(text)) == text


# --- the .bib file ---------------------------------------------------------------------------------


def test_bibtex_output_is_stable_and_valid() -> None:
    entries = paper_entries()
    text = format_bibtex(entries, "generated by paper2myst from test")
    assert text.startswith("% generated by paper2myst from test\n")
    assert text.endswith("}\n")
    assert format_bibtex(entries, "generated by paper2myst from test") == text
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [e.key for e in entries]
    # bibtexparser round trip: the same model.
    assert [(e.entry_type, e.key, {f.key: f.value for f in e.fields}) for e in library.entries] == [
        (e.type, e.key, e.fields) for e in entries
    ]


def test_pybtex_round_trip() -> None:
    entries = paper_entries()
    data = pybtex.database.parse_string(format_bibtex(entries, "x"), "bibtex")
    assert list(data.entries) == [e.key for e in entries]
    for entry in entries:
        parsed = data.entries[entry.key]
        assert parsed.type == entry.type
        names = {role: " and ".join(str(p) for p in persons) for role, persons in parsed.persons.items()}
        fields = {**dict(parsed.fields), **names}
        assert set(fields) == set(entry.fields)
        for role in names:
            assert len(parsed.persons[role]) == len(entry.fields[role].split(" and "))
        assert {k: v for k, v in fields.items() if k not in names} == {
            k: v for k, v in entry.fields.items() if k not in names
        }


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not installed")
def test_biber_validates_the_datamodel(tmp_path: Path) -> None:
    bib = tmp_path / "references.bib"
    bib.write_text(format_bibtex(paper_entries() + parse_references(other_references())[0], "x"), encoding="utf-8")
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-directory", ".", bib.name],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    warnings = [line for line in run.stdout.splitlines() if line.startswith(("WARN", "ERROR"))]
    assert warnings == []


# --- rendering -------------------------------------------------------------------------------------


def test_house_style_reproduces_the_list_word_for_word() -> None:
    entries = paper_entries()
    rendered = render_text(entries)
    source = [demarkdown(e.source) for e in entries]
    assert len(rendered) == 28

    def words(text: str) -> list[str]:
        return re.findall(r"[^\s,]+", text)

    assert [words(r) for r in rendered] == [words(s) for s in source]
    # Character for character, the source's missing comma after one author's name included.
    assert rendered == source


def test_house_style_falls_back_to_the_fields_without_printed_text() -> None:
    """A .bib from elsewhere (no printed text) still renders, from its fields, in the comma-notes form."""
    entries = paper_entries()
    for entry in entries:
        del entry.fields[PRINTED_FIELD]
    rendered = render_text(entries)
    assert rendered[0] == demarkdown(entries[0].source)


def test_bibliography_directive() -> None:
    entries = paper_entries()
    text = bibliography_myst(entries)
    assert text.startswith("```{bibliography}\n") and text.endswith("```\n")
    assert ":list: bullet" in text and ":style: housestyle" in text
    assert all(f'"{e.key}"' in text for e in entries)


# --- Sphinx ----------------------------------------------------------------------------------------


def sphinx_build(srcdir: Path, outdir: Path, builder: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-b",
            builder,
            "-n",
            "-W",
            "--keep-going",
            "-q",
            "-E",
            "-d",
            str(outdir.parent / f"{outdir.name}.doctrees"),
            str(srcdir),
            str(outdir),
        ],
        capture_output=True,
        text=True,
        check=False,
        # A copied conf.py cannot find docs/_ext relative to itself.
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "docs" / "_ext"), str(ROOT / "scripts")])},
    )


def test_sphinx_root_is_what_the_converter_writes() -> None:
    entries, _ = parse_references(other_references())
    assert (SPHINX_ROOT / "references.bib").read_text(encoding="utf-8") == format_bibtex(
        entries, "generated by paper2myst (test root)"
    )
    assert bibliography_myst(entries) in (SPHINX_ROOT / "index.md").read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["html", "epub"])
def test_sphinx_root_builds_without_warnings(tmp_path: Path, builder: str) -> None:
    run = sphinx_build(SPHINX_ROOT, tmp_path / "out", builder)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr
    from bs4 import BeautifulSoup

    page = tmp_path / "out" / ("index.html" if builder == "html" else "index.xhtml")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    items = soup.select("li[id^=cite-]")
    assert [li["id"] for li in items] == [f"cite-{k}" for k in OTHER_KEYS]
    for li in items:
        for back in li.select(".housestyle-backrefs"):
            back.decompose()
    assert [" ".join(li.get_text().split()) for li in items] == [demarkdown(t) for t in OTHER_REFERENCES]


@pytest.mark.parametrize("name", ["jordan-basin", "sahel-security"])
def test_test_papers_lists_render_as_printed_and_match_their_gold(name: str) -> None:
    """The test papers' lists: rendered entry by entry as printed; fields as in their hand-written .bib."""
    lines = (ROOT / "tests" / "fixtures" / "papers" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    start = lines.index("References") + 1
    end = lines.index("Istituto Affari Internazionali (IAI)")
    refs = [Reference(lines[i], Span((i + 1,))) for i in range(start, end) if lines[i].strip()]
    entries, diagnostics = parse_references(refs)
    assert diagnostics == []
    assert render_text(entries) == [demarkdown(r.text) for r in refs]
    gold = gold_fields(ROOT / "tests" / "fixtures" / "papers" / f"{name}.expected" / "references.bib")
    assert {e.key: (e.type, data_fields(e)) for e in entries} == {
        k: (t, {f: v for f, v in fields.items() if f != PRINTED_FIELD}) for k, (t, fields) in gold.items()
    }
