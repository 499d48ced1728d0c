"""The whole job in Chromium against a real `aftale server`: sheet, agreements, review, rounds.

Screenshots of every page are taken at 1280×800 and in a narrow window; set AFTALE_SCREENSHOTS to
a folder to keep them.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import docx
import openpyxl
import pytest

from assembler.answers.model import Answers
from assembler.library.model import Library
from tests.unit.answers.xlsx_helpers import FIRST_EMPLOYEE_ROW, ref, set_employee
from tests.web.helpers import ServerProcess, fill_sheet
from tests.web.rounds import three_versions

WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 390, "height": 844}
DATE_KEY = "ikrafttraeden.ikrafttraedelsesdato"
PAGES = ["/", "/svarark", "/lav", "/tjek", "/sammenlign", "/klausuler",
         "/klausuler/lokal/tilgaengelighed", "/regler"]  # fmt: skip


@pytest.fixture
def page(browser: Any, server: ServerProcess) -> Iterator[Any]:
    """A fresh browser tab that records every request it makes."""
    context = browser.new_context(viewport=WIDE, accept_downloads=True, locale="da-DK")
    tab = context.new_page()
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    outside = [url for url in tab.requests if not url.startswith(server.url)]
    context.close()
    assert outside == [], f"requests to other hosts: {outside}"


def shots(tmp_path: Path) -> Path:
    """Where screenshots go: $AFTALE_SCREENSHOTS, or the test's own folder."""
    folder = Path(os.environ.get("AFTALE_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def snap(page: Any, folder: Path, name: str) -> None:
    """A full-page screenshot that must not be empty."""
    target = folder / f"{name}.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 5000


def no_sideways_scrolling(page: Any) -> None:
    """The page fits the window's width (wide tables scroll inside their own box)."""
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow} px"


def snap_both(page: Any, folder: Path, name: str) -> None:
    """Screenshots at 1280×800 and in a narrow window, which must not scroll sideways."""
    snap(page, folder, name)
    page.set_viewport_size(NARROW)
    no_sideways_scrolling(page)
    snap(page, folder, f"{name}-smal")
    page.set_viewport_size(WIDE)


def download(page: Any, click: Any, folder: Path) -> Path:
    """Click something that starts a download; return the saved file."""
    with page.expect_download() as info:
        click()
    target = folder / info.value.suggested_filename
    info.value.save_as(target)
    return target


def test_every_page_wide_and_narrow(page: Any, server: ServerProcess, tmp_path: Path) -> None:
    folder = shots(tmp_path)
    for size, viewport in (("bred", WIDE), ("smal", NARROW)):
        page.set_viewport_size(viewport)
        for path in PAGES:
            page.goto(server.url + path)
            assert page.locator("html").get_attribute("lang") == "da"
            assert page.locator("h1").count() == 1
            no_sideways_scrolling(page)
            name = path.strip("/").replace("/", "-") or "forside"
            snap(page, folder, f"{name}-{size}")


def test_keyboard_reaches_the_content_first(page: Any, server: ServerProcess) -> None:
    page.goto(server.url + "/lav")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Gå til indholdet"
    page.keyboard.press("Enter")
    for _ in range(12):  # Tab onwards from the content reaches the file field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "svar":
            break
    assert page.evaluate("document.activeElement.id") == "svar"


def test_sheet_to_agreements_in_the_browser(
    page: Any, server: ServerProcess, library: Library, example: Answers, tmp_path: Path
) -> None:
    folder = shots(tmp_path)
    page.goto(server.url + "/")
    page.get_by_role("link", name="Hent et svarark").click()
    page.get_by_label("Staten").check()
    sheet = download(
        page,
        lambda: page.get_by_role("button", name="Hent blankt svarark (.xlsx)").click(),
        tmp_path,
    )
    assert sheet.name == "svarark-stat.xlsx"
    fill_sheet(library, example, sheet, people=2)
    wb = openpyxl.load_workbook(sheet)
    row = FIRST_EMPLOYEE_ROW + 1
    set_employee(library, wb, DATE_KEY, row, "31-02-2027")  # the planted error
    wb.save(sheet)
    cell = ref(library, wb, DATE_KEY, row)

    page.get_by_role("link", name="Lav aftaler").first.click()
    page.set_input_files("#svar", str(sheet))
    page.get_by_role("button", name="Tjek og lav aftalerne").click()
    page.get_by_text("Filen kan ikke bruges endnu").wait_for(timeout=60_000)
    pinned = page.locator("table.problems tr", has_text=cell)
    assert pinned.count() == 1
    assert "er ikke en gyldig dato" in pinned.inner_text()
    snap_both(page, folder, "lav-fejl-i-celle")

    wb = openpyxl.load_workbook(sheet)
    set_employee(library, wb, DATE_KEY, row, "01-03-2027")
    wb.save(sheet)
    page.set_input_files("#svar", str(sheet))  # the upload form on the result page
    page.get_by_role("button", name="Tjek og lav aftalerne").click()
    page.get_by_text("Aftalerne er lavet").wait_for(timeout=60_000)
    assert "Lokalaftalen og 2 individuelle aftaler (staten)." in page.inner_text("main")
    snap_both(page, folder, "lav-faerdig")

    bundle = download(
        page, lambda: page.get_by_role("link", name="Hent alt som ZIP").click(), tmp_path
    )
    with zipfile.ZipFile(bundle) as archive:
        names = archive.namelist()
        individual = [n for n in names if n.startswith("individuelle/")]
        assert len(individual) == 2 and "lokalaftale.docx" in names
        person = docx.Document(io.BytesIO(archive.read(individual[1])))
        local = docx.Document(io.BytesIO(archive.read("lokalaftale.docx")))
    person_text = "\n".join(p.text for p in person.paragraphs)
    assert f"Person {row}" in person_text and "1. marts 2027" in person_text
    assert "Styrelsen for Digital Borgerservice" in "\n".join(p.text for p in local.paragraphs)
    page.reload()
    assert "Filerne er slettet fra serveren" in page.inner_text("main")


def test_three_rounds_in_the_browser(page: Any, server: ServerProcess, tmp_path: Path) -> None:
    folder = shots(tmp_path)
    versions = three_versions(tmp_path)
    page.goto(server.url + "/sammenlign")
    for k, path in enumerate(versions, start=1):
        page.set_input_files(f"#version_{k}", str(path))
    page.fill("#forfatter_2", "Ledelsen")
    page.fill("#forfatter_3", "Tillidsrepræsentanten")
    page.get_by_role("button", name="Sammenlign").click()
    page.get_by_role("heading", name="Runde v1→v3: v1.docx → v3.docx").wait_for(timeout=60_000)
    text = page.inner_text("main")
    assert "Forfatter: Ledelsen" in text and "Forfatter: Tillidsrepræsentanten" in text
    rows = page.locator("table.changes tbody tr")
    assert rows.count() >= 3
    assert "kl. 12 dagen før" in page.locator("table.changes").first.inner_text()
    snap_both(page, folder, "sammenlign-resultat")
    redline = download(
        page,
        lambda: page.get_by_role("link", name="Hent redlinen (v3-redline.docx)").click(),
        tmp_path,
    )
    xml = zipfile.ZipFile(redline).read("word/document.xml").decode()
    assert "<w:ins " in xml and 'w:author="Tillidsrepræsentanten"' in xml


def test_long_change_labels_stay_in_their_column(
    page: Any, server: ServerProcess, tmp_path: Path
) -> None:
    from assembler.workflows import demo_workflow

    demo_workflow(tmp_path / "demo", overwrite=False)
    rounds = tmp_path / "demo" / "forhandling"
    versions = [
        tmp_path / "demo" / "lokalaftale.docx",
        rounds / "lokalaftale-modpartens-udkast.docx",
        rounds / "lokalaftale-modforslag.docx",
    ]
    page.goto(server.url + "/sammenlign")
    for k, path in enumerate(versions, start=1):
        page.set_input_files(f"#version_{k}", str(path))
    page.get_by_role("button", name="Sammenlign").click()
    page.get_by_text("Runde v1→v3", exact=False).first.wait_for(timeout=60_000)
    # v3 moves a clause back with its own tracked changes: the label is a whole sentence
    assert "den nyeste version flytter selv punktet" in page.inner_text("main")
    overflowing = page.evaluate(
        """() => [...document.querySelectorAll('table.changes td[data-label="Ændring"]')]
            .filter(td => td.querySelector('.badge').getBoundingClientRect().right
                          > td.getBoundingClientRect().right + 1)
            .map(td => td.innerText)"""
    )
    assert overflowing == []
    snap_both(page, shots(tmp_path), "sammenlign-tre-runder")


def test_review_a_draft_in_the_browser(page: Any, server: ServerProcess, tmp_path: Path) -> None:
    from assembler.library import load_library
    from assembler.workflows import demo_workflow

    folder = shots(tmp_path)
    demo_workflow(tmp_path / "demo", overwrite=False)
    draft = tmp_path / "demo" / "forhandling" / "lokalaftale-modpartens-udkast.docx"
    page.goto(server.url + "/tjek")
    page.set_input_files("#udkast", str(draft))
    page.set_input_files("#vores", str(tmp_path / "demo" / "lokalaftale.docx"))
    page.get_by_role("button", name="Tjek udkastet").click()
    topics = len(load_library().for_agreement("lokal"))  # our own draft: every topic is found
    page.get_by_role("heading", name=f"Fundne emner ({topics})").wait_for(timeout=60_000)
    assert "lokalaftale-modpartens-udkast.docx: lokalaftale" in page.inner_text("main")
    snap_both(page, folder, "tjek-resultat")
    review = download(
        page,
        lambda: page.get_by_role("link", name="Gennemgang med Word-kommentarer").click(),
        tmp_path,
    )
    assert review.name == "lokalaftale-modpartens-udkast-gennemgang.docx"
    comments = zipfile.ZipFile(review).read("word/comments.xml").decode()
    assert "Gennemgang af lokalaftale" in comments


def test_search_the_library_in_the_browser(
    page: Any, server: ServerProcess, tmp_path: Path
) -> None:
    page.goto(server.url + "/klausuler")
    page.fill("#q", "transport")
    page.keyboard.press("Enter")
    page.wait_for_url("**/klausuler?q=transport**")
    page.get_by_role("link", name="Transport på hjemmearbejdsdage").first.click()
    assert page.locator("h1").inner_text() == "Transport på hjemmearbejdsdage"
    assert page.locator("mark.param").count() + page.locator(".clause").count() > 0
    page.goto(server.url + "/regler?alvor=fejl")
    badges = page.locator("table.rules .badge").all_inner_texts()
    assert badges and set(badges) == {"Fejl"}
