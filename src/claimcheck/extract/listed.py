"""A whole and the bulleted list that splits it: "Today I am announcing £120 million of further investment in
children's social care in 2024-25. This comprises:" over "- £45 million for Families First for Children
pathfinders", "- £36 million for foster carer recruitment", ... The lead-in's one figure is the total
(`Claim.total`) and each bullet's one figure of the same unit a part of it (`Claim.listed_under`, the total's
line), so that `part-of-total` and `sum` compare them as they compare a sentence's parts and total. A list may
give its whole last instead, in a bullet of its own: "- Total: £7 million".

Written by hand: a list's lead-in is a layout, not a phrase any library reads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.claims import Claim
from claimcheck.extract.text import BULLET_MARK

# what a lead-in says after its whole to split it all: "This comprises:", "as follows:", "broken down as follows:",
# "This is made up of:", "allocated as follows:". Not "includes:", which lists some of it ("The £200 million
# investment includes:" over £117 million of bullets), nor a lead-in that lists other things altogether ("The
# department has also:")
_SPLITS = re.compile(r"\b(?:comprises?|comprising|consists?\s+of|consisting\s+of|made\s+up\s+of|breaks?\s+down"
                     r"|broken\s+down|split\s+(?:as|between|across)|as\s+follows|allocated\s+(?:as|between|across))"
                     r"\b[^.;:]*:\s*$", re.I)
# the bullet that closes a list with its whole: "- Total: £7 million", "• In total, 1,200 places"
_TOTAL_BULLET = re.compile(rf"^\s*{BULLET_MARK}\s+(?:(?:grand\s+)?total|in\s+total|overall)\b", re.I)
_MEASURED = ("money", "count")


def list_total(lead_in: str, found: list[Claim]) -> tuple[list[Claim], Claim | None]:
    """The lead-in paragraph's claims, its one figure of money or a count marked as the whole its list splits,
    and that figure; or the claims as they were and None, when the lead-in names no split or holds other such
    figures (which of two would the list split?)."""
    if not _SPLITS.search(lead_in) or (marked := _the_whole(found)) is None:
        return found, None
    return marked


def _the_whole(found: list[Claim]) -> tuple[list[Claim], Claim] | None:
    """The claims with their one figure of money or a count marked as a total, and that figure; None when there
    is no such figure or more than one."""
    measured = [c for c in found if c.kind in _MEASURED]
    if len(measured) != 1:
        return None
    total = replace(measured[0], total=True)
    return [total if c is measured[0] else c for c in found], total


def listed_parts(total: Claim, bullet: str, found: list[Claim]) -> list[Claim]:
    """A bullet's claims, its one figure of the total's kind and unit marked as listed under the total; a bullet
    with two such figures ("£12m in 2024-25 and £14m in 2025-26") is left alone, and so is one that says the
    total again ("- Total: £120 million")."""
    if _TOTAL_BULLET.match(bullet):
        return found
    same = [c for c in found if c.kind == total.kind and c.unit == total.unit and not c.total]
    if len(same) != 1:
        return found
    return [replace(c, listed_under=total.line) if c is same[0] else c for c in found]



def total_bullet(bullet: str, found: list[Claim], earlier: list[Claim]) -> tuple[list[Claim], list[Claim]] | None:
    """For a "Total: ..." bullet with one figure of money or a count: its claims with that figure the total, and
    the claims of the bullets before it in the list, each bullet's one figure of that unit listed under it (a
    bullet with two is left alone); None for any other bullet, or a list with fewer than two such parts."""
    if not _TOTAL_BULLET.match(bullet) or (marked := _the_whole(found)) is None:
        return None
    found, total = marked
    by_line: dict[int, list[Claim]] = {}
    for claim in earlier:
        if claim.kind == total.kind and claim.unit == total.unit and not claim.total:
            by_line.setdefault(claim.line, []).append(claim)
    parts = {id(same[0]) for same in by_line.values() if len(same) == 1}
    if len(parts) < 2:
        return None
    return found, [replace(c, listed_under=total.line) if id(c) in parts else c for c in earlier]
