"""The guide's questions, asked one at a time on the terminal; then the guide's answer.

Questions go to stderr and answers come from stdin, so `therapy guide > my-options.md` keeps
the questions out of the file. Every question can be skipped with Enter, and end of input
(Ctrl-D) skips the rest. Safety comes first: a yes shows urgent help and nothing else.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import NamedTuple

from . import answers
from .errors import NotFound, TherapyError, UsageProblem
from .guide import Choices, GuideAnswer, guide, resolve_region
from .kb import lookup
from .kb.model import Choice, Guide, GuideRegion, KnowledgeBase
from .render.emit import say

YES = ("y", "yes")
Load = Callable[[], KnowledgeBase]


class Asked(NamedTuple):
    """What the command line gave: each question's answer, or None to ask it (or skip it)."""

    choices: Choices
    safe: bool | None = None


def parse_ratings(given: Sequence[str]) -> dict[str, str]:
    """`--prefer short-course=a-lot` options as preference id -> rating, checked later."""
    ratings = {}
    for item in given:
        name, equals, rating = item.partition("=")
        if not equals or not name.strip() or not rating.strip():
            raise UsageProblem(
                f"--prefer takes WHAT=RATING, not {item[:60]!r}",
                ("for example: --prefer short-course=a-lot",),
            )
        ratings[name.strip()] = rating.strip()
    return ratings


def stdin_is_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def run(
    everything: Load, builtin: Load, asked: Asked, prompting: bool
) -> GuideAnswer | answers.RegionsAnswer:
    """Ask what the command line left open (when `prompting`), then build the guide."""
    safe, choices = asked.safe, asked.choices
    if prompting and safe is None:
        safe = not _yes(_content(everything, builtin).questions["safety"])
    if safe is False:
        region = _crisis_region(everything, choices)
        return answers.urgent_help(everything, builtin, region)._replace(kind="guide")
    kb = everything()
    if prompting:
        choices = _ask_the_rest(kb, choices)
    return guide(kb, choices)


def _content(everything: Load, builtin: Load) -> Guide:
    """The guide's wording; the built-in one if the user's files cannot be read, so that the
    safety question is asked whatever else is wrong."""
    try:
        content = everything().guide
    except TherapyError:
        content = None
    content = content or builtin().guide
    if content is None:
        raise NotFound("the built-in knowledge base has no guide")
    return content


def _crisis_region(everything: Load, choices: Choices) -> str | None:
    """The crisis region for where the person said they live; None (every region) if unknown."""
    try:
        content = everything().guide
        region = resolve_region(content, choices.region) if content else None
    except TherapyError:
        return None
    return region.crisis if region else None


def _ask_the_rest(kb: KnowledgeBase, given: Choices) -> Choices:
    content = kb.guide
    if content is None:
        return given
    questions = content.questions
    region = given.region or _pick(questions["region"], content.regions)
    condition = given.condition or _condition(kb, questions["condition"])
    age = given.age or _pick(questions["age"], content.ages)
    ratings = dict(given.ratings) or _ratings(content)
    return Choices(region, condition, age, ratings)


def _yes(question: str) -> bool:
    reply = _read(f"{question} [y/N] ")
    return reply is not None and reply.strip().casefold() in YES


def _pick(question: str, choices: Sequence[Choice | GuideRegion]) -> str | None:
    """A numbered menu; a number, an id or a name picks; Enter skips."""
    _say(question)
    for number, choice in enumerate(choices, start=1):
        _say(f"  {number}. {choice.name}")
    while True:
        reply = _read("Choose a number, or press Enter to skip: ")
        if reply is None or not reply.strip():
            return None
        text = reply.strip()
        if text.isdigit() and 1 <= int(text) <= len(choices):
            return choices[int(text) - 1].id
        wanted = text.casefold()
        for choice in choices:
            if wanted in (choice.id.casefold(), choice.name.casefold()):
                return choice.id
        _say(f"  Not one of the choices: type 1 to {len(choices)}, or press Enter.")


def _condition(kb: KnowledgeBase, question: str) -> str | None:
    while True:
        reply = _read(f"{question}\n> ")
        if reply is None or not reply.strip() or reply.strip().casefold() == "not sure":
            return None
        try:
            return lookup.resolve_condition(kb, reply.strip()).id
        except NotFound as error:
            _say(f"  {error.message}; " + "; ".join(error.hints))


def _ratings(content: Guide) -> dict[str, str]:
    _say(content.questions["preferences"])
    menu = ", ".join(f"{n} {r.name}" for n, r in enumerate(content.ratings, start=1))
    found: dict[str, str] = {}
    for preference in content.preferences:
        while True:
            reply = _read(f"  {preference.question}? [{menu}; Enter to skip] ")
            if reply is None:
                return found
            text = reply.strip()
            if not text:
                break
            if text.isdigit() and 1 <= int(text) <= len(content.ratings):
                found[preference.id] = content.ratings[int(text) - 1].id
                break
            named = [r for r in content.ratings if text.casefold() in (r.id, r.name.casefold())]
            if named:
                found[preference.id] = named[0].id
                break
            _say(f"    Type 1 to {len(content.ratings)}, or press Enter to skip.")
    return found


def _say(line: str) -> None:
    say(line + "\n")


def _read(prompt: str) -> str | None:
    """One line from stdin after `prompt` on stderr; None at the end of input."""
    say(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        say("\n")
        return None
    return line.rstrip("\n")
