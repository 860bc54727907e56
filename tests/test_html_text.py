"""Saved web pages: the text a reader sees, read like a `.txt` copy."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from claimcheck.documents import read_document
from claimcheck.extract import extract_document
from claimcheck.folders import iter_paths
from claimcheck.html_text import html_to_text, looks_like_html

PAGE = Path(__file__).parent / "fixtures" / "html" / "press_release.html"


def test_a_page_s_text_is_its_heading_then_its_blocks_without_scripts_or_styles():
    lines = html_to_text(PAGE.read_text(encoding="utf-8")).splitlines()
    assert lines[0] == "£45 million to help vulnerable children stay with their families"  # the <h1>, not <title>
    assert "Published 12 July 2023" in lines
    assert "backed by £45 million over the next two years." in lines[lines.index("Published 12 July 2023") + 1]
    assert lines[-4:-1] == ["Year\tFunding", "2023-24\t20", "2024-25\t25"]  # a table's cells split by tabs
    assert not any("dataLayer" in line or "width" in line for line in lines)


def test_a_saved_page_is_read_as_a_document_with_its_date_and_table():
    doc = read_document(PAGE)
    assert (doc.title, doc.date) == ("£45 million to help vulnerable children stay with their families",
                                     date(2023, 7, 12))
    claims = extract_document(doc)
    table = [(c.value, c.period_start) for c in claims if c.subject == "Funding by year"]
    assert table == [(20_000_000, "2023-04-01"), (25_000_000, "2024-04-01")]
    assert not any(c.value == 12345 or c.text == "2023" for c in claims)  # nothing from the script


def test_a_page_without_an_h1_or_a_closing_head_keeps_its_title_and_body():
    text = html_to_text("<html><head><title>Children in care - GOV.UK</title><body><p>There were 83,840 children"
                        "<br>looked after.</p><svg><title>chart</title></svg></body></html>")
    assert text.splitlines() == ["Children in care", "There were 83,840 children", "looked after."]


def test_a_minified_page_on_one_long_line_is_read_not_refused(tmp_path):
    body = "".join(f"<p>Paragraph {i} says the council spent £{i}m.</p>" for i in range(1, 6000))
    path = tmp_path / "page.htm"
    path.write_text(f"<!DOCTYPE html><html><body><h1>Spending</h1>{body}</body></html>", encoding="utf-8")
    assert len(path.read_text(encoding="utf-8")) > 100_000  # longer than any line of prose may be
    doc = read_document(path)
    assert doc.title == "Spending" and len(doc.lines) == 6000


def test_markup_is_recognised_whatever_the_file_is_called(tmp_path):
    assert looks_like_html("<!doctype html>\n<html>") and looks_like_html("  <html lang='en'>")
    assert not looks_like_html("Children in care\nThe <b>number</b> rose.")
    path = tmp_path / "page.txt"
    path.write_text("<html><body><h1>Funding</h1><p>We spent &pound;3m.</p></body></html>", encoding="utf-8")
    assert read_document(path).lines == ["Funding", "We spent £3m."]


def test_folders_find_saved_pages(tmp_path):
    for name in ("a.html", "b.htm", "c.txt", "d.css"):
        (tmp_path / name).write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    found, _ = iter_paths([tmp_path])
    assert [Path(p).name for p in found] == ["a.html", "b.htm", "c.txt"]


def test_a_saved_page_s_title_is_its_h1_not_the_summary_under_its_type():
    """GOV.UK's caption ("Press release") stands between the <h1> and the summary: the summary under the type is
    no title when the page's <h1> already gave one."""
    doc = read_document(PAGE.with_name("govuk_press_release_with_caption.html"))
    assert doc.title == "£50 million to expand family hubs"
    assert (doc.department, str(doc.date)) == ("Department for Education", "2024-03-05")


def test_a_list_s_items_read_as_bullets_under_their_lead_in(tmp_path):
    """<li> items are bullets, as a page saved as text shows them: each its own block, listed under a lead-in
    that gives their whole; a navigation item is still furniture ("• Cookies")."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Funding</h1><p>Published 14 March 2024</p><p>Today I am announcing £120 "
                    "million in 2024-25. This comprises:</p><ul><li>£45 million for pathfinders</li><li>£75 million "
                    "for kinship care</li></ul><ul><li>Cookies</li></ul></body></html>", encoding="utf-8")
    doc = read_document(page)
    assert html_to_text(page.read_text(encoding="utf-8")).splitlines()[3:6] == [
        "• £45 million for pathfinders", "• £75 million for kinship care", "• Cookies"]
    assert doc.lines[5] == ""  # the navigation item, blanked as "Cookies" alone would be
    claims = {c.text: c for c in extract_document(doc)}
    assert (claims["£120 million"].total, claims["£45 million"].listed_under, claims["£75 million"].listed_under) \
        == (True, 3, 3)
