"""Rounds v1 → v2 → v3 where v3 carries its own tracked changes: every redline complete.

The newest version's own revisions describe a change from its original view (the text before
them); the redline keeps them with their authors and adds ours from the older version to that
original view. So accept-all of a redline is accept-all of the newest version and reject-all is
reject-all of the oldest, for each round and for the combined v1 → v3 redline.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from assembler.compare.deviations import difference_da, message_da
from assembler.compare.model import Round
from assembler.compare.revisions import RevisionContext, make_ppr, prior_inserted
from assembler.compare.rounds import compare_versions
from assembler.compare.selfcheck import Deviation
from tests.acceptance.cli_helpers import run_cli
from tests.unit.compare.fixtures import make_docx, para, run
from tests.unit.compare.oracle import W, document_view, w
from tests.unit.compare.prior_rounds import ADDED, FREE, TR, TRAVEL, three_versions
from tests.unit.compare.test_gates import _doc, redline
from tests.unit.compare.test_word_validity import new_findings


def _rounds(tmp_path: Path) -> tuple[list[Path], list[Round]]:
    """The three versions written to disk and compared round by round and v1 → v3."""
    paths = []
    for k, data in enumerate(three_versions(), start=1):
        paths.append(tmp_path / f"v{k}.docx")
        paths[-1].write_bytes(data)
    return paths, compare_versions(paths, ["Ledelsen", "TR"], ["2026-03-01", "2026-03-08"])


def _body(data: bytes) -> etree._Element:
    """The redline's w:body."""
    body = etree.fromstring(_doc(data)).find(w("body"))
    assert body is not None
    return body


def _mark_revisions(p: etree._Element) -> list[str]:
    """The revision elements on a paragraph's mark, in order, as local names."""
    rpr = p.find(f"{w('pPr')}/{w('rPr')}")
    kinds = {w(k): k for k in ("ins", "del", "moveFrom", "moveTo")}
    return [kinds[c.tag] for c in rpr if c.tag in kinds] if rpr is not None else []


def _para(body: etree._Element, text: str) -> list[etree._Element]:
    """The paragraphs whose text (also deleted text) is `text`."""
    return [
        p
        for p in body.iter(w("p"))
        if "".join(t.text or "" for t in p.iter(w("t"), w("delText"))) == text
    ]


def test_every_round_round_trips_without_deviations(tmp_path: Path) -> None:
    paths, rounds = _rounds(tmp_path)
    assert [r.label for r in rounds] == ["v1→v2", "v2→v3", "v1→v3"]
    versions = [p.read_bytes() for p in paths]
    ends = {"v1→v2": (0, 1), "v2→v3": (1, 2), "v1→v3": (0, 2)}
    for rnd in rounds:
        old, new = ends[rnd.label]
        assert rnd.deviations == [], rnd.label
        assert document_view(rnd.data, "accept") == document_view(versions[new], "accept")
        assert document_view(rnd.data, "reject") == document_view(versions[old], "reject")
    # v3's text before its own revisions is v2: that round adds no revision of ours
    assert rounds[1].counts == {}


def test_v3s_own_revisions_keep_their_author_and_date(tmp_path: Path) -> None:
    paths, rounds = _rounds(tmp_path)
    theirs = _doc(paths[2].read_bytes()).count(b'w:author="TR" w:date="2026-03-08T10:00:00Z"')
    for rnd in rounds[1:]:
        doc = _doc(rnd.data)
        assert doc.count(b'w:author="TR" w:date="2026-03-08T10:00:00Z"') >= theirs, rnd.label


def test_combined_redline_stacks_marks_as_word_does(tmp_path: Path) -> None:
    """A paragraph v2 added and v3 deletes is inserted (ours) and deleted (theirs) in v1 → v3."""
    _, rounds = _rounds(tmp_path)
    body = _body(rounds[2].data)
    (added,) = _para(body, ADDED)
    assert _mark_revisions(added) == ["ins", "del"]  # schema order: ins, del, moveFrom, moveTo
    # the paragraphs v2 deleted and v3 inserts again: our deletion beside their insertion
    for text in TRAVEL:
        assert sorted(_mark_revisions(p)[0] for p in _para(body, text)) == ["del", "ins"]
    # the clause v3 moves back: their move kept on both places, marks too
    assert sorted(_mark_revisions(p)[0] for p in _para(body, FREE[0])) == ["moveFrom", "moveTo"]


