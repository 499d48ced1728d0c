"""The console script starts `aftale sammenlign` without typer when the call is plain; the result
is the same as through the typer app, and anything unusual still goes to typer."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from assembler import launch
from assembler.cli import app
from tests.acceptance.cli_helpers import Result, run_cli
from tests.unit.compare.scenarios import scenarios


def run_launch(capsys: pytest.CaptureFixture[str], *args: str) -> Result:
    """Call the console script's entry point in-process."""
    argv = sys.argv
    sys.argv = ["aftale", *args]
    try:
        launch.main()
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    captured = capsys.readouterr()
    return Result(code, captured.out, captured.err)


def test_option_table_matches_the_typer_command() -> None:
    import typer.main

    command = typer.main.get_command(app).commands["sammenlign"]  # type: ignore[attr-defined]
    declared: dict[str, tuple[str, str]] = {}
    for param in command.params:
        if param.param_type_name != "option" or param.name == "help":
            continue
        kind = "flag" if param.is_flag else ("many" if param.multiple else "path")
        for opt in param.opts:
            declared[opt] = (param.name, kind)
    assert declared == launch.SAMMENLIGN_OPTIONS


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        [],
        ["v1.docx", "--ukendt"],
        ["v1.docx", "v2.docx", "-o"],
        ["v1.docx", "v2.docx", "-o", "a.docx", "-o", "b.docx"],
        ["v1.docx", "--overskriv=ja"],
        ["--", "v1.docx"],
    ],
)
def test_unusual_calls_are_left_to_typer(args: list[str]) -> None:
    assert launch.parse_sammenlign(args) is None


def test_plain_call_is_parsed_like_typer() -> None:
    got = launch.parse_sammenlign(
        [
            "a.docx",
            "--forfatter",
            "TR",
            "b.docx",
            "--ud=r.docx",
            "--dato",
            "2026-03-01",
            "--forfatter=Ledelsen",
            "--overskriv",
            "--tillad-afvigelser",
        ]
    )
    assert got == {
        "versioner": [Path("a.docx"), Path("b.docx")],
        "forfatter": ["TR", "Ledelsen"],
        "dato": ["2026-03-01"],
        "ud": Path("r.docx"),
        "overskriv": True,
        "tillad_afvigelser": True,
    }


def test_fast_path_and_typer_path_give_the_same_redline(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = scenarios()["flyttet"]
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    common = [str(tmp_path / "v1.docx"), str(tmp_path / "v2.docx"), "--dato", "2026-03-01"]
    fast = run_launch(capsys, "sammenlign", *common, "-o", str(tmp_path / "a.docx"))
    slow = run_cli(capsys, "sammenlign", *common, "-o", str(tmp_path / "b.docx"))
    assert (fast.code, slow.code) == (0, 0)
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    assert fast.out.replace("a.docx", "X") == slow.out.replace("b.docx", "X")
    assert fast.err == slow.err == ""


def test_fast_path_reports_errors_in_danish(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    result = run_launch(capsys, "sammenlign", str(tmp_path / "mangler.docx"), str(tmp_path / "b"))
    assert result.code == 1
    assert result.err.startswith("Fejl: ")
    assert "findes ikke" in result.err
    assert "Traceback" not in result.err


def test_help_still_comes_from_typer(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_launch(capsys, "sammenlign", "--help")
    assert result.code == 0
    assert "--tillad-afvigelser" in result.out
    assert "Brug: " in result.out


@pytest.mark.parametrize("code", [0, 3])
def test_the_program_ends_without_teardown_but_with_everything_said(
    tmp_path: Path, code: int
) -> None:
    """Started as a program, `sammenlign` skips the interpreter's teardown (launch.quick_exit):
    the exit code, everything printed, the written redline and the exit functions remain."""
    import subprocess
    import zipfile

    from tests.unit.compare.fixtures import make_docx, para

    old, new = scenarios()["ord"]
    if code == 3:  # the older footer has no place in the newer package: a deviation, exit 3
        old = make_docx([para("Aftalen gælder fra 1. marts.")], footer=[para("Side 1")])
        new = make_docx([para("Aftalen gælder fra 1. april.")])
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    script = (
        "import atexit\n"
        "atexit.register(lambda: print('exit-funktion kørt'))\n"
        "from assembler.launch import main\n"
        "main()\n"
    )
    out = tmp_path / "r.docx"
    args = ["sammenlign", str(tmp_path / "v1.docx"), str(tmp_path / "v2.docx"), "-o", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == code, done.stderr
    assert done.stdout.rstrip().endswith("exit-funktion kørt")
    assert f"Skrev {out}" in done.stdout
    assert "Traceback" not in done.stderr
    assert zipfile.ZipFile(out).testzip() is None
