"""Property: whatever a file holds, the outcome is success or a Danish error, never a traceback.

Answer files (YAML and JSON) and the parts of a .docx are mutated at random; each mutation is run
through the real command in this process (subprocesses would make each example cost a second).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import sys
import tempfile
import zipfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assembler.answers.files import read_answers
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.cli_support import INTERNAL_ERROR
from assembler.launch import main
from assembler.library import load_library
from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import ENGLISH, document_xml, minimal_docx

EXAMPLE = EXAMPLE_ANSWERS.read_text(encoding="utf-8")
EXAMPLE_JSON = json.dumps(yaml.safe_load(EXAMPLE), default=str, ensure_ascii=False, indent=1)
SNIPPETS = ["&a ", "*a", ".nan", ".inf", "2027-02-31", "!!python/object:os.system", "[[[[",
            "- - -", "{{ x }}", "\t", "\x00", "\ufeff", "'", '"', ":", "? ", "%YAML 1.1\n",
            "<<: *a", "0x1F", "1e999", "NaN", "-Infinity", "sektor: region\n", "=1+2"]  # fmt: skip
# 40 fixed examples per property in CI; AFTALE_HYPOTHESIS_EXAMPLES=300 explores at random.
DEEP = os.environ.get("AFTALE_HYPOTHESIS_EXAMPLES")
SETTINGS = settings(
    max_examples=int(DEEP or 40),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=DEEP is None,
)
INTERNAL = INTERNAL_ERROR.split("(")[0]
ACTIONS = ["cut", "flip", "drop", "rename", "doctype", "junk", "root", "add"]
ADDED = ["word/vbaProject.bin", "word/comments.xml", "customXml/item9.xml", "word/" + "a" * 200]


def _run(*args: str) -> tuple[int, str, str]:
    """The CLI in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    argv = sys.argv
    sys.argv = ["aftale", *args]
    code = 0
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    return code, out.getvalue(), err.getvalue()


def _assert_danish_outcome(code: int, out: str, err: str) -> None:
    """Success, findings (exit 1 from tjek) or 'Fejl: …' in Danish; never a bug or English."""
    assert code in (0, 1), (code, err)
    assert INTERNAL not in err, err
    if err.strip():
        assert err.startswith("Fejl: "), err
    for word in ENGLISH:
        assert word not in err, (word, err)


@st.composite
def mutated_text(draw: st.DrawFn, base: str) -> str:
    """The text with a few random edits: lines deleted or doubled, snippets put in, cut short."""
    lines = base.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "double", "insert", "replace_char", "cut"]))
        if action == "delete":
            del lines[at]
        elif action == "double":
            lines.insert(at, lines[at])
        elif action == "insert":
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(SNIPPETS)) + lines[at][column:]
        elif action == "replace_char" and lines[at]:
            column = draw(st.integers(0, len(lines[at]) - 1))
            char = draw(st.sampled_from([*":&*[]{}!-'\"#|>%@`,\\", "\t", "æ"]))
            lines[at] = lines[at][:column] + char + lines[at][column + 1 :]
        else:
            lines = lines[: at + 1]
    return "".join(lines)


@SETTINGS
@given(text=mutated_text(EXAMPLE))
def test_mutated_yaml_answers_give_success_or_a_danish_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _assert_danish_outcome(*_run("tjek", str(path)))


@SETTINGS
@given(text=mutated_text(EXAMPLE_JSON))
def test_mutated_json_answers_give_success_or_a_danish_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.json"
        path.write_text(text, encoding="utf-8")
        _assert_danish_outcome(*_run("tjek", str(path)))


def _draft_parts() -> dict[str, bytes]:
    """The parts of a small valid draft."""
    with zipfile.ZipFile(io.BytesIO(minimal_docx(document_xml()))) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


