"""Read a filled answer sheet into typed Answers; every problem names its sheet!cell."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from assembler.answers.build import build_agreement, build_topic, check_sector
from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer
from assembler.answers.xlsx.cells import (
    FORMULA_MISSING,
    AnswerBook,
    Grid,
    for_param,
    is_blank,
    open_workbook,
    unescape,
)
from assembler.answers.xlsx.hidden import hidden_answers, hidden_sheet_problems
from assembler.answers.xlsx.layout import (
    EMPLOYEE_SHEET,
    EXAMPLE_MARK,
    LOCAL_HEADERS,
    LOCAL_SHEET,
    NOTE_HEADER,
    SCHEMA_SHEET,
    SCHEMA_VERSION,
    VARIANT_KEY,
    Field,
    employee_fields,
    local_fields,
    normalise_header,
)
from assembler.answers.xlsx.prescan import Prescan
from assembler.errors import AnswerError, problems_da
from assembler.library.model import Library, Topic
from assembler.library.values import ValueProblem, clean_text, parse_date

HEADER_SCAN = 10
MERGED = (
    "cellerne er flettet sammen, så kun den første række har en værdi. Ophæv "
    "sammenfletningen (Start > Flet og centrer), og skriv værdien i hver række"
)
NUMBER_KEY = ("parter", "medarbejdernummer")
NAME_KEY = ("parter", "navn")
SECTOR_CHECK = "gælder ikke for sektor"


@dataclass
class SheetResult:
    """What a sheet gave: valid answers, fatal problems, and problems per employee row."""

    answers: Answers | None
    problems: list[str] = field(default_factory=list)
    row_problems: dict[int, list[str]] = field(default_factory=dict)
    row_names: dict[int, str] = field(default_factory=dict)  # employee name of a row with problems
    rows: list[int] = field(default_factory=list)  # sheet row of each employee in answers

    @property
    def all_problems(self) -> list[str]:
        """Fatal problems first, then row problems in row order."""
        return self.problems + [p for r in sorted(self.row_problems) for p in self.row_problems[r]]


def _sheet(wb: AnswerBook, title: str, problems: list[str]) -> Grid | None:
    """A sheet by exact title, or a problem that names it and the sheets found."""
    if title not in wb.sheetnames:
        found = ", ".join(f"„{n}“" for n in wb.sheetnames)
        problems.append(
            f"arket „{title}“ mangler (fandt {found}). Omdøb arket tilbage, eller lav et nyt "
            "svarark med „aftale svarark“"
        )
        return None
    grid = wb.grid(title)
    problems += hidden_sheet_problems(grid)
    return grid


def _check_schema(wb: AnswerBook, library: Library) -> tuple[list[str], str]:
    """An old or foreign sheet is recognised by its hidden Skema sheet."""
    if SCHEMA_SHEET not in wb.sheetnames:
        return [
            f"arket „{SCHEMA_SHEET}“ mangler: filen er ikke et svarark fra „aftale svarark“"
        ], ""
    info = {str(r[0]): str(r[1]) for r in wb.rows(SCHEMA_SHEET) if len(r) > 1 and r[0]}
    version = info.get("skema", "")
    if version != SCHEMA_VERSION:
        return [
            f"svararket har skemaversion „{version or 'ukendt'}“, men denne version af aftale "
            "læser "
            f"„{SCHEMA_VERSION}“. Lav et nyt svarark med „aftale svarark“ og flyt svarene over"
        ], ""
    made_for = info.get("bibliotek", "")
    hint = ""
    if made_for and made_for != library.version_label:
        hint = (
            f"svararket er lavet til klausulbiblioteket {made_for}; biblioteket er nu "
            f"{library.version_label}. Lav et nyt svarark med „aftale svarark“, hvis felter mangler"
        )
    return [], hint


def _cell_problem(where: str, value: Any, check: Any) -> tuple[Any, str | None]:
    """Run a cleaning check on a value, turning ValueProblem into a located message."""
    try:
        return check(value), None
    except ValueProblem as exc:
        return None, f"{where}: {exc}"


def _header_columns(grid: Grid, wanted: set[str]) -> tuple[int, dict[str, int]]:
    """The header row (the one matching most wanted headers) and normalised header → column."""
    best_row, best = 1, dict[str, int]()
    for row in range(1, min(HEADER_SCAN, grid.rows) + 1):
        found: dict[str, int] = {}
        for col, value in enumerate(grid.values[row - 1], start=1):
            key = normalise_header(value)
            if key and key not in found:
                found[key] = col
        if len(wanted & set(found)) > len(wanted & set(best)):
            best_row, best = row, found
    return best_row, best


def _read_local(
    grid: Grid, library: Library, problems: list[str]
) -> tuple[dict[str, Any], dict[str, int], int]:
    """Lokalaftale answers as {key: raw value}, key → row, and the answer column (0: none)."""
    header_row, columns = _header_columns(grid, {normalise_header(h) for h in LOCAL_HEADERS})
    key_col = columns.get(normalise_header("Felt"))
    answer_col = columns.get(normalise_header("Svar"))
    for name, col in (("Felt", key_col), ("Svar", answer_col)):
        if col is None:
            problems.append(
                f"arket „{LOCAL_SHEET}“ mangler kolonnen „{name}“ (i række {header_row})"
            )
    if key_col is None or answer_col is None:
        return {}, {}, 0
    problems += [
        f"{where}: {MERGED}" for where in grid.merged_below(header_row, {key_col, answer_col})
    ]
    problems += hidden_answers(grid, header_row, {key_col, answer_col})
    known = {f.key for f in local_fields(library)} | {"sektor", "version", "dato"}
    raw: dict[str, Any] = {}
    rows: dict[str, int] = {}
    for row in range(header_row + 1, grid.rows + 1):
        key = str(grid.get(row, key_col) or "").strip()
        if not key:
            continue
        if key not in known:
            problems.append(
                f"{grid.ref(row, key_col)}: ukendt felt „{key}“ (findes ikke i biblioteket)"
            )
            continue
        if key in rows:
            problems.append(
                f"{grid.ref(row, key_col)}: feltet „{key}“ står også i række {rows[key]}"
            )
            continue
        rows[key] = row
        if (row, answer_col) in grid.formulas:
            problems.append(f"{grid.ref(row, answer_col)}: {FORMULA_MISSING}")
        raw[key] = grid.get(row, answer_col)
    return raw, rows, answer_col


def _nested(fields: list[Field], value_of: Any) -> dict[str, dict[str, Any]]:
    """{topic: {variant|param: raw}} for the fields that have a non-blank value."""
    raw: dict[str, dict[str, Any]] = {}
    for f in fields:
        value = value_of(f)
        if not is_blank(value):
            raw.setdefault(f.topic.id, {})[f.param.name if f.param else VARIANT_KEY] = value
    return raw


def read_answer_sheet(library: Library, path: Path, prescan: Prescan | None = None) -> SheetResult:
    """Read and check the whole workbook; never raises for content problems, only for bad files."""
    wb = open_workbook(path, prescan)
    problems, hint = _check_schema(wb, library)
    local_grid = _sheet(wb, LOCAL_SHEET, problems)
    employee_grid = _sheet(wb, EMPLOYEE_SHEET, problems)
    if problems or local_grid is None or employee_grid is None:
        return SheetResult(None, problems)
    local_raw, local_rows, answer_col = _read_local(local_grid, library, problems)
    if not answer_col:
        return SheetResult(None, problems)

    def local_ref(key: str) -> str:
        row = local_rows.get(key)
        return (
            local_grid.ref(row, answer_col)
            if row
            else f"{LOCAL_SHEET} (feltet {key} mangler i arket)"
        )

    sector, found = check_sector(unescape(local_raw.get("sektor")), local_ref("sektor"))
    problems += found
    sector_unknown = bool(found)
    version, issue = _cell_problem(
        local_ref("version"), unescape(local_raw.get("version")) or "Udkast", clean_text
    )
    date: dt.date | None = None
    if not is_blank(local_raw.get("dato")):
        date, issue2 = _cell_problem(local_ref("dato"), local_raw.get("dato"), parse_date)
        problems += [issue2] if issue2 else []
    problems += [issue] if issue else []
    if found:  # still check everything else; sector-specific checks need a valid sector
        sector = "stat"
    fields = local_fields(library)
    nested = _nested(fields, lambda f: for_param(f.param, local_raw.get(f.key)))
    local, found = build_agreement(
        library,
        "lokal",
        sector,
        nested,
        lambda t, n: local_ref(f"{t}.{n or VARIANT_KEY}"),
        origin=LOCAL_SHEET,
    )
    formula_refs = {local_grid.ref(r, c) for r, c in local_grid.formulas}
    problems += [p for p in found if p.split(": ")[0] not in formula_refs]
    result = SheetResult(None, problems)
    employees = _read_employees(employee_grid, library, sector, result)
    if hint and result.all_problems:
        result.problems.append(hint)
    if sector_unknown:
        result.problems = [p for p in result.problems if SECTOR_CHECK not in p]
        result.row_problems = {
            r: kept
            for r, ps in result.row_problems.items()
            if (kept := [p for p in ps if SECTOR_CHECK not in p])
        }
        return result
    result.answers = Answers(
        sector, str(version or "Udkast"), date, local, tuple(employees), str(path)
    )
    return result


def _read_employees(
    grid: Grid, library: Library, sector: str, result: SheetResult
) -> list[AgreementAnswers]:
    """One individual agreement per non-empty, non-example row; problems per row."""
    fields = employee_fields(library)
    wanted = {normalise_header(f.header) for f in fields}
    header_row, columns = _header_columns(grid, wanted)
    col_of: dict[str, int] = {}
    missing: list[str] = []
    for f in fields:
        col = columns.get(normalise_header(f.header))
        if col is not None:
            col_of[f.key] = col
        elif f.param is None or (f.param.required and f.param.default is None):
            missing.append(f.header)
    if missing:
        known = wanted | {normalise_header(NOTE_HEADER)}
        extra = [str(grid.get(header_row, c)) for k, c in columns.items() if k not in known]
        result.problems += [f"arket „{EMPLOYEE_SHEET}“ mangler kolonnen „{m}“" for m in missing]
        if extra:
            result.problems.append(
                f"arket „{EMPLOYEE_SHEET}“ har ukendte kolonner: "
                + ", ".join(f"„{e}“" for e in extra)
                + ". Overskrifterne skal stå præcis som i svararket"
            )
        return []
    note_col = columns.get(normalise_header(NOTE_HEADER))
    read_cols = set(col_of.values()) | ({note_col} if note_col else set())
    merged = grid.merged_below(header_row, read_cols)
    hidden = hidden_answers(grid, header_row, read_cols)
    if merged or hidden:
        result.problems += [f"{where}: {MERGED}" for where in merged] + hidden
        return []
    present = [f for f in fields if f.key in col_of]
    # Per topic, once: its columns (0-based) with the variant-or-parameter name and parameter
    groups = [
        (topic, [(col_of[f.key] - 1, f.param.name if f.param else VARIANT_KEY, f.param)
                 for f in present if f.topic is topic])
        for topic in library.for_agreement("individuel")
    ]  # fmt: skip
    answer_cols = [col for _, cells in groups for col, _, _ in cells]  # in field order
    # Each topic's cells of a row as one tuple, taken in C (a row shorter than the widest
    # column is padded first): the cache key below is made of them.
    widest = max(answer_cols, default=-1) + 1
    take = [(topic, cells, _cells_getter([col for col, _, _ in cells])) for topic, cells in groups]
    formula_rows = {r for r, _ in grid.formulas}
    example_mark = EXAMPLE_MARK.casefold()
    # A topic's answer depends only on its own cells (the sector is fixed for the sheet): answers
    # built without problems are kept by those cells, with each value's type (True, 1 and 1.0
    # are equal keys but different answers). A staff list repeats most answers row after row.
    built: dict[tuple[Any, ...], TopicAnswer | None] = {}
    kept = dict.fromkeys((topic.id for topic, _ in groups), 0)
    employees: list[AgreementAnswers] = []
    for row in range(header_row + 1, grid.rows + 1):
        line = grid.values[row - 1]
        width = len(line)
        if note_col and str(grid.get(row, note_col) or "").strip().casefold() == example_mark:
            continue
        formula_cols = (
            [c for c in answer_cols if (row, c + 1) in grid.formulas] if row in formula_rows else []
        )
        if not formula_cols and all(is_blank(line[c]) for c in answer_cols if c < width):
            continue
        problems = [f"{grid.ref(row, c + 1)}: {FORMULA_MISSING}" for c in formula_cols]
        formula_refs = {p.split(": ")[0] for p in problems}

        def locate(topic: str, name: str | None, row: int = row) -> str:
            col = col_of.get(f"{topic}.{name or VARIANT_KEY}")
            return (
                grid.ref(row, col)
                if col
                else f"{EMPLOYEE_SHEET}, række {row} ({topic}.{name or VARIANT_KEY})"
            )

        topics: dict[str, TopicAnswer] = {}
        padded = line if width >= widest else line + [None] * (widest - width)
        for topic, cells, get in take:
            values = get(padded)
            key = (topic.id, values, tuple(map(type, values)))
            answer = built.get(key, _UNSEEN)
            if answer is _UNSEEN:
                raw = {
                    name: for_param(param, value)
                    for (_, name, param), value in zip(cells, values, strict=True)
                    if not is_blank(value)
                }
                answer, found = build_topic(topic, sector, raw or None, locate)
                problems += [p for p in found if p.split(": ")[0] not in formula_refs]
                # a topic that differs in every row (the name) is not kept past PER_TOPIC
                if not found and kept[topic.id] < PER_TOPIC and len(built) < MAX_BUILT:
                    built[key] = answer
                    kept[topic.id] += 1
            if isinstance(answer, TopicAnswer):
                topics[topic.id] = answer
        if problems:
            result.row_problems[row] = problems
            name = _raw_name(line, groups)
            result.row_names[row] = str(name).strip() if isinstance(name, str | int) else ""
        else:
            employees.append(
                AgreementAnswers("individuel", topics, f"{EMPLOYEE_SHEET}, række {row}")
            )
            result.rows.append(row)
    _duplicate_numbers(grid, col_of, employees, result)
    return employees


def _cells_getter(cols: list[int]) -> Callable[[list[Any]], tuple[Any, ...]]:
    """A function giving the values at cols of a row as a tuple (itemgetter gives a bare value
    for one column)."""
    if len(cols) == 1:
        col = cols[0]
        return lambda line: (line[col],)
    if not cols:
        return lambda line: ()
    return itemgetter(*cols)


_UNSEEN = object()
MAX_BUILT = 100_000  # topic answers kept by their cells while reading one sheet (bounded)
PER_TOPIC = 1000  # ... and per topic


def _raw_name(line: list[Any], groups: list[tuple[Topic, list[tuple[int, str, Any]]]]) -> Any:
    """The employee's name as the row gives it (for rows left out because of problems)."""
    for topic, cells in groups:
        for col, name, param in cells:
            if (topic.id, name) == NAME_KEY and col < len(line) and not is_blank(line[col]):
                return for_param(param, line[col])
    return None


