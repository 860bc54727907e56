"""The report is safe to read and never lost: document text cannot inject Markdown or HTML, output paths cannot
leave their folder, and a failed or interrupted run leaves the previous report as it was."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from claimcheck import cli, runner
from claimcheck.report import markdown
from claimcheck.safepaths import UnsafePathError, inside, report_path
from conftest import SEEDS

GOOD_SEED = SEEDS / "000_3d31146daf813412.txt"
HOSTILE = """\
# <script>alert(1)</script> | `code` [click](javascript:alert(1))
Date: 2015-07-01

# The Children’s Social Care Innovation Programme | got £900 million <script>alert(2)</script> `x` \
[a](javascript:alert(3)) in 2014-15 and 2015-16.
> The Innovation Programme | had ![img](http://evil/x.png) £900 million <img src=x onerror=alert(4)>.
"""


def run(tmp_path: Path, docs: Path, report: Path, capsys) -> tuple[int, str]:
    status = cli.main(["run", str(docs), "--no-cache", "--rules", str(SEEDS.parent / "rules"), "--report", str(report)])
    return status, capsys.readouterr().err


@pytest.fixture
def hostile_report(tmp_path, capsys) -> str:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_bytes(GOOD_SEED.read_bytes())
    (docs / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    report = tmp_path / "r.md"
    status, _ = run(tmp_path, docs, report, capsys)
    assert status == 1  # the hostile £900 million contradicts the seed's £100 million: its text is quoted
    return report.read_text(encoding="utf-8")


def test_document_text_cannot_inject_html(hostile_report):
    assert "alert(2)" in hostile_report  # the sentence is quoted...
    for raw in ("<script", "<img", "onerror=alert(4)>"):  # ...but never as markup
        assert raw not in hostile_report.replace("&lt;script", "").replace("&lt;img", "")
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in hostile_report


def test_document_text_cannot_make_links_images_or_code(hostile_report):
    assert not re.search(r"(?<!\\)\]\((?:javascript|http)", hostile_report)
    assert "\\[a\\](javascript:alert(3))" in hostile_report
    assert "\\!\\[img\\]" in hostile_report
    quoted = [line for line in hostile_report.splitlines() if "alert(2)" in line]
    assert quoted and all("\\`x\\`" in line for line in quoted)


def test_document_text_cannot_start_a_heading_or_quote(hostile_report):
    headings = [line for line in hostile_report.splitlines() if line.startswith("#")]
    assert not any("script" in line or "Innovation" in line for line in headings)
    assert not any(line.startswith(">") for line in hostile_report.splitlines())


def test_document_text_cannot_break_a_table_row(hostile_report):
    for block in re.findall(r"((?:^\|.*\n)+)", hostile_report, re.M):
        rows = block.splitlines()
        widths = {len(re.findall(r"(?<!\\)\|", row)) for row in rows}
        assert len(widths) == 1, block


def test_file_names_cannot_break_a_table_row(tmp_path, capsys):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "x`y|z <b>.txt").write_bytes(GOOD_SEED.read_bytes())
    report = tmp_path / "r.md"
    run(tmp_path, docs, report, capsys)
    text = report.read_text(encoding="utf-8")
    assert "<b>" not in text
    for block in re.findall(r"((?:^\|.*\n)+)", text, re.M):
        assert len({len(re.findall(r"(?<!\\)\|", row)) for row in block.splitlines()}) == 1, block


@pytest.mark.parametrize("name", ["../../etc/x", "../x.md", "/etc/passwd", "a/../../b", "..\\..\\x", "", "a\x00b"])
def test_names_from_data_cannot_leave_their_folder(tmp_path, name):
    with pytest.raises(UnsafePathError):
        inside(tmp_path, name)


def test_names_that_stay_inside_are_kept(tmp_path):
    assert inside(tmp_path, "claimcheck.json") == tmp_path / "claimcheck.json"
    assert inside(tmp_path, "sub/x.md") == tmp_path / "sub" / "x.md"
    assert inside(tmp_path, "a..b.md") == tmp_path / "a..b.md"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_names_cannot_leave_through_a_link(tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "escape").symlink_to(tmp_path.parent)
    with pytest.raises(UnsafePathError, match="through a link"):
        inside(tmp_path / "out", "escape/x.md")


@pytest.mark.parametrize("raw", ["../x.md", "reports/../../x.md", "", "a\x00.md"])
def test_report_path_refused(tmp_path, raw):
    with pytest.raises(UnsafePathError):
        report_path(raw, base=tmp_path)


def test_report_path_accepted(tmp_path):
    assert report_path("reports/claimcheck.md", base=tmp_path) == tmp_path / "reports" / "claimcheck.md"
    assert report_path("reports/../claimcheck.md", base=tmp_path) == tmp_path / "reports/../claimcheck.md"
    assert report_path(str(tmp_path / "abs.md")) == tmp_path / "abs.md"  # an absolute path is the user's choice
    with pytest.raises(UnsafePathError, match="is a folder"):
        report_path(str(tmp_path))


def test_run_refuses_a_report_path_that_climbs_out(tmp_path, capsys, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    status, err = run(tmp_path, GOOD_SEED, Path("../escaped.md"), capsys)
    assert status == 2
    assert err.strip().endswith("give an absolute path to write elsewhere") and "'../escaped.md'" in err
    assert not (tmp_path / "escaped.md").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_report_replaces_a_link_instead_of_writing_through_it(tmp_path, capsys):
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    report = tmp_path / "r.md"
    report.symlink_to(outside)
    run(tmp_path, GOOD_SEED, report, capsys)
    assert outside.read_text() == "keep me"
    assert not report.is_symlink() and "# claimcheck report" in report.read_text(encoding="utf-8")


def _previous_report(tmp_path: Path) -> Path:
    report = tmp_path / "reports" / "claimcheck.md"
    report.parent.mkdir()
    report.write_text("previous report\n", encoding="utf-8")
    return report


def test_failed_rendering_leaves_the_previous_report(tmp_path, capsys, monkeypatch):
    report = _previous_report(tmp_path)

    def broken(*args, **kwargs):
        raise RuntimeError("renderer failed")

    monkeypatch.setattr(runner, "render", broken)
    with pytest.raises(RuntimeError):
        run(tmp_path, GOOD_SEED, report, capsys)
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in report.parent.iterdir()] == ["claimcheck.md"]


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failed_or_interrupted_write_leaves_the_previous_report(tmp_path, capsys, monkeypatch, failure):
    report = _previous_report(tmp_path)

    def fail(*args, **kwargs):
        raise failure

    monkeypatch.setattr(markdown.os, "replace", fail)
    if isinstance(failure, OSError):
        status, err = run(tmp_path, GOOD_SEED, report, capsys)
        assert status == 2 and "No space left on device" in err
    else:
        with pytest.raises(KeyboardInterrupt):
            run(tmp_path, GOOD_SEED, report, capsys)
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in report.parent.iterdir()] == ["claimcheck.md"]  # no temporary file left behind


def test_write_atomic_is_a_rename_in_the_same_folder(tmp_path, monkeypatch):
    seen = []
    real = os.replace

    def spy(src, dst):
        seen.append((Path(src).parent, Path(dst)))
        return real(src, dst)

    monkeypatch.setattr(markdown.os, "replace", spy)
    target = tmp_path / "r.md"
    markdown.write_atomic(target, "new")
    assert seen == [(tmp_path, target)] and target.read_text(encoding="utf-8") == "new"
