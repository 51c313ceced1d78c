"""Make text safe to print: no terminal control sequences survive, and any encoding can carry it."""

from __future__ import annotations

import codecs
import re

# C0 and C1 controls (but not tab and newline), DEL, the bidirectional marks, overrides and
# isolates (U+061C, U+200E/F, U+202A-E, U+2066-9), and the Unicode line and paragraph separators.
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)

# Plain-ASCII stand-ins for the typography in the content and in help pages, for an output
# encoding that cannot show them; anything else it lacks becomes "?".
STAND_INS = {
    "–": "-", "—": "-", "−": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "•": "*",
    "›": ">", "…": "...", "é": "e", "●": "*", "◐": "+", "○": "o", "█": "#", "▒": "=",
    "░": ".", "▶": ">", "·": ".", "£": "GBP ", "½": " 1/2", "─": "-", "━": "-", "│": "|",
    "┃": "|", "┊": ":", "╭": "+", "╮": "+", "╰": "+", "╯": "+", "┏": "+", "┓": "+", "┗": "+",
    "┛": "+", "┳": "+", "┻": "+", "╋": "+", "┡": "+", "┩": "+", "╇": "+", "├": "+", "┤": "+",
    "┼": "+", "┬": "+", "┴": "+", "└": "+", "┘": "+", "┌": "+", "┐": "+", "\u00a0": " ",
}  # fmt: skip
STAND_IN_ERRORS = "therapy-stand-ins"


def clean(text: str) -> str:
    """`text` with every control character removed."""
    return _CONTROL.sub("", text)


def _stand_ins(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    unencodable = error.object[error.start : error.end]
    return "".join(STAND_INS.get(ch, "?") for ch in unencodable), error.end


codecs.register_error(STAND_IN_ERRORS, _stand_ins)