def _duplicate_numbers(
    grid: Grid, col_of: dict[str, int], employees: list[AgreementAnswers], result: SheetResult
) -> None:
    """Two rows with the same medarbejdernummer: a problem on the later row naming both rows."""
    col = col_of.get(".".join(NUMBER_KEY))
    if col is None:
        return
    first: dict[str, int] = {}
    for row, employee in zip(list(result.rows), employees, strict=True):
        number = str(employee.value(*NUMBER_KEY) or "").strip()
        if not number:
            continue
        if number in first:
            result.row_problems.setdefault(row, []).append(
                f"{grid.ref(row, col)}: medarbejdernummer {number} står også i række "
                f"{first[number]} ({grid.ref(first[number], col)}); hver medarbejder skal have "
                "sit eget nummer"
            )
            name = employee.value("parter", "navn")
            result.row_names[row] = str(name or "")
        else:
            first[number] = row
    keep = [
        (r, e) for r, e in zip(result.rows, employees, strict=True) if r not in result.row_problems
    ]
    employees[:] = [e for _, e in keep]
    result.rows[:] = [r for r, _ in keep]


def read_answers_xlsx(library: Library, path: Path, prescan: Prescan | None = None) -> Answers:
    """All-or-nothing: the answers, or AnswerError listing every problem with its sheet!cell."""
    result = read_answer_sheet(library, path, prescan)
    problems = result.all_problems
    if problems or result.answers is None:
        raise AnswerError(f"{path}: svararket indeholder {problems_da(len(problems))}:", problems)
    return result.answers


def read_answers_skipping(
    library: Library, path: Path, prescan: Prescan | None = None
) -> tuple[Answers, list[tuple[str, str, list[str]]]]:
    """Answers from the rows that are in order, and (row, name, problems) for each row left out.

    Problems outside the employee rows (the local agreement, the sheet's structure) still stop
    everything: no individual agreement makes sense without a valid local agreement.
    """
    result = read_answer_sheet(library, path, prescan)
    if result.problems or result.answers is None:
        problems = result.all_problems
        raise AnswerError(f"{path}: svararket indeholder {problems_da(len(problems))}:", problems)
    skipped = [
        (f"{EMPLOYEE_SHEET}, række {row}", result.row_names.get(row, ""), problems)
        for row, problems in sorted(result.row_problems.items())
    ]
    return result.answers, skipped
