"""Tests for finding citations in notes and linking them to the bibliography (also in Sphinx)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from paper2myst.bib import BibEntry, bibliography_myst, citation_myst, find_citations, format_bibtex, parse_references
from paper2myst.citations import _CONSTRUCTS, find_text_citations, organisation, printed_parts, split_people, visible
from paper2myst.diagnostics import Kind
from paper2myst.model import Document, Note, Paragraph, Reference, Span
from paper2myst.stages.link import link, works_cited
from test_bib import (
    PAPER,
    SPHINX_ROOT,
    demarkdown,
    other_references,
    paper_entries,
    paper_references,
    sphinx_build,
)

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Notes cut by a page break, and the line their text continues on (the lead's stage rejoins them).
CONTINUATIONS = {"10": 83, "27": 155}

EXPECTED = {
    "1": ["altstadt1992azerbaijani"],
    "3": ["carley1998nagornokarabakh"],
    "4": ["un1993security"],
    "8": ["dewaal2003black"],
    "10": ["alieva2018how"],
    "11": ["centerforpreventiveaction2023nagornokarabakh"],
    "12": ["aliyev2021azerbaijan"],
    "13": ["europeanexternalactionservice2023azerbaijan", "usdepartmentofstate2023call"],
    "14": ["counciloftheeuropeanunion2023armenia"],
    "15": ["europeanparliament1993resolution"],
    "16": ["uscongress1992public"],
    "17": ["congressionalresearchservice1995former"],
    "18": ["broers2019armenia"],
    "19": ["centerforpreventiveaction2023nagornokarabakh"],
    "20": ["unitednations2008general", "unitednations2018general", "vlas2018un"],
    "21": ["gavin2023armenia"],
    "23": ["gavin2023nagornokarabakh"],
    "24": ["ohanyan2022illiberal"],
    "25": ["meister2023nagornokarabakh"],
    "26": ["mansfield1995democratization"],
    "27": ["alieva2018test"],
    "31": ["rzayev2023reintegration"],
}
# Works cited in notes but missing from the list: note label -> how many.
EXPECTED_UNLISTED = {"2": 2, "5": 1, "6": 1, "9": 1, "22": 1, "28": 1, "29": 1}
# Exact citing words for a few notes.
EXPECTED_WORDS = {
    (
        "1",
        "altstadt1992azerbaijani",
    ): "Audrey L. Altstadt, *The Azerbaijani Turks. Power and Identity under Russian Rule*",
    ("19", "centerforpreventiveaction2023nagornokarabakh"): 'Center for Preventive Action, "Nagorno-Karabakh Conflict"',
    ("16", "uscongress1992public"): "US Congress, *Public Law 102-511*",
    (
        "25",
        "meister2023nagornokarabakh",
    ): 'Stefan Meister "Nagorno-Karabakh: The Rise of Authoritarian Conflict Resolution"',
    ("4", "un1993security"): "UN Security Council Resolution 822 (1993)",
    ("31", "rzayev2023reintegration"): "Shahin Rzayev, Reintegration of Karabakh Armenians: This Is Fantastic!",
}

OTHER_NOTES = {
    "1": 'Maria Rossi and Jan Kowalski, "Energy Corridors in the Eastern Mediterranean", in *Mediterranean Politics*, '
    "Vol. 12, No. 2 (Spring 2020), p. 45-67, DOI 10.1234/medpol.2020.0042.",
    "2": "Ibid., p. 50.",
    "3": 'See Maria Rossi, "Gas Diplomacy after the War", in *IAI Commentaries*, No. 21 (March 2022), '
    "<https://www.iai.it/en/node/15000>; and European Commission, *Commission Welcomes Agreement on Gas Storage*, "
    "23 June 2022, <https://ec.europa.eu/commission/presscorner/detail/en/ip_22_3925>.",
    "4": 'Rossi and Kowalski, "Energy Corridors", cit., p. 46.',
    "5": "John Smith, *An Unlisted Book*, London, Routledge, 2019, p. 3.",
    "6": "Pierre Dupont (ed.), *Europe and Its Neighbours*, cit.",
    "7": "Ana López, Twitter post, 3 May 2023, <https://twitter.com/example/status/1>.",
    "8": "Council of the European Union, *Council Decision (CFSP) 2023/1234*, OJ L 160, 26.6.2023, p. 12.",
    "9": 'As argued by Maria Rossi, "Gas Diplomacy & the Market", cit.',
}
OTHER_EXPECTED = {
    "1": ["rossi2020energy"],
    "2": ["rossi2020energy"],
    "3": ["rossi2022gasa", "europeancommission2022commission"],
    "4": ["rossi2020energy"],
    "5": [],
    "6": ["dupont2021europe"],
    "7": ["lopez2023twitter"],
    "8": ["counciloftheeuropeanunion2023council"],
    "9": ["rossi2022gasb"],
}


def paper_notes() -> list[Note]:
    """Read the notes as the lead's stages give them: label, rejoined source text, lines."""
    lines = PAPER.read_text(encoding="utf-8").splitlines()
    notes: list[Note] = []
    for i, line in enumerate(lines):
        if m := re.match(f"([{SUPERSCRIPTS}]+) ", line):
            label = m[1].translate(str.maketrans(SUPERSCRIPTS, "0123456789"))
            note = Note(label, line[m.end() :], Span((i + 1,)))
            if label in CONTINUATIONS:
                note.text += " " + lines[CONTINUATIONS[label] - 1]
                note.span = note.span + Span((CONTINUATIONS[label],))
            notes.append(note)
    return notes


