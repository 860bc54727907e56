"""A deterministic synthetic corpus in the seeds' layouts: written answers and news articles, ~3.5 KB each.

Document `i` depends only on `i` (its own `random.Random`), so a corpus of any size is
the same today and tomorrow, and the first 1,000 documents of the 100k corpus are the
1k corpus. Each document mixes programmes, amounts in several spellings, hedges,
financial years, "since"/"by" periods, dates, counts, percentages, furniture and plain
prose, as the seeds do.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

PROGRAMMES = [
    "Children’s Social Care Innovation Programme", "Partners in Practice programme", "Troubled Families Programme",
    "Supporting Families programme", "Holiday Activities and Food programme", "Family Hubs programme",
    "sector-led improvement (SLI) programme", "Regional Care Co-operatives", "Adoption Support Fund",
    "Strengthening Families, Protecting Children programme", "Staying Close programme", "Opportunity Areas programme",
    "Local Transport Fund", "Towns Fund", "Levelling Up Fund", "Shared Prosperity Fund", "Flood Defence Programme",
    "School Rebuilding Programme", "National Tutoring Programme", "Healthy Start scheme",
]
DEPARTMENTS = ["Department for Education", "Department of Health and Social Care", "Home Office", "HM Treasury",
               "Department for Levelling Up, Housing and Communities", "Department for Transport"]
MINISTERS = ["Lord Nash", "Will Quince", "Edward Timpson", "Baroness Barran", "Robert Goodwill", "Claire Coutinho"]
AUTHORS = ["Jim.Dunton", "Sarah Jones", "Tom Clarke", "Priya Patel"]
HEDGES = ["", "", "", "around ", "about ", "over ", "more than ", "up to ", "almost ", "an additional ", "some "]
VERBS = ["has allocated", "is investing", "has committed", "will provide", "has invested", "announced"]
FILLER = [
    "Local authorities remain responsible for the vast majority of expenditure on these services.",
    "The department takes robust action when an authority does not meet its requirements.",
    "All projects are being rigorously evaluated and the findings will be published in due course.",
    "We are committed to improving the quality of the workforce so that children are properly protected.",
    "This sets out the department’s plans for a system-wide transformation of the services families rely on.",
    "Those performing well are supported to share best practice with their peers across the sector.",
    "The review will share its final recommendations and the government will then consider and respond to them.",
    "Councils said demand had risen sharply, and that they were working closely with partners to respond.",
]
FURNITURE_TAIL = ["Reticulating Splines", "Share this page", "View Source"]


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def money(rng: random.Random) -> str:
    style = rng.randrange(5)
    if style == 0:
        return f"£{rng.randrange(2, 900)} million"
    if style == 1:
        return f"£{rng.randrange(1, 40)}.{rng.randrange(10)} billion"
    if style == 2:
        return f"£{rng.randrange(5, 500)}m"
    if style == 3:
        return f"£{rng.randrange(1, 9)}bn"
    return f"£{rng.randrange(10, 999)},{rng.randrange(1000):03d}"


def financial_year(rng: random.Random, year: int) -> str:
    start = rng.randrange(year - 8, year + 1)
    if rng.random() < 0.5:
        return f"{start}-{(start + 1) % 100:02d}"
    return f"{start}-{(start + 1) % 100:02d} and {start + 1}-{(start + 2) % 100:02d}"


def figure_sentence(rng: random.Random, day: date) -> str:
    programme = rng.choice(PROGRAMMES)
    kind = rng.randrange(7)
    if kind == 0:
        return (f"The {programme} {rng.choice(VERBS)} {rng.choice(HEDGES)}{money(rng)} for "
                f"{financial_year(rng, day.year)}, targeted at supporting vulnerable children and families.")
    if kind == 1:
        total = rng.randrange(60, 400)
        return (f"{rng.randrange(10, total)} local authorities out of a total of {total} have benefited from the "
                f"{programme} to date.")
    if kind == 2:
        since = rng.randrange(2010, day.year)
        return (f"Spending on the {programme} has increased by {rng.choice(HEDGES)}{money(rng)} since financial "
                f"year {since}-{(since + 1) % 100:02d}.")
    if kind == 3:
        return (f"Official figures showed there were {rng.randrange(1000, 90000):,} looked-after children, up "
                f"{rng.randrange(1, 9)}.{rng.randrange(10)}% on the last year.")
    if kind == 4:
        return (f"We are investing {rng.choice(HEDGES)}{money(rng)} over the three years to March "
                f"{day.year + rng.randrange(0, 3)} to support the {programme}.")
    if kind == 5:
        event = day - timedelta(days=rng.randrange(5, 200))
        return f"On {event.day} {event:%B} the Prime Minister announced a new review of the {programme}."
    return (f"The {programme} will deliver {rng.randrange(2, 90)} projects, creating {rng.randrange(20, 900)} "
            f"additional places, with {money(rng)} a year for {rng.randrange(2, 6)} years.")


def body(rng: random.Random, day: date, target: int) -> str:
    paragraphs, size = [], 0
    while size < target:
        sentences = [figure_sentence(rng, day) if rng.random() < 0.25 else rng.choice(FILLER)
                     for _ in range(rng.randrange(2, 5))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return "\n\n".join(paragraphs)


def document(index: int, size: int = 3500) -> tuple[str, str]:
    """(file name, text) of document `index`."""
    rng = random.Random(index)
    day = date(2012, 1, 1) + timedelta(days=rng.randrange(4500))
    programme = rng.choice(PROGRAMMES)
    if rng.random() < 0.6:
        asked = day - timedelta(days=rng.randrange(3, 30))
        header = (
            f"Children: {programme}\n\n(asked on {ordinal(asked.day)} {asked:%B %Y}) - View Source\n\n"
            f"Question to the {rng.choice(DEPARTMENTS)}:\n\nTo ask the Secretary of State what steps are being "
            f"taken to support the {programme}.\n\n\nAnswered by\n Portrait\n{rng.choice(MINISTERS)}\n"
            f"This question was answered on {ordinal(day.day)} {day:%B %Y}\n\n"
        )
        tail = f"\n\n{rng.choice(FURNITURE_TAIL)}"
    else:
        header = (
            f"Department offers {money(rng)} boost for the {programme}\n\nFunding will expand peer support, while a "
            f"new centre will also be created\n\n\nBy {rng.choice(AUTHORS)}\n\n{day.day} {day:%b %Y}\n\n"
        )
        tail = f"\n\nRead the most recent articles written by {rng.choice(AUTHORS)}\n\nShare this page"
    text = header + body(rng, day, size - len(header) - len(tail)) + tail
    return f"{index:06d}_bench.txt", text


def write_corpus(directory: str | Path, count: int) -> Path:
    """Write documents 0..count-1 under `directory` (kept when already complete). A generated document past them,
    as a "+1 document" run left behind when it was stopped, is removed: the corpus measured is exactly `count`."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for extra in directory.glob("*_bench.txt"):
        if extra.name[:6].isdigit() and int(extra.name[:6]) >= count:
            extra.unlink()
    marker = directory / ".complete"
    if marker.exists() and marker.read_text() == str(count):
        return directory
    for index in range(count):
        name, text = document(index)
        (directory / name).write_text(text, encoding="utf-8")
    marker.write_text(str(count))
    return directory


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("directory")
    args = parser.parse_args(argv)
    write_corpus(args.directory, args.count)


if __name__ == "__main__":
    main()
