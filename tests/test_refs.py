"""Reference lists in any house style, through ``paper2myst refs``: styles, fields, printed text, BibTeX."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import bibtexparser
import pybtex.database
import pytest
from paper2myst.bib import parse_list
from paper2myst.bib.tagger import read_tagged, token_labels
from paper2myst.bib.train import MEASURED, fields_of, score, table, train
from paper2myst.cli import main
from test_bib import demarkdown, render_text

FIXTURES = Path(__file__).parent / "fixtures" / "references"
CORE = FIXTURES / "anystyle-core.xml"
# Lists written and tagged by hand, one per house style (the dataset's "style" attribute says which).
STYLE_LISTS = sorted((FIXTURES / "styles").glob("*.xml"))


def list_of(path: Path) -> tuple[str, list[list[tuple[str, str]]], list[str]]:
    """The style a hand-tagged list is in, its tagged references, and their text as printed."""
    refs = list(read_tagged(path))
    return ElementTree.parse(path).getroot().get("style", ""), refs, [token_labels(r)[0] for r in refs]


def run_refs(tmp_path: Path, texts: list[str], *extra: str) -> tuple[int, str]:
    source = tmp_path / "list.txt"
    source.write_text("\n\n".join(texts) + "\n", encoding="utf-8")
    bib = tmp_path / "out.bib"
    code = main(["refs", str(source), "--bib", str(bib), "--quiet", *extra])
    return code, bib.read_text(encoding="utf-8") if bib.exists() else ""


@pytest.mark.parametrize("path", STYLE_LISTS, ids=lambda p: p.stem)
def test_style_is_detected(path: Path) -> None:
    style, _, texts = list_of(path)
    assert parse_list(texts)[0] == style


@pytest.mark.parametrize("path", STYLE_LISTS, ids=lambda p: p.stem)
def test_rendered_list_equals_the_printed_list(path: Path) -> None:
    """Entry by entry, labels included, whatever the parser made of the fields."""
    _, _, texts = list_of(path)
    _, entries, _ = parse_list(texts)
    assert render_text(entries) == [demarkdown(t) for t in texts]


@pytest.mark.parametrize("path", STYLE_LISTS, ids=lambda p: p.stem)
def test_bibtex_is_valid_and_round_trips(path: Path, tmp_path: Path) -> None:
    _, _, texts = list_of(path)
    code, text = run_refs(tmp_path, texts)
    assert code == 0
    library = bibtexparser.parse_string(text)
    assert library.failed_blocks == []
    _, entries, _ = parse_list(texts)
    assert [(e.entry_type, e.key, {f.key: f.value for f in e.fields}) for e in library.entries] == [
        (e.type, e.key, e.fields) for e in entries
    ]
    data = pybtex.database.parse_string(text, "bibtex")
    assert list(data.entries) == [e.key for e in entries]


@pytest.mark.skipif(shutil.which("biber") is None, reason="biber not installed")
def test_biber_validates_every_style_list(tmp_path: Path) -> None:
    texts = [t for path in STYLE_LISTS for t in list_of(path)[2]]
    code, text = run_refs(tmp_path, texts)
    assert code == 0
    (tmp_path / "refs.bib").write_text(text, encoding="utf-8")
    run = subprocess.run(
        ["biber", "--tool", "--validate-datamodel", "--output-directory", ".", "refs.bib"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert [line for line in run.stdout.splitlines() if line.startswith(("WARN", "ERROR"))] == []


def test_field_accuracy_on_the_style_lists(tmp_path: Path) -> None:
    """Per-field accuracy of the shipped model on the hand-tagged lists (never trained on), via ``refs --xml``."""
    total_counts = {f: (0, 0) for f in MEASURED}
    for path in STYLE_LISTS:
        _, refs, texts = list_of(path)
        code, _ = run_refs(tmp_path, texts, "--xml", str(tmp_path / "out.xml"))
        assert code == 0
        by_text = dict(zip(texts, read_tagged(tmp_path / "out.xml"), strict=True))
        counts = score(refs, lambda text: by_text[text])  # noqa: B023  # used at once, inside the loop
        total_counts = {f: (total_counts[f][0] + counts[f][0], total_counts[f][1] + counts[f][1]) for f in MEASURED}
    print(table(total_counts))
    right = sum(r for r, _ in total_counts.values())
    total = sum(t for _, t in total_counts.values())
    assert right / total >= 0.85


@pytest.mark.slow
def test_field_accuracy_on_a_held_out_fold(tmp_path: Path) -> None:
    """Train on four fifths of the tagged set, measure the fifth through ``paper2myst refs --xml``."""
    refs = list(read_tagged(CORE))
    model = tmp_path / "fold.crfsuite"
    train([r for i, r in enumerate(refs) if i % 5], model)
    held_out = [r for i, r in enumerate(refs) if i % 5 == 0]
    texts = [token_labels(r)[0] for r in held_out]
    source = tmp_path / "list.txt"
    source.write_text("\n".join(texts) + "\n", encoding="utf-8")
    out = tmp_path / "out.xml"
    assert (
        main(["refs", str(source), "--bib", str(tmp_path / "out.bib"), "--xml", str(out), "--model", str(model)]) == 0
    )
    predicted = list(read_tagged(out))
    assert len(predicted) == len(held_out)
    by_text = dict(zip(texts, predicted, strict=True))
    counts = score(held_out, lambda text: by_text[text])
    print(table(counts))
    right = sum(r for r, _ in counts.values())
    total = sum(t for _, t in counts.values())
    # Measured 0.903 over five folds of this set, trained with the policy sets beside it (nox -s train-refs prints
    # each fold's table); 0.904 before the imprint, chunk-case and abbreviation features and the 28 more policy
    # references (which raised the policy set from 0.879 to 0.908), 0.896 before the chunk and place features,
    # 0.901 before the organisation cue and the policy set. Issue 18 asks 0.95: not reached.
    assert right / total >= 0.84


def test_repeated_author_dash_takes_the_previous_author() -> None:
    _, entries, _ = parse_list(
        [
            "Allison, Graham T. 2017. Destined for War. Boston: Houghton Mifflin Harcourt.",
            "———. 2020. “The New Spheres of Influence.” Foreign Affairs 99 (2): 30–40.",
        ]
    )
    assert entries[1].fields["author"] == entries[0].fields["author"]


def test_labels_stay_labels() -> None:
    _, entries, _ = parse_list(["[1] J. Doe, Power System Analysis, 2nd ed. New York: McGraw-Hill, 2015."])
    assert entries[0].label == "[1]"
    assert "[1]" not in entries[0].fields["author"]


def test_fields_of_normalises_punctuation_and_case() -> None:
    assert fields_of([("title", "“The Title,”"), ("date", "(2010).")]) == {"title": "the title", "date": "2010"}


def test_a_blank_line_separated_paragraph_is_one_reference(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("Smith, J. (2010). A long title\nthat wraps. Publisher.\n\nJones, K. (2011). Short. Press.\n")
    assert main(["refs", str(source), "--bib", str(tmp_path / "o.bib"), "--quiet"]) == 0
    assert (tmp_path / "o.bib").read_text(encoding="utf-8").count("\n@") == 2


def test_empty_list_is_bad_input(tmp_path: Path) -> None:
    source = tmp_path / "list.txt"
    source.write_text("\n\n")
    assert main(["refs", str(source)]) == 2


@pytest.mark.parametrize("name", ["jordan-basin", "nile-waters", "sahel-security"])
def test_policy_paper_lists_without_their_markup_read_above_the_threshold(name: str) -> None:
    """A test paper's list as its PDF reads back (no emphasis, bare addresses): the tagger is sure enough of each.

    None of these entries is in the training sets (the policy set was written apart from the test papers).
    """
    from paper2myst.bib import MIN_CONFIDENCE
    from paper2myst.bib.fields import plain
    from paper2myst.bib.segment import default_segmenter

    lines = (FIXTURES.parent / "papers" / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    entries = [line for line in lines[lines.index("References") + 1 :] if line.strip()]
    entries = entries[: entries.index("Istituto Affari Internazionali (IAI)")]
    confidences = [default_segmenter().segments(plain(text))[1] for text in entries]
    assert min(confidences) >= MIN_CONFIDENCE, list(zip(entries, confidences, strict=True))


@pytest.mark.parametrize(
    ("word", "cue"),
    [("Secretariat", "org"), ("Initiative,", "org"), ("Commission", "org"), ("Press", "publisher"), ("Nile", "")],
)
def test_organisation_words_are_a_cue_of_their_own(word: str, cue: str) -> None:
    from paper2myst.bib.tagger import word_features

    assert word_features(word)["cue"] == cue


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("London,", "True"),
        ("NJ:", "True"),
        ("london", "False"),
        ("In", "False"),
        ("Lausanne.", "True"),
        ("MA:", "True"),  # a state's code that is also a name ("Ma, J.") is a place in capitals only
        ("Ma,", "False"),
        ("IN", "True"),
    ],
)
def test_a_place_is_a_capitalised_word_of_the_place_list(word: str, place: str) -> None:
    from paper2myst.bib.tagger import word_features

    assert word_features(word)["place"] == place


def test_chunks_end_at_separators_and_start_at_openings_but_not_after_initials() -> None:
    from paper2myst.bib.tagger import chunks, word_features

    words = ["Doe,", "J.", "K.", "(2001).", "The", "Book.", "Hillsdale,", "NJ:", "Example", "Books", "Inc."]
    assert chunks(words, [word_features(w) for w in words]) == [0, 1, 1, 2, 3, 3, 4, 5, 6, 6, 6]


def test_a_place_before_a_colon_is_a_feature_of_its_chunk() -> None:
    from paper2myst.bib.tagger import sequence_features, tokenize

    feats = sequence_features(tokenize("Jane Doe. A Book. London: Example Books, 2001."))
    assert "ch_has+end=place|:" in feats[4]
    assert "nch_has=place" in feats[3]


def imprint_of(text: str) -> list[str]:
    """Each word's imprint feature ("place", "publisher" or "")."""
    from paper2myst.bib.tagger import sequence_features, tokenize

    found = [
        [f[len("imprint=") :] for f in feats if f.startswith("imprint=")] for feats in sequence_features(tokenize(text))
    ]
    return [f[0] if f else "" for f in found]


