"""A YAML SafeLoader with a budget: rule files are short notes, so a file that is not one is refused early. And
`parse_yaml`, which reads a rule or configuration file with it, each mapping and list remembering its lines.

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

import re

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


class LineMap(dict):
    """A mapping that remembers the line of itself and of each value."""

    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: dict = {}

    def line_of(self, key) -> int:
        return self.lines.get(key, self.line)


class LineList(list):
    line: int = 0

    def __init__(self):
        super().__init__()
        self.lines: list[int] = []


class _LineLoader(BoundedLoader):
    """SafeLoader (with a size budget) that builds LineMap/LineList and refuses duplicate keys."""


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    data = LineMap()
    data.line = node.start_mark.line + 1
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in data
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            ) from None
        if duplicate:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        data[key] = loader.construct_object(value_node, deep=True)
        data.lines[key] = value_node.start_mark.line + 1


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = LineList()
    data.line = node.start_mark.line + 1
    yield data
    for child in node.value:
        data.append(loader.construct_object(child, deep=True))
        data.lines.append(child.start_mark.line + 1)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def parse_yaml(text: str, source: str) -> tuple[object, list[str]]:
    """The YAML data of a rule file, or the one-line reason it could not be read."""
    if len(text) > MAX_RULE_BYTES:
        return None, [f"{source}:1: the file is {len(text):,} characters long; a rule file is a short note "
                      f"(at most {MAX_RULE_BYTES:,})"]
    try:
        return yaml.load(text, Loader=_LineLoader), []  # noqa: S506 - _LineLoader is a SafeLoader
    except YAMLBudgetError as exc:
        mark = exc.problem_mark
        return None, [f"{source}:{mark.line + 1 if mark else 1}: {exc.problem}"]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(str(exc.problem or exc.context or "").split())
        if "constructor for the tag" in problem:
            tag = re.search(r"'([^']*)'", problem)
            name = (tag.group(1) if tag else "").replace("tag:yaml.org,2002:", "!!")
            problem = f"the tag {name} is not allowed: rule files hold plain text, numbers, lists and mappings"
        else:
            problem = f"invalid YAML: {problem}"
        return None, [f"{source}:{line}: {problem}"]
    except yaml.YAMLError as exc:
        return None, [f"{source}:1: invalid YAML: {' '.join(str(exc).split())}"]
    except RecursionError:  # pragma: no cover - BoundedLoader stops nesting long before
        return None, [f"{source}:1: values nest too deeply to be a rule file"]
