"""The web layer's own small parts: pinning problems, scrubbing paths, clause text, job expiry."""

from __future__ import annotations

import os
import signal
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from assembler.library.model import Library
from assembler.web import library as lib
from assembler.web.jobs import Busy, Job, JobStore
from assembler.web.results import Names, bundle, download_name, pin
from assembler.web.view import count, danish_date, thousands


@pytest.mark.parametrize(
    ("problem", "place", "text"),
    [
        ("Individuelle aftaler!F7: skal udfyldes", "Individuelle aftaler!F7", "skal udfyldes"),
        ("Lokalaftale!C12: ukendt variant 'x'", "Lokalaftale!C12", "ukendt variant 'x'"),
        ("medarbejdere[2].omfang.dage: skal være et tal", "medarbejdere[2].omfang.dage",
         "skal være et tal"),
        ("Individuelle aftaler, række 7: mangler navn", "Individuelle aftaler, række 7",
         "mangler navn"),
        ("Arket 'Skema' mangler. Brug et nyt.", "", "Arket 'Skema' mangler. Brug et nyt."),
    ],
)  # fmt: skip
def test_pin_splits_place_and_what_to_do(problem: str, place: str, text: str) -> None:
    assert pin(problem) == {"sted": place, "tekst": text}


def test_scrub_puts_the_users_file_name_back(tmp_path: Path) -> None:
    names = Names(tmp_path)
    names.add("svar.xlsx", "Mit svarark (endelig).xlsx")
    text = f"{tmp_path}/svar.xlsx: svararket indeholder 1 problem; svar.xlsx igen; svar.xlsxx"
    assert names.scrub(text) == (
        "Mit svarark (endelig).xlsx: svararket indeholder 1 problem; "
        "Mit svarark (endelig).xlsx igen; svar.xlsxx"
    )
    assert str(tmp_path) not in names.scrub(f"skrev {tmp_path}/ud/a.docx")


def test_scrub_keeps_backslashes_in_names(tmp_path: Path) -> None:
    names = Names(tmp_path)
    names.add("udkast.docx", r"a\1b.docx")
    assert names.scrub("udkast.docx: fejl") == r"a\1b.docx: fejl"


def test_download_names_are_safe() -> None:
    assert download_name("Søren's udkast.docx", "-gennemgang.docx", "x") == (
        "Soeren_s_udkast-gennemgang.docx"
    )
    assert download_name("../../etc/passwd", ".docx", "x") == "passwd.docx"
    assert download_name("….docx", ".docx", "gennemgang") == "gennemgang.docx"


def test_bundle_is_deterministic(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_bytes(b"A" * 100)
    (tmp_path / "b.json").write_text('{"x": 1}', encoding="utf-8")
    files = [(tmp_path / "a.docx", "a.docx"), (tmp_path / "b.json", "mappe/b.json")]
    bundle(tmp_path / "1.zip", files)
    time.sleep(1.1)
    (tmp_path / "a.docx").touch()
    bundle(tmp_path / "2.zip", files)
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()


def test_clause_blocks_mark_parameters_and_spell_out_conditions(library: Library) -> None:
    topic = library.topic("lokal", "tilgaengelighed")
    variant = topic.variant(topic.default)
    blocks = lib.clause_blocks(library, topic, variant.text)
    html = " ".join(str(b.html) for b in blocks)
    assert '<mark class="param"' in html and "{{" not in html
    labels = {p.label for p in topic.params_for(variant.id)}
    assert any(label in html for label in labels)
    text = "[hvis ikke x] Tekst med <b> & {{ sektor }}.\n\n- punkt"
    blocks = lib.clause_blocks(library, topic, text)
    assert str(blocks[0].html) == (
        'Tekst med &lt;b&gt; &amp; <mark class="param" title="Parameter sektor">sektoren</mark>.'
    )
    assert "er nej" in str(blocks[0].condition)
    assert blocks[1].bullet and str(blocks[1].html) == "punkt"


def test_sector_label() -> None:
    assert lib.sector_label(("stat", "kommune", "region")) == "alle sektorer"
    assert lib.sector_label(("kommune", "region")) == "kommunerne og regionerne"
    assert lib.sector_label(("stat",)) == "staten"


def test_danish_numbers_and_dates() -> None:
    assert thousands(2001) == "2.001"
    assert count(1, "advarsel", "advarsler") == "1 advarsel"
    assert count(2000, "aftale", "aftaler") == "2.000 aftaler"
    assert danish_date("2026-03-02T10:00:00Z") == "2.3.2026"
    assert danish_date("ukendt") == "ukendt"


def test_expired_jobs_and_their_folders_are_deleted() -> None:
    store = JobStore(workers=1, ttl=3600, max_jobs=5)
    try:
        job = store.new("aftaler")
        (job.folder / "ud").mkdir()
        store.start(job, _done)
        assert job.future is not None
        job.future.result(timeout=60)
        assert store.sweep(now=job.created + 10) == 0 and job.folder.exists()
        assert store.sweep(now=job.created + 3601) == 1
        assert not job.folder.exists() and store.get(job.id) is None
    finally:
        store.close()
    assert not store.root.exists()


def test_a_killed_worker_fails_its_job_and_the_next_job_still_runs() -> None:
    store = JobStore(workers=1, ttl=3600, max_jobs=5)
    try:
        victim = store.new("aftaler")
        store.start(victim, _die)
        assert victim.future is not None
        with pytest.raises(BrokenProcessPool):
            victim.future.result(timeout=60)
        assert victim.result["status"] == "crash"
        survivor = store.new("aftaler")
        store.start(survivor, _done)
        assert survivor.future is not None
        assert survivor.future.result(timeout=60)["status"] == "faerdig"
    finally:
        store.close()


def test_too_many_waiting_jobs_are_refused() -> None:
    store = JobStore(workers=1, ttl=3600, max_jobs=1)
    try:
        store.new("aftaler")  # not started: counts as waiting
        with pytest.raises(Busy):
            store.new("aftaler")
    finally:
        store.close()


def test_job_ids_are_unguessable_and_checked() -> None:
    store = JobStore.__new__(JobStore)
    store.jobs = {}
    assert store.get("../../etc") is None and store.get("a" * 43) is None


def test_job_paths_stay_inside_the_job_folder(tmp_path: Path) -> None:
    job = Job("x" * 43, "aftaler", tmp_path, 0.0)
    (tmp_path / "ud").mkdir()
    (tmp_path / "ud" / "a.docx").write_bytes(b"x")
    assert job.path("ud/a.docx") == (tmp_path / "ud" / "a.docx").resolve()
    assert job.path("../outside.docx") is None
    assert job.path("ud/none.docx") is None


def _die(folder: str) -> dict[str, str]:
    """A job whose worker process is killed (runs in a worker process)."""
    os.kill(os.getpid(), signal.SIGKILL)
    return {}


def _done(folder: str) -> dict[str, str]:
    """A job that finishes at once (runs in a worker process)."""
    return {"status": "faerdig", "folder": folder}