@st.composite
def mutated_package(draw: st.DrawFn) -> bytes:
    """A .docx whose parts were cut, flipped, dropped, renamed or given a DOCTYPE."""
    parts = _draft_parts()
    for _ in range(draw(st.integers(1, 3))):
        name = draw(st.sampled_from(sorted(parts)))
        data = parts[name]
        action = draw(st.sampled_from(ACTIONS))
        if action == "cut":
            parts[name] = data[: draw(st.integers(0, len(data)))]
        elif action == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            parts[name] = data[:at] + bytes([data[at] ^ draw(st.integers(1, 255))]) + data[at + 1 :]
        elif action == "drop":
            del parts[name]
        elif action == "rename":
            parts[draw(st.sampled_from(["word/Document.xml", "x/../y.xml", "word/a b.xml"]))] = (
                parts.pop(name)
            )
        elif action == "doctype":
            parts[name] = b'<!DOCTYPE x [<!ENTITY e "e">]>' + data
        elif action == "root":  # the same part under another root element (html, styles …)
            root = draw(st.sampled_from([b"html", b"w:styles", b"w:document", b"w:body"]))
            parts[name] = re.sub(rb"<(/?)[\w:]+", rb"<\1" + root, data, count=1)
        elif action == "add":  # a part Word would run or could not open
            added = draw(st.sampled_from(ADDED))
            parts[added] = draw(st.sampled_from([b"", b"<x>", b"\x00\x01", b"<?xml?><x/>"]))
        else:
            parts[name] = draw(st.binary(max_size=200))
        if not parts:
            break
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@SETTINGS
@given(package=mutated_package())
def test_mutated_docx_parts_give_success_or_a_danish_error(package: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "udkast.docx"
        path.write_bytes(package)
        _assert_danish_outcome(*_run("tjek", str(path), "--sektor", "stat", "--overskriv"))
        first = Path(folder) / "forrige.docx"
        first.write_bytes(minimal_docx())
        redline = str(Path(folder) / "r.docx")
        _assert_danish_outcome(*_run("sammenlign", str(first), str(path), "-o", redline,
                                     "--overskriv", "--tillad-afvigelser"))  # fmt: skip


def _sheet_parts() -> dict[str, bytes]:
    """The parts of the example's answer sheet (written once)."""
    library = load_library()
    data = answer_sheet_bytes(library, read_answers(library, EXAMPLE_ANSWERS))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist()}


SHEET = _sheet_parts()
EMPLOYEES = next(n for n, d in SHEET.items() if n.startswith("xl/worksheets/") and b"10877" in d)
CELL_VALUES = [b"NaN", b"INF", b"-1e308", b"1e308", b"", b"abc", b"46812.5", b"-0"]
REFERENCES = [b"XFD1048576", b"B1048576", b"XFD4", b"A99999999", b"ZZ60000", b"A0", b"4"]


@st.composite
def mutated_sheet(draw: st.DrawFn) -> bytes:
    """The answer sheet with cell values and references replaced, far or impossible."""
    parts = dict(SHEET)
    xml = parts[EMPLOYEES]
    for _ in range(draw(st.integers(1, 3))):
        values = [m.span(1) for m in re.finditer(rb"<v>([^<]*)</v>", xml)]
        refs = [m.span(1) for m in re.finditer(rb'<c r="([A-Z]+\d+)"', xml)]
        spans, choices = (values, CELL_VALUES) if draw(st.booleans()) else (refs, REFERENCES)
        start, end = draw(st.sampled_from(spans))
        xml = xml[:start] + draw(st.sampled_from(choices)) + xml[end:]
    parts[EMPLOYEES] = xml
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@SETTINGS
@given(sheet=mutated_sheet())
def test_mutated_answer_sheets_give_success_or_a_danish_error(sheet: bytes) -> None:
    """A far reference would make the reader allocate gigabytes: the process would abort here."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "svar.xlsx"
        path.write_bytes(sheet)
        _assert_danish_outcome(*_run("tjek", str(path)))