def test_moved_mark_keeps_the_newer_versions_move_away() -> None:
    """Our move of a paragraph to where the newer version moves it away from: both on the mark,
    w:moveFrom before w:moveTo as the schema orders them (and Word writes them)."""
    ctx = RevisionContext("Ledelsen", "2026-03-01T00:00:00Z", next_id=100)
    src = etree.fromstring(
        f'<w:pPr xmlns:w="{W}"><w:pStyle w:val="Heading1"/><w:rPr>'
        f'<w:moveFrom w:id="7" w:author="TR" w:date="2026-03-08T10:00:00Z"/><w:b/></w:rPr></w:pPr>'
    )
    ppr = make_ppr(ctx, src, "mt", from_old=False)
    rpr = ppr.find(w("rPr"))
    assert [c.tag for c in rpr] == [w("moveFrom"), w("moveTo"), w("b")]
    assert [c.get(w("author")) for c in rpr][:2] == ["TR", "Ledelsen"]
    # an older paragraph (our deletion) never carries the older version's own mark revisions
    gone = make_ppr(ctx, src, "del", from_old=True).find(w("rPr"))
    assert [c.tag for c in gone] == [w("del"), w("b")]


def test_command_exits_0_on_the_three_rounds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths, _ = _rounds(tmp_path)
    out = tmp_path / "r.docx"
    result = run_cli(capsys, "sammenlign", *map(str, paths), "-o", str(out))
    assert result.code == 0, result.err
    assert "kunne ikke spores" not in result.out + result.err
    assert out.exists() and (tmp_path / "r-runde2.docx").exists()
    # round v2→v3 adds nothing of ours, but never reads as if v3 changed nothing
    said, v3 = " ".join(result.out.split()), re.escape(paths[2].name)
    assert re.search(
        rf"Ingen ændringer ud over de [1-9]\d* sporede ændringer, som {v3} selv indeholder; de "
        "står i redlinen",
        said,
    ), said
    assert re.search(rf"\(0 sporede ændringer; [1-9]\d* fra {v3} selv\)", said), said


@pytest.mark.skipif(shutil.which("jubarte-redlines") is None, reason="jubarte-redlines mangler")
def test_rounds_with_prior_revisions_have_no_new_validity_finding(tmp_path: Path) -> None:
    """Stacked marks and text in their moveFrom as Word writes it (w:t, never w:delText)."""
    paths, rounds = _rounds(tmp_path)
    for k, rnd in enumerate(rounds):
        out = tmp_path / f"r{k}.docx"
        out.write_bytes(rnd.data)
        assert new_findings(out, *paths) == set(), rnd.label


# Root cause 1: a paragraph only prior revisions insert is no paragraph of the original view.


def test_paragraph_only_prior_revisions_insert_passes_through(tmp_path: Path) -> None:
    old, _, new = three_versions()[1], None, three_versions()[2]
    data = redline(tmp_path, old, new)
    body = _body(data)
    for text in TRAVEL:  # kept as TR wrote them, with no revision of ours around them
        (p,) = _para(body, text)
        assert _mark_revisions(p) == ["ins"]
        assert b'author="Tester"' not in etree.tostring(p)


def test_prior_inserted_needs_mark_and_all_content_inserted() -> None:
    v3 = etree.fromstring(_doc(three_versions()[2]))
    paragraphs = list(v3.iter(w("p")))
    found = {"".join(t.text or "" for t in p.iter(w("t"), w("delText"))) for p in paragraphs}
    inserted = {
        "".join(t.text or "" for t in p.iter(w("t"))) for p in paragraphs if prior_inserted(p)
    }
    assert inserted == {"Frivillighed", *FREE, *TRAVEL}  # the moveTo copy and the two w:ins
    assert ADDED in found and ADDED not in inserted  # a deleted mark exists before the change


