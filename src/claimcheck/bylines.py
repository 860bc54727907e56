"""Who wrote a news page, from its byline: "By Jane Smith, Social Affairs Editor", "Sally Weale Education
correspondent", a name alone over the day. `metadata` asks these of its header lines."""

from __future__ import annotations

import re

# "By Jim.Dunton", "Written by Jane Smith and Tom Clarke", "Author: Jane Smith", "by Jane Smith | 3 March 2023"
_NAME = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
_ROLE = (r"[\w\s&'’-]{0,60}?\b(?i:reporter|reporting|correspondent|editor|journalist|writer|contributor|staff|desk)\b"
         r"[\w\s&'’-]{0,40}")
BYLINE = re.compile(rf"^\s*(?:[Bb]y|(?i:written\s+by|posted\s+by|words\s+by|author|reporter)):?\s+"
                    rf"({_NAME}(?:\s+(?:and|&)\s+{_NAME})?)"
                    rf"(?:\s*[,|]\s*{_ROLE}(?:\|\s*(.+?))?|\s+(?:on\s+|\|\s*)(.+?)(?:\s+in\s+.*)?)?\s*$")
# a person's name alone on a line: "Rupert Jones", "Sally J. Weale", "Aoife O'Brien" (two or three words)
BARE_NAME = re.compile(r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:Mc|Mac|O['’])?[A-Z][a-z'’-]+){1,2}")
NOT_A_PERSON = re.compile(r"\b(?:Association|Office|Department|Council|Network|Board|Agency|Authority|Commission"
                          r"|Committee|Trust|Foundation|Society|Group|Partnership|Services?|Alliance|Institute|Centre"
                          r"|Center|Unit|News|Press|Government|Parliament|Statistics|Care|Children|England|Wales"
                          r"|Scotland|Ireland|Britain|Kingdom|Report|Reports|Summary|Introduction|Contents|Update|Release"
                          r"|Guidance|Statement|Speech|Story|Stories|Data|Findings|Review|Budget|Debate|Policy|Home|Skip)\b")
NAME_AND_ROLE = re.compile(rf"^\s*({_NAME}),\s*{_ROLE}\s*$")  # "Jane Smith, Social Affairs Editor"
# a newspaper's byline with no comma: "Sally Weale Education correspondent", "Jane Smith Social affairs editor"
_NAME_THEN_ROLE = re.compile(r"^\s*([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}?)\s+(?:[A-Z][a-z]+\s+)(?:[a-z]+\s+){0,2}"
                             r"(?:correspondent|editor|reporter|journalist|writer)\s*$")


def name_then_role(text: str) -> re.Match | None:
    """A byline with no comma ("Sally Weale Education correspondent"), when the name is a person's."""
    m = _NAME_THEN_ROLE.match(text)
    return m if m and not NOT_A_PERSON.search(m[1]) else None
