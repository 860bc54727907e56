"""A YAML SafeLoader with a budget: rule files are short notes, so a file that is not one is refused early.

`yaml.SafeLoader` already refuses tags that construct Python objects. What it
does not refuse is size: a "billion laughs" file nests aliases so that a few
hundred bytes stand for billions of values, and anything that walks the
result (a comparison, an error message's `repr`) runs out of time or memory.
`BoundedLoader` counts, while composing and before constructing anything,
every value the document stands for with aliases expanded, and how deeply
values nest; over the budget it raises `YAMLBudgetError` at the offending
line. Nesting is bounded before PyYAML's recursive composer can overflow.
"""

from __future__ import annotations

import yaml
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, Node, SequenceNode

MAX_RULE_BYTES = 256 * 1024  # the shipped rule files are under 3 KB
MAX_VALUES = 10_000  # values with aliases expanded; the largest shipped rule file has under 100
MAX_DEPTH = 32  # nesting of lists and mappings; rule files use 4


class YAMLBudgetError(yaml.MarkedYAMLError):
    """A YAML document too large, too deep or too alias-heavy to be a rule file."""


class BoundedLoader(yaml.SafeLoader):
    """SafeLoader that refuses, with the line, documents over MAX_VALUES expanded values or MAX_DEPTH levels."""

    def __init__(self, stream):
        super().__init__(stream)
        self._values = 0
        self._depth = 0
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent, index):
        mark = self.peek_event().start_mark
        if self.check_event(AliasEvent):
            node = super().compose_node(parent, index)
            self._spend(self._expanded_size(node), mark)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YAMLBudgetError(None, None, f"values nest more than {MAX_DEPTH} levels deep; "
                                  "a rule file is a short list of checks", mark)
        try:
            self._spend(1, mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def _spend(self, values: int, mark) -> None:
        self._values += values
        if self._values > MAX_VALUES:
            raise YAMLBudgetError(None, None, f"the file stands for more than {MAX_VALUES:,} values once its "
                                  "aliases (*name) are expanded; refused as an alias bomb", mark)

    def _expanded_size(self, node: Node) -> int:
        """How many values `node` stands for with every alias inside it expanded (memoised per node)."""
        if id(node) in self._sizes:
            return self._sizes[id(node)]
        if isinstance(node, SequenceNode):
            children = node.value
        elif isinstance(node, MappingNode):
            children = [child for pair in node.value for child in pair]
        else:
            children = []
        size = 1 + sum(self._expanded_size(child) for child in children)  # depth is bounded by MAX_DEPTH
        self._sizes[id(node)] = min(size, MAX_VALUES + 1)
        return self._sizes[id(node)]
