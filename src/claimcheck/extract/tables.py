"""Figures in tables, as statistics releases and written answers print them: pipe tables, tables copied
from web pages with tab-separated cells, and fixed-width tables whose cells stand two or more spaces apart.

A header row of years or financial years gives each column its period; a
"(£m)" cell (alone or beside a year, "2021-22 (£m)") or a caption above the table
("Table 1: Spending (£ million)") makes the table's figures money in millions; the
first cell of a data row names what the row's figures are about, or, when it is a
year, the period of the row's figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from claimcheck.calendar import (
    MONTH_NAMES,
    MONTHS,
    add_months,
    financial_year,
    fy_start_year,
    parse_day,
    year_span,
)
from claimcheck.claims import Claim
from claimcheck.documents import Document
from claimcheck.extract.hedges import interval
from claimcheck.extract.period_grammar import safe_date
from claimcheck.extract.quantities import per_time_named
from claimcheck.extract.text import Block, spaced_cells
from claimcheck.subjects import normalise_subject
from claimcheck.units import MAGNITUDES, per_head_unit, scaled, step_of

_YEAR = re.compile(r"^(?:19|20)\d\d$")
_FY = re.compile(r"^((?:19|20)\d\d)\s?[-–/]\s?(\d\d|(?:19|20)\d\d)$")
# "(£m)", "(£ million)", "£bn", and thousands written as zeros: "(£000s)", "(£'000)"
# and a qualifier after the unit: "(£ billion, cash)", "(£m, real terms)", "(£ million, 2022-23 prices)"
_SCALE = r"(k|m|bn|thousands?|millions?|billions?|['’]?000s?)"
_UNIT_MARK = re.compile(rf"\(\s*£\s*{_SCALE}?\s*(?:[,;]\s*[^()]{{1,40}})?\)"
                        r"|£\s*(m|bn|k|['’]?000s?)(?!\w)", re.I)
# a written answer's sentence above its table: "Figures are in £ million", "All amounts are shown in £000s"
_UNIT_SAID = re.compile(r"\b(?:figures|amounts|values|numbers|data|spending|expenditure)\s+(?:are\s+|is\s+)?"
                        rf"(?:(?:shown|given|presented|expressed|stated|rounded)\s+)?in\s+£\s?{_SCALE}(?!\w)", re.I)
_CELL = re.compile(r"^(?P<sign>[+−-])?\s*(?P<cur>£)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
                   r"(?:\s*(?P<pct>%)|(?<=\d)\s?(?P<mag>k|m|bn|thousand|million|billion)\b)?$")  # "£1.2 million"


@dataclass
class Header:
    periods: dict[int, tuple[date, date]] = field(default_factory=dict)
    multiplier: float | None = None  # set: the table is money in this unit
    caption: str | None = None  # "Table 1: Spending by financial year (£ million)": what rows of years are about
    stock_day: tuple[int, int] | None = None  # (month, day): "Number of children looked after on 31 March, ..."
    series: str | None = None  # the last row of levels: what an "Annual change" row below it is a change of
    columns: dict[int, str] = field(default_factory=dict)  # "Financial year | Funding (£ million) | Local authorities"
    column_multipliers: dict[int, float] = field(default_factory=dict)  # the columns marked "(£ million)"
    rows_span: tuple[date, date] | None = None  # the years down the rows so far: what a "Total" row sums
    day: tuple[date, date] | None = None  # "The number ... at 31 March 2023, by region, is shown below": every cell's
    year_end: tuple[int, int] | None = None  # (month, day): "Year ending 31 March | Adoptions": each row's year ends


_CAPTION = re.compile(r"^(?:Table|Figure|Chart)\s+\w+[.:]?\s*", re.I)
_LEAD_IN = re.compile(r"(?:The|This)\s+(?:following\s+)?table\s+(?:below\s+|above\s+)?(?:shows|sets\s+out|gives"
                      r"|provides|summarises|lists)\s+(?:the\s+)?(?P<about>[^\d.:;]{3,100}?)\s*[.:]?\s*$")
# "The department has provided the following funding to the Regional Care Co-operatives pathfinder:"
_FOLLOWING = re.compile(r".*?\bthe\s+following\s+(?:funding|allocations?|amounts?|grants?|payments?|spending)"
                        r"\s+(?:to|for|on)\s+(?:the\s+)?(?P<about>[^\d.:;]{3,100}?)\s*:\s*$")


_YEAR_ENDING = re.compile(rf"^(?:(?:financial|reporting)\s+)?(?:year|12\s+months|twelve\s+months)\s+"
                          rf"(?:ending|ended|to)\s+(\d{{1,2}})\s+({MONTH_NAMES})\b", re.I)
_STOCK_DAY = re.compile(rf"\b(?:on|at|as\s+at)\s+(\d{{1,2}})\s+({MONTH_NAMES})\b(?!\s+(?:19|20)\d\d)", re.I)


def caption_header(text: str) -> Header | None:
    """The header a table caption gives the rows below it: a unit ("(£ million)") and what they are about,
    or the day of the year its counts stand at ("Number of children looked after on 31 March, 2018 to 2022")."""
    if len(text) > 160:
        return None  # a paragraph, not a caption; most blocks stop here, before any regex
    mark = _UNIT_MARK.search(text) if "£" in text else None
    if mark is None and "£" in text and (said := _UNIT_SAID.search(text)):
        return Header(multiplier=_multiplier(said))  # "The table below ... Figures are in £ million, cash terms."
    # (a caption, not a sentence: "The consultation closed on 28 April." dates an event, and its paragraph is no
    # table's caption)
    stock = _STOCK_DAY.search(text) if (" on " in text or " at " in text) \
        and (not text.rstrip().endswith((".", "!", "?")) or _CAPTION.match(text)) else None
    if stock is None and (series := _SERIES_DAY.search(text)):  # "Police officers (FTE), 31 March 2020 to 2024"
        stock, text = series, text[:series.start()]
    labelled = _CAPTION.match(text)
    if not mark and not stock and not labelled:
        # a written answer's lead-in: "The table below shows funding allocated to local authorities for Staying Put."
        lead_in = _LEAD_IN.match(text) if text[:4] in ("The ", "This") else None
        if lead_in is None and text.rstrip().endswith(":") and "following" in text:
            lead_in = _FOLLOWING.match(text)
        if lead_in is None and (shown := _SHOWN_BELOW.match(text)):
            return _shown_below(shown["about"])
        return Header(caption=lead_in["about"]) if lead_in else None
    day = None  # "Table 1: FTE social workers by region, 30 September 2024": the day every cell stands at
    if labelled and (dated := _CAPTION_DAY.search(text)) and (parsed := parse_day(dated[1])):
        day, text = (parsed, parsed), text[:dated.start()]
    about = _CAPTION.sub("", _UNIT_MARK.sub("", text)).strip(" ,.:;–-") or None
    if about and not mark:  # "Table 1: Number of children in care, 2019 to 2023": what the rows of years count
        about = _YEARS_COVERED.sub("", about).strip(" ,.:;–-") or None
    if about and stock:  # "Children looked after at 31 March, England": the day is the rows' period, not a name
        about = _NATION.sub("", _STOCK_DAY.sub("", about)).strip(" ,.:;–-") or None
    stock_day = (MONTHS[stock[2].lower().rstrip(".")], int(stock[1])) if stock else None
    return Header(multiplier=_multiplier(mark) if mark else None, caption=about if mark or labelled else None,
                  stock_day=stock_day, day=day)


# a written answer's lead-in naming the statistic its table breaks down: "The number of children looked after at 31
# March 2023, by region, is shown below."
_SHOWN_BELOW = re.compile(r"(?:The\s+)?(?P<about>(?:number|rate|proportion|percentage)\s+of\s+[^.:;]{3,120}?),?\s+"
                          r"(?:is|are)\s+(?:shown|set\s+out|given|provided|listed)\s+(?:below|in\s+the\s+(?:following\s+)?"
                          r"table(?:\s+below)?)\s*[.:]?\s*$", re.I)
_CAPTION_DAY = re.compile(rf",?\s+(?:(?:on|at|as\s+at)\s+)?(\d{{1,2}}\s+(?:{MONTH_NAMES})\s+(?:19|20)\d\d)\s*$", re.I)
_ON_THE_DAY = re.compile(rf",?\s+(?:on|at|as\s+at)\s+(\d{{1,2}}\s+(?:{MONTH_NAMES})\s+(?:19|20)\d\d)\b", re.I)
_BROKEN_DOWN = re.compile(r",?\s+(?:by|in\s+each)\s+(?:region|local\s+authority|authority|area|nation|country|county"
                          r"|constituency|age|gender|sex|ethnicity|year|type)(?:\s+(?:and|or)\s+[a-z ]+)?,?\s*$", re.I)


def _shown_below(about: str) -> Header:
    """The header a lead-in gives its table's rows: what is counted, and the day it stands at when the lead-in
    says one ("at 31 March 2023")."""
    day = None
    if (on := _ON_THE_DAY.search(about)) and (parsed := parse_day(on[1])):
        day, about = (parsed, parsed), about[:on.start()] + about[on.end():]
    return Header(caption=_BROKEN_DOWN.sub("", about).strip(" ,") or None, day=day)


# a series taken on one day of each year, the caption's last words: ", 31 March 2020 to 2024"
_SERIES_DAY = re.compile(rf",?\s*(?:(?:on|at|as\s+at)\s+)?(\d{{1,2}})\s+({MONTH_NAMES})\s+(?:19|20)\d\d"
                         r"\s*(?:to|[-–]|and)\s*(?:19|20)\d\d\s*$", re.I)
_NATION = re.compile(r",\s*(?:England(?:\s+and\s+Wales)?|Wales|Scotland|Northern\s+Ireland|United\s+Kingdom|UK"
                     r"|Great\s+Britain)\s*$")  # a caption's ", England": where, not what


# the years a caption says its table covers: ", 2019 to 2023", " 2018-19 to 2022-23", ", 2015-2020"
_YEARS_COVERED = re.compile(r",?\s*(?:(?:from|between)\s+)?(?:19|20)\d\d(?:\s?[-–/]\s?\d\d)?"
                            r"(?:\s*(?:to|[-–]|and)\s*(?:19|20)\d\d(?:\s?[-–/]\s?\d\d)?)?\s*$")


def _cells(text: str) -> list[tuple[int, str]]:
    if text.count("|") < 2 and "\t" not in text and " | " not in text:
        return spaced_cells(text)  # a fixed-width table's row (`text.blocks` took it for one)
    cells, pos = [], 0
    for part in text.split("|" if "|" in text else "\t"):  # one pipe: a two-column row ("2018-19 | 1,692")
        stripped = part.strip()
        cells.append((pos + (len(part) - len(part.lstrip())), stripped))
        pos += len(part) + 1
    return cells


def _period(cell: str) -> tuple[date, date] | None:
    cell = _UNIT_MARK.sub("", cell).strip()  # "2021-22 (£m)": the column's year and its unit
    cell = _STATUS_NOTE.sub("", cell)  # "2024-25 (forecast)", "2023 (p)": the year, however sure its figures
    if _YEAR.match(cell):
        return year_span(int(cell))
    if m := _FY.match(cell):
        start = fy_start_year(m.group(1), m.group(2))
        return financial_year(start) if start is not None else None
    return None


_PERCENT_COLUMN = re.compile(r"\(\s*%\s*\)|%$|\bper\s?cent\b|^(?:percentage|proportion)\b", re.I)
_STATUS_NOTE = re.compile(r"\s*(?:\((?:forecast|estimated?|provisional|planned|plans?|budget|projected|outturn"
                          r"|revised|indicative|p|e|f|r)\)|\s(?:forecast|estimate|provisional|plans?))\s*\**$", re.I)
_RULE_CELL = re.compile(r"[-:]+")
_NUMBER_OF = re.compile(r"^(?:the\s+)?number\s+of\s+", re.I)


def table_claims(doc: Document, block: Block, header: Header | None) -> tuple[list[Claim], Header | None]:
    """Claims of one table row, and the header state the next row reads."""
    cells = _cells(block.text)
    values = [(pos, c) for pos, c in cells if c]
    if not values or all(_RULE_CELL.fullmatch(c) for _, c in values):
        return [], header
    marks = [m for _, c in values for m in [_UNIT_MARK.search(c)] if m]
    periods = {i: p for i, (_, c) in enumerate(cells) for p in [_period(c)] if p}
    if len(periods) >= 2 and len(periods) >= (len(values) - 1) * 0.6:
        stock_day = header.stock_day if header else None
        if stock_day:  # counts at one day of each year: the year's column is that day
            periods = {i: _day_of(p, stock_day) for i, p in periods.items()}
        new = Header(periods=periods, multiplier=header.multiplier if header else None,
                     caption=header.caption if header else None, stock_day=stock_day)  # years: no lead-in's day
        if marks:
            new.multiplier = _multiplier(marks[0])
        return [], new
    if len(values) >= 2 and not any(_CELL.match(c) for _, c in values) and _period(values[0][1]) is None \
            and not any(_DIGIT.search(c) and parse_day(c) for _, c in values[1:]):
        # a row of column names over years down the rows: each column its own name and unit
        columns = {i: _UNIT_MARK.sub("", c).strip(" ,") for i, (_, c) in enumerate(cells) if c}
        column_multipliers = {i: _multiplier(m) for i, (_, c) in enumerate(cells) for m in [_UNIT_MARK.search(c)] if m}
        if len(column_multipliers) == 1 and 0 in column_multipliers:  # "(£m) | 2021-22 | ...": the whole table's
            column_multipliers = {}
        whole_table = None if column_multipliers else (_multiplier(marks[0]) if marks else header and header.multiplier)
        year_end = next(((MONTHS[m[2].lower().rstrip(".")], int(m[1])) for c in columns.values()
                         for m in [_YEAR_ENDING.match(c)] if m), None)
        return [], Header(multiplier=whole_table, caption=header.caption if header else None, columns=columns,
                          column_multipliers=column_multipliers, stock_day=header.stock_day if header else None,
                          day=header.day if header else None, year_end=year_end)
    if marks and not any(_CELL.match(c) for _, c in values[1:]):
        return [], Header(periods=header.periods if header else {}, multiplier=_multiplier(marks[0]),
                          caption=header.caption if header else None, day=header.day if header else None)
    first = values[0][1]
    label = first if not _CELL.match(first) or _period(first) else None  # "2019 | 78,150": a year labels its row
    row_period = _period(label) if label else None  # "2019-20 | 10,500": a time series down the rows
    if row_period and header and header.stock_day:  # "Table 1: Children looked after at 31 March" over "2023 | ..."
        row_period = _day_of(row_period, header.stock_day)
    elif row_period and header and header.year_end:  # "Year ending 31 March | Adoptions" over "2020 | 3,440"
        row_period = _year_ending(row_period, header.year_end)
    by_column = bool(header and header.columns and (row_period or _TOTAL_ROW.match(label or "")))
    total_row = by_column and not row_period
    if row_period:
        label = header.caption if header else None
        if header and header.columns:
            spans = [row_period, header.rows_span] if header.rows_span else [row_period]
            header.rows_span = (min(p[0] for p in spans), max(p[1] for p in spans))
    elif total_row:
        row_period, label = header.rows_span, header.caption  # "Total | 45.0": the sum of the years above
    shift = _missing_first_years(cells, header, label)
    row_label = label
    if label and header and header.series and _CHANGE_ROW.match(label):
        label = header.series  # "Annual change | . | +2,780 | ...": the change of the row above
    elif label and header and header.periods:
        header.series = label
    counted = _NUMBER_OF.sub("", label) if label else None
    if not row_period and header and header.caption and _NUMBER_OF.match(header.caption):
        counted = _NUMBER_OF.sub("", header.caption)  # "Region | Number" under "The number of children looked after"
    claims = []
    for index, (pos, cell) in enumerate(cells):
        m = _CELL.match(cell)
        if not m:
            if index and row_label and _DIGIT.search(cell) and (day := parse_day(cell)):
                claims.append(_date_cell(doc, block, pos, cell, day, row_label))  # "Delivery plans due | 30 June 2025"
            continue
        if _YEAR.match(cell) and not m["sign"]:
            continue
        index += shift
        digits = m["num"]
        signed = m["sign"] is not None
        sign = -1.0 if m["sign"] in ("-", "−") else 1.0
        column = header.columns.get(index) if header and header.columns else None
        population = None  # what a rate column counts per so many: "per 10,000 children"
        if m["pct"]:
            kind, unit, multiplier = "percent", "percent", 1.0
        elif m["mag"]:  # a cell that says its own magnitude: money with "£", else a count ("12k")
            kind, unit = ("money", "GBP") if m["cur"] or (header and header.multiplier) else ("count", "count")
            multiplier = MAGNITUDES[m["mag"].lower()]
        elif column is not None and (per := _RATE_COLUMN.match(column)):  # "Rate per 10,000 children"
            kind, unit, multiplier = "rate", per_head_unit(per[1]), 1.0
            population = per[2]
        elif column is not None and not m["cur"] and _PERCENT_COLUMN.search(column):  # "Agency rate (%)"
            kind, unit, multiplier = "percent", "percent", 1.0
        elif column is not None and not m["cur"]:  # each column its own unit: "Funding (£ million)", "Areas"
            money = index in header.column_multipliers or (not header.column_multipliers and header.multiplier)
            kind, unit = ("money", "GBP") if money else ("count", "count")
            multiplier = header.column_multipliers.get(index, header.multiplier or 1.0) if money else 1.0
        elif m["cur"] or (header and header.multiplier):
            kind, unit, multiplier = "money", "GBP", (header.multiplier if header and header.multiplier else 1.0)
        else:
            kind, unit, multiplier = "count", "count", 1.0
        value = sign * scaled(digits, multiplier)
        step = step_of(digits, multiplier)
        low, high = interval(value, "exact", step)
        span = (header.periods.get(index) if header else None) or row_period or (header.day if header else None)
        line, col = block.locate(pos)
        # the row's own label ("Annual change"), or its column's ("Year | Officers | Change")
        change = signed or bool(row_label and _CHANGE_WORD.search(row_label)) \
            or bool(column and _CHANGE_WORD.search(column))
        if change and span and span[0] == span[1] and header and header.stock_day:
            span = (add_months(span[1], -12) + timedelta(days=1), span[1])  # the day after the year before's
        subject, what = label, counted
        if column:
            # "Year | Number": a column of counts named only "Number" counts what the caption does
            named = _level_column(header.columns, index) if _CHANGE_ROW.match(column) else column
            # "Agency workers (FTE)": the workers, the note on how they are counted apart
            what = (counted if _GENERIC_COLUMN.match(named) else _NOTE.sub("", named).lower()) if kind == "count" \
                else None
            if kind == "rate":
                what = population or counted  # the rate's population, else the caption's
            if by_column:  # "2022-23 | 4.5 | 3": the years down the rows, each column a series
                subject = label or column
                if kind == "money" and label and _one_of_several_series(header, index):
                    # "Year | Total | Looked after children | Safeguarding" under a caption of spending: each
                    # column but the total is a part of it, named by the column
                    subject = named
        if kind == "money" and (per := per_time_named(subject) or per_time_named(column)):
            kind, unit = "rate", f"{unit} / {per}"  # "Year | Average weekly cost (£)": so much a week
        claims.append(Claim(
            doc=doc.id, line=line, start=col, end=col + len(cell), text=cell, sentence=block.text,
            kind=kind, value=value, unit=unit, low=low, high=high, step=step, change=change, total=total_row,
            subject=subject, subject_key=normalise_subject(subject) or None,
            counted=what if kind in ("count", "rate") else None,
            period_start=span[0].isoformat() if span else None, period_end=span[1].isoformat() if span else None,
            period_text=None, doc_date=doc.date.isoformat() if doc.date else None,
        ))
    return claims, header


def _one_of_several_series(header: Header, index: int) -> bool:
    """Whether column `index` is one of two or more named columns of figures (beside the label column), and not
    a generic one ("Total", "Number"). The label column is the first named, which is not column 0 when the row
    opens with a pipe ("| Financial year | Funding (£ million) |")."""
    labels = min(header.columns, default=0)
    named = [name for i, name in header.columns.items() if i > labels and not _GENERIC_COLUMN.match(name)]
    return len(named) >= 2 and not _GENERIC_COLUMN.match(header.columns.get(index, "")) \
        and not _CHANGE_ROW.match(header.columns.get(index, ""))


def _date_cell(doc: Document, block: Block, pos: int, cell: str, day: date, label: str) -> Claim:
    """A timeline's row: the day in a cell is when what the row names happens, a date claim like one in prose."""
    line, col = block.locate(pos)
    return Claim(
        doc=doc.id, line=line, start=col, end=col + len(cell), text=cell, sentence=block.text, kind="date",
        value=None, unit=None, low=None, high=None, step=None, change=False, total=False,
        subject=label, subject_key=normalise_subject(label) or None, counted=None,
        period_start=day.isoformat(), period_end=day.isoformat(), period_text=cell,
        doc_date=doc.date.isoformat() if doc.date else None,
        # a table has no tense: a day after the document's is a plan ("Delivery plans due"), not a past event
        tense="future" if doc.date and day > doc.date else "past",
    )


