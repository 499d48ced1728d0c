"""The batch path: byte-identical to the single-process path, and the same content as docxtpl."""

from __future__ import annotations

import io
import multiprocessing as mp
import zipfile
from pathlib import Path

import pytest
from docxtpl import DocxTemplate

from assembler.answers.model import Answers
from assembler.library.model import Library
from assembler.ooxml.fastzip import DeflateCache, fast_package_bytes
from assembler.ooxml.package import package_bytes
from assembler.render import batch
from assembler.render.batch import render_agreements, write_agreements
from assembler.render.clause_text import FIELD_MARK
from assembler.render.context import build_context
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet, template_path
from tests.bulk import many_employees
from tests.docx_text import paragraphs


def test_fast_zip_is_byte_identical_to_package_bytes(templates: TemplateSet) -> None:
    parts = dict(templates.individual.package.parts)
    parts["customXml/æøå.xml"] = "<a>ø</a>".encode()
    parts["tom.xml"] = b""
    cache = DeflateCache(limit=4)
    assert fast_package_bytes(parts, cache) == package_bytes(parts)
    assert fast_package_bytes(parts, cache) == package_bytes(parts)  # from the (cleared) cache


def test_parallel_output_is_byte_identical(
    library: Library, example: Answers, templates: TemplateSet, tmp_path: Path
) -> None:
    answers = many_employees(example, 60)
    agreements = list(answers.employees)
    single = [render_agreement(templates.individual, library, answers, a) for a in agreements]
    assert list(render_agreements(library, answers, templates, agreements, workers=2)) == single
    targets = [tmp_path / "ud" / f"{i}.docx" for i in range(len(agreements))]
    written = list(write_agreements(library, answers, templates, agreements, targets, workers=2))
    assert written == list(range(len(agreements)))
    assert [t.read_bytes() for t in targets] == single


def test_spawned_workers_compile_templates_themselves(
    library: Library, example: Answers, templates: TemplateSet, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(batch, "_context", lambda: mp.get_context("spawn"))
    answers = many_employees(example, 30)
    agreements = list(answers.employees)
    single = [render_agreement(templates.individual, library, answers, a) for a in agreements]
    assert list(render_agreements(library, answers, templates, agreements, workers=2)) == single


def test_small_batches_stay_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("AFTALE_WORKERS", raising=False)
    assert batch.worker_count(10) == 0


def test_same_content_as_naive_docxtpl(
    library: Library, example: Answers, templates: TemplateSet
) -> None:
    answers = many_employees(example, 9)
    for agreement in answers.employees[::2]:
        context, _ = build_context(library, answers, agreement)
        naive = DocxTemplate(str(template_path("individuel")))
        naive.render(context, autoescape=True)
        buf = io.BytesIO()
        naive.save(buf)
        ours = render_agreement(templates.individual, library, answers, agreement)
        # docxtpl leaves our cross-reference marks as text; we turn them into REF fields
        naive_paragraphs = [(s, FIELD_MARK.sub(r"\2", t)) for s, t in paragraphs(buf.getvalue())]
        assert paragraphs(ours) == naive_paragraphs
        assert agreement.value("parter", "navn") in "\n".join(t for _, t in paragraphs(ours))


def test_remembered_clauses_match_fresh_rendering(library: Library, example: Answers) -> None:
    from assembler.render.clause_memo import clause
    from assembler.render.clause_text import Scope, render_clause

    answers = many_employees(example, 6)
    for agreement in (answers.local, *answers.employees):
        scope = Scope(library, answers.sector, agreement, answers.local)
        for topic in library.for_agreement(agreement.agreement):
            answer = agreement.topics.get(topic.id)
            if answer is not None:
                first = clause(topic, answer.variant, scope)
                assert first == render_clause(topic, answer.variant, scope)
                assert clause(topic, answer.variant, scope) == first


def test_a_failing_document_stops_the_batch_with_its_error(
    library: Library,
    example: Answers,
    templates: TemplateSet,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from assembler.errors import TemplateError

    def fail_on_seventh(compiled, library, answers, agreement):  # type: ignore[no-untyped-def]
        if agreement.value("parter", "navn") == "Medarbejder 00007":
            raise TemplateError("skabelonen fejler")
        return b"ok"

    monkeypatch.setattr(batch, "render_agreement", fail_on_seventh)
    answers = many_employees(example, 60)
    targets = [tmp_path / f"{i}.docx" for i in range(60)]
    with pytest.raises(TemplateError, match="skabelonen fejler"):
        list(write_agreements(library, answers, templates, answers.employees, targets, workers=2))


def test_a_batch_stopped_early_skips_its_remaining_work_and_ends_its_workers(
    library: Library, example: Answers, templates: TemplateSet, tmp_path: Path
) -> None:
    """The caller stops reading (generer's rule check found a fejl): the workers skip what is
    left instead of being killed mid-result, and every file they did write is whole."""
    answers = many_employees(example, 240)
    targets = [tmp_path / f"{i}.docx" for i in range(240)]
    written = write_agreements(library, answers, templates, answers.employees, targets, workers=2)
    assert next(written) == 0
    written.close()
    assert mp.active_children() == []
    made = sorted(tmp_path.iterdir())
    assert targets[0] in made
    for path in made:
        with zipfile.ZipFile(path) as archive:
            assert archive.testzip() is None
