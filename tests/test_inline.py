"""Inline rendering: text in the common shapes, written without markdown-it, comes out as markdown-it renders it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from paper2myst import inline

# Pieces that make the common shapes and everything near them: stars and underscores in every position, autolinks
# that markdown-it's link normaliser changes (%-escapes, "@", ports, "xn--" hosts) and ones it keeps.
TEXT = st.sampled_from([*"ab Z9 ,.;:!?'\"()>]&#$%+-=~^`{}|/@\n\t", "é", "’", "\xa0", "¹", "²", "_", "a_b", "x_"])
URL = st.lists(st.sampled_from([*"abZ09.-/?#:!$&'()+,;=_~%@*é\"{ ", "xn--", "XN--"]), max_size=10).map("".join)
PIECE = st.one_of(
    st.lists(TEXT, min_size=1, max_size=5).map("".join),
    st.lists(TEXT, min_size=1, max_size=5).map(lambda t: f"*{''.join(t)}*"),
    st.tuples(st.sampled_from(["https://", "http://", "HTTPS://", "ftp://"]), URL).map(lambda u: f"<{u[0]}{u[1]}>"),
    st.sampled_from(["*", "**", "<", "\\*", "[a](b)", "https://a.b/c_d", "\r", "\0"]),
)


def markdown_it_render(text: str, markers: bool) -> str:
    tokens = inline._parser().parseInline(text)
    return inline._render(tokens[0].children or [] if tokens else [], markers)


@settings(max_examples=2000, deadline=None)
@given(st.lists(PIECE, max_size=6).map("".join), st.booleans())
def test_common_shapes_render_as_markdown_it_does(text: str, markers: bool) -> None:
    assert inline.to_myst(text, markers=markers) == markdown_it_render(text, markers)


def test_paper_pieces_are_common() -> None:
    """The shapes a paper's notes are made of need no parser."""
    piece = "“Title”, in *Le Monde*, 19 September 2023, <https://a.example/x?uri=OJ:C:1993:268:TOC>, p_2; ²"
    assert inline._common(piece, True, frozenset()) == markdown_it_render(piece, True)


def test_the_typesetter_hyphenates_where_its_breaks_are_seen_twice_and_outnumber_the_author_s() -> None:
    """The document's own evidence: words cut at a line end and printed whole elsewhere, against compounds.

    A compound is cut at its hyphen and printed with it elsewhere ("co-" "chairmen" beside "co-chairmen").
    """
    from paper2myst.readers.pdf.inline import vocabulary

    def hyphenates(cut: list[tuple[str, str]], whole: str) -> bool:
        lines = [line for a, b in cut for line in (f"Words of a line ending in {a}-", f"{b} and more words")]
        return vocabulary([*lines, whole]).hyphenates

    typesetter = [("govern", "ment"), ("dur", "ing")]
    assert hyphenates(typesetter, "The government met during the year.")  # two breaks of words printed whole
    assert not hyphenates(typesetter[:1], "The government met.")  # one: not seen twice
    own = [("co", "chairmen"), ("self", "rule")]
    assert not hyphenates(typesetter + own, "The government met during the year; co-chairmen, self-rule.")  # 2 = 2
    assert hyphenates(typesetter + own[:1], "The government met during the year; co-chairmen.")  # 2 > 1
    # Pieces that are no words say nothing either way (before, two such made the typesetter hyphenate).
    assert not hyphenates([("de", "freezing"), ("ethno", "territorial")], "Nothing else.")
    # An author writing a compound both ways ("re-taking", "retaking") cuts it at its own hyphen: its second piece,
    # a word of its own, says nothing of the typesetter.
    both = [("re", "taking"), ("co", "operation"), ("re", "taking")]
    assert not hyphenates(both, "The retaking, the cooperation: taking and operation.")
    assert hyphenates(both, "The retaking, the cooperation.")  # (pieces that are no words elsewhere: a syllable's cut)
