"""Shared CLI plumbing: Danish help panels, error printing and translated usage errors."""

from __future__ import annotations

import importlib
import inspect
import re
import sys
import traceback
import types
import zipfile
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NoReturn

from rich.console import Console

from assembler.errors import AftaleError, os_error_da, problems_da, zip_error_da
from assembler.safeio.budget import command_budget

if TYPE_CHECKING:
    import typer

# Only rich is loaded here: library workflows print through these consoles, and typer (with its
# help machinery) is loaded by run() alone, so `aftale sammenlign` can start without it.
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
out_console = Console(highlight=False, soft_wrap=True)


class _LazyMarkdown:
    """Stands in for rich.markdown.Markdown until something really renders Markdown."""

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        sys.modules.pop("rich.markdown", None)
        real = importlib.import_module("rich.markdown")
        return real.Markdown(*args, **kwargs)


def _markdown_on_demand() -> None:
    """typer's help module imports rich.markdown, and with it markdown-it (about 30 ms of every
    `aftale --help`), for a markup mode we never use: give it a stand-in that loads the real
    module the first time a Markdown text is made."""
    if "rich.markdown" not in sys.modules:
        stand_in = types.ModuleType("rich.markdown")
        stand_in.Markdown = _LazyMarkdown  # type: ignore[attr-defined]
        sys.modules["rich.markdown"] = stand_in


def _danish_panels() -> None:
    """Danish titles for typer's rich help; typer reads these module constants at call time."""
    _markdown_on_demand()
    import typer.rich_utils as rich_utils

    rich_utils.ARGUMENTS_PANEL_TITLE = "Argumenter"
    rich_utils.OPTIONS_PANEL_TITLE = "Tilvalg"
    rich_utils.COMMANDS_PANEL_TITLE = "Kommandoer"
    rich_utils.ERRORS_PANEL_TITLE = "Fejl"
    rich_utils.DEFAULT_STRING = "[standard: {}]"
    rich_utils.REQUIRED_LONG_STRING = "[påkrævet]"
    rich_utils.ENVVAR_STRING = "[miljøvariabel: {}]"
    rich_utils.ABORTED_TEXT = "Afbrudt."
    rich_utils.RICH_HELP = "Prøv [blue]'{command_path} {help_option}'[/] for hjælp."


def print_error(exc: AftaleError) -> None:
    """Print a library error as 'Fejl: <message>' with its problems on stderr."""
    _print_error(exc.message_da, exc.problems, exc.__cause__)


USAGE_TRANSLATIONS = (
    (r"Missing argument '([^']+)'\.?", r"Mangler argumentet \1."),
    (r"Missing option '([^']+)'\.?", r"Mangler tilvalget \1."),
    (r"No such option: (\S+)", r"Ukendt tilvalg: \1"),
    (r"No such command '([^']+)'\.?", r"Ukendt kommando '\1'."),
    (r"Got unexpected extra arguments? \((.*)\)", r"Uventede ekstra argumenter: \1"),
    (r"Option '([^']+)' requires an argument\.", r"Tilvalget \1 kræver en værdi."),
    (r"Invalid value for '([^']+)': (.*)", r"Ugyldig værdi for \1: \2"),
    (r"'(.*)' is not a valid integer\.?", r"'\1' er ikke et helt tal."),
    (r"'(.*)' is not one of (.*)\.", r"'\1' er ikke en af \2."),
    (r"Path '(.*)' does not exist\.", r"Stien '\1' findes ikke."),
    (r"File '(.*)' does not exist\.", r"Filen '\1' findes ikke."),
    # click's own path checks (lower case since click 8.2): "file 'x' is a directory." …
    (r"(?:[Ff]ile|[Pp]ath|[Dd]irectory) '(.*)' does not exist\.", r"'\1' findes ikke."),
    (
        r"(?:[Ff]ile|[Pp]ath|[Dd]irectory) '(.*)' is not readable\.",
        r"'\1' kan ikke læses: du har ikke adgang til den. Tjek rettighederne.",
    ),
    (
        r"(?:[Ff]ile|[Pp]ath|[Dd]irectory) '(.*)' is not writable\.",
        r"der kan ikke skrives i '\1': du har ikke adgang. Vælg en anden placering.",
    ),
    (
        r"(?:[Ff]ile|[Pp]ath) '(.*)' is a directory\.",
        r"'\1' er en mappe; angiv en fil.",
    ),
    (r"(?:[Dd]irectory|[Pp]ath) '(.*)' is a file\.", r"'\1' er en fil; angiv en mappe."),
    (r"(.*) is not in the range (.*)\.", r"\1 er uden for intervallet \2."),
    (r"'(.*)' is not a valid (?:float|number)\.?", r"'\1' er ikke et tal."),
)


def translate_usage(message: str) -> str:
    """Danish wording for the usage errors users meet most."""
    for pattern, replacement in USAGE_TRANSLATIONS:
        message = re.sub(pattern, replacement, message)
    return message


HELP_NAMES = ["-h", "--help"]


def _danish_usage(command: Any, ctx: Any, formatter: Any) -> None:
    """The usage line with a Danish prefix."""
    formatter.write_usage(ctx.command_path, " ".join(command.collect_usage_pieces(ctx)), "Brug: ")


# typer labels a value by its Python type ("<path>", "<str>"); our users read Danish.
TYPE_WORDS = {
    "str": "TEKST",
    "int": "TAL",
    "Path": "FIL",
    "list[str]": "TEKST",
    "list[Path]": "FIL",
}


