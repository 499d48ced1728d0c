"""`generer` with a bad answer file and a bad template: the answer file is reported first.

A guard for any change that compiles the templates while the answers are still being read.
"""

from __future__ import annotations

from pathlib import Path

import docx

from assembler.render.templates import template_path
from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import aftale, assert_refused, snapshot

RCE = "{{ ''.__class__.__mro__[1].__subclasses__() }}"


def _setup(folder: Path, answers_tail: str) -> None:
    """Example answers with a tail appended, and an individual template with a hostile field."""
    text = EXAMPLE_ANSWERS.read_text(encoding="utf-8")
    (folder / "svar.yaml").write_text(text + answers_tail, encoding="utf-8")
    document = docx.Document(str(template_path("individuel")))
    document.add_paragraph(RCE)
    document.save(str(folder / "brevpapir.docx"))


def test_a_bad_answer_file_is_reported_before_a_bad_template(tmp_path: Path) -> None:
    _setup(tmp_path, "sektor: region\n")  # a key given twice
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.yaml", "-o", "ud", "--skabelon-individuel", "brevpapir.docx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(run, "svar.yaml", "sektor")
    assert "brevpapir.docx" not in run.err, run.err
    assert snapshot(tmp_path) == before


def test_a_bad_template_is_reported_once_the_answers_are_read(tmp_path: Path) -> None:
    _setup(tmp_path, "")
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.yaml", "-o", "ud", "--skabelon-individuel", "brevpapir.docx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(run, "brevpapir.docx", "brødteksten, afsnittet „")
    assert snapshot(tmp_path) == before
