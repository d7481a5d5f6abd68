"""Conventions papers print by, kept in one place for every route (the text route and the PDF reader).

Each is a named constant or a small function, documented with the forms it stands for. What a paper's own
layout shows (sizes, positions, what repeats across pages) is read by the routes themselves; what stands here
is only what no layout can show: the words that open an author section, the words that say a line is a
role and not a name, the shapes of report numbers, the headings known by name (references, endnotes, abstract,
keywords, summary) or number, the openings of captions and their notes, the "(continued)" marks a page break
leaves, bullets and page numbers. This module imports nothing from the routes (stages, readers): both import it.
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
# "Additional information" is a journal's: correspondence address, reprints, the publisher's note, the licence.
BACK_MATTER_HEADING = re.compile(
    rf"{AUTHOR_HEADING.pattern}|^(?:disclaimer|additional information)[:.]?$", re.IGNORECASE
)

# A section's number before a heading known by its name, where the paper numbers every section: "7 References",
# "8. Notes", "VI. Acknowledgments" (a Roman number in capitals, case kept where the name's is ignored). Not a year
# ("2020 Notes"), not a word of Roman letters ("Civil Notes").
NAMED_HEADING_NUMBER = r"(?:(?:\d{1,2}|(?-i:[IVXLC]{1,6}))\.?\s+)?"

# Headings of the author's own end matter, printed after the body, its reference list or its author section:
# "Acknowledgments", "Author contributions", "Competing interests", "Funding", "Data availability". They are the
# author's text, so they stay in the paper even where they stand inside the publisher's back matter.
END_MATTER_HEADING = re.compile(
    rf"^{NAMED_HEADING_NUMBER}(?:(?:staff )?acknowledge?ments?|authors?['’]? contributions?|competing interests?"
    r"|conflicts? of interests?|declarations? of (?:competing )?interests?|funding"
    r"|data availability(?: statement)?)[:.]?$",
    re.IGNORECASE,
)


def end_matter(headings: list[str | None]) -> list[bool]:
    """Which parts of the back matter are the author's end matter: from its heading to the next back-matter one.

    ``headings``: each part's heading text, or None for a part that is no heading (a paragraph, a line).
    """
    inside, marks = False, []
    for heading in headings:
        if heading is not None:
            inside = bool(END_MATTER_HEADING.match(heading)) or (inside and not BACK_MATTER_HEADING.match(heading))
        marks.append(inside)
    return marks


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

# The words a title in title case keeps in small letters, unless they open it ("Rivers of the Made-up Lands").
TITLE_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "on", "or", "the", "to"}
    | {"via", "vs", "with"}
)

# A line that is only a DOI, as covers print it ("DOI: 10.1234/x", "https://doi.org/10.1234/x"): group 1 is the DOI.
DOI_LINE = re.compile(r"^(?:DOI:?\s*|<?https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/[^\s>]+)>?$", re.IGNORECASE)
# The last piece of a web address cut at a line end after its dot ("https://example.org/report." + "pdf"): a
# file's type or a domain's ending, followed by punctuation or a space. A sentence after an address opens with a
# capital, and other short words in lower case ("ibid.", "and") are none of these.
ADDRESS_SUFFIX = re.compile(
    r"^(?:pdf|html?|aspx?|php|jsp|xml|json|csv|xlsx?|docx?|pptx?|txt|zip|org|com|net|gov|edu|int)(?![\w-])"
)
# A web address cut at a dot inside its host name, where a line broke it ("https://www." + "example.org/x",
# "www.example." + "org"): no path yet and the host's last piece no domain ending. An address's full stop after a
# whole host ("see example.org.") is left to end its sentence.
CUT_ADDRESS = re.compile(
    r"(?:^|\s)<?(?:https?://|www\.)(?:[\w-]+\.)*?(?!(?:org|com|net|gov|edu|int|eu|[a-z]{2})\.$)[\w-]+\.$",
    re.IGNORECASE,
)
# A line that is only a web address: an imprint's or a running foot's, never a name.
ADDRESS_LINE = re.compile(r"^<?(?:https?://|www\.)[^\s>]+>?$", re.IGNORECASE)

# --- Marks a page break leaves -----------------------------------------------------------------------------

# The word a "(continued)" mark is made of: "continued", "cont'd", "cont." (never "continuedly").
_CONTINUED_WORD = r"(?:continued\b|cont(?:'d\b|\.))"
# A "(continued)" mark that ends a note (or a box) cut by a page break: "… as the act provides (continued...)",
# "… in the year (cont'd)", "… and so (Continued on next page)"; group-free, its start is where the note's
# own words stop. Not "(continuedly)", not a mark with words after it ("(continued) and more").
CONTINUED_TAIL = re.compile(rf"\s*\(\s*{_CONTINUED_WORD}[^)]*\)\s*$", re.IGNORECASE)
# A line that is only such a mark, as a page's foot or a table's head prints it: "(continued)",
# "(Continued on next page)", "(cont.)", "Continued", "cont'd." — page furniture. Not a sentence that opens
# with the word ("Continued growth is expected.").
CONTINUED_LINE = re.compile(rf"^(?:\(\s*{_CONTINUED_WORD}[^)]*\)|{_CONTINUED_WORD})\.?$", re.IGNORECASE)

# --- Captions and their notes ------------------------------------------------------------------------------

# The words that open a figure's or a table's caption, before its number ("Figure 3", "Table A-1", "Box 2").
CAPTION_WORDS = r"Figure|Table|Chart|Exhibit|Map|Box|Graph"
# A caption as the text form prints it, on its own block: its word (group 1) as printed, a number
# ("3", "A-1", "2.1"), a stop, colon or dash, and the caption's words: "Figure 3. Imaginary Rainfall",
# "Table A-1: Made-up Counts", "Chart 2 — Sample Series". Not "Figure 3 shows the rainfall." (a sentence), not
# "figure 3. …" (the text form keeps the printed capital), not "Fig. 3." (the text form spells the word out).
CAPTION = re.compile(rf"^({CAPTION_WORDS})\s+[A-Z]?-?\d{{1,3}}(?:\.\d{{1,2}})?(?:[.:]|\s[–—])\s+\S")
# What opens a caption's first line on a PDF page, where the caption's words may stand on the next line and a
# face may print the word in capitals: "FIGURE 3.", "Fig. 2:", "Table A‐1.", "Table 4b:", "Figure 3 .", or set a bar
# after the number ("Fig. 2 | Rainfall", as some journals do). Not "Figure 3 shows …", not "Table of Contents".
CAPTION_OPENING = re.compile(rf"^(?:{CAPTION_WORDS}|Fig\.)\s+[A-Z]?[-‐–]?\s?\d+[a-z]?\s?[.:|]", re.IGNORECASE)
# A caption's word and number, for its label in the output: "Table B-1. …" is "table-b-1", "Figure 2 . …" "figure-2".
_CAPTION_NUMBER = re.compile(rf"^\W*({CAPTION_WORDS})\s+([A-Z]?-?\d{{1,3}}(?:\.\d{{1,2}})?[a-z]?)(?![\w-])")


def caption_label(caption: str) -> str:
    """The label of a figure's or table's caption ("table-b-1"): its word and number in lower case; or ""."""
    found = _CAPTION_NUMBER.match(caption)
    if not found:
        return ""
    return f"{found.group(1).lower()}-{found.group(2).lower().replace('.', '-')}"


# The words that open a caption's source and notes lines, under a figure or a table.
CAPTION_NOTE_WORDS = r"Sources?|Notes?"
# A line that opens a caption's source or notes: "Source: Made-up Survey, 2020.", "Notes: Figures are rounded.",
# "Note : …", "SOURCES: …". Not "Noted: …", not "Source of funds" (no colon).
CAPTION_NOTE = re.compile(rf"^(?:{CAPTION_NOTE_WORDS})\s*:", re.IGNORECASE)
# A table's note given by a letter, under the table: "a. Figures are rounded.", "b. Excludes imaginary towns."
# Not "a.m.", not "A. Heading" (a capital is a heading's letter).
TABLE_NOTE_OPENING = r"[a-z]\.\s+\S"
TABLE_NOTE = re.compile(rf"^{TABLE_NOTE_OPENING}")
# A display equation given as a line: "(A1) Rev = tRK/(1-t)", "(3) x(t) = 0 or"; not "(3) The rule." (no "=").
EQUATION = re.compile(r"^\([A-Z]?\d{1,2}\)\s.*=")

# An appendix's heading: "Appendix A. Methods", "APPENDIX B: Data"; its label in the output is "appendix-a".
_APPENDIX_HEADING = re.compile(r"^\W*appendix\s+([A-Z])\b", re.IGNORECASE)


def appendix_label(heading: str) -> str:
    """The label of an appendix's heading ("appendix-a"), or "" for a heading that opens no appendix."""
    found = _APPENDIX_HEADING.match(heading)
    return f"appendix-{found.group(1).lower()}" if found else ""