def _type_word(param: Any) -> str | None:
    """FIL, MAPPE, TEKST or TAL for a parameter's Python type; None for others (choices)."""
    word = TYPE_WORDS.get(param.bare_type())
    if word == "FIL" and "mappe" in (param.help or "").lower():
        return "MAPPE"
    return word


def _danish_metavar(param: Any) -> None:
    """A Danish word for what a parameter takes, and none for a flag."""
    if param.param_type_name == "argument":
        word = _type_word(param)
        if word is not None:  # typer shows an argument's type beside its name, not its metavar
            param.display_type_rich = lambda ctx: word
        return
    if param.metavar is not None:
        return
    if getattr(param, "is_flag", False):
        param.metavar = ""
    elif (word := _type_word(param)) is not None:
        param.metavar = word


def danish_command_tree(app: typer.Typer) -> Any:
    """typer's command tree with Danish usage lines and help-option text.

    typer vendors click and hard-codes "Usage:" and "Show this message and exit."; the help option
    is created lazily and cached per command, so it is created here once and its text replaced.
    """
    import typer.main

    root = typer.main.get_command(app)
    if hasattr(root, "subcommand_metavar"):
        root.subcommand_metavar = "KOMMANDO [ARGUMENTER]..."
    commands = [root, *getattr(root, "commands", {}).values()]
    names = types.SimpleNamespace(help_option_names=HELP_NAMES)
    for command in commands:
        command.options_metavar = "[TILVALG]"
        if command.help:  # rich keeps a docstring's line breaks; let each paragraph flow
            paragraphs = inspect.cleandoc(command.help).split("\n\n")
            command.help = "\n\n".join(" ".join(p.split()) for p in paragraphs)
        command.format_usage = types.MethodType(_danish_usage, command)
        option = command.get_help_option(names)
        if option is not None:
            option.help = "Vis denne hjælp og afslut."
        for param in [*getattr(command, "params", ()), option]:
            if param is not None and hasattr(param, "bare_type"):
                _danish_metavar(param)
    return root


MAX_PROBLEMS = 200  # problems listed on the terminal; a sheet with 40,000 bad rows stays readable


class Details:
    """Whether `--detaljer` asked for the original (English) error text after the Danish one."""

    enabled = False


def _print_error(message: str, problems: list[str], cause: BaseException | None) -> None:
    """'Fejl: …' on stderr, each problem on its own line, the original cause under --detaljer."""
    from rich.text import Text

    err_console.print(Text.assemble(("Fejl: ", "bold red"), message))
    for problem in problems[:MAX_PROBLEMS]:
        err_console.print(f"  - {problem}", markup=False)
    if len(problems) > MAX_PROBLEMS:
        err_console.print(
            f"  … og {problems_da(len(problems) - MAX_PROBLEMS)} mere. Ret de første, og kør "
            "kommandoen igen.",
            markup=False,
        )
    if Details.enabled and cause is not None:
        err_console.print(f"  (detaljer: {type(cause).__name__}: {cause})", markup=False)


def print_system_error(exc: OSError | zipfile.BadZipFile) -> None:
    """An operating-system or zip error no command caught, as a Danish sentence naming the file."""
    if isinstance(exc, zipfile.BadZipFile):
        _print_error(zip_error_da("filen", exc), [], exc)
    else:
        _print_error(os_error_da(exc), [], exc)


def run(app: typer.Typer, prog_name: str = "aftale") -> None:
    """Run the app: library errors → 'Fejl: …' exit 1; usage errors → Danish text, exit 2.

    Operating-system and zip errors that no command caught are translated here, so no English
    text or traceback reaches the user; anything else is reported as an error in aftale itself.
    """
    _danish_panels()
    try:
        with command_budget():  # every file the command reads draws on one budget
            result = danish_command_tree(app)(prog_name=prog_name, standalone_mode=False)
    except AftaleError as exc:
        print_error(exc)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("Afbrudt.")
        sys.exit(130)
    except (OSError, zipfile.BadZipFile) as exc:
        print_system_error(exc)
        sys.exit(1)
    except Exception as exc:  # usage errors from typer's vendored click have these methods
        format_message: Callable[[], str] | None = getattr(exc, "format_message", None)
        exit_code = getattr(exc, "exit_code", None)
        if format_message is None or not isinstance(exit_code, int):
            internal_error(exc)
        if type(exc).__name__ == "Abort":
            err_console.print("Afbrudt.")
            sys.exit(1)
        err_console.print(f"Fejl: {translate_usage(format_message())}", markup=False)
        err_console.print(f"Prøv '{prog_name} --help' for hjælp.", markup=False)
        sys.exit(exit_code)
    sys.exit(result if isinstance(result, int) else 0)


INTERNAL_ERROR = (
    "aftale stødte på en uventet fejl i selve programmet ({kind}); intet er skrevet. "
    "Det skyldes ikke nødvendigvis dine filer. Kør kommandoen igen med --detaljer, og send "
    "udskriften til dem, der vedligeholder aftale."
)


def internal_error(exc: BaseException) -> NoReturn:
    """A bug in aftale: a Danish message, the traceback only under --detaljer; exit 70."""
    from rich.text import Text

    err_console.print(
        Text.assemble(("Fejl: ", "bold red"), INTERNAL_ERROR.format(kind=type(exc).__name__))
    )
    if Details.enabled:
        err_console.print("".join(traceback.format_exception(exc)), markup=False)
    sys.exit(70)  # EX_SOFTWARE
