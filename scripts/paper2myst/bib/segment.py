"""Split a reference's text into labelled segments (author, title, ...) with the trained tagger."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from paper2myst.bib.tagger import DOI, MODEL, URL_START, Token, part_label, sequence_features, tokenize


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of words with one label; ``start``/``end`` index the text it was cut from."""

    label: str
    text: str
    start: int
    end: int


class Segmenter:
    """A loaded CRF model: text in, labelled segments and a confidence out (deterministic)."""

    def __init__(self, model: Path) -> None:
        import pycrfsuite

        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(model))
        known = set(self._tagger.labels())
        # Each label with the other labels of its part (B-title: B-title and I-title), for the confidence.
        self._same_part = {
            label: [other for other in known if other[2:] == label[2:] and other[1:2] == "-"] or [label]
            for label in known
        }

    def labels(self, tokens: list[Token]) -> tuple[list[str], float]:
        """Label each token; the confidence is the least sure token's marginal probability of its part.

        A part's first and later words are labelled apart (``B-title``, ``I-title``); which part a word is in is
        what the confidence is about, so the marginals of both are summed.
        """
        if not tokens:
            return [], 1.0
        labels: list[str] = self._tagger.tag(sequence_features(tokens))
        marginal = self._tagger.marginal
        # A part's marginal is at least its label's: only the least sure words need their part's summed.
        least = 1.0
        for own, i in sorted((marginal(label, i), i) for i, label in enumerate(labels)):
            if own >= least:
                break
            least = min(least, sum(marginal(same, i) for same in self._same_part[labels[i]]))
        return [part_label(label) for label in labels], least

    def segments(self, text: str, tokens: list[Token] | None = None) -> tuple[list[Segment], float]:
        """Group consecutive tokens with the same label into segments."""
        tokens = tokenize(text) if tokens is None else tokens
        labels, confidence = self.labels(tokens)
        words = [tok.text for tok in tokens]
        labels = whole_brackets(words, by_form(words, labels))
        out: list[Segment] = []
        for tok, label in zip(tokens, labels, strict=True):
            if out and out[-1].label == label:
                last = out[-1]
                out[-1] = Segment(label, text[last.start : tok.end], last.start, tok.end)
            else:
                out.append(Segment(label, tok.text, tok.start, tok.end))
        return repair(out), confidence


# A URL or a DOI is one by its form, whatever the words around it say: the tagger's guess gives way.


def by_form(words: Sequence[str], labels: Sequence[str]) -> list[str]:
    """Label URLs ``url`` and DOIs (with a "doi:" before them) ``doi``; a DOI inside a URL stays in the URL."""
    out = list(labels)
    for i, word in enumerate(words):
        if URL_START.match(word.lstrip("([")):  # "(http://…)" too
            out[i] = "url"
        elif DOI.search(word):
            out[i] = "doi"
            if i and words[i - 1].lower().rstrip(":") == "doi":
                out[i - 1] = "doi"
    return out


def whole_brackets(words: Sequence[str], labels: Sequence[str]) -> list[str]:
    """A bracketed group opened inside one part and closed in another belongs wholly to the one it closes in.

    "XLIII (January-February, 1965)": the tagger may start the date at "1965); the parenthesis tells where.
    """
    out = list(labels)
    i = 0
    while i < len(words):
        if words[i].startswith("("):
            j = next((k for k in range(i, len(words)) if ")" in words[k]), len(words))
            if i < j < len(words) and len(set(out[i : j + 1])) > 1 and i and out[i - 1] == out[i]:
                out[i : j + 1] = [out[j]] * (j + 1 - i)
            i = j + 1
        else:
            i += 1
    return out


# A work needs a title: when the tagger finds only a container, and the entry has a publisher or a place
# (a book's imprint), the "container" is the work's own title.
_BOOKISH = frozenset({"publisher", "location"})


def repair(segments: list[Segment]) -> list[Segment]:
    """Fix labellings that cannot be right as a whole (the tagger decides word by word)."""
    labels = {s.label for s in segments}
    if "title" not in labels and "container" in labels and labels & _BOOKISH:
        first = next(i for i, s in enumerate(segments) if s.label == "container")
        segments = [*segments]
        seg = segments[first]
        segments[first] = Segment("title", seg.text, seg.start, seg.end)
    return segments


@cache
def default_segmenter() -> Segmenter:
    """The model shipped with the package (trained by ``nox -s train-refs``)."""
    return Segmenter(MODEL)


def segments_with(model: Path) -> Callable[[str], list[tuple[str, str]]]:
    """A predictor for the evaluation: text to (label, segment text) pairs."""
    segmenter = Segmenter(model)

    def predict(text: str) -> list[tuple[str, str]]:
        return [(s.label, s.text) for s in segmenter.segments(text)[0]]

    return predict