# A byline: "by" and the names it gives (group "names"), an author note's mark after them (group "marker"):
# "By Ada B. Tester and Dan Sample*", "by Eve F. Model". Not "Bylines", not "by" alone.
BYLINE = re.compile(r"^by\s+(?P<names>.+?)(?P<marker>\*?)$", re.IGNORECASE | re.DOTALL)

# --- Headings by name ---------------------------------------------------------------------------------------

# The heading of the list of works cited: "References", "Bibliography", "Works Cited", "Sources" (the whole
# heading, case ignored; numbered or not). Not "References to the Act", not "Notes".
REFERENCES_HEADING = re.compile(
    rf"^{NAMED_HEADING_NUMBER}(References|Bibliography|Works cited|Sources)$", re.IGNORECASE
)
# The heading of a list of endnotes after the body: "Notes", "Endnotes", "End Notes", "ENDNOTES". Not "Note",
# not "Notes on Method".
ENDNOTES_HEADING = re.compile(rf"^{NAMED_HEADING_NUMBER}(?:notes|end\s?notes)$", re.IGNORECASE)
# The label of a paper's keywords: "Keywords", "Key words", "Key words and phrases", "Additional Key Words and
# Phrases" (a computing journal's, after its classification).
KEYWORDS_WORDS = r"Keywords|Key words(?: and phrases)?|Additional key words and phrases"
# A keywords line with its words: "Keywords: rainfall; made-up towns" → label "Keywords", words "rainfall; …".
KEYWORDS_LINE = re.compile(rf"^(?P<label>{KEYWORDS_WORDS})\s*:\s*(?P<words>\S.*)$", re.IGNORECASE)
# A front-matter label on a line of its own, before what it labels (group 1): "Abstract", "ABSTRACT:",
# "Keywords.", "Key words". Not "Abstract art", not "Keywords: rainfall" (a keywords line).
FRONT_LABEL = re.compile(rf"^(abstract|{KEYWORDS_WORDS})[:.]?$", re.IGNORECASE)
# A run-in label: the whole of a paragraph's first run, set in a face of its own before the words it labels on
# the same line ("Abstract." in bold, "Abstract" in bold italic before "—This article…", "Index Terms"); group
# "label". Not "Abstract art", not a run that goes on past the label.
RUN_IN_LABEL = re.compile(rf"^(?P<label>abstract|{KEYWORDS_WORDS}|index terms)\s*[.:—–]?\s*$", re.IGNORECASE)
# The stop after a run-in label, where the words' run opens with it ("—This article…").
RUN_IN_STOP = re.compile(r"^\s*[.:—–]\s*")
# The heading of a report's summary: "Summary", "Executive Summary". Not "Summary of Findings".
SUMMARY_HEADING = re.compile(r"^(Summary|Executive Summary)$", re.IGNORECASE)