def other_notes() -> list[Note]:
    return [Note(label, text, Span((200 + int(label),))) for label, text in OTHER_NOTES.items()]


def mapping(notes: list[Note]) -> dict[str, list[str]]:
    return {n.label: [c.key for c in n.citations] for n in notes if n.citations}


def note_myst(note: Note) -> str:
    """Write a note as the converter does: citing words wrapped by citation_myst."""
    out, pos = [], 0
    for c in note.citations:
        out += [note.text[pos : c.start], citation_myst(note.text[c.start : c.end], c.key)]
        pos = c.end
    return "".join([*out, note.text[pos:]])


def test_paper_links_25_of_25_and_nothing_else() -> None:
    notes = paper_notes()
    assert len(notes) == 31
    find_citations(notes, paper_entries())
    assert mapping(notes) == EXPECTED
    assert sum(len(n.citations) for n in notes) == 25
    found = {(n.label, c.key): n.text[c.start : c.end] for n in notes for c in n.citations}
    for where, words in EXPECTED_WORDS.items():
        assert found[where] == words


def test_paper_unlisted_citations_are_reported_once_each() -> None:
    notes = paper_notes()
    diagnostics = find_citations(notes, paper_entries())
    assert {d.kind for d in diagnostics} == {Kind.UNLISTED_CITATION}
    first_line = {n.label: n.span.first for n in notes}
    per_note: dict[str, int] = {}
    for d in diagnostics:
        label = re.match(r"note (\S+) ", d.message)
        assert label is not None and d.line == first_line[label[1]]
        per_note[label[1]] = per_note.get(label[1], 0) + 1
    assert per_note == EXPECTED_UNLISTED


def test_spans_never_cut_markup() -> None:
    notes = paper_notes() + other_notes()
    find_citations(notes[:31], paper_entries())
    find_citations(notes[31:], parse_references(other_references())[0])
    for note in notes:
        constructs = [m.span() for m in _CONSTRUCTS.finditer(note.text)]
        for c in note.citations:
            assert 0 <= c.start < c.end <= len(note.text)
            assert not any(s < c.start < e or s < c.end < e for s, e in constructs), (note.label, c)


def test_other_paper_links_ibid_and_cit() -> None:
    notes = other_notes()
    diagnostics = find_citations(notes, parse_references(other_references())[0])
    assert {n.label: [c.key for c in n.citations] for n in notes} == OTHER_EXPECTED
    assert [(d.kind, d.line) for d in diagnostics] == [(Kind.UNLISTED_CITATION, 205)]
    ibid = notes[1].citations[0]
    assert notes[1].text[ibid.start : ibid.end] == "Ibid."
    cit = notes[3].citations[0]
    assert notes[3].text[cit.start : cit.end] == 'Rossi and Kowalski, "Energy Corridors"'


