"""Benchmark `aftale sammenlign` against other redline engines: python bench/compare.py.

Default (in-process): our engine against python-redlines' Docxodus as library calls. With
--hele-processer: `aftale sammenlign`, docx-trackdiff, jubarte-redlines and Docxodus started as
commands, in turn, on the same pair (bench/compare_process.py), with median wall time, peak memory
and the ratio to each peer. Pairs: the Word-authored pairs in ../shared/corpus/redline/ (when
present), the demo's negotiation round and generated agreements of about 5, 20, 50 and 500 pages;
for each tool, whether accept-all gives the newer version and reject-all the older one (by the
self-check's views, independent of any writer).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assembler.compare.packages import compare_packages  # noqa: E402
from assembler.ooxml.package import read_package  # noqa: E402
from tests.unit.compare.oracle import document_view  # noqa: E402  (one oracle for tests and bench)

sys.path.insert(0, str(ROOT / "bench"))
from compare_process import race  # noqa: E402


def _corpus() -> Path:
    """../shared/corpus/redline from the checkout, also from a worktree one level deeper."""
    env = os.environ.get("AFTALE_CORPUS")
    if env:
        return Path(env)
    for base in ROOT.parents:
        if (base / "shared" / "corpus" / "redline").is_dir():
            return base / "shared" / "corpus" / "redline"
    return ROOT.parent / "shared" / "corpus" / "redline"


CORPUS = _corpus()
PAIRS = [
    ("CA001-Plain", "CA001-Plain-Mod"),
    ("WC001-Digits", "WC001-Digits-Mod"),
    ("WC002-Unmodified", "WC002-DiffInMiddle"),
    ("WC004-Large", "WC004-Large-Mod"),
    ("WC006-Table", "WC006-Table-Delete-Row"),
    ("WC027-Twenty-Paras-Before", "WC027-Twenty-Paras-After-1"),
    ("WC027-Twenty-Paras-After-1", "WC027-Twenty-Paras-After-2"),
    ("WC027-Twenty-Paras-After-2", "WC027-Twenty-Paras-After-3"),
    ("WC033-Merged-Cells-Before", "WC033-Merged-Cells-After1"),
    ("WC033-Merged-Cells-Before", "WC033-Merged-Cells-After2"),
    ("WC034-Footnotes-Before", "WC034-Footnotes-After1"),
    ("WC034-Footnotes-Before", "WC034-Footnotes-After3"),
    ("RP015-MoveFrom-MoveTo-Rejected", "RP015-MoveFrom-MoveTo-Accepted"),
    ("RP022-NumberingChange-Rejected", "RP022-NumberingChange-Accepted"),
    ("HC031-Complicated-Document", "HC031-Complicated-Document"),
]
WORDS = [
    "medarbejderen",
    "arbejder",
    "hjemme",
    "efter",
    "aftale",
    "med",
    "lederen",
    "og",
    "skal",
    "være",
    "tilgængelig",
    "i",
    "den",
    "normale",
    "arbejdstid",
    "hvor",
    "arbejdsgiveren",
    "stiller",
    "udstyr",
    "til",
    "rådighed",
]


def agreement(pages: int, seed: int, edited: bool) -> bytes:
    """A generated agreement of about `pages` pages (≈ 12 paragraphs of 40 words per page)."""
    rnd = random.Random(seed)
    document = docx.Document()
    clauses = max(1, pages)
    texts = []
    for c in range(clauses):
        texts.append(("h", f"Punkt {c + 1}: {' '.join(rnd.choices(WORDS, k=3))}"))
        for _ in range(11):
            texts.append(("p", " ".join(rnd.choices(WORDS, k=40)) + "."))
    if edited:
        erng = random.Random(seed + 1)
        for _ in range(max(3, len(texts) // 40)):
            k = erng.randrange(len(texts))
            kind, text = texts[k]
            words = text.split()
            words[erng.randrange(len(words))] = "ændret"
            texts[k] = (kind, " ".join(words))
        del texts[len(texts) // 3]
        texts.insert(
            len(texts) // 2, ("p", "Et nyt afsnit om kørsel og befordring mellem hjem og arbejde.")
        )
        texts.append(texts.pop(5))
    for kind, text in texts:
        if kind == "h":
            document.add_heading(text, 1)
        else:
            document.add_paragraph(text)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def views_ok(redline: bytes, old: bytes, new: bytes) -> str:
    """'ok' when accept-all == newer and reject-all == older (body text), else what failed."""
    try:
        acc = document_view(redline, "accept")["body"] == document_view(new, "accept")["body"]
        rej = document_view(redline, "reject")["body"] == document_view(old, "reject")["body"]
    except Exception as exc:  # the bench reports, never stops
        return f"fejl ({type(exc).__name__})"
    return "ok" if acc and rej else ("accept≠" if not acc else "") + ("reject≠" if not rej else "")


def ours(old: Path, new: Path) -> tuple[float, bytes]:
    """Time our engine including reading and writing the package."""
    start = time.perf_counter()
    data = compare_packages(
        read_package(old), read_package(new), "bench", "2026-01-01T00:00:00Z"
    ).data
    return time.perf_counter() - start, data


def docxodus() -> object | None:
    """The Docxodus engine, or None with the reason printed."""
    try:
        from python_redlines.engines import DocxodusEngine

        return DocxodusEngine()
    except Exception as exc:
        print(f"Docxodus kan ikke køre her: {exc}")
        return None


def theirs(engine: object, old: Path, new: Path) -> tuple[float, bytes | None]:
    """Time Docxodus on the same files."""
    start = time.perf_counter()
    try:
        result = engine.run_redline("bench", old.read_bytes(), new.read_bytes())  # type: ignore[attr-defined]
    except Exception as exc:
        print(f"  Docxodus fejlede: {exc}")
        return time.perf_counter() - start, None
    data = result[0] if isinstance(result, tuple) else result
    return time.perf_counter() - start, data


def pairs(tmp: Path) -> list[tuple[str, Path, Path]]:
    """The corpus pairs (when present), the demo's round and generated agreements."""
    found: list[tuple[str, Path, Path]] = []
    if CORPUS.exists():
        found += [
            (f"{a} → {b}", CORPUS / f"{a}.docx", CORPUS / f"{b}.docx")
            for a, b in PAIRS
            if (CORPUS / f"{a}.docx").exists() and (CORPUS / f"{b}.docx").exists()
        ]
    else:
        print(f"Korpus ikke fundet ({CORPUS}); kun demoen og genererede aftaler.")
    demo = tmp / "demo"
    made = subprocess.run(
        [sys.executable, "-m", "assembler.launch", "demo", "-o", str(demo)],
        capture_output=True,
        text=True,
        check=False,
    )
    if made.returncode == 0:
        found.append(
            (
                "demoens lokalaftale, runde 1 → 2",
                demo / "lokalaftale.docx",
                demo / "forhandling" / "lokalaftale-modpartens-udkast.docx",
            )
        )
    else:
        print(f"Demoen kunne ikke laves: {made.stderr[-300:]}")
    for pages in (5, 20, 50, 500):
        old, new = tmp / f"agreement{pages}-v1.docx", tmp / f"agreement{pages}-v2.docx"
        old.write_bytes(agreement(pages, pages, False))
        new.write_bytes(agreement(pages, pages, True))
        found.append((f"genereret aftale, ~{pages} sider", old, new))
    return found