# A section's number as a heading prints it: "1", "2.3", "1.2.1", "4.1.2.3" (at most four parts of at most
# two digits: "2020" and "1.2.3.4.5" are no section's number).
SECTION_NUMBER = r"\d{1,2}(?:\.\d{1,2}){0,3}"
# A heading of the text form known by its number alone (group "number"): "1. Made-up Findings", "2.3 Rainfall",
# "1.2.1 Imaginary Towns". Not "2020 was dry" (no section's number), not a line of over 150 characters.
NUMBERED_HEADING = re.compile(rf"^(?P<number>{SECTION_NUMBER})\.?\s+\S.{{0,148}}$")
# An appendix's heading: "Appendix A. Made-up Tables", "Annex 2: Sample Data", "Appendix B", "Appendix. Method".
# Not "Appendix A shows …" (a sentence), not "Appendices".
APPENDIX_HEADING = re.compile(r"^(?:Appendix|Annex)(?:\s+[A-Z0-9]{1,3}(?:[.:]\s+\S.{0,148}|\s*)|\.\s+[A-Z].{0,148})$")
# A heading numbered by a capital letter: "A. Imaginary Rivers", "B. The Made-up Act". Not "A. Tester, B. Model;"
# (a list of names: a semicolon), not a line of over 120 characters.
LETTER_HEADING = re.compile(r"^[A-Z]\.\s+[A-Z][^;]{0,118}$")

