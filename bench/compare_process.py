"""Whole-process race of `aftale sammenlign` against other redline tools, each started as a command.

Used by `python bench/compare.py --hele-processer`. Each pair is run by every tool in turn (A B C
D A B C D …, so a drifting machine load hits them alike); the median wall time and the median peak
memory of the whole process (start-up and imports included) are printed with the ratio of each
peer to aftale, and whether the tool's redline gives the newer version on accept-all and the older
on reject-all (by the self-check's views, assembler/compare/selfcheck.py).

Peers are optional (`pip install -e ".[bench]"`): docx-trackdiff and jubarte-redlines (both
started as their own commands) and Docxodus (python-redlines, started as a Python command). A
peer that is not installed is left out with the reason printed. Before timing, our package is
byte-compiled, as a regular install is, so no run pays for compiling source; the clause
library's snapshot is built by the first, uncounted round, as by any earlier aftale command.

Two more commands run in the same turns, to show where aftale's time goes: the same command with
the self-check switched off, and with the change overview's rows switched off (its modules are
still imported). Their CPU time against the full command's, run by run, gives each step's share.
"""

from __future__ import annotations

import compileall
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCXODUS_SCRIPT = (
    "import sys\n"
    "from python_redlines.engines import DocxodusEngine\n"
    "a, b, out = sys.argv[1:4]\n"
    "result = DocxodusEngine().run_redline('bench', open(a, 'rb').read(), open(b, 'rb').read())\n"
    "open(out, 'wb').write(result[0] if isinstance(result, tuple) else result)\n"
)


@dataclass
class Tool:
    """A redline tool started as a command: argv for (old, new, out)."""

    name: str
    argv: Callable[[Path, Path, Path], list[str]]


@dataclass
class Runs:
    """Wall seconds, CPU seconds and peak MiB of each run of one tool on one pair."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: list[float] = field(default_factory=list)
    roundtrip: str = "-"


def tools() -> tuple[list[Tool], list[str]]:
    """aftale and the installed peers; the reasons for peers left out."""
    bin_dir = Path(sys.executable).parent
    found: list[Tool] = []
    missing: list[str] = []
    aftale = shutil.which("aftale", path=str(bin_dir)) or shutil.which("aftale")
    if aftale is None:
        raise SystemExit("aftale er ikke installeret i dette miljø (pip install -e .).")
    found.append(Tool("aftale", lambda a, b, o: [aftale, *aftale_args(a, b, o)]))
    trackdiff = shutil.which("docx-trackdiff", path=str(bin_dir)) or shutil.which("docx-trackdiff")
    if trackdiff:
        found.append(Tool("docx-trackdiff", lambda a, b, o: [trackdiff, str(a), str(b), str(o)]))
    else:
        missing.append("docx-trackdiff er ikke installeret (pip install -e '.[bench]')")
    jubarte = shutil.which("jubarte-redlines", path=str(bin_dir)) or shutil.which(
        "jubarte-redlines"
    )
    if jubarte:
        found.append(
            Tool(
                "jubarte-redlines",
                lambda a, b, o: [
                    jubarte,
                    "compare",
                    str(a),
                    str(b),
                    "-o",
                    str(o),
                    "--force",
                    "-d",
                    "2026-01-01T00:00:00Z",
                ],
            )
        )
    else:
        missing.append("jubarte-redlines er ikke installeret (pip install -e '.[bench]')")
    probe = subprocess.run(
        [sys.executable, "-c", "import python_redlines.engines"], capture_output=True, check=False
    )
    if probe.returncode == 0:
        found.append(
            Tool(
                "Docxodus",
                lambda a, b, o: [sys.executable, "-c", DOCXODUS_SCRIPT, str(a), str(b), str(o)],
            )
        )
    else:
        missing.append("Docxodus (python-redlines[docxodus]) er ikke installeret")
    return found, missing


# The full command with one step patched out, started like the console script.
WITHOUT = {
    "uden selvkontrol": "import assembler.compare.packages as p; p.check = lambda *a: []",
    "uden oversigt": (  # nor the child that would assess the versions beside the comparison
        # rounds.py imports describe_rounds from the overview when it calls it: patched there
        "import assembler.compare.overview as o; o.describe_rounds = lambda *a, **k: None\n"
        "import assembler.compare.forked as f; f.start = lambda *a: None"
    ),
}
LAUNCH = "\nfrom assembler.launch import main\nmain()\n"
# The patches import the engine before launch.py would load lxml its own way (lxml_start: without
# inspect), so they load it that way first: otherwise each share would include inspect's 37 M.
PRELUDE = "from assembler.lxml_start import load_etree\nload_etree()\n"


def parts() -> list[Tool]:
    """aftale with its self-check, and with its overview, switched off."""

    def command(patch: str) -> Callable[[Path, Path, Path], list[str]]:
        def argv(a: Path, b: Path, o: Path) -> list[str]:
            return [sys.executable, "-c", PRELUDE + patch + LAUNCH, *aftale_args(a, b, o)]

        return argv

    return [Tool(name, command(patch)) for name, patch in WITHOUT.items()]


def aftale_args(a: Path, b: Path, o: Path) -> list[str]:
    """`aftale sammenlign`'s arguments in every run: one author and date, no questions asked."""
    return [
        "sammenlign", str(a), str(b), "-o", str(o), "--overskriv", "--tillad-afvigelser",
        "--forfatter", "bench", "--dato", "2026-01-01",
    ]  # fmt: skip


