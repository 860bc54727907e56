"""Markdown documents: the marks that frame words are blanked, so metadata and sentences read as in a .txt copy,
and every character keeps its line and column."""

from __future__ import annotations

import pytest

from claimcheck.documents import read_document
from claimcheck.extract import extract_document
from claimcheck.markdown_text import markdown_to_text


@pytest.mark.parametrize(("line", "expected"), [
    ("# Councils spent £10.5bn", "  Councils spent £10.5bn"),
    ("## What the figures show ##", "   What the figures show   "),
    ("*Published 4 May 2023*", " Published 4 May 2023 "),
    ("**By Jane Smith**", "  By Jane Smith  "),
    ("spent **£10.5 billion** on care", "spent   £10.5 billion   on care"),
    ("> The cost has doubled", "  The cost has doubled"),
    ("£50m for [family hubs](https://example.org/hubs).", "£50m for  family hubs" + " " * 27 + "."),
    ("Families_First and 3 * 4", "Families_First and 3 * 4"),  # no emphasis inside a word, nor a lone star
    ("* a bullet", "* a bullet"),
    ("#hashtag", "#hashtag"),
])
def test_marks_are_blanked_where_they_stand(line, expected):
    assert markdown_to_text(line) == expected
    assert len(markdown_to_text(line)) == len(line)


def test_a_markdown_article_reads_as_its_text_copy(tmp_path):
    path = tmp_path / "201_blog.md"
    path.write_text(
        "# Councils spent £10.5bn on children's services last year\n\n*Published 4 May 2023*\n\n**By Jane Smith**\n\n"
        "Councils in England spent **£10.5 billion** on children's social care in 2021-22.\n\n"
        "A further £50m was announced for [family hubs](https://example.org/hubs).\n", encoding="utf-8")
    doc = read_document(path)
    assert (doc.title, doc.author, str(doc.date)) == ("Councils spent £10.5bn on children's services last year",
                                                      "Jane Smith", "2023-05-04")
    claims = {c.text: c for c in extract_document(doc)}
    assert "4 May 2023" not in claims  # the document's date, not a date claim
    money = claims["£10.5 billion"]
    assert (money.line, money.start, money.subject) == (7, 28, "children's social care")
    assert "family hubs" in claims["£50m"].sentence and "https" not in claims["£50m"].sentence