# --- Lists ----------------------------------------------------------------------------------------------------

# The signs that mark a list's item where they open a line: "• First item", "▪ Second", "✓ Done", "➢ Next".
# A dash is not among them: a dash that opens a line is as often the author's.
BULLETS = "•◦▪▫●○■□‣⁃➢✓"

# --- Page furniture -------------------------------------------------------------------------------------------

# A page's number as a running foot or head prints it, in the page's margin: "7", "iv", "Page 3",
# "page 3 of 8", "3 / 8". Only in the margin: in the body, "I" or "mix" is a word.
PAGE_NUMBER = re.compile(r"^(?:page\s+)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s+(?:of|/)\s+\d{1,4})?$", re.IGNORECASE)
# A contents entry's dot leader: four dots or more, spaced or not ("Rainfall ........ 3", "Towns . . . . . iv").
_LEADER_DOTS = r"(?:\.\s?){4,}"
# A contents entry in the text form: a leader and its page number anywhere in the block ("Rainfall ..... 3
# Towns ..... 5"), or an ellipsis drawn as characters ("Rainfall …… 3"). Not "Wait... what" (three dots).
LEADER = re.compile(rf"{_LEADER_DOTS}\s*[\divxlc]+\b|…{{2,}}")
# A line of a contents page on a PDF page: it ends in a leader, its page number after it or set apart
# ("Rainfall ........ 3", "Towns . . . . . iv", "Rainfall ........"). Not "Rainfall ........ 3 more".
LEADER_END = re.compile(rf"{_LEADER_DOTS}\s*(?:\d{{1,4}}|[ivxlc]{{1,6}})?$", re.IGNORECASE)
# A block of the text form that is only page furniture: a page number ("7", "Page 3", "Page 3 of 8"), a bare
# address, a report number alone (REPORT_NUMBER: "R12345", "ABC-01-234", "12-345"). Not "Page three", not
# "FY 2025", not roman numerals (a text form's "I" or "V" alone may be a heading's number).
FURNITURE_LINE = re.compile(
    rf"^(?:\d{{1,4}}|Page \d+(?: of \d+)?|<https?://[^\s>]+>|https?://\S+)$|{REPORT_NUMBER.pattern}"
)


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


def role_after_name(text: str) -> str:
    """What a ``Name, Role`` or ``Name Role`` line prints after its name: the role as printed, or "".

    "Eve F. Model, Specialist in Water Policy" → "Specialist in Water Policy"; "Cara D. Example Senior Research
    Librarian" → "Senior Research Librarian"; "Ada B. Tester" → "" (a name alone); "Legislative Attorney" → ""
    (no name opens it: a role alone names no one).
    """
    name = name_before_role(text)
    return " ".join(text.split())[len(name) :].strip(" ,;") if name else ""


def signed_name(text: str) -> str:
    """The name of a signature line, ``Name, Role`` or ``Name Role``, that carries its role; "" otherwise.

    The role opens with a role word among its first capitalised words and is short, without digits:
    "Eve F. Model, Specialist in Water Policy" → "Eve F. Model"; "Gil M'Hand, U.S. Navy Fellow" → "Gil M'Hand";
    "Ada Tester, Rebuilding the Fleet: A Research Paper, 2020" → "" (a reference, not a role).
    """
    name = name_before_role(text)
    role = role_after_name(text).split()
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


