"""Figures in tables, as statistics releases and written answers print them: pipe tables, and tables copied
from web pages with tab-separated cells.

A header row of years or financial years gives each column its period; a
"(£m)" cell (alone or beside a year, "2021-22 (£m)") or a caption above the table
("Table 1: Spending (£ million)") makes the table's figures money in millions; the
first cell of a data row names what the row's figures are about, or, when it is a
year, the period of the row's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from claimcheck.calendar import financial_year, fy_start_year, year_span
from claimcheck.claims import Claim
from claimcheck.documents import Document
from claimcheck.extract.hedges import interval
from claimcheck.extract.text import Block
from claimcheck.subjects import normalise_subject
from claimcheck.units import MAGNITUDES, number_value, step_of

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FY = re.compile(r"^((?:19|20)\d\d)\s?[-–/]\s?(\d\d|(?:19|20)\d\d)$")
_UNIT_MARK = re.compile(r"\(\s*£\s*(k|m|bn|thousands?|millions?|billions?)?\s*\)|£\s*(m|bn|k)\b", re.I)
_CELL = re.compile(r"^(?P<sign>[+−-])?\s*(?P<cur>£)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                   r"\s*(?P<pct>%)?$")


@dataclass
class Header:
    periods: dict[int, tuple[date, date]] = field(default_factory=dict)
    multiplier: float | None = None  # set: the table is money in this unit
    caption: str | None = None  # "Table 1: Spending by financial year (£ million)": what rows of years are about


_CAPTION = re.compile(r"^(?:Table|Figure|Chart)\s+\w+[.:]?\s*", re.I)


def caption_header(text: str) -> Header | None:
    """The header a table caption gives the rows below it: a unit ("(£ million)") and what they are about."""
    mark = _UNIT_MARK.search(text) if "£" in text and len(text) <= 160 else None  # most paragraphs: no regex
    if not mark:
        return None
    about = _CAPTION.sub("", _UNIT_MARK.sub("", text)).strip(" ,.:;–-") or None
    return Header(multiplier=_multiplier(mark), caption=about)


def _cells(text: str) -> list[tuple[int, str]]:
    cells, pos = [], 0
    for part in text.split("|" if text.count("|") >= 2 else "\t"):
        stripped = part.strip()
        cells.append((pos + (len(part) - len(part.lstrip())), stripped))
        pos += len(part) + 1
    return cells


def _period(cell: str) -> tuple[date, date] | None:
    cell = _UNIT_MARK.sub("", cell).strip()  # "2021-22 (£m)": the column's year and its unit
    if _YEAR.match(cell):
        return year_span(int(cell))
    if m := _FY.match(cell):
        start = fy_start_year(m.group(1), m.group(2))
        return financial_year(start) if start is not None else None
    return None


def table_claims(doc: Document, block: Block, header: Header | None) -> tuple[list[Claim], Header | None]:
    """Claims of one table row, and the header state the next row reads."""
    cells = _cells(block.text)
    values = [(pos, c) for pos, c in cells if c]
    if not values or all(re.fullmatch(r"[-:]+", c) for _, c in values):
        return [], header
    marks = [m for _, c in values for m in [_UNIT_MARK.search(c)] if m]
    periods = {i: p for i, (_, c) in enumerate(cells) for p in [_period(c)] if p}
    if len(periods) >= 2 and len(periods) >= (len(values) - 1) * 0.6:
        new = Header(periods=periods, multiplier=header.multiplier if header else None,
                     caption=header.caption if header else None)
        if marks:
            new.multiplier = _multiplier(marks[0])
        return [], new
    if marks and not any(_CELL.match(c) for _, c in values[1:]):
        return [], Header(periods=header.periods if header else {}, multiplier=_multiplier(marks[0]),
                          caption=header.caption if header else None)
    label = values[0][1] if not _CELL.match(values[0][1]) else None
    row_period = _period(label) if label else None  # "2019-20 | 10,500": a time series down the rows
    if row_period:
        label = header.caption if header else None
    claims = []
    for index, (pos, cell) in enumerate(cells):
        m = _CELL.match(cell)
        if not m:
            continue
        if _YEAR.match(cell) and not m["sign"]:
            continue
        digits = m["num"]
        signed = m["sign"] is not None
        sign = -1.0 if m["sign"] in ("-", "−") else 1.0
        if m["pct"]:
            kind, unit, multiplier = "percent", "percent", 1.0
        elif m["cur"] or (header and header.multiplier):
            kind, unit, multiplier = "money", "GBP", (header.multiplier if header and header.multiplier else 1.0)
        else:
            kind, unit, multiplier = "count", "count", 1.0
        value = sign * number_value(digits) * multiplier
        step = step_of(digits, multiplier)
        low, high = interval(value, "exact", step)
        span = (header.periods.get(index) if header else None) or row_period
        line, column = block.locate(pos)
        change = signed or bool(label and re.search(r"\bchange\b", label, re.I))
        claims.append(Claim(
            doc=doc.id, line=line, start=column, end=column + len(cell), text=cell, sentence=block.text,
            kind=kind, value=value, unit=unit, low=low, high=high, step=step, change=change,
            subject=label, subject_key=normalise_subject(label) or None, counted=label if kind == "count" else None,
            period_start=span[0].isoformat() if span else None, period_end=span[1].isoformat() if span else None,
            period_text=None, doc_date=doc.date.isoformat() if doc.date else None,
        ))
    return claims, header


def _multiplier(m: re.Match) -> float:
    word = (m.group(1) or m.group(2) or "").lower().rstrip("s")
    return MAGNITUDES.get(word, 1.0) if word else 1.0
