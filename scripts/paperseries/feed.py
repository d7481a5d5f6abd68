"""The series' Atom feed (feedgen): one entry per dated paper, newest first, its dates the papers' own."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from feedgen.feed import FeedGenerator  # type: ignore[import-untyped]

from paperseries.listing import Entry, excerpt, newest_first

FEED_FILE = "atom.xml"


def stamp(entry: Entry) -> datetime:
    assert entry.date is not None
    return datetime(entry.date.year, entry.date.month, entry.date.day, tzinfo=UTC)


def atom(entries: Sequence[Entry], title: str, base: str) -> tuple[bytes, list[str]]:
    """The feed's bytes, and the papers it leaves out (undated: Atom needs a date, and none is made up).

    ``base`` is the site's URL ending in "/" (Atom's ids and links are absolute). A paper's id is its DOI when it
    has one, else its page's URL.
    """
    dated = [e for e in newest_first(entries) if e.date is not None]
    left_out = [e.name for e in entries if e.date is None]
    gen = FeedGenerator()
    gen.id(base)
    gen.title(title)
    gen.link(href=f"{base}index.html", rel="alternate")
    gen.link(href=f"{base}{FEED_FILE}", rel="self")
    gen.generator("paperseries")  # feedgen's default names its version: a library update would change the bytes
    if dated:
        gen.updated(stamp(dated[0]))
    else:
        gen.updated(datetime(1970, 1, 1, tzinfo=UTC))
    # feedgen puts the entry added last first: add them oldest first.
    for item in reversed(dated):
        link = f"{base}papers/{item.name}/index.html"
        fe = gen.add_entry()
        fe.id(f"https://doi.org/{item.doi}" if item.doi else link)
        fe.title(item.title)
        fe.link(href=link, rel="alternate")
        fe.updated(stamp(item))
        fe.published(stamp(item))
        for name in item.authors:
            fe.author(name=name)
        for keyword in item.keywords:
            fe.category(term=keyword)
        if item.abstract:
            fe.summary(excerpt(item.abstract, 1000))
    if not any(e.authors for e in dated):
        # Atom wants an author for the feed or each entry: the publisher, when the papers name one.
        publisher = next((e.publisher for e in dated if e.publisher), "")
        if publisher:
            gen.author(name=publisher)
    return gen.atom_str(pretty=True), left_out