def name_roles(lines: list[str], names: list[str] | tuple[str, ...] = ()) -> dict[str, str]:
    """Each name of an author block or signature with its role as printed, where one is: name → role.

    The role stands after the name ("Eve F. Model, Specialist in Water Policy", "Cara D. Example Senior Research
    Librarian") or on the lines under a name set alone ("Dan Sample," / "Director, Imaginary Rivers" / "and
    Lakes."): a role on the line under the name, then the lines its words go on in ("and Lakes", not a second
    role). A biography ("Ada Tester is a fellow …"), a heading of the back matter or any other line ends the
    entry; a role alone names no one. Names without a role are not keys: nothing is made up. The lines are
    given in reading order, a column's lines together (a grid of names puts each role under its name).
    ``names``: the authors the block is known to name, each of which opens an entry even where it could be a
    role's words going on ("Ada Tester" under "Eve Model, Legislative Attorney").
    """
    found: dict[str, str] = {}
    name, beside = "", False  # the entry's name; whether its role stands beside it (on the name's line)
    for text in (" ".join(line.split()) for line in lines):
        head = name_before_role(text)
        going_on = head not in names and continues_role(text.rstrip(".")) and not is_role(text)
        if head and beside and head == text and going_on:
            # Name-shaped words under a role set beside its name ("Ada Tester, Specialist in Imaginary" / "Water
            # Policy"): the role goes on; where each role stands under its name, such a line opens the next entry.
            found[name] = f"{found[name]} {text}"
        elif head:
            role = role_after_name(text)
            name = head if not role or signed_name(text) else ""  # "Name is a fellow …": no role follows
            beside = bool(name and role)
            if beside:
                found.setdefault(name, role)
        elif not name or BACK_MATTER_HEADING.match(text) or END_MATTER_HEADING.match(text):
            name = ""
        elif name not in found and is_role(text):
            found[name] = text
        elif name in found and not is_role(text) and continues_role(text.rstrip(".")):
            found[name] = f"{found[name]} {text}"
        else:
            name = ""
    return {n: r.rstrip(".") for n, r in found.items()}


def signature(lines: list[str]) -> tuple[str, str]:
    """The name and role of a signature as a letter or a notice closes; ("", "") for any other lines.

    A name set alone on the first line (a comma may follow), a role on the next, its words going on after:
    "Dan Sample," / "Director, Imaginary Rivers" / "and Lakes" → ("Dan Sample", "Director, Imaginary Rivers and
    Lakes"). Not a name over a sentence, not a role without a name above it.
    """
    if len(lines) < 2:
        return "", ""
    name = " ".join(lines[0].split()).rstrip(",")
    if name_before_role(name) != name or not is_role(lines[1]):
        return "", ""
    return name, name_roles(lines).get(name, " ".join(lines[1].split()))


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


# Words that make a name an organisation rather than a person ("Center for Preventive Action", "US Congress").
ORG_WORDS = frozenset(
    [
        "Academy",
        "Agency",
        "Alliance",
        "Assembly",
        "Association",
        "Authority",
        "Bank",
        "Board",
        "Bureau",
        "Center",
        "Centre",
        "Chamber",
        "Coalition",
        "Commission",
        "Committee",
        "Company",
        "Congress",
        "Corporation",
        "Council",
        "Court",
        "Department",
        "Directorate",
        "Federation",
        "Forum",
        "Foundation",
        "Fund",
        "Government",
        "Group",
        "House",
        "Initiative",
        "Institute",
        "Institution",
        "International",
        "League",
        "Ministry",
        "Nations",
        "Network",
        "Office",
        "Organisation",
        "Organization",
        "Parliament",
        "Party",
        "Presidency",
        "Press",
        "Programme",
        "Program",
        "Project",
        "Republic",
        "Secretariat",
        "Senate",
        "Service",
        "Society",
        "Tribunal",
        "Union",
        "University",
        "Watch",
    ]
)


# The word before a series' name that heads a publisher's list of its latest papers ("Latest Working Papers").
SERIES_LIST_LEAD = r"Latest|Recent|Previous|Other|More"

