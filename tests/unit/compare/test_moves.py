"""Which paragraph counts as moved: the longer text stays in place, the shorter one moves."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from lxml import etree

from assembler.compare.seqdiff import block_opcodes
from tests.unit.compare.fixtures import make_docx, para
from tests.unit.compare.oracle import document_view
from tests.unit.compare.test_gates import redline

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHORT = "Kaffeordningen fortsætter uændret."
LONG = (
    "Medarbejderen skal kunne kontaktes i kernetiden mellem kl. 9 og 15, og arbejdsgiveren kan "
    "med rimeligt varsel kalde medarbejderen ind til møder, kurser og andre opgaver på "
    "arbejdsstedet, når driften kræver det, uden at hjemmearbejdsdagen erstattes."
)
LAST = "Aftalen kan opsiges med tre måneders varsel til udgangen af en måned."


def _moved_texts(data: bytes) -> tuple[list[str], list[str]]:
    """Texts inside w:moveFrom and w:moveTo of a redline's body."""
    doc = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    moved_from = ["".join(m.itertext()) for m in doc.iter(f"{W}moveFrom") if len(m)]
    moved_to = ["".join(m.itertext()) for m in doc.iter(f"{W}moveTo") if len(m)]
    return moved_from, moved_to


def test_short_paragraph_moves_not_the_long_one(tmp_path: Path) -> None:
    old = make_docx([para("Hjemmearbejde", style="Heading1"), para(SHORT), para(LONG), para(LAST)])
    new = make_docx([para("Hjemmearbejde", style="Heading1"), para(LONG), para(SHORT), para(LAST)])
    data = redline(tmp_path, old, new)
    assert _moved_texts(data) == ([SHORT], [SHORT])
    assert document_view(data, "accept") == document_view(new, "accept")
    assert document_view(data, "reject") == document_view(old, "reject")


def test_long_clause_stays_when_short_clause_moves_up(tmp_path: Path) -> None:
    old = make_docx([para(LONG), para(LONG + " Det gælder også fredag."), para(SHORT), para(LAST)])
    new = make_docx([para(SHORT), para(LONG), para(LONG + " Det gælder også fredag."), para(LAST)])
    assert _moved_texts(redline(tmp_path, old, new)) == ([SHORT], [SHORT])


def test_block_opcodes_keep_heaviest_chain() -> None:
    ops = block_opcodes(["s", "LONG", "x"], ["LONG", "s", "x"], [1, 100, 5])
    assert ("equal", 1, 2, 0, 1) in ops
    ops = block_opcodes(["s", "LONG", "x"], ["LONG", "s", "x"], [100, 1, 5])
    assert ("equal", 0, 1, 1, 2) in ops


def test_block_opcodes_cover_both_sequences() -> None:
    rnd = random.Random(5)
    for _ in range(2000):
        old = [rnd.choice("abcdefgh") * rnd.randint(1, 4) for _ in range(rnd.randint(0, 10))]
        new = list(old)
        if rnd.random() < 0.4:
            rnd.shuffle(new)
        for _ in range(rnd.randint(0, 3)):
            if new and rnd.random() < 0.5:
                del new[rnd.randrange(len(new))]
            else:
                new.insert(rnd.randint(0, len(new)), rnd.choice("abxyz") * rnd.randint(1, 4))
        i = j = 0
        for tag, i1, i2, j1, j2 in block_opcodes(old, new):
            assert (i1, j1) == (i, j)
            if tag == "equal":
                assert old[i1:i2] == new[j1:j2]
            i, j = i2, j2
        assert (i, j) == (len(old), len(new))


def _heaviest_chain_tuples(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The chain search as first written, on (weight, index) tuples: the reference."""
    size = max(j for _, j, _ in pairs) + 2
    tree = [(0, -1)] * size
    best: list[tuple[int, int]] = []
    for n, (_, j, weight) in enumerate(pairs):
        prev, k = (0, -1), j
        while k > 0:
            prev = max(prev, tree[k])
            k -= k & -k
        best.append((prev[0] + weight, prev[1]))
        k = j + 1
        while k < size:
            tree[k] = max(tree[k], (prev[0] + weight, n))
            k += k & -k
    n = max(range(len(best)), key=lambda m: best[m][0])
    chain = []
    while n >= 0:
        chain.append(pairs[n][:2])
        n = best[n][1]
    return chain[::-1]


def test_heaviest_chain_equals_the_tuple_version() -> None:
    """Ties included (equal weights everywhere, or few distinct ones), the same chain."""
    from assembler.compare.seqdiff import _heaviest_chain

    rnd = random.Random(14)
    for _ in range(3000):
        n = rnd.randrange(1, 40)
        js = rnd.sample(range(n + rnd.randrange(0, 10)), n)
        weights = [rnd.choice([1, 2, 3, 50, rnd.randrange(1, 10_000)]) for _ in range(n)]
        if rnd.random() < 0.3:
            weights = [7] * n
        pairs = [(i, j, w) for i, (j, w) in enumerate(zip(js, weights, strict=True))]
        assert _heaviest_chain(pairs) == _heaviest_chain_tuples(pairs), pairs