_DIGIT = re.compile(r"\d")


def _level_column(columns: dict[int, str], index: int) -> str:
    """What a column of changes is a change of: the nearest column before it that is not one ("Year | Officers |
    Change"), or its own name when there is none."""
    return next((columns[i] for i in range(index - 1, 0, -1) if i in columns and not _CHANGE_ROW.match(columns[i])),
                columns[index])


_NOTE = re.compile(r"\s*\([^()]*\)")
_RATE_COLUMN = re.compile(r"^rates?\s+per\s+(\d{1,3}(?:,\d{3})+|\d+)(?:\s+([a-z’'-]+(?:\s+[a-z’'-]+)?))?$", re.I)
_GENERIC_COLUMN = re.compile(r"^(?:number|numbers|count|total|value|figure|n)$", re.I)
_CHANGE_WORD = re.compile(r"\bchange\b", re.I)  # a row of changes ("Annual change", "Percentage change")
_TOTAL_ROW = re.compile(r"^(?:grand\s+)?total\b", re.I)
_CHANGE_ROW = re.compile(r"^(?:annual|yearly|year[- ]on[- ]year)?\s*(?:percentage\s+)?change(?:\s*\(%\))?$", re.I)


def _year_ending(period: tuple[date, date], month_day: tuple[int, int]) -> tuple[date, date]:
    """A calendar year's row as the year ending on that day of it ("Year ending 31 March": 2020 is April 2019 to
    March 2020); a financial year's stays as it is."""
    start, end = period
    last = safe_date(end.year, *month_day)
    before = safe_date(end.year - 1, *month_day)
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31) or last is None or before is None:
        return period
    return before + timedelta(days=1), last


def _day_of(period: tuple[date, date], month_day: tuple[int, int]) -> tuple[date, date]:
    """A calendar year's column as the one day its counts stand at (a financial year's stays as it is)."""
    start, end = period
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return period
    day = safe_date(start.year, *month_day)
    return (day, day) if day else period


def _missing_first_years(cells: list[tuple[int, str]], header: Header | None, label: str | None) -> int:
    """Columns to shift a row of changes that is short of the header's years: a change needs the year
    before it, so a series' first year is the one left out ("Annual percentage change | +2% | +1% | ..."
    under "Year | 2019 | ... | 2023")."""
    if not (header and header.periods and label and _CHANGE_WORD.search(label)):
        return 0
    filled = [i for i, (_, c) in enumerate(cells) if i > 0 and c]
    if not filled or filled != list(range(1, len(filled) + 1)):
        return 0  # not a run of cells from the first column: blanks mark the gaps already
    return max(0, max(header.periods) - filled[-1])


def _multiplier(m: re.Match) -> float:
    word = (m.group(1) or m.group(2) or "").lower().rstrip("s").lstrip("'’")
    return 1e3 if word == "000" else MAGNITUDES.get(word, 1.0) if word else 1.0
