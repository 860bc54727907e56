"""Document text made safe for Markdown: it can't break a table, start a heading or inject markup."""

from __future__ import annotations

import html
import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]|~$!])")
_LEADING = re.compile(r"^(\s*)([#>+=-]|\d+[.)](?=\s|$))")


def escape_md(text: object) -> str:
    """Text for a Markdown table cell or paragraph: one line, HTML and Markdown punctuation escaped."""
    if text is None:
        return ""
    text = " ".join(str(text).split())  # newlines and tabs would end a table row
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _SPECIAL.sub(r"\\\1", text)
    return _LEADING.sub(lambda m: m.group(1) + "\\" + m.group(2), text)


def escape_html(text: object) -> str:
    """Text inside an HTML block (a `<summary>` line): one line, `&`, `<` and `>` escaped, nothing else."""
    return html.escape(" ".join(str(text if text is not None else "").split()), quote=False)


def mermaid_label(text: object) -> str:
    """A gantt task name: Mermaid reads ':' ';' '#' as syntax; keep words, figures, light punctuation."""
    return re.sub(r"[^\w £%.,()/+-]", " ", str(text)).strip()[:60] or "figure"


_CODE_SAFE = str.maketrans({"`": "'", "|": "\\|", "<": "‹", ">": "›"})


def code(text: object) -> str:
    """Text (a file name, a rule id) as an inline code span that is safe anywhere: no backtick to close it
    early, pipes escaped (GitHub splits table cells even inside code spans), angle brackets replaced (so
    nothing HTML-like reaches a renderer that skips code spans), one line."""
    return "`" + " ".join(str(text if text is not None else "").split()).translate(_CODE_SAFE) + "`"