# What parts the items of a one-line banner or masthead ("Institute · Working Papers 22 | 23"): a middle dot.
BANNER_SEPARATOR = re.compile(r"\s+[·•]\s+")
# What parts the pieces of a running head: "Imaginary Register / Vol. 1, No. 2 / Monday, May 4, 2026 / Notices".
RUNNING_HEAD_SEPARATOR = re.compile(r"\s+[/|·•]\s+")

# The words that say what date a line gives, opening it ("Updated 1 November 2023", a journal's "Accepted: 2 May
# 2024"): the PDF reader's cover date where no plain date stands apart. (``dates.DATE_PREFIX``, which reads a
# date line, takes "Published online" and "Released" too.)
DATE_LEAD = re.compile(r"^(?:Updated|Published(?: online)?|Revised|Last updated|Released|Accepted|Date)\b")
# The opening of an addressee a letter (a report sent as one) names under its date: "The Honorable Ada Tester",
# "The Honourable …"; the block is the addressee's name, title and body, line by line.
ADDRESSEE = re.compile(r"^The Hono(?:u)?rable\s+\S")
# A journal's history line on its first page: "Received: 30 September 2026", "Accepted 2 May 2026",
# "Published online: 16 April 2026" (a colon or a day after the label: not "Received wisdom"). Its date is the
# paper's only as the last of them (never "Received").
HISTORY_LEAD = re.compile(r"^(?:Received|Revised|Accepted|Published(?: online)?)(?::\s*|\s+(?=\d))")
# The label a publisher prints beside the crossmark badge on a first page: furniture of the front matter.
CROSSMARK_LABEL = re.compile(r"^check for updates$", re.IGNORECASE)


def split_keywords(text: str) -> list[str]:
    """A keywords line's keywords: parted by semicolons or bars where it has any, else by commas.

    "rivers; made-up towns, lakes" keeps "made-up towns, lakes" one keyword; "rivers, lakes" has two.
    """
    parts = re.split(r"[;|]", text) if re.search(r"[;|]", text) else text.split(",")
    return [k.strip() for k in parts if k.strip()]


def banner_parts(text: str) -> tuple[str, str, str]:
    """A banner's publisher, series and number: "Institute · Working Papers 22 | 23" (items parted by a middle dot).

    The first item names the publisher when a second, ending in a number, names the series and the paper's number
    in it; any other banner is the publisher's name whole, as before.
    """
    items = [item.strip() for item in BANNER_SEPARATOR.split(text)]
    if len(items) == 2 and (m := _SERIES_NUMBER.match(items[1])):
        return items[0], m["series"], m["number"]
    return text, "", ""


# A series' name then the paper's number in it, as a banner prints them: "EXAMPLE PAPERS 22 | 23", "Brief No. 7".
_SERIES_NUMBER = re.compile(r"^(?P<series>.*?[^\W\d])\s+(?:No\.\s*)?(?P<number>\d+(?:\s*[|/.-]\s*\d+)*)$")


def author_names(lines: list[str]) -> list[str]:
    """Names in an author block: the name that opens a line ("Name", "Name, Role", "Name Role", "Name is …").

    A line that is only a role ("Legislative Attorney", "Specialist in Water Security") names no one, nor does
    a biography's wrapped line that opens with capitalised words ("United Nations Programme in New York").
    """
    names: list[str] = []
    for line in lines:
        head = name_before_role(line)
        rest = " ".join(line.split())[len(head) :].split()
        opens = not rest or rest[0].startswith(",") or rest[0] in ROLE_WORDS or rest[0] in BIO_VERBS
        if head and opens and head not in names:
            names.append(head)
    return names


def names_in(text: str) -> list[str]:
    """The names a byline line gives: a list of names, or one name with its role ("Ada Tester, Senior Fellow")."""
    signed = signed_name(text)
    return [signed] if signed else name_list(text)


def author_roles(lines: list[str], names: list[str]) -> dict[str, str]:
    """Each of ``names`` with the role its author lines print beside or under it ("" where none is printed).

    ``lines`` in the order a reader takes them: a grid of names column by column, each role under its name.
    """
    roles = name_roles(lines, names)
    return {name: roles.get(name, "") for name in names}
