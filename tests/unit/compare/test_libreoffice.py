"""LibreOffice gate: accept-all / reject-all of our redlines through UNO, and PDF conversion.

One soffice run (tests/lo_uno_revisions.py under /usr/bin/python3, Debian's python3-uno) handles
every document of the session; LibreOffice's own text of the newer version (accept-all) and of the
older version (reject-all) is the reference, so the check is independent of our writer.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.unit.compare.scenarios import scenarios
from tests.unit.compare.test_gates import redline

pytestmark = pytest.mark.libreoffice
SYSTEM_PYTHON = "/usr/bin/python3"
SCRIPT = Path(__file__).resolve().parents[2] / "lo_uno_revisions.py"
SCENARIOS = scenarios()


def _skip_reason() -> str | None:
    """Why the LibreOffice gate cannot run here, or None."""
    if shutil.which("soffice") is None and shutil.which("libreoffice") is None:
        return "LibreOffice (soffice) er ikke installeret; CI installerer libreoffice-writer-nogui"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} findes ikke; LibreOffice-porten kræver systemets python3-uno"
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, timeout=60, check=False
    )
    if probe.returncode != 0:
        return "python3-uno mangler for /usr/bin/python3; CI installerer python3-uno"
    return None


@pytest.fixture(scope="session")
def lo_results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    """Run LibreOffice once over every scenario's versions and redline."""
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    root = tmp_path_factory.mktemp("lo-gate")
    jobs = []
    for name, (old, new) in sorted(SCENARIOS.items()):
        folder = root / name
        folder.mkdir()
        (folder / "r.docx").write_bytes(redline(folder, old, new))
        for file, view in (
            ("v1.docx", "reject"),
            ("v2.docx", "accept"),
            ("r.docx", "accept"),
            ("r.docx", "reject"),
        ):
            jobs.append({"id": f"{name}/{file}/{view}", "path": str(folder / file), "view": view})
        jobs.append(
            {
                "id": f"{name}/pdf",
                "path": str(folder / "r.docx"),
                "view": "asis",
                "pdf": str(folder / "r.pdf"),
            }
        )
    (root / "jobs.json").write_text(json.dumps(jobs), encoding="utf-8")
    result = subprocess.run(
        [SYSTEM_PYTHON, str(SCRIPT), str(root / "jobs.json"), str(root / "result.json")],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data: dict[str, dict[str, object]] = json.loads((root / "result.json").read_text("utf-8"))
    data["_root"] = {"path": str(root)}
    return data


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_libreoffice_accept_and_reject_all(
    lo_results: dict[str, dict[str, object]], name: str
) -> None:
    accepted = lo_results[f"{name}/r.docx/accept"]
    rejected = lo_results[f"{name}/r.docx/reject"]
    assert "error" not in accepted and "error" not in rejected, (accepted, rejected)
    assert accepted["redlines_left"] is False and rejected["redlines_left"] is False
    assert accepted == lo_results[f"{name}/v2.docx/accept"]
    assert rejected == lo_results[f"{name}/v1.docx/reject"]


def test_libreoffice_gate_sees_every_part(lo_results: dict[str, dict[str, object]]) -> None:
    """The gate is not vacuous: tables, headers/footers and footnotes reach the comparison."""
    assert "[tabel]" in lo_results["tabel/r.docx/accept"]["body"]  # type: ignore[operator]
    assert any("udkast 2" in h for h in lo_results["sidehoved/r.docx/accept"]["headers"])  # type: ignore[union-attr]
    assert any("udkast 1" in h for h in lo_results["sidehoved/r.docx/reject"]["headers"])  # type: ignore[union-attr]
    assert lo_results["fodnoter/r.docx/accept"]["footnotes"] == [
        "Jf. rammeaftalen § 4.",
        "Ny note.",
    ]
    assert lo_results["fodnoter/r.docx/reject"]["footnotes"] == ["Jf. rammeaftalen § 3."]


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_every_redline_kind_converts_to_pdf(
    lo_results: dict[str, dict[str, object]], name: str
) -> None:
    assert "error" not in lo_results[f"{name}/pdf"], lo_results[f"{name}/pdf"]
    pdf = Path(str(lo_results["_root"]["path"])) / name / "r.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    assert pdf.stat().st_size > 1000
