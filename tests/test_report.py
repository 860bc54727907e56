"""The Markdown report: escaping, side-by-side findings, coverage, timeline, atomic write."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from claimcheck.corpus import Corpus
from claimcheck.documents import Unreadable, parse_document
from claimcheck.findings import Evidence, Finding, Verdict
from claimcheck.report.escape import escape_md, mermaid_label
from claimcheck.report.markdown import render, write_atomic
from claimcheck.report.numbers import amount, interval
from conftest import SEEDS, make_claims, make_documents


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a | b", r"a \| b"),
        ("`code`", r"\`code\`"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[click](http://x)", r"\[click\](http://x)"),
        ("line one\nline two", "line one line two"),
        ("# not a heading", r"\# not a heading"),
        ("> not a quote", r"&gt; not a quote"),
        ("**bold** _it_", r"\*\*bold\*\* \_it\_"),
        ("£5m & $5", r"£5m &amp; \$5"),
        (None, ""),
    ],
)
def test_escape_md(raw, expected):
    assert escape_md(raw) == expected


def test_escaped_text_cannot_break_a_table_row():
    assert "|" not in escape_md("a | b | c").replace(r"\|", "")
    assert "\n" not in escape_md("a\r\nb\n\nc")


def test_mermaid_label_drops_syntax_characters():
    assert ":" not in mermaid_label("£100m 000:17 #x; y")


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1e8, "GBP", "£100m"),
        (8.4e6, "GBP", "£8.4m"),
        (3e9, "GBP", "£3bn"),
        (3e7, "EUR", "€30m"),
        (1.2e7, "USD / year", "$12m a year"),
        (5e7, "GBP / year", "£50m a year"),
        (5500, "count", "5,500"),
        (3.1, "percent", "3.1%"),
        (float("inf"), "GBP", "∞"),
        # "-£3.5 million" is a deficit: the sign goes before the pound sign, not after it ("£-3.5m")
        (-3.5e6, "GBP", "-£3.5m"),
        (-500.0, "GBP", "-£500"),
        # "an average of 90 children going into care every day" and "67 per 10,000 children" (the raw Pint units
        # were "90 count / day" and "67 count / (10000 * count)")
        (90.0, "count / day", "90 a day"),
        (67.0, "count / (10000 * count)", "67 per 10,000"),
        (45.0, "day", "45 days"),
        (1.0, "year", "1 year"),
        (2.5, "month", "2.5 months"),
        (-130.0, "count", "-130"),
    ],
)
def test_amounts_are_written_for_people(value, unit, text):
    assert amount(value, unit) == text


def test_open_interval():
    assert interval(6.8e8, float("inf"), "GBP") == "[£680m, ∞)"


def _corpus() -> Corpus:
    doc = parse_document("Title | with pipe\n\nThe programme has £150 million.\n", "005_x", "seeds/005_x.txt")
    claims = make_claims(
        [
            {
                "doc": "005_x",
                "line": 3,
                "text": "£150 million",
                "value": 1.5e8,
                "unit": "GBP",
                "doc_date": "2015-06-16",
                "period_start": "2014-04-01",
                "period_end": "2016-03-31",
                "subject": "Innovation Programme",
                "sentence": "The programme has £150 million | <b>x</b>.",
            },
            {"doc": "005_x", "line": 3, "text": "53", "kind": "count", "value": 53, "unit": "count"},
        ]
    )
    bad = Unreadable("seeds/bad.txt", "binary file (contains NUL bytes), not a text document")
    return Corpus.of([doc], [bad], claims)


def _failed_verdict() -> Verdict:
    evidence = (
        Evidence(
            "005_x",
            3,
            "figure",
            "£150 million",
            "The programme has £150 million | <b>x</b>.",
            1.5e8,
            1.495e8,
            1.505e8,
            "GBP",
            "2014-04-01",
            "2016-03-31",
        ),
        Evidence(
            "000_y",
            17,
            "figure",
            "£100 million",
            "has allocated an additional £100 million",
            1e8,
            9.95e7,
            1.005e8,
            "GBP",
            "2014-04-01",
            "2016-03-31",
        ),
    )
    return Verdict(
        source="rules/innovation.yaml",
        line=4,
        id="innovation-funding-agrees",
        kind="agree",
        severity="error",
        message="Funding quoted differently.",
        status="failed",
        findings=[Finding("£150 million and £100 million cannot both be true", evidence)],
        claims=2,
        documents=2,
        claim_index=(0,),
        note="compared 2 claim(s) from 2 document(s)",
        subject="Innovation Programme",
    )


def test_report_shows_the_failure_side_by_side_with_coverage_and_timeline():
    skipped = Verdict(
        source="rules/x.yaml",
        line=1,
        id="lonely",
        kind="agree",
        severity="error",
        message="m",
        status="skipped",
        note="1 figure(s) in 1 document(s); agree needs two",
    )
    text = render([_failed_verdict(), skipped], _corpus())
    assert "**1 failed, 1 skipped**" in text
    assert "| `005_x:3` (figure)" in text and "`000_y:17` (figure)" in text  # one column per claim
    assert "[£149.5m, £150.5m]" in text and "2014-04-01 .. 2016-03-31" in text
    assert r"£150 million \| &lt;b&gt;x&lt;/b&gt;" in text  # document text escaped inside the table
    assert "## Skipped checks" in text and "agree needs two" in text
    assert "binary file" in text  # documents not read, and why
    assert "1 of 2 claim(s) were compared" in text
    assert "```mermaid\ngantt" in text and ":crit, t0, 2014-04-01, 2016-04-01" in text
    assert "Title \\| with pipe" in text


def test_a_crowded_timeline_keeps_the_disagreeing_figures(monkeypatch):
    import claimcheck.report.timeline as timeline

    monkeypatch.setattr(timeline, "TIMELINE_TASKS", 2)
    doc = parse_document("Title\n\nA.\nB.\nC.\n", "007_t", "seeds/007_t.txt")
    claims = make_claims([
        {"doc": "007_t", "line": line, "text": text, "value": value, "unit": "GBP", "doc_date": "2020-01-01",
         "period_start": "2019-04-01", "period_end": "2020-03-31"}
        for line, text, value in ((3, "£1m", 1e6), (4, "£2m", 2e6), (5, "£3m", 3e6))
    ])
    verdict = _failed_verdict()
    verdict.claim_index = (0, 1, 2)
    verdict.findings = [Finding("£2m disagrees", (Evidence("007_t", 4, "figure", "£2m"),))]
    timeline = render([verdict], Corpus.of([doc], [], claims)).split("```mermaid")[1]
    assert "£1m 007_t line 3 :t0," in timeline and "£2m 007_t line 4 :crit, t1," in timeline
    assert "line 5" not in timeline


def test_a_figure_without_a_period_stands_at_its_documents_date_in_the_timeline():
    """A missing period is NaN in the claims table, and NaN is truthy: the chart once read "nan, NaT", which
    Mermaid refuses, so GitHub showed no chart at all."""
    doc = parse_document("Title\n\nA.\nB.\n", "008_t", "seeds/008_t.txt")
    claims = make_claims([
        {"doc": "008_t", "line": 3, "text": "£1m", "value": 1e6, "unit": "GBP", "doc_date": "2020-01-01"},
        {"doc": "008_t", "line": 4, "text": "£2m", "value": 2e6, "unit": "GBP", "doc_date": "2020-01-01",
         "period_start": "2019-04-01"},
    ])
    verdict = _failed_verdict()
    verdict.claim_index = (0, 1)
    timeline = render([verdict], Corpus.of([doc], [], claims)).split("```mermaid")[1]
    assert "nan" not in timeline and "NaT" not in timeline
    assert "£1m 008_t line 3 :t0, 2020-01-01, 2020-01-02" in timeline
    assert "£2m 008_t line 4 :t1, 2019-04-01, 2019-04-02" in timeline


def test_money_under_a_million_is_written_in_full():
    assert amount(819841.0, "GBP") == "£819,841"
    assert amount(4100000.0, "GBP") == "£4.1m"
    assert amount(2500.0, "GBP / year") == "£2,500 a year"


def test_report_without_failures_says_so():
    passed = Verdict(
        source="rules/x.yaml",
        line=1,
        id="ok",
        kind="agree",
        severity="error",
        message="m",
        status="passed",
        claims=2,
        documents=2,
        note="compared 2 claim(s) from 2 document(s)",
    )
    text = render([passed], _corpus())
    assert "No check failed." in text and "mermaid" not in text


def test_write_atomic_replaces_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "reports" / "claimcheck.md"
    write_atomic(path, "old")
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert [p.name for p in path.parent.iterdir()] == ["claimcheck.md"]


def test_claims_inventory_groups_by_subject():
    text = render([], _corpus())
    assert "<summary>Innovation Programme (1 claim(s), 1 document(s))</summary>" in text
    assert isinstance(_corpus().claims, pd.DataFrame)


def test_claims_inventory_is_capped_for_large_corpora(monkeypatch):
    from claimcheck.report import markdown

    monkeypatch.setattr(markdown, "INVENTORY_SUBJECTS", 3)
    monkeypatch.setattr(markdown, "INVENTORY_CLAIMS", 2)
    records = [{"doc": f"d{i % 4}", "line": i + 1, "text": f"£{i}m", "kind": "money", "value": i * 1e6,
                "unit": "GBP", "subject": f"Programme {chr(65 + i % 5)}"} for i in range(20)]
    claims = make_claims(records)
    text = render([], Corpus.of([], [], claims))
    assert text.count("<details>") == 3
    assert "The 3 subjects found in most documents, of 5" in text
    assert "And 2 more claim(s) about this subject." in text
    # the summary counts the subject's claims and documents, not only the rows shown
    assert "<summary>Programme A (4 claim(s), 4 document(s))</summary>" in text


def test_inventory_labels_fall_back_from_key_to_subject_to_no_subject():
    from claimcheck.report.markdown import subject_labels

    claims = make_claims([
        {"doc": "a", "line": 1, "text": "£1m", "subject": "The Innovation Programme", "subject_key": "innovation"},
        {"doc": "a", "line": 2, "text": "£2m", "subject": "The Innovation Programme"},
        {"doc": "b", "line": 3, "text": "£3m"},
        {"doc": "b", "line": 4, "text": "£4m", "subject": "Troubled Families", "subject_key": ""},
        {"doc": "c", "line": 5, "text": "£5m", "subject_key": "innovation"},
    ])
    codes, labels = subject_labels(claims)
    assert labels[codes].tolist() == [
        "innovation", "innovation programme", "(no subject)", "(no subject)", "innovation"]
    assert sorted(labels) == ["(no subject)", "innovation", "innovation programme"]  # each label once


def test_a_check_with_thousands_of_findings_stays_readable(monkeypatch):
    """The first findings side by side, the next one line each, then a count pointing to the full outputs."""
    import claimcheck.report.markdown as markdown

    monkeypatch.setattr(markdown, "DETAILED_FINDINGS", 2)
    monkeypatch.setattr(markdown, "LISTED_FINDINGS", 5)
    verdict = _failed_verdict()
    verdict.findings = [Finding(f"finding number {n}", verdict.findings[0].evidence) for n in range(1, 9)]
    text = render([verdict], _corpus())
    assert text.count("| quoted ") == 2  # two side-by-side tables
    assert "3 more finding(s) of this check, one line each" in text
    assert "| 5   | finding number 5 | `005_x:3`, `000_y:17` |" in text
    assert "finding number 6" not in text
    assert "And 3 more: `--format json`" in text


def test_coverage_of_a_large_corpus_lists_the_least_compared_documents(monkeypatch):
    import claimcheck.report.markdown as markdown

    monkeypatch.setattr(markdown, "COVERAGE_DOCUMENTS", 1)
    corpus = _corpus()
    other = parse_document("Other\n\nNothing here.\n", "006_z", "seeds/006_z.txt")
    corpus = Corpus.of([corpus.documents[0], other], corpus.unreadable, corpus.claims)
    text = render([_failed_verdict()], corpus)
    assert "1 of 2 document(s) had none compared" in text
    assert "The 1 documents with fewest claims compared, of 2" in text
    coverage = text.split("## Coverage")[1].split("##")[0]
    assert "`006_z`" in coverage and "`005_x`" not in coverage


def test_coverage_ties_are_listed_by_document_name(monkeypatch):
    import claimcheck.report.markdown as markdown

    monkeypatch.setattr(markdown, "COVERAGE_DOCUMENTS", 2)
    corpus = _corpus()
    later = parse_document("Later\n\nNothing here.\n", "006_z", "seeds/006_z.txt")
    earlier = parse_document("Earlier\n\nNothing here.\n", "004_a", "seeds/004_a.txt")
    corpus = Corpus.of([corpus.documents[0], later, earlier], corpus.unreadable, corpus.claims)
    coverage = render([_failed_verdict()], corpus).split("## Coverage")[1].split("##")[0]
    assert "`005_x`" not in coverage
    assert coverage.index("`004_a`") < coverage.index("`006_z`")


@pytest.mark.parametrize(("index", "labels"), [
    (pd.RangeIndex(6), [4, 1, 1]),  # row numbers: marked by position
    (pd.RangeIndex(6), []),
    (pd.RangeIndex(2, 8), [2, 7]),  # labels are not positions: looked up
    (pd.Index([9, 3, 5]), [3, 9]),
    (pd.RangeIndex(3), [1, 7]),  # a label the table does not have
])
def test_rows_with_labels_are_marked_as_isin_marks_them(index, labels):
    from claimcheck.report.timeline import labelled

    marked = labelled(index, np.asarray(labels, dtype=np.int64))
    assert marked.tolist() == index.isin(labels).tolist()


def test_a_date_read_from_a_document_header_is_shown_but_not_quoted():
    """'answered on 2016-06-01' is claimcheck's wording, not the document's: no quotation marks around it; and
    the date is the period, not 'not stated'."""
    from claimcheck.checks import date_order
    from claimcheck.report.markdown import _side_by_side

    documents = make_documents([{"doc": "q", "asked": "2016-06-10", "answered": "2016-06-01", "asked_line": 5,
                                 "answered_line": 11}])
    (finding,) = date_order.check({"expect": "answered-after-asked", "early": "ok", "names": ()}, make_claims([]),
                                  documents).findings
    rows = {line.split("|")[1].strip(): [c.strip() for c in line.split("|")[2:-1]]
            for line in _side_by_side(finding).splitlines()[2:]}
    assert rows["quoted"] == ["answered on 2016-06-01", "asked on 2016-06-10"]
    assert rows["period"] == ["2016-06-01", "2016-06-10"]


def test_a_subject_in_a_summary_line_is_html_escaped_not_markdown_escaped():
    """`<details><summary>…` opens an HTML block, where GitHub reads no Markdown: a backslash escape shows as
    written ('Families\\_First'), so the summary line escapes HTML only."""
    claims = make_claims([{"doc": "d", "line": 3, "text": "£5m", "value": 5e6, "unit": "GBP",
                           "subject": "Families_First *pilot* [2023] fund! <b>x</b>"}])
    text = render([], Corpus.of([], [], claims))
    (line,) = [line for line in text.splitlines() if line.startswith("<details>")]
    assert line == ("<details><summary>Families_First *pilot* [2023] fund! &lt;b&gt;x&lt;/b&gt; "
                    "(1 claim(s), 1 document(s))</summary>")


def test_a_report_under_a_file_says_the_file_is_no_folder(tmp_path, capsys):
    """--report notes.md/claimcheck.md where notes.md is a file said 'File exists', which reads as if the report
    were already there."""
    from claimcheck.cli import main

    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    target = tmp_path / "notes.md" / "claimcheck.md"
    assert main(["run", str(SEEDS), "--no-cache", "--no-discover", "--report", str(target)]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"claimcheck run: cannot write {target}: {tmp_path / 'notes.md'} is a file, not a folder"]


def test_coverage_lists_the_least_compared_by_count_then_name_as_python_sorts_them(monkeypatch):
    import claimcheck.report.markdown as markdown

    monkeypatch.setattr(markdown, "COVERAGE_DOCUMENTS", 6)
    corpus = _corpus()
    names = ["zeta", "Zeta", "éclair", "eclair", "a_10", "a_9", "Ärger", "b"]
    docs = [corpus.documents[0]] + [parse_document(f"{name}\n\nNothing here.\n", name, f"seeds/{name}.txt")
                                    for name in names]
    corpus = Corpus.of(docs, corpus.unreadable, corpus.claims)
    coverage = render([_failed_verdict()], corpus).split("## Coverage")[1].split("##")[0]
    listed = [line.split("`")[1] for line in coverage.splitlines() if line.startswith("| `")]
    assert listed == sorted(names)[:6]
