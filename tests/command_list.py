"""Every command the tests loop over, once: `{therapy}`, `{condition}`, `{word}`, `{region}` and
`{finder}` are filled in from the knowledge base under test (the real one or the golden fixture)."""

from __future__ import annotations

from typing import NamedTuple


class Names(NamedTuple):
    therapy: str
    alias: str
    other: str
    condition: str
    word: str
    region: str
    finder: str
    term: str
    guided: str  # a condition with guide options
    home: str  # a guide region with a route


BUILTIN = Names(
    "psychodynamic", "STPP", "cbt", "depression", "Freud", "international", "us", "transference",
    "depression", "england",
)  # fmt: skip
GOLDEN = Names(
    "example", "ET", "wide", "low-mood", "Freud", "uk", "us", "sample term", "worry", "home"
)

# id -> arguments; the id names golden files and test cases.
COMMANDS: dict[str, list[str]] = {
    "list": ["list"],
    "show": ["show", "{therapy}"],
    "show-section": ["show", "{therapy}", "--section", "overview"],
    "show-sources": ["show", "{alias}", "--sources"],
    "compare": ["compare"],
    "compare-two": ["compare", "{therapy}", "{other}"],
    "conditions": ["conditions"],
    "conditions-one": ["conditions", "{condition}"],
    "sessions": ["sessions"],
    "sessions-one": ["sessions", "{therapy}"],
    "refs": ["refs"],
    "refs-therapy": ["refs", "--therapy", "{therapy}"],
    "search": ["search", "{word}"],
    "crisis": ["crisis"],
    "crisis-region": ["crisis", "--region", "{region}"],
    "find-therapist": ["find-therapist"],
    "find-therapist-region": ["find-therapist", "--region", "{finder}"],
    "glossary": ["glossary"],
    "glossary-term": ["glossary", "{term}"],
    "guide": ["guide", "--no-input"],
    "guide-condition": [
        "guide",
        "--condition",
        "{guided}",
        "--region",
        "{home}",
        "--prefer",
        "short-course=a-lot",
        "--no-input",
    ],
    "guide-in-danger": ["guide", "--in-danger", "--region", "{home}"],
    "paths": ["paths"],
    "validate": ["validate"],
}
# Commands that fail, with the exit code they must give.
ERRORS: dict[str, tuple[list[str], int]] = {
    "show-unknown": (["show", "no-such-therapy"], 1),
    "conditions-unknown": (["conditions", "no-such-condition"], 1),
    "search-nothing": (["search", "zzzzqqq"], 1),
    "glossary-unknown": (["glossary", "no-such-term"], 1),
    "show-bad-section": (["show", "{therapy}", "--section", "nonsense"], 2),
    "crisis-bad-region": (["crisis", "--region", "mars"], 2),
    "guide-bad-region": (["guide", "--region", "mars", "--no-input"], 2),
    "guide-bad-preference": (["guide", "--prefer", "colour=a-lot", "--no-input"], 2),
}


def filled(args: list[str], names: Names = BUILTIN) -> list[str]:
    """`args` with the placeholders replaced by `names`."""
    return [arg.format(**names._asdict()) for arg in args]


def builtin(command_id: str) -> list[str]:
    return filled(COMMANDS[command_id])