def in_process(found: list[tuple[str, Path, Path]]) -> None:
    """Both engines in this process: our compare_packages against Docxodus' library call."""
    engine = docxodus()
    print(f"{'par':58} {'aftale s':>9} {'Docxodus s':>10} {'forhold':>8}  aftale  Docxodus")
    for name, old, new in found:
        ours(old, new)  # warm-up (imports, caches)
        t_ours, data = ours(old, new)
        ok_ours = views_ok(data, old.read_bytes(), new.read_bytes())
        if engine is not None:
            t_theirs, theirs_data = theirs(engine, old, new)
            ok_theirs = (
                views_ok(theirs_data, old.read_bytes(), new.read_bytes()) if theirs_data else "-"
            )
            ratio = f"{t_theirs / t_ours:7.1f}x"
            their_s = f"{t_theirs:10.3f}"
        else:
            ok_theirs, ratio, their_s = "-", "-", "-"
        print(f"{name[:58]:58} {t_ours:9.3f} {their_s:>10} {ratio:>8}  {ok_ours:6}  {ok_theirs}")
    print("forhold = Docxodus-tid / aftale-tid (over 1 betyder, at aftale er hurtigst).")


def main() -> None:
    """Run every pair in-process (default) or as whole processes, and print a table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--hele-processer",
        action="store_true",
        help="start aftale sammenlign, docx-trackdiff, jubarte-redlines og Docxodus som kommandoer",
    )
    parser.add_argument("--gange", type=int, default=5, help="kørsler pr. værktøj og par")
    parser.add_argument("--kun", default="", help="kun par, hvis navn indeholder denne tekst")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="aftale-bench-"))
    found = [p for p in pairs(tmp) if args.kun in p[0]]
    if args.hele_processer:
        race(found, tmp, args.gange, views_ok)
    else:
        in_process(found)


if __name__ == "__main__":
    main()