def test_an_imprint_is_a_short_capitalised_place_before_a_colon_then_a_capital() -> None:
    # IMPRINT_PLACE_WORDS = 4: a town of three words and its state is a place, a run of five is not.
    assert imprint_of("Doe, J. (2001). The Book. Upper Saddle River, NJ: Example Press.")[-6:] == [
        *["place"] * 4,
        *["publisher"] * 2,
    ]
    assert imprint_of("Doe, J. (2001). The Book. Upper Saddle River Town, NJ: Example Press.")[-7:] == [
        *[""] * 4,
        "place",
        *["publisher"] * 2,
    ]
    assert imprint_of("Doe, J. (2001). The Book. Upper Saddle River Town: Example Press.")[-6:-2] == ["place"] * 4
    assert imprint_of("Doe, J. (2001). The Book. Upper Saddle River Old Town: Example Press.")[-7:-2] == [""] * 5
    # A lower-case word, a digit, or a lower-case word after the colon: not an imprint.
    assert set(imprint_of("Doe, J. 2001. Studies in the history of art: an essay.")) == {""}
    assert set(imprint_of("Doe, J. 2001. The Year 1848: Example Press.")) == {""}
    # A title's colon: more of the title follows the capital, not the year or the end.
    assert set(imprint_of("Doe, J. Program Design: A Foundation, Example Books, 1988.")) == {""}
    assert imprint_of("Doe, J. Program Design, London: Example Books, 1988.")[-4:] == [
        "place",
        "publisher",
        "publisher",
        "",
    ]


@pytest.mark.parametrize(
    ("word", "following", "abbreviation"),
    [
        ("Environ.", True, True),  # ABBREVIATION_LETTERS = 7: seven letters is an abbreviation, eight is not
        ("Environs.", True, False),
        ("Atm.", True, True),
        ("Atm.", False, False),  # nothing capitalised after it: a sentence's end
        ("J.", True, False),  # one letter: an initial
        ("atm.", True, False),
    ],
)
def test_an_abbreviation_is_a_short_capitalised_word_cut_before_a_capital(
    word: str, following: bool, abbreviation: bool
) -> None:
    from paper2myst.bib.tagger import is_abbreviation

    assert is_abbreviation(word, following) is abbreviation


@pytest.mark.parametrize(
    ("words", "profile"),
    [
        (["Journal", "of", "Water", "Studies,"], "title"),
        (["the", "history", "of", "water,"], "lower"),
        (["Water", "history"], "mixed"),
        (["of", "an", "(2001)."], "na"),
        (["“Water", "Sharing”"], "title"),
    ],
)
def test_a_runs_case_profile_looks_at_its_longer_words(words: list[str], profile: str) -> None:
    from paper2myst.bib.tagger import case_profile

    assert case_profile(words) == profile
