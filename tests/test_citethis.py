"""The "Cite this paper" formats read back by real consumers (pybtex, bibtexparser, rispy, citeproc-py).

Each field is compared with what the paper itself prints (its text in refs/), never with the code's own output.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys

import pytest
from conftest import DOCS, SOURCE
from paper2myst.model import Block, BlockKind, Span
from paper2myst.stages.furniture import series_in_list

sys.path.insert(0, str(DOCS / "_ext"))
import citethis  # a Sphinx extension: docs/_ext is on conf.py's path, put on the tests' path above
from paperdata import Publication, load
from schemaorg import agent

URL = "https://papers.example.org/paper/index.html"
TEXT = SOURCE.read_text(encoding="utf-8")


def printed() -> dict[str, str]:
    """What the seed prints about itself, read from its text: the series list's heading and this paper's item."""
    lines = [line.strip() for line in TEXT.splitlines() if line.strip()]
    title = lines[0]
    heading = next(line for line in lines if line.startswith("Latest ") and line.endswith("PAPERS"))
    item = next(line for line in lines if line.startswith("- ") and line.endswith(f"*{title}*"))
    number, author = re.fullmatch(r"- (\d+ \| \d+) (.+?), \*.*", item).groups()  # type: ignore[union-attr]
    publisher = next(line for line in lines if line.endswith("(IAI)"))  # the back matter's first line
    return {
        "title": title,
        "series": heading.removeprefix("Latest "),
        "number": number,
        "author": author,
        "publisher": publisher,
    }


@pytest.fixture(scope="module")
def paper() -> Publication:
    return load(DOCS)


def test_the_paper_json_carries_what_the_paper_prints(paper: Publication) -> None:
    own = printed()
    assert (paper.title, paper.series, paper.number, paper.publisher) == (
        own["title"],
        own["series"],
        own["number"],
        own["publisher"],
    )
    assert paper.authors == (own["author"],)


def test_bibtex_read_back_by_pybtex_and_bibtexparser(paper: Publication) -> None:
    from bibtexparser import parse_string
    from pybtex.database import parse_string as pybtex_parse

    own = printed()
    text = citethis.bibtex(paper, URL)
    entry = next(iter(pybtex_parse(text, "bibtex").entries.values()))
    assert entry.type == "techreport"
    (person,) = entry.persons["author"]
    assert (str(person.last_names[0]), str(person.first_names[0])) == ("Alieva", "Leila")
    assert entry.fields["title"] == "{" + own["title"] + "}"
    assert entry.fields["institution"] == own["publisher"]
    assert entry.fields["type"] == own["series"]  # the series, as BibTeX's report type
    assert entry.fields["number"] == own["number"]
    assert entry.fields["url"] == URL
    (parsed,) = parse_string(text).entries
    assert parsed.entry_type == "techreport"
    assert {k: parsed[k] for k in ("institution", "type", "number", "url")} == {
        "institution": own["publisher"],
        "type": own["series"],
        "number": own["number"],
        "url": URL,
    }


def test_ris_read_back_by_rispy(paper: Publication) -> None:
    import rispy

    own = printed()
    (record,) = rispy.loads(citethis.ris(paper, URL))
    assert record["type_of_reference"] == "RPRT"
    assert record["authors"] == ["Alieva, Leila"]
    assert record["title"] == own["title"]
    assert record["tertiary_title"] == own["series"]  # T3: the series
    assert record["issn"] == own["number"]  # SN: for a report (RPRT), its number; rispy names the tag "issn"
    assert record["publisher"] == own["publisher"]
    assert record["urls"] == [URL]


def test_csl_json_rendered_by_citeproc(paper: Publication) -> None:
    from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
    from citeproc.source.json import CiteProcJSON

    own = printed()
    items = json.loads(citethis.csl_json(paper, URL))
    assert items[0]["author"] == [{"family": "Alieva", "given": "Leila"}]
    assert (items[0]["collection-title"], items[0]["number"], items[0]["publisher"], items[0]["URL"]) == (
        own["series"],
        own["number"],
        own["publisher"],
        URL,
    )
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)  # the style citeproc-py bundles
    bibliography = CitationStylesBibliography(style, CiteProcJSON(items), formatter.plain)
    bibliography.register(Citation([CitationItem(items[0]["id"])]))
    (rendered,) = [str(item) for item in bibliography.bibliography()]
    assert rendered.startswith("Alieva, L. (2023) " + own["title"])
    for field in (own["number"], own["publisher"], URL):
        assert field in rendered


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Leila Alieva", ("Alieva", "Leila")),
        ("Thomas de Waal", ("de Waal", "Thomas")),
        ("Audrey L. Altstadt", ("Altstadt", "Audrey L.")),
        ("Nile Basin Initiative Secretariat", None),
        ("European Commission", None),
        ("US Congress", None),
    ],
)
def test_names_as_family_and_given_organisations_whole(name: str, person: tuple[str, str] | None) -> None:
    assert citethis.name_parts(name) == person
    csl = citethis.csl_name(name)
    ld = agent(name)
    if person is None:
        assert csl == {"literal": name}
        assert ld == {"@type": "Organization", "name": name}
        assert citethis.bibtex_name(name) == "{" + name + "}"
    else:
        assert csl == {"family": person[0], "given": person[1]}
        assert (ld["@type"], ld["familyName"], ld["givenName"]) == ("Person", *person)


def test_an_organisation_author_reads_back_whole(paper: Publication) -> None:
    from pybtex.database import parse_string as pybtex_parse

    org = dataclasses.replace(paper, authors=("Nile Basin Initiative Secretariat",))
    entry = next(iter(pybtex_parse(citethis.bibtex(org, URL), "bibtex").entries.values()))
    (person,) = entry.persons["author"]
    assert str(person) == "{Nile Basin Initiative Secretariat}"  # one name, never split into given and family
    assert json.loads(citethis.csl_json(org, URL))[0]["author"] == [{"literal": "Nile Basin Initiative Secretariat"}]


def test_a_field_nobody_gave_is_left_out(paper: Publication) -> None:
    bare = dataclasses.replace(paper, series="", number="", publisher="")
    assert not re.search(r"^\s*(type|number|institution)\s*=", citethis.bibtex(bare, ""), re.M)
    assert not re.search(r"^(T3|SN|PB|UR)  -", citethis.ris(bare, ""), re.M)
    item = json.loads(citethis.csl_json(bare, ""))[0]
    assert not {"collection-title", "number", "publisher", "URL"} & set(item)


# --- where the series and number come from: the paper's own list of its series -----------------------------


def blocks(*texts: str) -> list[Block]:
    return [Block(BlockKind.TEXT, text, Span((i + 1,))) for i, text in enumerate(texts)]


TITLE = "Water and Power in the Jordan Basin"


@pytest.mark.parametrize(
    ("back", "found"),
    [
        (("Latest IAI PAPERS", f"- 22 | 23 Marta Rossi, *{TITLE}*"), ("IAI PAPERS", "22 | 23")),
        (("Recent Working Papers", f"2023/14 Marta Rossi, *{TITLE}*"), ("Working Papers", "2023/14")),
        (("Latest IAI PAPERS", "- 22 | 22 Jing Men, *Another Paper*"), None),  # the list does not name this paper
        ((f"- 22 | 23 Marta Rossi, *{TITLE}*",), None),  # no heading names a series
        (("Latest news", f"- 22 | 23 Marta Rossi, *{TITLE}*"), None),  # a heading, but not a series' kind
        (("Latest Papers of the Institute of Water", f"- 1 | 2 Marta Rossi, *{TITLE}*"), None),  # not ending in one
    ],
)
def test_series_and_number_from_the_back_matter_list(back: tuple[str, ...], found: tuple[str, str] | None) -> None:
    assert series_in_list(blocks(*back), TITLE) == found


def test_series_heading_of_five_words_at_most() -> None:
    """Up to four words before the series' kind ("Latest A B C D Papers"), not five."""
    item = f"- 3 | 4 Marta Rossi, *{TITLE}*"
    assert series_in_list(blocks("Latest A B C D Papers", item), TITLE) == ("A B C D Papers", "3 | 4")
    assert series_in_list(blocks("Latest A B C D E Papers", item), TITLE) is None
