"""How typed names are compared: lower case, words only, British spelling, no filler words."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import NamedTuple

_NON_WORD = re.compile(r"[^\w]+")


class Lookup(NamedTuple):
    """How typed names are normalised: US to British spellings, words that can be left off."""

    spellings: Mapping[str, str] = {}
    optional_words: tuple[str, ...] = ()


NO_LOOKUP = Lookup()


def normalise(label: str, lookup: Lookup) -> str:
    """The form names are compared in: lower case, words only, British spelling, no filler."""
    words = _NON_WORD.sub(" ", label.casefold())
    if lookup.spellings:
        words = _respeller(tuple(lookup.spellings.items())).sub(
            lambda match: lookup.spellings[match.group()], words
        )
    parts = words.split()
    while len(parts) > 1 and parts[-1] in lookup.optional_words:
        parts.pop()
    return " ".join(parts)


@functools.lru_cache(maxsize=8)
def _respeller(spellings: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    """One pattern for all the US word beginnings, longest first, so a word is respelt once."""
    starts = sorted((us for us, _ in spellings), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, starts)) + ")")
