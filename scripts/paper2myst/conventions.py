"""Conventions papers print by, kept in one place for every route (the text route and the PDF reader).

Each is a named constant or a small function, documented with the forms it stands for. What a paper's own
layout shows (sizes, positions, what repeats across pages) is read by the routes themselves; what stands here
is only what no layout can show: the words that open an author section, the words that say a line is a
role and not a name, the shapes of report numbers.
"""

from __future__ import annotations

import re

# Headings that open the section naming the authors, at the end of a report or after the title:
# "Author Information", "Author Contact Information", "About the Authors", "Authors", "Contributors".
AUTHOR_HEADING = re.compile(
    r"^(?:authors?(?: contact)?(?: information)?|about the authors?|contributors|author contact information)[:.]?$",
    re.IGNORECASE,
)

# Headings that open the publisher's back matter (an author section included): what follows is not the body.
BACK_MATTER_HEADING = re.compile(
    rf"{AUTHOR_HEADING.pattern}|^(?:disclaimer|acknowledge?ments?)[:.]?$",
    re.IGNORECASE,
)

# Words that open or make up a job title printed beside an author's name ("Senior Research Librarian",
# "Legislative Attorney", "Analyst in Public Water", "Specialist in Water Security", "U.S. Navy Fellow"):
# a line made of them, or what follows them, is a role, never a name.
RANKS = frozenset(
    {"Senior", "Chief", "Deputy", "Acting", "Assistant", "Associate", "Principal", "Visiting", "Lead", "Research"}
    | {"Legislative", "Executive", "Managing", "General", "Junior", "Adjunct", "Distinguished", "Emeritus"}
)
ROLE_NOUNS = frozenset(
    {"Analyst", "Specialist", "Attorney", "Librarian", "Fellow", "Economist", "Counsel", "Researcher", "Scientist"}
    | {"Professor", "Lecturer", "Director", "Editor", "Manager", "Officer", "Advisor", "Adviser", "Consultant"}
    | {"Coordinator", "Historian", "Statistician", "Engineer", "Scholar", "Student", "Candidate", "Intern"}
    | {"Chair", "Chairman", "President"}
)
ROLE_WORDS = RANKS | ROLE_NOUNS

# A name as bylines and author sections print it: two to five capitalised words or initials
# ("Ada B. Tester", "Jean-Paul de la Tour", "Gil M'Hand"), particles allowed inside.
_NAME_PART = r"(?:[A-Z][a-zA-Z'’\-]*[a-z][a-zA-Z'’\-]*|[A-Z]\.(?:-?[A-Z]\.)?|[A-Z][’'][A-Z][a-zA-Z'’\-]+)"
NAME = re.compile(rf"^{_NAME_PART}(?: (?:{_NAME_PART}|van|von|de|da|del|der|la|le|di|du|bin|ibn)){{1,4}}$")

# A report number as covers and running feet print it: a series code of capitals and digits, often joined by
# a hyphen ("R12345", "AB12345", "ABC-01-234", "12-345", "RL12345"). A line of this shape is only
# a number where the document shows it is one (on the cover, or repeated on the pages); in the body it may be
# a heading ("FY 2025", "COP28", "G20").
REPORT_NUMBER = re.compile(r"^(?:(?=[A-Z-]*\d)[A-Z]{1,5}[- ]?\d{2,}[A-Z0-9-]*|\d{2}-\d{3,6})$")

# The last word of an institution's name ("Imaginary Accountability Office"; "Centre for Imaginary Studies"
# has it first): a masthead over a cover's title that ends in one names the publisher.
INSTITUTION_WORDS = frozenset(
    {"Office", "Service", "Institute", "Institution", "Center", "Centre", "Foundation", "University", "Agency"}
    | {"Administration", "Council", "Commission", "Bureau", "Department", "Ministry", "Press", "Library"}
    | {"School", "Association", "Society", "Organization", "Organisation", "Forum", "Fund", "Bank", "Board"}
)

