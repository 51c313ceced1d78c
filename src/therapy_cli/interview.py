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
    """What the command line gave: each question's answer, or None to ask it (or skip it);
    `prefer` as typed, read only once the safety question is answered."""

    choices: Choices
    safe: bool | None = None
    prefer: Sequence[str] = ()


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
    prompter = Prompter(prompting)
    if prompting and safe is None:
        safe = not prompter.yes(_content(everything, builtin).questions["safety"])
    if safe is False:
        crisis, place = _crisis_region(everything, choices)
        return answers.urgent_help(everything, builtin, crisis, place)._replace(kind="guide")
    choices = choices._replace(ratings=parse_ratings(asked.prefer))
    kb = everything()
    if prompting:
        choices = prompter.the_rest(kb, choices)
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


def _crisis_region(everything: Load, choices: Choices) -> tuple[str | None, str | None]:
    """The crisis region and guide region for where the person said they live; (None, None),
    every region and service, if unknown."""
    try:
        content = everything().guide
        region = resolve_region(content, choices.region) if content else None
    except TherapyError:
        return None, None
    return (region.crisis, region.id) if region else (None, None)


class Prompter:
    """Asks on stderr and reads stdin; once input ends (Ctrl-D), asks nothing more."""

    def __init__(self, prompting: bool) -> None:
        self.ended = not prompting

    def the_rest(self, kb: KnowledgeBase, given: Choices) -> Choices:
        """Every question after safety that the command line left open."""
        content = kb.guide
        if content is None:
            return given
        questions = content.questions
        region = given.region or self._pick(questions["region"], content.regions)
        condition = given.condition or self._condition(kb, questions["condition"])
        age = given.age or self._pick(questions["age"], content.ages)
        ratings = dict(given.ratings) or self._ratings(content)
        return Choices(region, condition, age, ratings)

    def yes(self, question: str) -> bool:
        reply = self._read(f"{question} [y/N] ")
        return reply is not None and reply.strip().casefold() in YES

    def _pick(self, question: str, choices: Sequence[Choice | GuideRegion]) -> str | None:
        """A numbered menu; a number, an id or a name picks; Enter skips."""
        self._say(question)
        for number, choice in enumerate(choices, start=1):
            self._say(f"  {number}. {choice.name}")
        while True:
            reply = self._read("Choose a number, or press Enter to skip: ")
            if reply is None or not reply.strip():
                return None
            text = reply.strip()
            if text.isdigit() and 1 <= int(text) <= len(choices):
                return choices[int(text) - 1].id
            wanted = text.casefold()
            for choice in choices:
                if wanted in (choice.id.casefold(), choice.name.casefold()):
                    return choice.id
            self._say(f"  Not one of the choices: type 1 to {len(choices)}, or press Enter.")

    def _condition(self, kb: KnowledgeBase, question: str) -> str | None:
        while True:
            reply = self._read(f"{question}\n> ")
            if reply is None or not reply.strip() or reply.strip().casefold() == "not sure":
                return None
            try:
                return lookup.resolve_condition(kb, reply.strip()).id
            except NotFound as error:
                self._say(f"  {error.message}; " + "; ".join(error.hints))

    def _ratings(self, content: Guide) -> dict[str, str]:
        self._say(content.questions["preferences"])
        menu = ", ".join(f"{n} {r.name}" for n, r in enumerate(content.ratings, start=1))
        found: dict[str, str] = {}
        for preference in content.preferences:
            while not self.ended:
                reply = self._read(f"  {preference.question}? [{menu}; Enter to skip] ")
                text = (reply or "").strip()
                if not text:
                    break
                if text.isdigit() and 1 <= int(text) <= len(content.ratings):
                    found[preference.id] = content.ratings[int(text) - 1].id
                    break
                named = [r for r in content.ratings if text.casefold() in (r.id, r.name.casefold())]
                if named:
                    found[preference.id] = named[0].id
                    break
                self._say(f"    Type 1 to {len(content.ratings)}, or press Enter to skip.")
        return found

    def _say(self, line: str) -> None:
        if not self.ended:
            say(line + "\n")

    def _read(self, prompt: str) -> str | None:
        """One line from stdin after `prompt` on stderr; None at (and after) the end of input."""
        if self.ended:
            return None
        say(prompt)
        line = sys.stdin.readline() if sys.stdin is not None else ""
        if not line:
            self.ended = True
            say("\n")
            return None
        return line.rstrip("\n")
