"""Stage ``furniture``: page furniture leaves the body — banners, repeated cover lines, contents pages.

Nothing is dropped silently: every block set aside is kept in ``doc.furniture`` (placed, counted in the summary).
"""

from __future__ import annotations

import re

from paper2myst.conventions import ADDRESS_LINE, DOI_LINE, LEADER, REPORT_NUMBER, SERIES_LIST_LEAD
from paper2myst.model import Block, BlockKind, Document

_CONTENTS = re.compile(r"^(?:Table of )?Contents$", re.IGNORECASE)
_LIST_LABEL = re.compile(
    r"^(?:Figures|Tables|Boxes|Appendix(?:es)?|Appendices|Contacts|List of (?:Figures|Tables|Boxes|Abbreviations))$",
    re.IGNORECASE,
)
_ISSN = re.compile(r"^(?:e-)?ISSN(?: \((?:online|print)\))?:?\s*(\d{4}-\d{3}[\dX])$", re.IGNORECASE)
_SERIES = re.compile(
    r"^(?P<series>[A-Z][\w ]{0,40}?(?:Paper|Brief|Report|Series|Commentary|Analysis|Note|Insight)s?),?\s*"
    r"(?:No\.|Nr\.|n\.|#|Number)\s*(?P<number>\d[\w/.-]*)$"
)
_COVER = 15  # blocks: where a cover's series, DOI and ISSN lines stand
# The heading of a publisher's list of its series ("Latest EXAMPLE PAPERS", "Recent Policy Briefs"): short, its last
# word a series' kind.
_SERIES_HEADING = re.compile(
    rf"^(?:(?:{SERIES_LIST_LEAD})\s+)?(?P<series>(?:\S+\s+){{0,4}}?(?:Papers?|Briefs?|Reports?|Series|Commentar(?:y|ies)"
    r"|Analys[ie]s|Notes?|Insights?))$",
    re.IGNORECASE,
)
# An item of that list: the number as printed ("22 | 23", "2023/14", "No. 7"), then the authors and the title.
_SERIES_ITEM = re.compile(r"^(?:[-*•]\s+)?(?:No\.\s*)?(?P<number>\d+(?:\s*[|/.-]\s*\d+)*)\s+(?P<rest>\S.*)$")


def one_line(text: str) -> str:
    return " ".join(text.split())


def contents_extent(blocks: list[Block], start: int) -> int:
    """The last block of the contents list that starts at ``start``: entries have dot leaders and page numbers."""
    last, at = start, start + 1
    while at < len(blocks) and at - last <= 3:
        block = blocks[at]
        if block.kind is not BlockKind.NOTE and (LEADER.search(block.text) or _LIST_LABEL.match(block.text.strip())):
            last = at
        at += 1
    return last


def _cover_line(doc: Document, block: Block, text: str) -> bool:
    """A series line, DOI or ISSN on the cover: kept for the metadata (paper.json), not the body."""
    front = doc.front
    if match := DOI_LINE.match(text):
        front.doi, block.label = front.doi or match.group(1), "doi"
    elif match := _ISSN.match(text):
        front.issn, block.label = front.issn or match.group(1), "issn"
    elif match := _SERIES.match(text):
        front.series, block.label = front.series or match.group("series"), "series"
        front.number = front.number or match.group("number")
    else:
        return False
    return True


def furniture(doc: Document) -> None:
    blocks = doc.blocks
    front = doc.front
    aside: set[int] = set()
    title_repeats: set[int] = set()
    first_date = next((one_line(b.text) for b in blocks if b.kind is BlockKind.DATE), None)
    seen_date = False
    i = 0
    while i < len(blocks):
        block = blocks[i]
        text = one_line(block.text)
        if block.kind is BlockKind.NOTE:
            pass
        elif i < _COVER and _cover_line(doc, block, text):
            aside.add(i)
        elif _CONTENTS.match(text):
            end = contents_extent(blocks, i)
            if end > i:
                for k in range(i, end + 1):
                    if blocks[k].kind is not BlockKind.NOTE:
                        blocks[k].label = "contents"
                        aside.add(k)
                i = end
        elif text == front.title:
            title_repeats.add(i)
        elif block.kind is BlockKind.DATE:
            if seen_date and text == first_date:
                aside.add(i)
            seen_date = True
        elif block.kind is BlockKind.FURNITURE:
            aside.add(i)
            if REPORT_NUMBER.match(text) and not front.number:
                front.number = text
        elif (
            i + 1 < len(blocks)
            and ADDRESS_LINE.match(one_line(blocks[i + 1].text))
            and block.kind is BlockKind.HEADING
            and len(text.split()) <= 6
        ):
            # A name printed above a bare web address: the publisher's banner at a page's foot or on the cover.
            aside.add(i)
            front.publisher = front.publisher or text
        i += 1
    for k in sorted(title_repeats):
        front.title_spans.append(blocks[k].span)
    doc.furniture += [blocks[k] for k in sorted(aside)]
    doc.blocks = [b for k, b in enumerate(blocks) if k not in aside and k not in title_repeats]
    if not (front.series or front.number) and (found := series_in_list(doc.back_matter, front.title)):
        front.series, front.number = found


def series_in_list(back_matter: list[Block], title: str) -> tuple[str, str] | None:
    """The paper's series and number from the publisher's list of its series in the back matter, or None.

    The item naming this paper's title gives the number as printed ("22 | 23"); the list's heading above it
    gives the series' name as printed, without the word that says the list is recent ("Latest").
    """
    heading = ""
    for block in back_matter:
        text = one_line(block.text)
        if match := _SERIES_HEADING.match(text):
            heading = match["series"]
            continue
        for line in block.text.splitlines():
            item = _SERIES_ITEM.match(line.strip())
            if heading and item and title and _names_title(item["rest"], title):
                return heading, item["number"]
    return None


def _names_title(item: str, title: str) -> bool:
    """Whether a list item prints this title (emphasised or quoted, or as its end), markup aside."""
    words = " ".join(re.sub(r"[*“”\"]", "", item).split())
    return words.endswith(" ".join(title.split())) or f" {' '.join(title.split())}," in words
