"""The review copy: Word comments anchored at the right paragraphs, original untouched."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import audit
from assembler.audit.review_copy import is_own_review, review_path, review_target, write_review
from assembler.library.model import Library
from assembler.ooxml.comments import add_comments
from assembler.ooxml.ns import CT_COMMENTS, REL_COMMENTS, qn
from tests.conftest import convert_with_libreoffice
from tests.unit.audit import drafts


def comment_anchors(path: Path) -> dict[str, tuple[str, str]]:
    """Comment id → (text of the commented paragraph, comment text), read back from the XML."""
    with zipfile.ZipFile(path) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        comments = etree.fromstring(z.read("word/comments.xml"))
    texts = {
        c.get(qn("w:id")): "\n".join("".join(t.text or "" for t in p.iter(qn("w:t")))
                                     for p in c.iter(qn("w:p")))
        for c in comments.iter(qn("w:comment"))
    }  # fmt: skip
    out = {}
    for start in body.iter(qn("w:commentRangeStart")):
        cid = start.get(qn("w:id"))
        p = start.getparent()
        ends = [e.get(qn("w:id")) for e in p.iter(qn("w:commentRangeEnd"))]
        refs = [r.get(qn("w:id")) for r in p.iter(qn("w:commentReference"))]
        assert cid in ends and cid in refs, cid
        out[cid] = ("".join(t.text or "" for t in p.iter(qn("w:t"))), texts[cid])
    assert set(out) == set(texts)
    return out


def reviewed(library: Library, source: Path, sector: str | None = None) -> Path:
    result, draft = audit(library, source, sector)
    target, replaces = review_target(source, None, overwrite=False)
    write_review(draft, comment_plan(result, draft), target, replaces)
    return target


def test_comments_are_anchored_at_their_topics(library: Library, tmp_path: Path) -> None:
    source = drafts.individual(tmp_path)
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    target = reviewed(library, source, "stat")
    assert target.name == "anne-gennemgang.docx"
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before
    anchors = comment_anchors(target)
    by_rule = {text.split(" ", 1)[0]: para for para, text in anchors.values()}
    first = "Individuel aftale om hjemmearbejde"
    summary = next(text for para, text in anchors.values() if text.startswith("Gennemgang"))
    assert "Arbejdssted; Ikrafttræden" in summary and "Kontakttid" in summary
    assert by_rule["Gennemgang"] == first
    assert by_rule["R24"] == "Omfang og placering"
    assert by_rule["R31"] == "Opsigelse"
    assert by_rule["R03"] == first and by_rule["R50"] == first
    with zipfile.ZipFile(target) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert CT_COMMENTS in types and REL_COMMENTS in rels
    assert docx.Document(str(target)).paragraphs[0].text == first


def test_existing_comments_are_kept_and_ids_stay_unique(library: Library, tmp_path: Path) -> None:
    first_copy = reviewed(library, drafts.local_styled(tmp_path))
    second = review_path(first_copy, None)
    result, draft = audit(library, first_copy)
    write_review(draft, comment_plan(result, draft), second, replace=False)
    anchors = comment_anchors(second)
    assert len(anchors) == 2 * len(comment_anchors(first_copy))


def test_own_review_copy_is_replaced_a_foreign_file_is_not(
    library: Library, tmp_path: Path
) -> None:
    source = drafts.local_styled(tmp_path)
    target = reviewed(library, source)
    assert is_own_review(target) and not is_own_review(source)
    assert reviewed(library, source) == target  # our own earlier copy: replaced
    foreign = review_path(source, None)
    foreign.write_bytes(source.read_bytes())  # the user's own file under that name
    second = reviewed(library, source)
    assert second.name == "ledelsens_udkast-gennemgang-2.docx"
    assert foreign.read_bytes() == source.read_bytes()  # left alone
    assert reviewed(library, source) == second  # and -2 is ours now: replaced next time
    assert review_target(source, None, overwrite=True) == (foreign, True)


def test_add_comments_on_paragraph_without_properties() -> None:
    parts = {
        "word/_rels/document.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>',
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    }  # fmt: skip
    body = etree.fromstring(
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>Hej</w:t></w:r></w:p></w:body></w:document>"
    )
    p = next(body.iter(qn("w:p")))
    assert add_comments(parts, body, [(p, "a\nb"), (p, "c")]) == [1, 2]
    tags = [etree.QName(c).localname for c in p]
    assert tags == ["commentRangeStart", "commentRangeStart", "r", "commentRangeEnd", "r",
                    "commentRangeEnd", "r"]  # fmt: skip
    comments = etree.fromstring(parts["word/comments.xml"])
    assert [len(c.findall(qn("w:p"))) for c in comments] == [2, 1]
    assert b"/word/comments.xml" in parts["[Content_Types].xml"]


@pytest.mark.libreoffice
def test_review_copy_opens_in_libreoffice(library: Library, soffice: str, tmp_path: Path) -> None:
    target = reviewed(library, drafts.local_numbered(tmp_path), "stat")
    out = tmp_path / "lo"
    out.mkdir()
    convert_with_libreoffice(soffice, target, out, "pdf")
    resaved = convert_with_libreoffice(soffice, target, out, "odt")
    with zipfile.ZipFile(resaved) as z:
        content = z.read("content.xml").decode("utf-8")
    assert "office:annotation" in content and "R04 (fejl)" in content
    assert (
        "Manglende emner: Ad hoc-hjemmearbejde; Frivillighed; Formål; Forholdet til de "
        "individuelle aftaler; Tilgængelighed; Forsikring og erstatning; Uenighed om Aftalen; "
        "Ikrafttræden og opsigelse; Individuelle aftaler ved lokalaftalens ophør." in content
    )
