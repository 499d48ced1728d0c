"""LibreOffice, our stand-in for Word: the counter-proposal converts to PDF and to .odt with every
comment, and its accept-all / reject-all in LibreOffice give our text and their draft.

LibreOffice's UNO bridge crashes when it loads any .docx with comments hidden (python-docx's own
comments do the same here), so the accept/reject runs use a copy without the comment markers;
the comments themselves are checked by converting the real file on the command line.
"""

from __future__ import annotations

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assembler.audit.review import audit
from assembler.library.model import Library
from assembler.negotiate.build import target_package
from assembler.negotiate.plan import plan_counter_proposal
from assembler.negotiate.workflow import make_counter_proposal
from assembler.ooxml.ns import qn
from assembler.ooxml.package import package_bytes
from assembler.render.templates import TemplateSet
from tests.conftest import convert_with_libreoffice
from tests.unit.audit import drafts
from tests.unit.compare.test_libreoffice import SCRIPT, SYSTEM_PYTHON, _skip_reason
from tests.unit.negotiate.test_counter_proposal import AUTHOR, DATE
from tests.unit.negotiate.tracked import with_their_revisions

pytestmark = pytest.mark.libreoffice


def _cases(library: Library, templates: TemplateSet, folder: Path) -> dict[str, Path]:
    """Drafts of every kind: our text edited, foreign wording, a draft with their revisions."""
    _, theirs = drafts.our_round(library, templates, folder)
    return {"modpartens": theirs, "fremmed": drafts.local_compulsion(folder),
            "kort": drafts.short_draft(folder), "nummereret": drafts.local_numbered(folder),
            "spor": with_their_revisions(folder)}  # fmt: skip


@pytest.fixture(scope="module")
def lo_views(library: Library, templates: TemplateSet,
             tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:  # fmt: skip
    """LibreOffice's text of each draft, each counter-proposal accepted and rejected, and of the
    document our amendments describe; one soffice run for all."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    folder = tmp_path_factory.mktemp("lo-modforslag")
    jobs = []
    for name, draft in _cases(library, templates, folder).items():
        made = make_counter_proposal(library, draft, None, AUTHOR, DATE, "stat")
        out = folder / f"{name}-modforslag.docx"
        out.write_bytes(made.data)
        bare = folder / f"{name}-uden-kommentarer.docx"
        bare.write_bytes(without_comment_marks(made.data))
        result, parsed = audit(library, draft, "stat")
        plan = plan_counter_proposal(library, result, parsed, made.position)
        target = folder / f"{name}-maal.docx"
        target.write_bytes(package_bytes(target_package(parsed, result, plan.amendments).parts))
        jobs += [
            {"id": f"{name}/accept", "path": str(bare), "view": "accept"},
            {"id": f"{name}/reject", "path": str(bare), "view": "reject"},
            {"id": f"{name}/udkast", "path": str(draft), "view": "reject"},
            {"id": f"{name}/maal", "path": str(target), "view": "accept"},
        ]  # fmt: skip
    (folder / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    run = subprocess.run([SYSTEM_PYTHON, str(SCRIPT), str(folder / "jobs.json"),
                          str(folder / "result.json")], capture_output=True, text=True,
                         timeout=300, check=False)  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    views: dict[str, dict[str, object]] = json.loads((folder / "result.json").read_text("utf-8"))
    views["_folder"] = {"path": str(folder)}
    return views


@pytest.mark.parametrize("name", ["modpartens", "fremmed", "kort", "nummereret", "spor"])
def test_libreoffice_accepts_and_rejects_the_counter_proposal(
    lo_views: dict[str, dict[str, object]], name: str
) -> None:
    accepted, rejected = lo_views[f"{name}/accept"], lo_views[f"{name}/reject"]
    assert "error" not in accepted and "error" not in rejected, (accepted, rejected)
    assert rejected == lo_views[f"{name}/udkast"]  # their draft, exactly
    assert accepted["body"] == lo_views[f"{name}/maal"]["body"]  # our text
    assert accepted["redlines_left"] is False


@pytest.mark.parametrize("name", ["modpartens", "kort"])
def test_counter_proposal_converts_with_its_comments(
    lo_views: dict[str, dict[str, object]], soffice: str, name: str
) -> None:
    folder = Path(str(lo_views["_folder"]["path"]))
    source = folder / f"{name}-modforslag.docx"
    out = folder / f"konverteret-{name}"
    out.mkdir()
    pdf = convert_with_libreoffice(soffice, source, out, "pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 1000
    odt = convert_with_libreoffice(soffice, source, out, "odt")
    with zipfile.ZipFile(odt) as archive:
        content = archive.read("content.xml").decode("utf-8")
    comments = len(etree.fromstring(zipfile.ZipFile(source).read("word/comments.xml")))
    assert content.count("<office:annotation ") == comments > 0
    assert "Vi foreslår" in content
    assert "Kilde:" not in content and "Begrundelse:" not in content  # nothing internal


def without_comment_marks(data: bytes) -> bytes:
    """The same document without comment ranges and references (for LibreOffice's UNO bridge)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    for el in list(root.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"))):
        el.getparent().remove(el)
    for ref in list(root.iter(qn("w:commentReference"))):
        run = ref.getparent()
        run.getparent().remove(run)
    parts["word/document.xml"] = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                                standalone=True)  # fmt: skip
    return package_bytes(parts)