def kept_whole(entry: BibEntry, source: str | None = None) -> BibEntry:
    """The entry as a parser unsure of it keeps it: @misc, the whole text as title and note, no names."""
    text = source if source is not None else entry.source
    fields = {"title": text, "note": text, "date": "XXXX", "usera": text}
    return BibEntry(entry.key, "misc", fields, entry.span, text, reader="tagger", confidence=0.3)


def test_links_hold_when_every_entry_is_kept_whole() -> None:
    """Linking reads the entries' printed words: an entry whose fields are lost is a link target like any other."""
    notes = paper_notes()
    find_citations(notes, [kept_whole(e) for e in paper_entries()])
    assert mapping(notes) == EXPECTED


def test_links_hold_when_the_list_loses_its_emphasis_and_the_notes_gain_links() -> None:
    """As a PDF read back gives them: titles in the list no longer emphasised, a link over a note's title words."""
    notes = paper_notes()
    note13 = next(n for n in notes if n.label == "13")
    url = "https://www.state.gov/call-for-end-of-hostilities-in-nagorno-karabakh"
    note13.text = note13.text.replace(
        "*Call for End of Hostilities in Nagorno-Karabakh*", f"[Call for End of Hostilities in Nagorno-Karabakh]({url})"
    )
    find_citations(notes, [kept_whole(e, e.source.replace("*", "")) for e in paper_entries()])
    assert mapping(notes) == EXPECTED
    cited = [note13.text[c.start : c.end] for c in note13.citations]
    assert cited[1] == "US Department of State"  # links do not nest: the citation stops where the link begins
    for note in notes:
        constructs = [m.span() for m in _CONSTRUCTS.finditer(note.text)]
        for c in note.citations:
            assert not any(s < c.start < e or s < c.end < e for s, e in constructs), (note.label, c)


def test_a_citation_two_entries_match_is_a_finding_naming_both() -> None:
    entries = parse_references(
        [
            Reference('Maria Rossi, "Gas Diplomacy", in *IAI Commentaries*, No. 21 (March 2022)', Span((1,))),
            Reference('Maria Rossi, "Gas Diplomacy", in *IAI Papers*, No. 4 (May 2022)', Span((2,))),
        ]
    )[0]
    notes = [Note("1", 'Maria Rossi, "Gas Diplomacy", cit., p. 4.', Span((10,)))]
    diagnostics = find_citations(notes, entries)
    assert len(notes[0].citations) == 1
    (finding,) = [d for d in diagnostics if "two entries" in d.message]
    assert finding.line == 10 and "IAI Commentaries" in finding.message and "IAI Papers" in finding.message


def test_an_unlinked_citation_names_the_entry_with_the_same_names() -> None:
    entries = parse_references([Reference('Maria Rossi, "Gas Diplomacy", in *IAI Commentaries*, 2022', Span((1,)))])[0]
    notes = [
        Note("1", 'Maria Rossi, "Oil Politics", in *IAI Commentaries*, 2021, <https://example.org/1>.', Span((9,)))
    ]
    (finding,) = find_citations(notes, entries)
    assert "Oil Politics" in finding.message and "Gas Diplomacy" in finding.message


@pytest.mark.parametrize(
    ("source", "parts"),
    [
        ('Leila Alieva, "Title, with a Comma", in *X*, 2021', ("Leila Alieva", "Title, with a Comma")),
        ("Laurence Broers (ed.), *Limits*, London, 2005", ("Laurence Broers", "Limits")),
        (
            "Hussein A. Amery, Water Wars in the Middle East, Austin, 2015",
            ("Hussein A. Amery", "Water Wars in the Middle East"),
        ),
        ("Center for Preventive Action, Conflict Tracker, 2023", ("Center for Preventive Action", "Conflict Tracker")),
        (
            "UN Resolution 822 (1993) adopted on 30 April 1993, <https://un.org/1>",
            ("", "UN Resolution 822 (1993) adopted on 30 April 1993"),
        ),
        ("[Mark Zeitoun](https://x.org), *Power*, 2008", ("Mark Zeitoun", "Power")),
    ],
)
def test_printed_parts_read_names_and_title_from_the_marks(source: str, parts: tuple[str, str]) -> None:
    assert printed_parts(source) == parts


