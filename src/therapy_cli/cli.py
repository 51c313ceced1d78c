"""The `therapy` command line: parse arguments, hand off to `views`, let `output` print."""

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from . import __version__, completion, views
from .errors import TherapyError
from .kbfiles import KnowledgeBaseFile
from .model import KnowledgeBase


class ColorMode(str, Enum):
    auto = "auto"
    always = "always"
    never = "never"


class OutputFormat(str, Enum):
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


@dataclass
class Session:
    """Options given around the command, and the knowledge base once something needs it."""

    data: list[Path] = field(default_factory=list)
    color: str = "auto"
    pager: bool = True
    format: str = "text"
    only: list[Path] | None = None  # `validate PATH...`: the built-in file and these alone
    _files: list[KnowledgeBaseFile] | None = None
    _kb: KnowledgeBase | None = None

    def files(self) -> list[KnowledgeBaseFile]:
        """The files to read, found once (the user folder is listed on disk)."""
        from .kbfiles import builtin_path, discover

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
            from . import cache

            self._kb = cache.load([f.path for f in self.files()])
        return self._kb


class TherapyGroup(TyperGroup):
    """Turns a command's view into output, and a TherapyError into its exit code."""

    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        from .output import Options, emit, report

        try:
            view = super().invoke(ctx)
            if view is not None:
                state = session(ctx)
                emit(view, state.knowledge_base(), Options(state.format, state.color, state.pager))
        except TherapyError as error:
            report(error)
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


def kb(ctx: typer.Context) -> KnowledgeBase:
    return session(ctx).knowledge_base()


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"therapy {__version__}")
        raise typer.Exit()


def _remember_format(ctx: typer.Context, value: Enum | None) -> Enum | None:
    if value is not None:
        session(ctx).format = str(value.value)
    return value


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
        ColorMode,
        typer.Option(
            "--color", help="Colour and decoration: auto (on a terminal), always or never."
        ),
    ] = ColorMode.auto,
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
    state.color = ColorMode.never.value if no_color else color.value
    state.pager = not no_pager


Format = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        callback=_remember_format,
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
def list_command(ctx: typer.Context, output: Format = OutputFormat.text) -> views.View:
    """Every therapy with a one-line summary and its typical number of sessions."""
    return views.list_therapies(kb(ctx))


@app.command(
    epilog="Examples:  therapy show psychodynamic   •   "
    "therapy show STPP --section effectiveness   •   therapy show cbt --sources   •   "
    "therapy show psychodynamic --format markdown > handout.md"
)
def show(
    ctx: typer.Context,
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
    output: Format = OutputFormat.text,
) -> views.View:
    """Everything about one therapy, section by section, with numbered references."""
    return views.show(kb(ctx), name, section, sources)


@app.command(epilog="Examples:  therapy compare   •   therapy compare psychodynamic psychoanalytic")
def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            help="Therapies to compare (default: all).",
            show_default=False,
            autocompletion=completion.therapies,
        ),
    ] = None,
    output: Format = OutputFormat.text,
) -> views.View:
    """A side-by-side table: basis, focus, sessions, frequency, conditions, evidence."""
    return views.compare(kb(ctx), names or [])


@app.command(
    epilog="Examples:  therapy conditions   •   therapy conditions depression   •   "
    "therapy conditions OCD"
)
def conditions(
    ctx: typer.Context,
    condition: Annotated[
        str | None,
        typer.Argument(
            help="A condition or synonym, e.g. 'OCD' (default: the evidence matrix of all).",
            show_default=False,
            autocompletion=completion.conditions,
        ),
    ] = None,
    output: Format = OutputFormat.text,
) -> views.View:
    """The therapies used for a condition, with their evidence and caveats."""
    return views.conditions(kb(ctx), condition)


@app.command(epilog="Examples:  therapy sessions   •   therapy sessions psychodynamic")
def sessions(
    ctx: typer.Context, name: OptionalName = None, output: Format = OutputFormat.text
) -> views.View:
    """How many sessions, how long, how often, on the NHS and privately."""
    return views.sessions(kb(ctx), name)


@app.command(
    epilog="Examples:  therapy refs   •   therapy refs --therapy psychodynamic   •   "
    "therapy refs --format bibtex > therapy.bib"
)
def refs(
    ctx: typer.Context,
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
            callback=_remember_format,
            help="text (APA style), markdown, json, bibtex, ris or csl-json; the disclaimer "
            "goes to stderr for ris and csl-json.",
        ),
    ] = ReferenceFormat.text,
) -> views.View:
    """The references behind the content, in APA style with DOIs, or for reference managers."""
    return views.refs(kb(ctx), therapy)


@app.command(epilog="Examples:  therapy search defence   •   therapy search 'somatic disorders'")
def search(
    ctx: typer.Context,
    text: Annotated[
        str, typer.Argument(help="Words to find (all must appear).", show_default=False)
    ],
    output: Format = OutputFormat.text,
) -> views.View:
    """Search all content; shows where each match is. Exit 1 when nothing matches."""
    return views.search(kb(ctx), text)


@app.command(epilog="Examples:  therapy crisis   •   therapy crisis --region uk")
def crisis(
    ctx: typer.Context, region: Region = None, output: Format = OutputFormat.text
) -> views.View:
    """Urgent help: helplines and emergency numbers, by region."""
    return views.regions(kb(ctx), "crisis", region)


@app.command("find-therapist", epilog="Examples:  therapy find-therapist --region uk")
def find_therapist(
    ctx: typer.Context, region: Region = None, output: Format = OutputFormat.text
) -> views.View:
    """How to find a therapist: the NHS, registers and directories, by region."""
    return views.regions(kb(ctx), "find_therapist", region)


@app.command(epilog="Example:  therapy paths")
def paths(ctx: typer.Context, output: Format = OutputFormat.text) -> views.View:
    """The knowledge-base files read, in order: later files override earlier ones."""
    return views.paths(session(ctx).files())


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
    output: Format = OutputFormat.text,
) -> views.View:
    """Check knowledge-base files and report every problem at once (exit 3 if any)."""
    state = session(ctx)
    if files:
        state.only = list(files)
    return views.validated(state.files(), state.knowledge_base(), strict)
