"""Every command's help is Danish: no Python type names, no English labels, paragraphs that flow."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.acceptance.cli_helpers import run_cli

COMMANDS = ["generer", "demo", "tjek", "modforslag", "sammenlign", "svarark", "klausuler",
            "regler", "server"]  # fmt: skip
ENGLISH = re.compile(
    r"<(bool|path|file|str|int|list\[[A-Za-z]+\])>|env var|Usage|Options|Show this"
)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_what_each_option_takes_in_danish(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    result = run_cli(capsys, command, "--help")
    assert result.code == 0
    assert not ENGLISH.search(result.out), result.out
    assert "Brug: aftale" in result.out and "Tilvalg" in result.out


def test_option_words(capsys: pytest.CaptureFixture[str]) -> None:
    generer = run_cli(capsys, "generer", "--help").out
    assert re.search(r"--ud\s.*MAPPE", generer)
    assert re.search(r"--bibliotek\s.*MAPPE", generer)
    assert re.search(r"svar\s+FIL", generer)
    server = run_cli(capsys, "server", "--help").out
    assert re.search(r"--port\s+TAL", server) and "[miljøvariabel: AFTALE_ADGANGSKODE]" in server


def test_a_docstring_paragraph_flows_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    out = run_cli(capsys, "sammenlign", "--help").out
    lines = [line.strip() for line in out.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Den nyeste version"))
    paragraph = " ".join(lines[start : lines.index("", start)])
    assert "(indsat, slettet, flyttet, formatering), så hver ændring" in paragraph


def test_help_loads_markdown_only_when_markdown_is_rendered() -> None:
    """`aftale --help` does not import markdown-it; a Markdown text still renders for real."""
    script = (
        "import sys; sys.argv = ['aftale', '--help']\n"
        "from assembler.launch import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'markdown_it' not in sys.modules, 'markdown-it was imported'\n"
        "import typer.rich_utils as r\n"
        "from rich.console import Console\n"
        "console = Console(record=True, width=40)\n"
        "console.print(r.Markdown('**fed** tekst'))\n"
        "assert 'markdown_it' in sys.modules and 'fed tekst' in console.export_text()\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