def test_organisation_boundaries() -> None:
    """Up to eight words, fewer than half of them lowercase, no digits."""
    assert organisation("Initiative of the Basin States of Upper Nile")  # 8 words
    assert not organisation("Initiative of the Basin States of the Upper Nile")  # 9 words
    assert organisation("Bank of East Asia")  # 1 lowercase of 4
    assert not organisation("Bank of the East")  # 2 lowercase of 4: half
    assert not organisation("Resolution 822")


def test_split_people_only_persons() -> None:
    assert split_people("Talander Jansen and Hannah Ahamad Madatali") == ["Talander Jansen", "Hannah Ahamad Madatali"]
    assert split_people("Thomas de Waal") == ["Thomas de Waal"]
    assert split_people("European Parliament and Council") == []  # "Council" alone is no person
    assert split_people("US Congress") == []


def test_visible_maps_each_character_back() -> None:
    text = "A, [B c](https://x.org) *d* \\* <https://y.org>"
    seen, where = visible(text)
    assert seen == "A, B c d * https://y.org"
    assert len(where) == len(seen) + 1 and all(0 <= w <= len(text) for w in where)


def test_find_citations_resets_previous_results() -> None:
    notes = other_notes()
    entries = parse_references(other_references())[0]
    find_citations(notes, entries)
    find_citations(notes, entries)
    assert sum(len(n.citations) for n in notes) == 9


def test_citation_myst_markup() -> None:
    assert citation_myst("Anna *B*", "b2020c") == "[Anna *B*](#cite-b2020c)"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_find_citations_never_crashes_and_stays_in_bounds(text: str) -> None:
    note = Note("1", text, Span((1,)))
    find_citations([note], parse_references(other_references())[0])
    assert all(0 <= c.start < c.end <= len(text) for c in note.citations)


# --- Sphinx: the whole paper ----------------------------------------------------------------------


def paper_page(entries: list[BibEntry], notes: list[Note]) -> str:
    """Write a page shaped like the converter's output: body with markers, notes, References."""
    body = " ".join(f"Claim {n.label}.[^{n.label}]" for n in notes)
    defs = "\n\n".join(f"[^{n.label}]: {note_myst(n)}" for n in notes)
    return f"# Paper\n\n{body}\n\n{defs}\n\n## References\n\n{bibliography_myst(entries)}"


