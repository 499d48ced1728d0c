"""The demo round: management's counter-draft of our local agreement, its redline and summary.

The bundled example is a state agency, so the joint forum is the samarbejdsudvalg (not MED). The
counter-draft makes the edits management typically asks for: a shorter notice before calling an
employee in on a home-working day, a longer contact window, no paid travel time from home, a new
right to pause home working, and the voluntariness clause moved back behind the process clause. Its
metadata agree: the header's version and date, the document properties and so the round's tracked
changes and overview all say management's draft 2, dated RESPONSE_DAYS after our draft 1.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

import docx

from assembler.compare.output import write_all
from assembler.compare.rounds import compare_versions
from assembler.errors import OutputError
from assembler.library.values import format_date
from assembler.ooxml.customxml import read_payload
from assembler.ooxml.package import read_package, restamp_package

MANAGEMENT = "Ledelsen"
RESPONSE_DAYS = 46  # management answers six and a half weeks later: 15 January → 2 March
SAVED_AT = dt.time(9, 0)  # when management saved its draft (UTC)
# (pattern, replacement) applied once each, inside one run.
EDITS = (
    (r"med mindst \w+ arbejdsdages varsel", "senest kl. 12 dagen før"),
    (r"kl\. \d{1,2}\.\d\d og kl\. \d{1,2}\.\d\d", "kl. 8.30 og kl. 15.30"),
)
DELETE_START = "Rejsetiden fra hjemmet"
DELETE_CAP = ("Der ydes dog højst", "Befordringsgodtgørelse ydes dog", "Rejsetiden medregnes dog")
ADD_AFTER = "I uforudsete og uopsættelige situationer"
NEW_TEXT = (
    "Arbejdsgiveren kan midlertidigt indstille hjemmearbejdet i en enhed, når driften kræver det. "
    "Indstillingen drøftes forinden i samarbejdsudvalget og gælder højst tre måneder ad gangen."
)
MOVE_CLAUSE, MOVE_AFTER = "Frivillighed", "Niveauer og proces for individuelle aftaler"


def _is_heading(paragraph: Any) -> bool:
    """Whether a python-docx paragraph is a heading."""
    name = paragraph.style.name if paragraph.style is not None else ""
    return str(name).lower().startswith(("heading", "overskrift"))


def _replace_once(document: Any, pattern: str, replacement: str) -> None:
    """Replace the first match of `pattern` inside a single run anywhere in the body."""
    regex = re.compile(pattern)
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            if regex.search(run.text):
                run.text = regex.sub(replacement, run.text, count=1)
                return


def _clause(document: Any, heading: str) -> list[Any]:
    """The XML elements of the clause under `heading`: the heading and its body up to the next."""
    paragraphs = document.paragraphs
    for k, p in enumerate(paragraphs):
        if _is_heading(p) and p.text.strip() == heading:
            out = [p._p]
            node = p._p.getnext()
            while node is not None and node.tag == p._p.tag:
                following = next((q for q in paragraphs[k + 1 :] if q._p is node), None)
                if following is None or _is_heading(following):
                    break
                if following.style is not None and "underskrift" in following.style.name.lower():
                    break
                out.append(node)
                node = node.getnext()
            return out
    return []


def _next_version(version: str) -> str:
    """'Udkast 1' → 'Udkast 2'; a label without a number gets ' (Ledelsens udkast)'."""
    match = re.search(r"(\d+)\s*$", version)
    if match is None:
        return f"{version} (Ledelsens udkast)".strip()
    return f"{version[: match.start(1)]}{int(match.group(1)) + 1}"


def draft_facts(lokalaftale: Path) -> tuple[str, dt.date]:
    """Our draft's version label and date, as embedded by `aftale generer`."""
    payload = read_payload(read_package(lokalaftale, "docx")) or {}
    try:
        day = dt.date.fromisoformat(str(payload.get("dato", "")))
    except ValueError as exc:
        raise OutputError(
            f"{lokalaftale}: lokalaftalen har ingen indlejret dato, så modpartens udkast kan "
            "ikke dateres."
        ) from exc
    return str(payload.get("version", "")), day


def _restamp_header(document: Any, old: str, new: str) -> None:
    """Replace the version and date in every header run that shows them."""
    for section in document.sections:
        for paragraph in section.header.paragraphs:
            for run in paragraph.runs:
                if old in run.text:
                    run.text = run.text.replace(old, new)


def make_counter_draft(lokalaftale: Path, target: Path) -> dt.datetime:
    """Write management's counter-draft of the local agreement; return when it was saved."""
    version, day = draft_facts(lokalaftale)
    answered = day + dt.timedelta(days=RESPONSE_DAYS)
    saved = dt.datetime.combine(answered, SAVED_AT)
    document = docx.Document(str(lokalaftale))
    _restamp_header(
        document,
        f"{version} · {format_date(day)}",
        f"{_next_version(version)} · {format_date(answered)}",
    )
    for pattern, replacement in EDITS:
        _replace_once(document, pattern, replacement)
    for k, p in enumerate(document.paragraphs):
        parent = p._p.getparent()
        if p.text.startswith(DELETE_START) and parent is not None:
            following = document.paragraphs[k + 1] if k + 1 < len(document.paragraphs) else None
            parent.remove(p._p)
            if following is not None and following.text.startswith(DELETE_CAP):
                parent.remove(following._p)  # the cap on what was just deleted goes with it
            break
    for k, p in enumerate(document.paragraphs):
        if p.text.startswith(ADD_AFTER):
            following = document.paragraphs[k + 1]
            added = following.insert_paragraph_before(NEW_TEXT)
            added.style = p.style
            break
    moved, target_clause = _clause(document, MOVE_CLAUSE), _clause(document, MOVE_AFTER)
    if moved and target_clause:
        tail = target_clause[-1]
        for element in moved:
            tail.addnext(element)
            tail = element
    document.core_properties.last_modified_by = MANAGEMENT
    document.core_properties.revision = 2
    buf = io.BytesIO()
    document.save(buf)
    target.write_bytes(restamp_package(buf.getvalue(), saved.strftime("%Y-%m-%dT%H:%M:%SZ")))
    return saved


def write_demo(out_dir: Path, lokalaftale_docx: Path, overwrite: bool) -> list[Path]:
    """Write the counter-draft v2, the redline v1 → v2 and the summary .xlsx; return the paths."""
    v2 = out_dir / "lokalaftale-modpartens-udkast.docx"
    redline = out_dir / "lokalaftale-redline.docx"
    summary = out_dir / "lokalaftale-aendringer.xlsx"
    if not overwrite:
        for path in (v2, redline, summary):
            if path.exists():
                raise OutputError(
                    f"{path}: filen findes allerede. Brug --overskriv for at erstatte den."
                )
    out_dir.mkdir(parents=True, exist_ok=True)
    make_counter_draft(lokalaftale_docx, v2)
    # Author and date come from the counter-draft's own properties, as for any user's file.
    rounds = compare_versions([lokalaftale_docx, v2], [], [])
    write_all(rounds, [redline], summary, overwrite=True)
    return [v2, redline, summary]
