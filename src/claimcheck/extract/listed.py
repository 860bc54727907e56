"""A whole and the bulleted list that splits it: "Today I am announcing £120 million of further investment in
children's social care in 2024-25. This comprises:" over "- £45 million for Families First for Children
pathfinders", "- £36 million for foster carer recruitment", ... The lead-in's one figure is the total
(`Claim.total`) and each bullet's one figure of the same unit a part of it (`Claim.listed_under`, the total's
line), so that `part-of-total` and `sum` compare them as they compare a sentence's parts and total.

Written by hand: a list's lead-in is a layout, not a phrase any library reads.
"""

from __future__ import annotations

import re
from dataclasses import replace

from claimcheck.claims import Claim

# what a lead-in says after its whole to split it all: "This comprises:", "as follows:", "broken down as follows:",
# "This is made up of:", "allocated as follows:". Not "includes:", which lists some of it ("The £200 million
# investment includes:" over £117 million of bullets), nor a lead-in that lists other things altogether ("The
# department has also:")
_SPLITS = re.compile(r"\b(?:comprises?|comprising|consists?\s+of|consisting\s+of|made\s+up\s+of|breaks?\s+down"
                     r"|broken\s+down|split\s+(?:as|between|across)|as\s+follows|allocated\s+(?:as|between|across))"
                     r"\b[^.;:]*:\s*$", re.I)
_MEASURED = ("money", "count")


def list_total(lead_in: str, found: list[Claim]) -> tuple[list[Claim], Claim | None]:
    """The lead-in paragraph's claims, its one figure of money or a count marked as the whole its list splits,
    and that figure; or the claims as they were and None, when the lead-in names no split or holds other such
    figures (which of two would the list split?)."""
    if not _SPLITS.search(lead_in):
        return found, None
    measured = [c for c in found if c.kind in _MEASURED]
    if len(measured) != 1:
        return found, None
    total = replace(measured[0], total=True)
    return [total if c is measured[0] else c for c in found], total


def listed_parts(total: Claim, found: list[Claim]) -> list[Claim]:
    """A bullet's claims, its one figure of the total's kind and unit marked as listed under the total; a bullet
    with two such figures ("£12m in 2024-25 and £14m in 2025-26") is left alone."""
    same = [c for c in found if c.kind == total.kind and c.unit == total.unit and not c.total]
    if len(same) != 1:
        return found
    return [replace(c, listed_under=total.line) if c is same[0] else c for c in found]
