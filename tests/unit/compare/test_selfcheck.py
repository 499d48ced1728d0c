"""The self-check on every run: a redline that does not reproduce both versions is never
presented as complete (issue 10 item 2)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.deviations import excerpt, message_da
from assembler.compare.packages import compare_packages
from assembler.compare.selfcheck import (
    Deviation,
    blocks_lines,
    check,
    document_lines,
    read_parts,
)
from assembler.compare.viewlines import cache_texts, para_text
from assembler.ooxml.package import read_package
from tests.acceptance.cli_helpers import run_cli
from tests.unit.compare.containers import text_box
from tests.unit.compare.fixtures import footnote_ref, make_docx, para, run
from tests.unit.compare.scenarios import scenarios
from tests.unit.compare.test_gates import redline

OLD_FOOTER = "Side 1 – fortroligt udkast"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _lost_footer(tmp_path: Path) -> tuple[Path, Path]:
    """A pair whose older footer has no place in the newer package (it has no footer part)."""
    body = [para("Omfang", style="Heading1"), para("Aftalen gælder fra 1. marts.")]
    new_body = [para("Omfang", style="Heading1"), para("Aftalen gælder fra 1. april.")]
    old, new = tmp_path / "v1.docx", tmp_path / "v2.docx"
    old.write_bytes(make_docx(body, footer=[para(OLD_FOOTER)]))
    new.write_bytes(make_docx(new_body))
    return old, new


@pytest.mark.parametrize("name", sorted(scenarios()))
def test_every_scenario_passes_its_own_self_check(tmp_path: Path, name: str) -> None:
    old, new = scenarios()[name]
    data = redline(tmp_path, old, new)
    assert check(read_parts(data), read_parts(old), read_parts(new)) == []


def test_self_check_sees_a_changed_word_anywhere(tmp_path: Path) -> None:
    """Not vacuous: a redline whose text is not the newer version is caught, with its place."""
    old, new = scenarios()["sidehoved"]
    data = redline(tmp_path, old, new)
    parts = read_parts(data)
    parts["word/footer1.xml"] = parts["word/footer1.xml"].replace(b"af 3", b"af 4")
    [dev] = check(parts, read_parts(old), read_parts(new))
    assert (dev.story, dev.view) == ("footer/0/default", "accept")
    assert (dev.expected, dev.found) == ("Side 1 af 3", "Side 1 af 4")


def test_lost_text_is_named_commented_and_counted(tmp_path: Path) -> None:
    old, new = _lost_footer(tmp_path)
    result = compare_packages(read_package(old), read_package(new), "T", "2026-02-01T09:00:00Z")
    assert result.deviations == [
        "I sidefoden (sektion 1): afvis alle giver ikke den ældre version. "
        f"Forventet „{OLD_FOOTER}“, men redlinen giver „(ingen tekst)“."
    ]
    comments = zipfile.ZipFile(io.BytesIO(result.data)).read("word/comments.xml").decode()
    assert "aftale kunne ikke spore ændringen her fuldt ud" in comments
    assert OLD_FOOTER in comments


def test_cli_exits_3_and_names_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _lost_footer(tmp_path)
    out = tmp_path / "r.docx"
    result = run_cli(capsys, "sammenlign", str(old), str(new), "-o", str(out))
    assert result.code == 3
    assert "Fejl: redlinen er ikke fuldstændig. 1 sted kunne ikke spores" in result.err
    assert "Runde v1→v2: I sidefoden (sektion 1)" in result.err
    assert OLD_FOOTER in result.err
    assert "--tillad-afvigelser" in result.err
    assert "Traceback" not in result.err
    assert out.exists()  # written, with the comment, but not presented as complete


def test_cli_allows_deviations_when_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old, new = _lost_footer(tmp_path)
    out = tmp_path / "r.docx"
    args = ("sammenlign", str(old), str(new), "-o", str(out), "--tillad-afvigelser")
    result = run_cli(capsys, *args)
    assert result.code == 0
    assert result.err.startswith("Advarsel: redlinen er ikke fuldstændig.")


def test_message_names_the_clause_heading_and_cuts_at_words() -> None:
    long = "Medarbejderen kan arbejde hjemme " + "efter aftale med lederen " * 6 + "to dage."
    dev = Deviation("body", "accept", long, long.replace("to dage", "tre dage"), 3)
    text = message_da(dev, "§ 4 Omfang")
    assert text.startswith("Under „§ 4 Omfang“: acceptér alle giver ikke den nyeste version.")
    assert "to dage." in text and "tre dage." in text
    assert "…" in text


def test_excerpt_cuts_at_word_boundaries() -> None:
    text = " ".join(f"ord{n}" for n in range(40))
    cut = excerpt(text, text.index("ord20"))
    assert cut.startswith("…ord") and cut.endswith("…")
    assert all(word.startswith("ord") for word in cut.strip("…").split())
    assert "ord20" in cut


def _rich_body() -> list[str]:
    """Paragraphs with every element the one-walk text scan tells apart, and edge spaces."""
    return [
        para("Omfang", style="Heading1"),
        para("Før tab", "<w:r><w:tab/><w:t>efter tab</w:t><w:br/><w:t>ny linje</w:t></w:r>"),
        para("<w:r><w:t>  uden preserve  </w:t></w:r>", run(" med preserve ")),
        para("Note her", footnote_ref(1)),
        para("<w:r><w:noBreakHyphen/><w:softHyphen/><w:t>bindestreger</w:t></w:r>"),
        para(""),
    ]


@pytest.mark.parametrize("boxed", [False, True])
def test_one_walk_text_scan_reads_what_each_paragraph_reads(boxed: bool) -> None:
    """The views' cached texts (one walk, or per paragraph when a text box nests paragraphs)
    equal the paragraph-by-paragraph reading, tabs, breaks, note marks and edge spaces included."""
    body = _rich_body()
    if boxed:
        box = text_box(para("I feltet"), para("Anden linje i feltet", run("\tmed tab")))
        body.append(para(run("Før feltet"), box, run(" efter feltet")))
        body.append(para("Efter afsnittet med feltet"))
    parts = read_parts(make_docx(body, footnotes={1: "Noten."}))
    root = etree.fromstring(parts["word/document.xml"])
    reference = blocks_lines(root.find(f"{W}body"), "accept")  # no cache: para_text throughout
    got = document_lines(parts, "accept")["body"]
    assert got == reference
    cached = cache_texts(root)
    assert cached, "the paragraphs apart from the text box are still read in one walk"
    for p, text in cached.items():
        assert text == para_text(p)[0]
    texts = [line.text for line in got]
    assert "Før tab\tefter tab\nny linje" in texts
    assert "uden preserve med preserve " in texts
    assert "Note her[fodnote]" in texts
    assert "\u2011\u00adbindestreger" in texts
    assert ("[tekstfelt]" in texts) is boxed
    if boxed:
        assert "Før feltet efter feltet" in texts and "Efter afsnittet med feltet" in texts
        assert "Anden linje i feltet\tmed tab" in texts


def test_a_deviation_in_the_last_view_still_names_its_paragraph(tmp_path: Path) -> None:
    """The reject view takes the parsed redline without a copy; when it differs, the lines are
    read again with their paragraph numbers, so the comment still finds its place."""
    old, new = scenarios()["ord"]
    data = redline(tmp_path, old, new)
    parts = read_parts(data)
    doc = parts["word/document.xml"]
    assert b"<w:delText" in doc
    start = doc.index(b"<w:delText")
    start = doc.index(b">", start) + 1
    parts["word/document.xml"] = doc[:start] + b"X" + doc[start:]
    [dev] = check(parts, read_parts(old), read_parts(new))
    assert dev.view == "reject"
    assert dev.para >= 0
    assert "X" in dev.found and "X" not in dev.expected


def test_inputs_handed_over_as_read_give_the_same_deviations(tmp_path: Path) -> None:
    """The main parts given parsed (as compare_packages does) are viewed as the bytes are."""
    old, new = scenarios()["ord"]
    parts = read_parts(redline(tmp_path, old, new))
    parts["word/document.xml"] = parts["word/document.xml"].replace(
        b'preserve">tre</w:t>', b'preserve">fire</w:t>'
    )
    olds, news = read_parts(old), read_parts(new)
    as_read = {
        side: etree.fromstring(source["word/document.xml"])
        for side, source in (("old", olds), ("new", news))
    }
    found = check(parts, olds, news, as_read)
    assert found == check(parts, olds, news)
    assert [(d.view, "fire dage" in d.found) for d in found] == [("accept", True)]
    assert check(parts, olds, news) != []  # not vacuous
    assert as_read == {}  # each tree viewed in place, once


def test_the_check_reads_the_inputs_before_the_comparison_touches_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not the comparison's trees: an engine that changed the older version's text as it read it
    (and so wrote that text into the redline) is caught by the reject view."""
    import assembler.compare.packages as packages

    real = packages._compare

    def careless(*args: object) -> object:
        old_root = args[4]
        assert isinstance(old_root, etree._Element)
        for t in old_root.iter(f"{W}t"):
            if t.text and "to dage" in t.text:
                t.text = t.text.replace("to dage", "syv dage")
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(packages, "_compare", careless)
    old, new = scenarios()["ord"]
    (tmp_path / "v1.docx").write_bytes(old)
    (tmp_path / "v2.docx").write_bytes(new)
    result = compare_packages(
        read_package(tmp_path / "v1.docx"), read_package(tmp_path / "v2.docx"), "T", "2026-02-01"
    )
    [message] = result.deviations
    assert "afvis alle giver ikke den ældre version" in message
    assert "to dage" in message and "syv dage" in message