# A line that is only a DOI, as covers print it ("DOI: 10.1234/x", "https://doi.org/10.1234/x"): group 1 is the DOI.
DOI_LINE = re.compile(r"^(?:DOI:?\s*|<?https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s>]+)>?$", re.IGNORECASE)
# A line that is only a web address: an imprint's or a running foot's, never a name.
ADDRESS_LINE = re.compile(r"^<?(?:https?://|www\.)[^\s>]+>?$", re.IGNORECASE)


def is_role(text: str) -> bool:
    """A job title, not a name: "Legislative Attorney", "Analyst in Public Water", "U.S. Navy Fellow".

    A role word stands among its capitalised words before the first lowercase one, and no name opens the line
    ("Ada B. Tester Senior Specialist" is a name with its role, not a role).
    """
    words = text.replace(",", " ").split()
    if not words:
        return False
    head = []
    for word in words:
        if word[:1].islower():
            break
        head.append(word)
    return any(w in ROLE_WORDS for w in head) and name_before_role(text) == ""


def name_before_role(text: str) -> str:
    """The name that opens ``Name Role`` or ``Name, Role``; "" where no name opens the line.

    "Cara D. Example Senior Research Librarian" → "Cara D. Example"; "Eve F. Model, Specialist in Water
    Policy" → "Eve F. Model"; "Dan Sample Analyst in Science" → "Dan Sample"; "Legislative Attorney" → "".
    """
    text = " ".join(text.split())
    if "," in text:
        head = text.split(",", 1)[0].strip()
        if NAME.match(head) and not any(w in ROLE_WORDS for w in head.split()):
            return head
    words = text.split()
    end = next((i for i, w in enumerate(words) if w in ROLE_WORDS or w[:1].islower()), len(words))
    head = " ".join(words[:end])
    return head if NAME.match(head) else ""


def signed_name(text: str) -> str:
    """The name of a signature line, ``Name, Role`` or ``Name Role``, that carries its role; "" otherwise.

    The role opens with a role word among its first capitalised words and is short, without digits:
    "Eve F. Model, Specialist in Water Policy" → "Eve F. Model"; "Gil M'Hand, U.S. Navy Fellow" → "Gil M'Hand";
    "Ada Tester, Rebuilding the Fleet: A Research Paper, 2020" → "" (a reference, not a role).
    """
    name = name_before_role(text)
    role = " ".join(text.split())[len(name) :].lstrip(" ,").split()
    if not name or not role or len(role) > 10 or any(ch.isdigit() for ch in "".join(role)):
        return ""
    head = []
    for word in role:
        if word[:1].islower():
            break
        head.append(word.strip(",.;:"))
    return name if any(w in ROLE_WORDS for w in head) else ""


# The small words a name or a role of capitalised words may hold ("Specialist on Rivers and the Treaty
# Process", "Centre for Imaginary Studies").
CONNECTORS = frozenset({"in", "of", "and", "for", "the", "on", "&"})
# The verbs a biography opens with after its subject's name ("Ada Tester is a senior fellow …").
BIO_VERBS = frozenset({"is", "was", "has", "serves", "served", "leads", "led", "holds", "works", "worked"})


def continues_role(text: str) -> bool:
    """The second line of a role that did not fit beside its name ("Government", "and Finance")."""
    words = text.split()
    return (
        0 < len(words) <= 6
        and not any(ch.isdigit() for ch in text)
        and not text.rstrip().endswith((".", ":", ";"))
        and all(w[:1].isupper() or w in CONNECTORS for w in words)
        and any(w[:1].isupper() for w in words)
    )


# What follows a name in a byline to point at an affiliation or a note: "Tester1,9", "Sample∗", "Example1*".
_MARKS = re.compile(r"\s*[\d*∗†‡§¶]+$")


def name_list(text: str) -> list[str]:
    """The names a byline line lists ("A, B and C", "A1,2, B3 & C∗"), marks off; [] if any part is no name."""
    names: list[str] = []
    for part in re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", text):
        part = _MARKS.sub("", part.strip()).strip()
        if not part:
            continue  # a mark alone: the "9" of "Tester1,9"
        if not NAME.match(part) or any(w in ROLE_WORDS for w in part.split()):
            return []
        names.append(part)
    return names
