"""The `aftale` console script: `aftale sammenlign` starts without loading the typer app.

typer builds its whole command tree and a pydantic adapter per parameter before it runs a
command, which costs more than comparing two short agreements. A well-formed `aftale sammenlign`
call is therefore parsed here from the command's own option table (checked against the typer
command by a test) and run directly; anything else — help, a mistyped or missing option, another
command — goes to the typer app, which explains it in Danish exactly as before.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The options of `aftale sammenlign` (assembler/commands/sammenlign.py): flag → (parameter, kind).
SAMMENLIGN_OPTIONS: dict[str, tuple[str, str]] = {
    "-o": ("ud", "path"),
    "--ud": ("ud", "path"),
    "--oversigt": ("oversigt", "path"),
    "--forfatter": ("forfatter", "many"),
    "--dato": ("dato", "many"),
    "--overskriv": ("overskriv", "flag"),
    "--tillad-afvigelser": ("tillad_afvigelser", "flag"),
}


def parse_sammenlign(args: list[str]) -> dict[str, object] | None:
    """The parameters of a plain, well-formed `sammenlign` call, or None to let typer decide."""
    values: dict[str, object] = {"versioner": [], "forfatter": [], "dato": []}
    k = 0
    while k < len(args):
        arg = args[k]
        k += 1
        if not arg.startswith("-") or arg == "-":
            values["versioner"].append(Path(arg))  # type: ignore[attr-defined]
            continue
        flag, has_value, value = arg.partition("=")
        spec = SAMMENLIGN_OPTIONS.get(flag)
        if spec is None:
            return None  # help, a typo or `--`: typer explains
        name, kind = spec
        if kind == "flag":
            if has_value or name in values:
                return None
            values[name] = True
            continue
        if not has_value:
            if k >= len(args) or args[k].startswith("-"):
                return None
            value = args[k]
            k += 1
        if kind == "many":
            values[name].append(value)  # type: ignore[attr-defined]
        elif name in values:
            return None  # given twice: typer decides which one wins
        else:
            values[name] = Path(value)
    if not values["versioner"]:
        return None
    return values


def run_sammenlign(args: list[str]) -> int | None:
    """Run a well-formed `aftale sammenlign` call and return its exit code; None if not plain."""
    values = parse_sammenlign(args)
    if values is None:
        return None
    import gc

    # A one-shot command whose objects (tokens, paragraph keys) form no cycles: the cyclic
    # collector would only walk them again and again; memory is returned when the process ends.
    gc.disable()
    from assembler.lxml_start import load_etree

    load_etree()  # without inspect (37 M instructions): see the module
    from assembler.compare import forked

    # The overview's assessment may run in a child, beside the comparison; while it finishes,
    # the parent loads what it prints and writes with.
    forked.allow(meanwhile=lambda: _load_output(values.get("oversigt") is not None))
    import zipfile

    from assembler.compare.output import compare_workflow
    from assembler.errors import AftaleError
    from assembler.safeio.budget import command_budget

    try:
        with command_budget():  # the versions share one unpacking budget, as in the typer path
            return compare_workflow(
                values["versioner"],  # type: ignore[arg-type]
                values.get("ud"),  # type: ignore[arg-type]
                values.get("oversigt"),  # type: ignore[arg-type]
                values["forfatter"],  # type: ignore[arg-type]
                values["dato"],  # type: ignore[arg-type]
                bool(values.get("overskriv")),
                allow_deviations=bool(values.get("tillad_afvigelser")),
            )
    except AftaleError as exc:
        from assembler.cli_support import print_error  # rich, only when there is an error

        print_error(exc)
        return 1
    except KeyboardInterrupt:
        print("Afbrudt.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader stopped early (`… | head`): the redline is written; stop printing quietly.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 128 + 13  # as a shell reports SIGPIPE
    except (OSError, zipfile.BadZipFile) as exc:  # in Danish, as the typer path does
        from assembler.cli_support import print_system_error

        print_system_error(exc)
        return 1
    except Exception as exc:  # a bug: a Danish message, never a traceback
        from assembler.cli_support import internal_error

        internal_error(exc)
    finally:
        forked.discard()  # a run stopped before its overview: stop and reap the child
        forked.allow(False)
        # Python's shutdown still runs the collector over every object left (the trees, the
        # tokens): about 5% of a 20-page pair. Frozen objects are skipped; they are freed as usual.
        gc.freeze()


def _load_output(workbook: bool) -> None:
    """Import the printing (and, for --oversigt, the workbook's) modules ahead of their use."""
    from importlib import import_module

    import_module("assembler.textable")
    if workbook:
        import_module("assembler.compare.xlsx")


def main() -> None:
    """Console-script entry point."""
    if sys.argv[1:2] == ["sammenlign"]:
        code = run_sammenlign(sys.argv[2:])
        if code is not None:
            sys.exit(code)
    from assembler.cli import main as cli_main

    cli_main()


if __name__ == "__main__":
    main()