def test_older_version_with_prior_insertions_is_read_before_them(tmp_path: Path) -> None:
    """v3 → v1: v3's inserted paragraphs are not in v3's original view, so nothing of them
    comes back on reject-all, and nothing is lost on accept-all."""
    v1, _, v3 = three_versions()
    data = redline(tmp_path, v3, v1)
    assert document_view(data, "accept") == document_view(v1, "accept")
    assert document_view(data, "reject") == document_view(v3, "reject")


# Root cause 2: our insertion of a paragraph replaced the newer version's deletion of its mark.


def test_inserted_mark_keeps_the_newer_versions_deletion(tmp_path: Path) -> None:
    v1, _, v3 = three_versions()
    body = _body(redline(tmp_path, v1, v3))
    (added,) = _para(body, ADDED)
    ids = [c.get(w("id")) for c in added.find(f"{w('pPr')}/{w('rPr')}")]
    assert _mark_revisions(added) == ["ins", "del"] and len(set(ids)) == 2
    authors = [c.get(w("author")) for c in added.find(f"{w('pPr')}/{w('rPr')}")]
    assert authors == ["Tester", "TR"]


# The message: two texts that read the same are never shown as "expected … but got …".


@pytest.mark.parametrize(
    ("expected", "found", "says"),
    [
        ((), ("",), "redlinen giver et tomt afsnit for meget"),
        ((), ("", "", ""), "redlinen giver tre tomme afsnit for meget"),
        (("", ""), (), "to tomme afsnit mangler"),
        (
            ("Frivillighed", "Hjemmearbejde"),
            ("FrivillighedHjemmearbejde",),
            "et afsnitsskift mangler",
        ),
        (("ab",), ("a", "b"), "redlinen har et afsnitsskift for meget"),
        (("a b", "c"), ("c", "a b"), "afsnittene står i en anden rækkefølge"),
        (("a b",), ("a  b",), "mellemrum, tabulatorer eller linjeskift er forskellige"),
    ],
)
def test_difference_is_named_in_danish(
    expected: tuple[str, ...], found: tuple[str, ...], says: str
) -> None:
    dev = Deviation("body", "accept", "\n".join(expected), "\n".join(found), 3, expected, found)
    assert difference_da(dev) == says
    text = message_da(dev, "Frivillighed")
    assert says in text
    if "Forventet" in text:  # texts only when the excerpts differ
        want = text.split("Forventet „")[1].split("“")[0]
        got = text.split("giver „")[-1].split("“")[0]
        assert want != got


def test_paragraph_in_two_places_is_named() -> None:
    dev = Deviation(
        "body", "reject", "", FREE[0], 3, (), (FREE[0],), twice=(FREE[0],), elsewhere=()
    )
    assert "står to steder" in message_da(dev, "Frivillighed")


def test_words_that_differ_keep_the_excerpts() -> None:
    dev = Deviation("body", "accept", "kl. 9.00", "kl. 8.30", 3, ("kl. 9.00",), ("kl. 8.30",))
    assert difference_da(dev) == ""
    assert message_da(dev, "Tilgængelighed").endswith(
        "Forventet „kl. 9.00“, men redlinen giver „kl. 8.30“."
    )


# Root cause 3: a paragraph rebuilt around the newer version's own w:moveFrom wrote w:delText.


def test_text_in_a_prior_move_from_stays_w_t(tmp_path: Path) -> None:
    old = make_docx([para("Medarbejderen arbejder hjemme to dage om ugen.")])
    moved = f'<w:moveFrom w:id="5" {TR}>{run("to dage ")}</w:moveFrom>'
    new = make_docx([para("Medarbejderen arbejder hjemme ", moved, "om måneden.")])
    data = redline(tmp_path, old, new)
    body = _body(data)
    (move,) = body.iter(w("moveFrom"))
    assert [t.tag for t in move.iter(w("t"), w("delText"))] == [w("t")]
    assert b'author="Tester"' in _doc(data)  # the paragraph was rebuilt with our change in it
    assert document_view(data, "accept") == document_view(new, "accept")
    assert document_view(data, "reject") == document_view(old, "reject")
