"""Blocks of a document: wrapped lines joined, titles, bullets and table rows alone."""

from __future__ import annotations

import pytest

from claimcheck.documents import parse_document
from claimcheck.extract import extract_document
from claimcheck.extract.text import Block, blocks, sentences

PRESS_RELEASE = """Thousands more children to benefit from family hubs
More than 400,000 families will get support through new family hubs, as the government announces £302 million.
From:
Department for Education
Published
12 January 2024
The package includes:
- up to £3 million to set up 12 new hubs in areas of high need
Children and Families Minister Claire Coutinho said:
"We're investing over £300 million in family hubs."
"""


def _texts(lines: list[str], alone: frozenset[int] = frozenset()) -> list[str]:
    return [block.text for block in blocks(lines, alone)]


def test_hard_wrapped_lines_are_joined():
    lines = ["Dorset, Lincolnshire and Wolverhampton are the first 3 areas to",
             "be chosen today to deliver the programme."]
    assert _texts(lines) == [" ".join(lines)]


def test_a_word_broken_over_two_lines_is_one_word_again():
    """PDF-to-text breaks words at the margin ("on chil-" over "dren's social care"): the word is joined without its
    hyphen when the document spells it whole elsewhere, and keeps it otherwise ("long-" over "term"); a short
    line that breaks a word is no heading. Each figure still stands where it stands in its line."""
    doc = parse_document(
        "Pressures on children's social care\n23 January 2019\n\n"
        "1 Local authorities spent £8.6 billion on chil-\n"
        "dren's social care in 2017-18, up 3.2% in real terms. There was a long-\n"
        "term rise of 12% in the num-\n"
        "ber of children who were looked after by local authorities in England.\n", "nao")
    texts = [b.text for b in blocks(doc.lines)]
    assert "1 Local authorities spent £8.6 billion on children's social care in 2017-18, up 3.2% in real terms. " \
           "There was a long-term rise of 12% in the num-ber of children who were looked after by local " \
           "authorities in England." in texts
    claims = {c.text: c for c in extract_document(doc)}
    assert claims["£8.6 billion"].subject == "children's social care"
    assert (claims["3.2%"].line, claims["3.2%"].start) == (5, 34)
    assert (claims["12%"].line, claims["12%"].start) == (6, 13)


def test_a_line_kept_alone_is_not_joined_to_the_next():
    lines = ["Thousands more children to benefit from family hubs", "Councils will get £45 million of support."]
    assert _texts(lines) == [" ".join(lines)]  # without a title, a long unpunctuated line looks wrapped
    assert _texts(lines, frozenset([1])) == lines


@pytest.mark.parametrize("first, second, joined", [
    # a line without a full stop over a line that opens a sentence is a heading
    ("The number of looked after children continues to increase", "On 31 March 2020, there were 80,080.", False),
    ("Thousands more children to benefit from family hubs", "More than 400,000 families will get support.", False),
    # a wrapped line goes on: it ends on a word that needs more, or the next line goes on in a name
    ("The Department has allocated £100 million to", "The Children's Society for this work.", True),
    ("The Department has allocated £100 million for the", "Children's Social Care Innovation Programme.", True),
])
def test_a_heading_ends_before_a_line_that_opens_a_sentence(first, second, joined):
    assert _texts([first, second]) == ([f"{first} {second}"] if joined else [first, second])


def test_a_bullet_ends_before_a_capitalised_line_but_goes_on_over_a_wrapped_one():
    lines = ["- up to £3 million to set up 12 new hubs in areas of", "high need", "Minister Claire Coutinho said:"]
    assert _texts(lines) == ["- up to £3 million to set up 12 new hubs in areas of high need",
                             "Minister Claire Coutinho said:"]


def test_a_press_release_title_and_bullets_keep_their_own_subjects():
    doc = parse_document(PRESS_RELEASE, "press")
    claims = {c.text: c for c in extract_document(doc)}
    assert claims["400,000 families"].line == 2 and claims["400,000 families"].subject is None
    assert "Thousands" not in (claims["£302 million"].subject or "")
    assert claims["£3 million"].subject == "set up 12 new hubs in areas of high need"
    assert doc.date.isoformat() == "2024-01-12" and "12 January 2024" not in claims


@pytest.mark.parametrize("title, subject", [
    # a headline that only describes its amount takes the programme the body gives the same amount to
    ("Department for Education offers £20m boost for children's social services", "Partners in Practice programme"),
    # a headline that names its own programme keeps it
    ("£20m boost for the Local Transport Fund", "Local Transport Fund"),
])
def test_a_headline_s_amount_is_the_one_the_body_names(title, subject):
    doc = parse_document(f"{title}\n13 Oct 2017\n\nThe department said up to £20m would help councils.\n"
                         "DfE said the £20m funding would bring more councils into the Partners in Practice "
                         "programme.\n", "news")
    headline = [c for c in extract_document(doc) if c.line == 1]
    assert [(c.text, c.subject) for c in headline] == [("£20m", subject)]


@pytest.mark.parametrize("text, expected", [
    # the "m" of "£2m." is a magnitude, not an initial: the sentence ends there
    ("They spent £2m. Spending on IT rose to £5m.", ["They spent £2m.", "Spending on IT rose to £5m."]),
    ("It cost £2.5k. Then it rose.", ["It cost £2.5k.", "Then it rose."]),
    # an initial, or an abbreviation, does not end one
    ("J. Smith said councils spent £2m. A. B. Jones agreed.", ["J. Smith said councils spent £2m.",
                                                               "A. B. Jones agreed."]),
    ("The Rt. Hon. Member spent £3m.", ["The Rt. Hon. Member spent £3m."]),
])
def test_sentences_end_after_an_amount_but_not_after_an_initial(text, expected):
    block = Block(text, (0,), (1,), (0,))
    assert [sentence.text for sentence in sentences(block)] == expected
