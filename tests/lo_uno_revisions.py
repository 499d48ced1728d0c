"""Accept-all / reject-all in LibreOffice through UNO; run with /usr/bin/python3 (Debian's uno).

Usage: /usr/bin/python3 tests/lo_uno_revisions.py JOBS.json RESULT.json

JOBS.json is a list of {"id": str, "path": str, "view": "accept" | "reject" | "asis",
"pdf": optional output path}. One soffice is started for all jobs, with its own profile in a
temporary folder. RESULT.json maps each job id to {"body": [...], "headers": [...],
"footnotes": [...], "endnotes": [...], "redlines_left": int} or {"error": str}.
This file must not import anything from the project: it is an independent oracle.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

DISPATCH = {"accept": ".uno:AcceptAllTrackedChanges", "reject": ".uno:RejectAllTrackedChanges"}


def prop(name: str, value: object) -> object:
    """A com.sun.star.beans.PropertyValue."""
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def start(profile: Path) -> tuple[subprocess.Popen[bytes], object]:
    """Start soffice headless and return the process and its desktop."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("soffice mangler")
    pipe = f"aftale_lo_{os.getpid()}"
    proc = subprocess.Popen(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            f"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    deadline = time.monotonic() + 90
    while True:
        try:
            ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            break
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise SystemExit("soffice kunne ikke startes") from None
            time.sleep(0.2)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
    return proc, (desktop, dispatcher)


def text_lines(text: object) -> list[str]:
    """Paragraphs and tables of a text, tables flattened cell by cell."""
    lines: list[str] = []
    enum = text.createEnumeration()
    while enum.hasMoreElements():
        el = enum.nextElement()
        if el.supportsService("com.sun.star.text.TextTable"):
            lines.append("[tabel]")
            for name in el.getCellNames():
                lines.append(f"[celle {name}]")
                lines.extend(text_lines(el.getCellByName(name)))
        elif el.supportsService("com.sun.star.text.Paragraph"):
            lines.append(el.getString())
    return lines


def header_footer(doc: object) -> list[str]:
    """Header and footer texts of every page style that has them switched on."""
    out: list[str] = []
    styles = doc.getStyleFamilies().getByName("PageStyles")
    for name in sorted(styles.getElementNames()):
        style = styles.getByName(name)
        for kind in ("Header", "Footer"):
            if not style.getPropertyValue(f"{kind}IsOn"):
                continue
            for variant in ("Text", "TextLeft", "TextFirst"):
                try:
                    part = style.getPropertyValue(f"{kind}{variant}")
                except Exception:
                    continue
                if part is not None:
                    lines = text_lines(part)
                    if any(lines):
                        out.append(f"{kind}{variant}: " + " / ".join(lines))
    return sorted(set(out))


def notes(collection: object) -> list[str]:
    """The text of every footnote or endnote, in order."""
    return [collection.getByIndex(k).getString() for k in range(collection.getCount())]


def run_job(desktop: object, dispatcher: object, job: dict[str, str]) -> dict[str, object]:
    """Load one document, accept/reject all, read its text; optionally export a PDF."""
    url = Path(job["path"]).resolve().as_uri()
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (prop("Hidden", True),))
    if doc is None:
        return {"error": "kunne ikke åbnes"}
    try:
        if job["view"] in DISPATCH:
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, DISPATCH[job["view"]], "", 0, ())
        result: dict[str, object] = {
            "body": text_lines(doc.getText()),
            "headers": header_footer(doc),
            "footnotes": notes(doc.getFootnotes()),
            "endnotes": notes(doc.getEndnotes()),
            "redlines_left": doc.getRedlines().createEnumeration().hasMoreElements(),
        }
        if job.get("pdf"):
            pdf = Path(job["pdf"]).resolve().as_uri()
            doc.storeToURL(pdf, (prop("FilterName", "writer_pdf_Export"),))
        return result
    finally:
        doc.close(True)


def stop(proc: subprocess.Popen[bytes], desktop: object) -> None:
    """End the soffice this script started."""
    with contextlib.suppress(Exception):
        desktop.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=20)


def main() -> None:
    """Run every job with one soffice, restarting it only if a document crashes it."""
    jobs = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory(prefix="aftale-lo-") as tmp:
        proc, (desktop, dispatcher) = start(Path(tmp) / "profile")
        try:
            for job in jobs:
                try:
                    results[job["id"]] = run_job(desktop, dispatcher, job)
                except Exception as exc:  # reported per job, the run goes on
                    results[job["id"]] = {"error": f"{type(exc).__name__}: {exc}"}
                    if proc.poll() is not None or "Disposed" in type(exc).__name__:
                        stop(proc, desktop)
                        proc, (desktop, dispatcher) = start(Path(tmp) / "profile")
        finally:
            stop(proc, desktop)
    Path(sys.argv[2]).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")


if __name__ == "__main__":
    main()
