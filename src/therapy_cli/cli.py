"""The `therapy` command line: parse arguments, ask `answers`, let `render` print the reply."""

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer.core import TyperGroup

from . import __version__, answers, completion, interview
from .errors import OutputFailed, TherapyError
from .guide import Choices, GuideAnswer
from .kb.files import KnowledgeBaseFile, builtin_path, discover
from .kb.model import KnowledgeBase
from .render import ColorMode, Format


class PageFormat(str, Enum):
    """The formats every command offers (refs also offers bibliography formats)."""

    text = "text"
    markdown = "markdown"
    json = "json"


class ReferenceFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"
    bibtex = "bibtex"
    ris = "ris"
    csl_json = "csl-json"


class Color(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


@dataclass
class Session:
    """Options given before the command, and the knowledge base once something needs it."""

    data: list[Path] = field(default_factory=list)
    color: ColorMode = ColorMode.AUTO
    pager: bool = True
    only: list[Path] | None = None  # `validate PATH...`: the built-in file and these alone
    _files: list[KnowledgeBaseFile] | None = None
    _kb: KnowledgeBase | None = None

    def files(self) -> list[KnowledgeBaseFile]:
        """The files to read, found once (the user folder is listed on disk)."""
        if self._files is None:
            self._files = (
                [KnowledgeBaseFile(builtin_path(), "built-in")]
                + [KnowledgeBaseFile(path, "argument") for path in self.only]
                if self.only is not None
                else discover(self.data)
            )
        return self._files

    def knowledge_base(self) -> KnowledgeBase:
        if self._kb is None:
            self._kb = _load([f.path for f in self.files()])
        return self._kb

    def disclaimer(self) -> str:
        """The disclaimer of what was loaded, or the built-in one when loading failed."""
        try:
            return answers.disclaimer(self.knowledge_base())
        except TherapyError:
            return answers.disclaimer(builtin_knowledge_base())


def _load(paths: list[Path]) -> KnowledgeBase:
    from .kb import cache  # YAML, the loader and the cache are needed only once a command runs

    return cache.load(paths)


def builtin_knowledge_base() -> KnowledgeBase:
    return _load([builtin_path()])


class Reply(NamedTuple):
    """What a command asks for: how to get its answer, and the format to print it in."""

    answer: Callable[[Session], answers.Answer | GuideAnswer]
    output: Format


class TherapyGroup(TyperGroup):
    """Gets a command's answer and prints it; turns a TherapyError into its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        reply = super().invoke(ctx)
        if not isinstance(reply, Reply):
            return None
        from .render.emit import Options, emit, report

        state = session(ctx)
        try:
            answer = reply.answer(state)
            emit(answer, reply.output, Options(state.color, state.pager), state.disclaimer())
        except TherapyError as error:
            try:
                report(error, reply.output, ctx.invoked_subcommand or "", state.disclaimer())
            except OutputFailed as failed:  # a JSON error envelope could not be written either
                report(failed, Format.TEXT, ctx.invoked_subcommand or "", state.disclaimer())
                error = failed
            raise typer.Exit(error.exit_code) from None
        return None


app = typer.Typer(
    cls=TherapyGroup,
    name="therapy",
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="A terminal reference for talking therapies: sourced, and never a substitute "
    "for professional advice.",
    epilog="Examples:  therapy show psychodynamic   •   therapy conditions OCD   •   "
    "therapy crisis --region uk",
)


def session(ctx: typer.Context) -> Session:
    root = ctx.find_root()
    if not isinstance(root.obj, Session):
        root.obj = Session()
    return root.obj


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"therapy {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        list[Path] | None,
        typer.Option(
            "--data",
            metavar="PATH",
            help="An extra knowledge-base file, read after the built-in one (repeatable); "
            "an entry with the same id replaces the built-in one.",
        ),
    ] = None,
    color: Annotated[
        Color,
        typer.Option(
            "--color",
            help="Colour: auto (on a terminal, unless NO_COLOR is set), always or never. "
            "Table borders follow the terminal, not this option.",
        ),
    ] = Color.auto,
    no_color: Annotated[bool, typer.Option("--no-color", help="Same as --color never.")] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Never page long output through $PAGER.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """A terminal reference for talking therapies."""
    state = session(ctx)
    state.data = list(data or [])
    state.color = ColorMode.NEVER if no_color else ColorMode(color.value)
    state.pager = not no_pager


FormatOption = Annotated[
    PageFormat,
    typer.Option(
        "--format",
        "-f",
        help="text (for reading), markdown (for notes and handouts) or json (for scripts).",
    ),
]
Name = Annotated[
    str,
    typer.Argument(
        help="A therapy's id, name or alias, e.g. 'STPP'.",
        show_default=False,
        autocompletion=completion.therapies,
    ),
]
OptionalName = Annotated[
    str | None,
    typer.Argument(
        help="A therapy (default: all).", show_default=False, autocompletion=completion.therapies
    ),
]
Region = Annotated[
    str | None,
    typer.Option(
        "--region",
        "-r",
        metavar="REGION",
        help="uk, us or international (default: all).",
        autocompletion=completion.regions,
    ),
]


@app.command("list", epilog="Examples:  therapy list   •   therapy list --format json")
def list_command(output: FormatOption = PageFormat.text) -> Reply:
    """Every therapy with a one-line summary and its typical number of sessions."""
    return Reply(lambda s: answers.list_therapies(s.knowledge_base()), Format(output.value))


@app.command(
    epilog="Examples:  therapy show psychodynamic   •   "
    "therapy show STPP --section effectiveness   •   therapy show cbt --sources   •   "
    "therapy show psychodynamic --format markdown > handout.md"
)
def show(
    name: Name,
    section: Annotated[
        str | None,
        typer.Option(
            "--section",
            "-s",
            metavar="ID",
            help="Show one section: overview, science, how-it-works, session-length, "
            "who-it-helps, effectiveness, finding-a-therapist or see-also.",
            autocompletion=completion.sections,
        ),
    ] = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="List each section's sources under it.")
    ] = False,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """Everything about one therapy, section by section, with numbered references."""
    return Reply(
        lambda s: answers.show(s.knowledge_base(), name, section, sources), Format(output.value)
    )


@app.command(epilog="Examples:  therapy compare   •   therapy compare psychodynamic psychoanalytic")
def compare(
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Therapies to compare (default: all).",
            show_default=False,
            autocompletion=completion.therapies,
        ),
    ] = None,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """A side-by-side table: basis, focus, sessions, frequency, conditions, evidence."""
    return Reply(lambda s: answers.compare(s.knowledge_base(), names or []), Format(output.value))


@app.command(
    epilog="Examples:  therapy conditions   •   therapy conditions depression   •   "
    "therapy conditions OCD"
)
def conditions(
    condition: Annotated[
        str | None,
        typer.Argument(
            help="A condition or synonym, e.g. 'OCD' (default: the evidence matrix of all).",
            show_default=False,
            autocompletion=completion.conditions,
        ),
    ] = None,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """The therapies used for a condition, with their evidence and caveats."""
    return Reply(lambda s: answers.conditions(s.knowledge_base(), condition), Format(output.value))


@app.command(epilog="Examples:  therapy sessions   •   therapy sessions psychodynamic")
def sessions(name: OptionalName = None, output: FormatOption = PageFormat.text) -> Reply:
    """How many sessions, how long, how often, on the NHS and privately."""
    return Reply(lambda s: answers.sessions(s.knowledge_base(), name), Format(output.value))


@app.command(
    epilog="Examples:  therapy refs   •   therapy refs --therapy psychodynamic   •   "
    "therapy refs --format bibtex > therapy.bib"
)
def refs(
    therapy: Annotated[
        str | None,
        typer.Option(
            "--therapy",
            "-t",
            metavar="NAME",
            help="Only the references one therapy cites.",
            autocompletion=completion.therapies,
        ),
    ] = None,
    output: Annotated[
        ReferenceFormat,
        typer.Option(
            "--format",
            "-f",
            help="text (APA style), markdown, json, bibtex, ris or csl-json; the disclaimer "
            "goes to stderr for ris and csl-json.",
        ),
    ] = ReferenceFormat.text,
) -> Reply:
    """The references behind the content, in APA style with DOIs, or for reference managers."""
    return Reply(lambda s: answers.refs(s.knowledge_base(), therapy), Format(output.value))


@app.command(epilog="Examples:  therapy search defence   •   therapy search 'somatic disorders'")
def search(
    text: Annotated[
        str, typer.Argument(help="Words to find (all must appear).", show_default=False)
    ],
    output: FormatOption = PageFormat.text,
) -> Reply:
    """Search all content; shows where each match is. Exit 1 when nothing matches."""
    return Reply(lambda s: answers.search(s.knowledge_base(), text), Format(output.value))


@app.command(epilog="Examples:  therapy crisis   •   therapy crisis --region uk")
def crisis(region: Region = None, output: FormatOption = PageFormat.text) -> Reply:
    """Urgent help: helplines and emergency numbers, by region; works even with a broken file."""
    return Reply(
        lambda s: answers.urgent_help(s.knowledge_base, builtin_knowledge_base, region),
        Format(output.value),
    )


@app.command(
    epilog="Examples:  therapy glossary   •   therapy glossary transference   •   "
    "therapy glossary 'effect size'"
)
def glossary(
    term: Annotated[
        str | None,
        typer.Argument(
            help="A term or alias, e.g. 'transference' (default: every term).",
            show_default=False,
            autocompletion=completion.terms,
        ),
    ] = None,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """Plain-word meanings of the words used in therapy, each with its source."""
    return Reply(lambda s: answers.glossary(s.knowledge_base(), term), Format(output.value))


@app.command(
    epilog="Examples:  therapy guide   •   therapy guide --condition depression --region england "
    "--no-input   •   therapy guide -c depression -r england --format markdown > my-options.md"
)
def guide(
    condition: Annotated[
        str | None,
        typer.Option(
            "--condition",
            "-c",
            metavar="NAME",
            help="What is troubling you: a condition or synonym, e.g. 'depression' "
            "(default: not sure).",
            autocompletion=completion.conditions,
        ),
    ] = None,
    region: Annotated[
        str | None,
        typer.Option(
            "--region",
            "-r",
            metavar="REGION",
            help="Where you live: england, scotland, wales, northern-ireland, us or elsewhere.",
            autocompletion=completion.guide_regions,
        ),
    ] = None,
    age: Annotated[
        str | None,
        typer.Option("--age", metavar="AGE", help="adult (18 or over) or under-18."),
    ] = None,
    prefer: Annotated[
        list[str] | None,
        typer.Option(
            "--prefer",
            metavar="WHAT=RATING",
            help="How much something matters, e.g. short-course=a-lot (repeatable); RATING is "
            "a-lot, a-little or not-much. Tab completes WHAT; a wrong one lists them all.",
            autocompletion=completion.preferences,
        ),
    ] = None,
    safe: Annotated[
        bool | None,
        typer.Option(
            "--safe/--in-danger",
            help="Answer the safety question: --in-danger shows urgent help and stops.",
            show_default=False,
        ),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Never ask: use only the options given.")
    ] = False,
    ask: Annotated[
        bool,
        typer.Option(
            "--ask", help="Ask the questions even when stdin is not a terminal (answers piped in)."
        ),
    ] = False,
    brief: Annotated[
        bool | None,
        typer.Option(
            "--brief/--full",
            help="--brief: the short handout to print (leaves out rows about things you did not "
            "rate); --full: every row. Default: brief for --format markdown.",
            show_default=False,
        ),
    ] = None,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """A decision aid: a few therapies side by side, with questions to take to a GP."""
    prompting = not no_input and (ask or interview.stdin_is_terminal())
    short = output is PageFormat.markdown if brief is None else brief
    asked = interview.Asked(Choices(region, condition, age, brief=short), safe, prefer or [])
    return Reply(
        lambda s: interview.run(s.knowledge_base, builtin_knowledge_base, asked, prompting),
        Format(output.value),
    )


@app.command("find-therapist", epilog="Examples:  therapy find-therapist --region uk")
def find_therapist(region: Region = None, output: FormatOption = PageFormat.text) -> Reply:
    """How to find a therapist: the NHS, registers and directories, by region."""
    return Reply(
        lambda s: answers.regions(s.knowledge_base(), "find-therapist", region),
        Format(output.value),
    )


@app.command(epilog="Example:  therapy paths")
def paths(output: FormatOption = PageFormat.text) -> Reply:
    """The knowledge-base files read, in order: later files override earlier ones."""
    return Reply(lambda s: answers.paths(s.files()), Format(output.value))


@app.command(
    epilog="Examples:  therapy validate   •   therapy validate my-clinic.yaml   •   "
    "therapy validate --strict my-clinic.yaml"
)
def validate(
    ctx: typer.Context,
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Files to check on top of the built-in one (default: every file that "
            "'therapy paths' lists).",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict",
            help="Also warn about therapy pages thinner than the built-in minimums "
            "(warnings do not change the exit code).",
        ),
    ] = False,
    output: FormatOption = PageFormat.text,
) -> Reply:
    """Check knowledge-base files and report every problem at once (exit 3 if any)."""
    if files:
        session(ctx).only = list(files)
    return Reply(
        lambda s: answers.validated(s.files(), s.knowledge_base(), strict), Format(output.value)
    )
