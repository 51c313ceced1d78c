"""Turning an answer into output: the formats, and one small module for each."""

from __future__ import annotations

from enum import Enum


class Format(str, Enum):
    """What an answer is printed as."""

    TEXT = "text"
    MARKDOWN = "markdown"
    JSON = "json"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


BIBLIOGRAPHIES = frozenset({Format.BIBTEX, Format.RIS, Format.CSL_JSON})


class ColorMode(str, Enum):
    """--color: auto (a terminal without NO_COLOR), always or never."""

    AUTO = "auto"
    ALWAYS = "always"
    NEVER = "never"
