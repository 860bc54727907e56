"""`claimcheck extract`: the JSONL contract, CSV and Markdown, on real layouts."""

from __future__ import annotations

import csv
import io

from claimcheck.claims import COLUMNS
from claimcheck.cli import main
from conftest import SEEDS, strict_json


def test_jsonl_contract(capsys):
    assert main(["extract", str(SEEDS), "--format", "jsonl"]) == 0
    records = [strict_json(line) for line in capsys.readouterr().out.splitlines()]  # every line is JSON
    documents = [r for r in records if r.get("record") == "document"]
    claims = [r for r in records if r.get("record") != "document"]
    assert len(documents) == 5
    assert next(c for c in claims if c["text"] == "£680 million")["high"] is None  # "more than": no upper end
    metadata = {"doc", "title", "date", "asked", "answered", "answered_by", "author", "department", "kind"}
    assert metadata <= set(documents[0])
    required = {"doc", "line", "text", "kind", "value", "unit", "bound", "period_start", "period_end", "subject"}
    assert claims and all(required <= set(c) for c in claims)
    assert {c["kind"] for c in claims} >= {"money", "count", "percent", "rate", "date"}
    assert all(c["bound"] in ("exact", "approx", "min", "max") for c in claims)


def test_csv_and_markdown(capsys):
    assert main(["extract", str(SEEDS / "000_3d31146daf813412.txt"), "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == list(COLUMNS)
    assert any(r["text"] == "£100 million" and float(r["value"]) == 1e8 for r in rows)
    assert main(["extract", str(SEEDS), "--format", "md"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].startswith("| doc") and set(table[1]) <= set("|-: ")


def test_markdown_cells_escape_pipes(tmp_path, capsys):
    text = "Title\n\nWe spent £5 million on the A|B `scheme` <b>now</b>.\n"
    (tmp_path / "pipes.txt").write_text(text, encoding="utf-8")
    assert main(["extract", str(tmp_path), "--format", "md"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "£5 million" in line]
    separators = [line.count("|") - line.count("\\|") for line in rows]
    assert separators == [13] * len(rows)  # 12 cells: no pipe from the text split a row


def test_corpus_layouts_extract_without_errors(shared, capsys):
    assert main(["extract", str(shared / "corpus"), "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert "not read" not in captured.err
    docs = {line.split("|")[1].strip() for line in captured.out.splitlines()[2:]}
    assert len(docs) >= 10  # nearly every corpus file yields claims


def test_unreadable_document_is_named_on_stderr(tmp_path, capsys):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00binary")
    assert main(["extract", str(tmp_path), "--format", "jsonl"]) == 0
    assert "bin.txt: not read: binary" in capsys.readouterr().err


def test_a_path_that_does_not_exist_is_a_usage_error(tmp_path, capsys):
    """As in `run`: a mistyped folder printed an empty table and exited 0."""
    missing = tmp_path / "seedz"
    assert main(["extract", str(missing), "--format", "jsonl"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == f"claimcheck extract: {missing}: no such file or folder\n"