TIME = Path("/usr/bin/time")  # GNU time: the peak of the command itself, not of this process


def run_once(argv: list[str], work: Path) -> tuple[float, float, float, int]:
    """Wall seconds, CPU seconds (user + system), peak MiB and exit code of one command.

    A forked child starts with this (larger) process's peak, so the peak is read by GNU time
    after exec when it is installed; wait4's figure is the fallback.
    """
    report = work / "peak.txt"
    wrapped = [str(TIME), "-f", "%M", "-o", str(report), *argv] if TIME.exists() else argv
    start = time.perf_counter()
    proc = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    cpu = usage.ru_utime + usage.ru_stime
    peak_kb = float(usage.ru_maxrss)
    if TIME.exists():
        text = report.read_text(encoding="utf-8").strip().splitlines()
        peak_kb = float(text[-1]) if text and text[-1].isdigit() else peak_kb
    return wall, cpu, peak_kb / 1024, code


def race(
    pairs: list[tuple[str, Path, Path]],
    work: Path,
    repeats: int,
    views_ok: Callable[[bytes, bytes, bytes], str],
) -> None:
    """Run every pair through every tool in turn and print the table."""
    compileall.compile_dir(str(ROOT / "assembler"), quiet=1)
    found, missing = tools()
    for reason in missing:
        print(f"Udeladt: {reason}")
    peers = [t.name for t in found[1:]]
    steps = parts()
    head = f"{'par':40} {'aftale s':>8} {'cpu s':>6} {'MiB':>4}"
    for name in peers:
        head += f" | {name[:16]:>16} s {'MiB':>4} {'forhold':>7} {'cpu':>5}"
    head += " | selvkontrol oversigt"
    print(head + " | round-trip (aftale, " + ", ".join(peers) + ")")
    for label, old, new in pairs:
        runs = {t.name: Runs() for t in [*found, *steps]}
        for k in range(repeats + 1):  # the first round warms the file cache and is not counted
            for tool in [*found, *steps]:
                out = work / f"{tool.name}.docx"
                out.unlink(missing_ok=True)
                wall, cpu, peak, code = run_once(tool.argv(old, new, out), work)
                if k == 0 and tool in steps:
                    continue
                if k == 0:
                    ok = out.exists() and code in (0, 3)
                    runs[tool.name].roundtrip = (
                        views_ok(out.read_bytes(), old.read_bytes(), new.read_bytes())
                        if ok
                        else f"fejl (kode {code})"
                    )
                    continue
                runs[tool.name].wall.append(wall)
                runs[tool.name].cpu.append(cpu)
                runs[tool.name].peak.append(peak)
        ours = runs["aftale"]
        line = (
            f"{label[:40]:40} {statistics.median(ours.wall):8.3f} "
            f"{statistics.median(ours.cpu):6.3f} {statistics.median(ours.peak):4.0f}"
        )
        for name in peers:
            theirs = runs[name]
            # Ratios are taken run by run (the tools ran one after the other), then the median.
            wall_ratio = statistics.median(
                a / b for a, b in zip(ours.wall, theirs.wall, strict=True)
            )
            cpu_ratio = statistics.median(a / b for a, b in zip(ours.cpu, theirs.cpu, strict=True))
            line += (
                f" | {statistics.median(theirs.wall):18.3f} {statistics.median(theirs.peak):4.0f}"
                f" {wall_ratio:6.2f}x {cpu_ratio:5.2f}"
            )
        shares = [
            statistics.median(
                (a - b) / a for a, b in zip(ours.cpu, runs[step.name].cpu, strict=True)
            )
            for step in steps
        ]
        line += f" | {shares[0]:10.0%} {shares[1]:8.0%}"
        flags = ", ".join(runs[t.name].roundtrip for t in found)
        print(f"{line} | {flags}", flush=True)
    print(
        "forhold = aftale-tid / peer-tid for hele processen (under 1 betyder, at aftale er "
        "hurtigst), cpu = samme forhold for CPU-tid (bruger + system); medianer af forholdene "
        "kørsel for kørsel, værktøjerne kørt på skift. selvkontrol og oversigt = den andel af "
        "aftales CPU-tid, der forsvinder, når selvkontrollen eller oversigtens rækker slås fra."
    )
