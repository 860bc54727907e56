"""Check kinds, one module each (yamllint's rules are the model).

Every module has a docstring with a PASS and a FAIL example, the constants
`ID`, `CONF` (field -> type, choices or converter from `fields`) and
`DEFAULT`, and `check(conf, claims, documents) -> Outcome`, where `claims` is
the claims table already narrowed to the rule's subject and `documents` the
document metadata table. Checks never read documents. A module whose check
derives the same work from the table as another's (`base.shared`) names a
common `FAMILY`: the rules of one family are checked in one process
(`checking.py`), which works it out once.
"""

from __future__ import annotations

import re
import textwrap
from types import ModuleType

from claimcheck.checks import agree, bound, date_order, part_of_total, periods, rate_total
from claimcheck.checks import sum as sum_

MODULES: tuple[ModuleType, ...] = (agree, periods, part_of_total, date_order, bound, rate_total, sum_)
KINDS: dict[str, ModuleType] = {module.ID: module for module in MODULES}
ALIASES = {"reference": "bound"}

_EXAMPLE = re.compile(r"^(PASS|FAIL)::\n\n((?:(?: {4}.*)?\n)+)", re.M)


def examples(module: ModuleType) -> dict[str, list[str]]:
    """The PASS and FAIL YAML examples of a check's docstring (used by the tests, so docs can't drift)."""
    found: dict[str, list[str]] = {"PASS": [], "FAIL": []}
    for label, block in _EXAMPLE.findall(module.__doc__ or ""):
        found[label].append(textwrap.dedent(block))
    return found
