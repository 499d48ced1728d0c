"""The comparison's result page shows the overview's assessment as `aftale tjek` says it: a
deleted transport cap lifts the cap, in the employees' favour, with its source, one sentence a
line."""

from __future__ import annotations

import html as markup
import re
from pathlib import Path

import docx
from starlette.testclient import TestClient

from assembler.library.model import Library
from assembler.render.templates import TemplateSet
from tests.transport_caps import CAP, local_with_caps
from tests.web.test_jobs import DOCX, finished, post


def _versions(library: Library, templates: TemplateSet, folder: Path) -> list[Path]:
    """Our local agreement with the transport caps, and a draft that deletes the cap paragraph."""
    ours = local_with_caps(library, templates, folder / "vores.docx")
    draft = docx.Document(str(ours))
    [cap] = [p for p in draft.paragraphs if p.text.startswith(CAP)]
    cap._p.getparent().remove(cap._p)
    theirs = folder / "deres.docx"
    draft.save(str(theirs))
    return [ours, theirs]


def test_the_page_says_what_a_deleted_cap_does(
    client: TestClient, library: Library, templates: TemplateSet, tmp_path: Path
) -> None:
    versions = _versions(library, templates, tmp_path)
    files = {f"version_{k}": (p.name, p.read_bytes(), DOCX) for k, p in enumerate(versions, 1)}
    status, html = finished(client, post(client, "/sammenlign", files))
    assert status == 200, html
    cells = re.findall(r'<td data-label="Vurdering">(.*?)</td>', html, re.S)
    [cell] = [c for c in cells if "Loftet på 50" in c]
    lines = [markup.unescape(line) for line in re.findall(r"<p>(.*?)</p>", cell, re.S)]
    assert lines[0].startswith(
        "Loftet på 50 kilometer hver vej over befordringsgodtgørelsen og loftet på én time hver "
        "vej over rejsetiden er fjernet, så der ydes befordringsgodtgørelse for hele afstanden, "
        "og hele rejsetiden medregnes i arbejdstiden. Ændringen er til fordel for medarbejderne. "
        "Kilde: S1 (Akademikerne: "
    )
    assert lines[1].startswith("Punktet er stadig bibliotekets variant")  # a line of its own
    assert "arbejdsgiveren" not in cell
