"""Make knowledge-base text safe to print: no terminal control sequences survive."""

from __future__ import annotations

import re

# C0 and C1 controls (but not tab and newline), DEL, and the bidirectional overrides and isolates.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """`text` with every control character removed."""
    return _CONTROL.sub("", text)