@pytest.mark.slow
@pytest.mark.parametrize("builder", ["html", "epub"])
def test_paper_builds_in_sphinx_with_links_and_backlinks(tmp_path: Path, builder: str) -> None:
    from bs4 import BeautifulSoup

    entries = paper_entries()
    notes = paper_notes()
    find_citations(notes, entries)
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SPHINX_ROOT / "conf.py", src / "conf.py")
    (src / "references.bib").write_text(format_bibtex(entries, "generated by paper2myst"), encoding="utf-8")
    (src / "index.md").write_text(paper_page(entries, notes), encoding="utf-8")
    out = tmp_path / "out"
    run = sphinx_build(src, out, builder)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr

    page = out / ("index.html" if builder == "html" else "index.xhtml")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    ids = [tag["id"] for tag in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    links = [a for a in soup.find_all("a", href=True) if a["href"].startswith("#cite-")]
    assert len(links) == 25
    assert all(soup.find(id=a["href"][1:]) is not None for a in links)
    # Link texts are the citing words, verbatim (markup removed).
    wanted = sorted(demarkdown(n.text[c.start : c.end]) for n in notes for c in n.citations)
    assert sorted(" ".join(a.get_text().split()) for a in links) == wanted

    items = soup.select("li[id^=cite-]")
    assert [li["id"] for li in items] == [f"cite-{e.key}" for e in entries]
    backrefs = {}
    for li in items:
        back = li.select_one(".housestyle-backrefs")
        if back is not None:
            targets = [a["href"] for a in back.find_all("a")]
            assert all(soup.find(id=t[1:]) is not None for t in targets)
            backrefs[li["id"][5:]] = [a.get_text() for a in back.find_all("a")]
            back.decompose()
    cited: dict[str, list[str]] = {}
    for n in notes:
        for c in n.citations:
            cited.setdefault(c.key, []).append(n.label)
    assert backrefs == cited
    rendered = [" ".join(li.get_text().split()) for li in items]
    source = [demarkdown(r.text) for r in paper_references()]
    assert [re.findall(r"[^\s,]+", r) for r in rendered] == [re.findall(r"[^\s,]+", s) for s in source]


# --- citations in the text: author-date and numbered (test papers written for these tests) ----------------

PAPERS = Path(__file__).parent / "fixtures" / "references" / "papers"


def text_paper(name: str) -> Document:
    """A test paper's body paragraphs and reference list as the stages give them to ``link``."""
    lines = (PAPERS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    doc = Document()
    refs = lines.index("References")
    end = next((i for i in range(refs, len(lines)) if lines[i].startswith("Istituto")), len(lines))
    for i, line in enumerate(lines[3:refs], start=4):
        if line.strip():
            doc.body.append(Paragraph(line, Span((i,))))
    for i, line in enumerate(lines[refs + 1 : end], start=refs + 2):
        if line.strip():
            doc.references.append(Reference(line, Span((i,))))
    return doc


def text_links(doc: Document) -> list[list[tuple[str, int]]]:
    """Each paragraph's citing words and the list position (0-based) of the entry they link to."""
    position = {e.key: i for i, e in enumerate(doc.entries)}
    return [
        [(p.text[c.start : c.end], position[c.key]) for c in p.citations] for p in doc.body if isinstance(p, Paragraph)
    ]


def test_author_date_citations_link_to_their_entries() -> None:
    doc = text_paper("author-date")
    link(doc)
    assert text_links(doc) == [
        [("Slovic 2010", 0), ("Slovic (2010, p. 5)", 0)],
        [("IEA 2019", 1), ("OECD 2020a", 2), ("Kahan et al. 2011, p. 150", 4), ("Pidgeon and Demski 2012", 5)],
        [("OECD 2020b, p. 12", 3), ("OECD (2020a)", 2)],
    ]
    # Wynne 1992 is cited twice and not listed: one diagnostic, at its first citation.
    unlisted = [d for d in doc.diagnostics if d.kind is Kind.UNLISTED_CITATION]
    assert [(d.line, "Wynne 1992" in d.message) for d in unlisted] == [(7, True)]


def test_an_unlisted_author_date_citation_names_the_entry_with_the_same_name() -> None:
    """A citation of Slovic 2011 where the list has Slovic 2010: the finding names both texts (a typo, say)."""
    doc = text_paper("author-date")
    para = next(n for n in doc.body if isinstance(n, Paragraph) and "Slovic" in n.text)
    para.text = para.text.replace("Slovic 2010", "Slovic 2011", 1)
    link(doc)
    (finding,) = [d for d in doc.diagnostics if "Slovic 2011" in d.message]
    slovic = next(e.source for e in doc.entries if e.source.startswith("Slovic"))
    assert repr(slovic) in finding.message


def test_numbered_calls_link_to_their_entries() -> None:
    doc = text_paper("numbered")
    link(doc)
    assert [e.label for e in doc.entries] == ["[1]", "[2]", "[3]", "[4]"]
    assert text_links(doc) == [[("[1]", 0), ("[2]", 1), ("[3]", 2)], [("1", 0), ("4", 3)]]
    unlisted = [d for d in doc.diagnostics if d.kind is Kind.UNLISTED_CITATION]
    assert [(d.line, "[5]" in d.message) for d in unlisted] == [(7, True)]


def no_list_notes() -> list[Note]:
    """The notes of the test paper without a reference list, as the stages give them to ``link``."""
    lines = (PAPERS / "no-list.txt").read_text(encoding="utf-8").splitlines()
    return [
        Note(line[0].translate(str.maketrans(SUPERSCRIPTS, "0123456789")), line[2:], Span((i,)))
        for i, line in enumerate(lines, start=1)
        if line[:1] in SUPERSCRIPTS and line[1:2] == " "
    ]


def test_a_paper_without_a_list_gets_one_summary() -> None:
    doc = Document(notes=no_list_notes())
    link(doc)
    assert [(d.kind, d.line) for d in doc.diagnostics] == [(Kind.NO_REFERENCE_LIST, 7)]
    assert "3 works" in doc.diagnostics[0].message


def test_text_citations_ignore_years_that_are_not_citations() -> None:
    entries = parse_references(other_references())[0]
    text = "Prices fell (In 2019) and rose again (1992-1994), as in Spring 2020 (see Table 2, 2019)."
    assert find_text_citations(text, entries) == ([], [])


def linked_paragraph(p: Paragraph) -> str:
    out, pos = [], 0
    for c in p.citations:
        out += [p.text[pos : c.start], citation_myst(p.text[c.start : c.end], c.key)]
        pos = c.end
    return "".join([*out, p.text[pos:]])


@pytest.mark.slow
@pytest.mark.parametrize("name", ["author-date", "numbered"])
@pytest.mark.parametrize("builder", ["html", "epub"])
def test_text_citations_link_both_ways_in_sphinx(tmp_path: Path, builder: str, name: str) -> None:
    """Each citation in the text links to its entry; each entry links back to every citation, lettered."""
    from bs4 import BeautifulSoup

    doc = text_paper(name)
    link(doc)
    paragraphs = [p for p in doc.body if isinstance(p, Paragraph)]
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(SPHINX_ROOT / "conf.py", src / "conf.py")
    (src / "references.bib").write_text(format_bibtex(doc.entries, "generated by paper2myst"), encoding="utf-8")
    body = "\n\n".join(linked_paragraph(p) for p in paragraphs)
    (src / "index.md").write_text(f"# Paper\n\n{body}\n\n## References\n\n{bibliography_myst(doc.entries)}")
    out = tmp_path / "out"
    run = sphinx_build(src, out, builder)
    assert run.returncode == 0 and run.stderr.strip() == "", run.stderr
    page = out / ("index.html" if builder == "html" else "index.xhtml")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    links = [a for a in soup.find_all("a", href=True) if a["href"].startswith("#cite-")]
    assert [a["href"][6:] for a in links] == [c.key for p in paragraphs for c in p.citations]
    back: dict[str, list[str]] = {}
    for li in soup.select("li[id^=cite-]"):
        refs = li.select_one(".housestyle-backrefs")
        if refs is not None:
            targets = [a["href"][1:] for a in refs.find_all("a")]
            # Each back-link lands on a citation that links to this entry.
            assert all(soup.find(id=t).get("href") == f"#{li['id']}" for t in targets)
            back[li["id"][5:]] = [a.get_text() for a in refs.find_all("a")]
            refs.decompose()
    expected: dict[str, list[str]] = {}
    for p in paragraphs:
        for c in p.citations:
            expected.setdefault(c.key, []).append("abcdefghijklmnopqrstuvwxyz"[len(expected.get(c.key, []))])
    assert back == expected
    # The list is shown as printed, entry by entry.
    assert [" ".join(li.get_text().split()) for li in soup.select("li[id^=cite-]")] == [
        demarkdown(r.text) for r in doc.references
    ]


def test_works_cited_made_from_the_notes() -> None:
    """Opt-in list for a paper without one: each work once, as its notes print it; notes link to it, Ibid. too."""
    doc = Document(notes=no_list_notes())
    doc.notes += [
        Note("3", "Ibid., p. 4.", Span((20,))),
        Note("4", 'This is argued at length. See Maria Rossi, "Gas Diplomacy after the War", cit., p. 2.', Span((21,))),
    ]
    works_cited(doc)
    assert [r.text for r in doc.references] == [
        'Maria Rossi, "Gas Diplomacy after the War", in *IAI Commentaries*, No. 21 (March 2022), '
        "<https://www.iai.it/en/node/15000>",
        "Jan Kowalski, *Energy Security*, Warsaw, Scholar, 2019",
        "Pierre Dupont, *Europe and Its Neighbours*, Rome, Nuova Cultura, 2021",
    ]
    position = {e.key: i for i, e in enumerate(doc.entries)}
    assert [[position[c.key] for c in n.citations] for n in doc.notes] == [[0, 1], [2], [2], [0]]
    assert doc.diagnostics == []


# Each citation in the text of the test papers, in order, with the list position (0-based) of its entry: read
# from the papers by hand.
TEXT_CITATIONS = {
    "author-date": [
        ("Slovic 2010", 0),
        ("Slovic (2010, p. 5)", 0),
        ("IEA 2019", 1),
        ("OECD 2020a", 2),
        ("Kahan et al. 2011, p. 150", 4),
        ("Pidgeon and Demski 2012", 5),
        ("OECD 2020b, p. 12", 3),
        ("OECD (2020a)", 2),
    ],
    "numbered": [("\\[1\\]", 0), ("\\[2\\]", 1), ("\\[3\\]", 2), ("1", 0), ("4", 3)],
}


@pytest.mark.parametrize(("name", "expected"), TEXT_CITATIONS.items(), ids=list(TEXT_CITATIONS))
def test_converted_paper_links_its_text_citations(name: str, expected: list[tuple[str, int]]) -> None:
    """The whole conversion (reader, stages, emit) writes each citation in the text as a link to its entry."""
    from paper2myst.emit import emit
    from paper2myst.pipeline import convert

    doc = convert((PAPERS / f"{name}.txt").read_bytes(), f"{name}.txt")
    index = emit(doc, "en", "references.bib").pages["index.md"]
    keys = [e.key for e in doc.entries]
    found = re.findall(r"\[((?:[^\[\]]|\\\[|\\\])+?)\]\(#cite-([^)]+)\)", index)
    assert [(text, keys.index(key)) for text, key in found] == expected


def lands_on(point: tuple[float, float], rect: tuple[float, float, float, float]) -> bool:
    """A link target at a link's start: its left edge, within its line's height (a few points' slack)."""
    return abs(point[0] - rect[0]) < 1 and rect[1] - 3 <= point[1] <= rect[3] + 3


@pytest.mark.slow
@pytest.mark.parametrize("name", list(TEXT_CITATIONS))
def test_text_citations_link_both_ways_in_the_pdf(tmp_path: Path, name: str) -> None:
    """In the PDF, citations link to their entries; the entries have no back-links ("↑ 1"), unusual in print."""
    from conftest import DOCS, make_builder
    from paper2myst.cli import main
    from pypdf import PdfReader
    from test_pdf import internal_links

    shutil.copytree(DOCS, tmp_path / "docs", ignore=shutil.ignore_patterns("_build", "*.md", "paper.json"))
    (tmp_path / "refs").mkdir()
    source = shutil.copy(PAPERS / f"{name}.txt", tmp_path / "refs")
    assert main([str(source), "--docs", str(tmp_path / "docs"), "--bib", str(tmp_path / "refs" / "x.bib")]) == 0
    pdf = next(make_builder(tmp_path / "docs", tmp_path / "_build")("pdf").glob("*.pdf"))
    found = internal_links(PdfReader(pdf))
    list_page = max(page for _, _, (page, _, _) in found)
    calls = [(page, rect, target) for page, rect, target in found if page < list_page]
    backs = [target for page, _, target in found if page == list_page]
    positions = [position for _, position in TEXT_CITATIONS[name]]
    # One citation link per citation; the same entry, the same target; another entry, another target, on the
    # list's page, in list order.
    assert len(calls) == len(positions)
    targets = [target for _, _, target in calls]
    assert [targets.index(t) for t in targets] == [positions.index(p) for p in positions]
    assert {page for page, _, _ in targets} == {list_page}
    by_entry = {p: targets[positions.index(p)] for p in set(positions)}
    assert sorted(by_entry.values(), key=lambda t: -t[2]) == [by_entry[p] for p in sorted(by_entry)]
    # No link goes back from the list, and no "↑ page" is printed after an entry.
    assert backs == []
    listed = PdfReader(pdf).pages[list_page - 1].extract_text()
    assert "↑" not in listed
