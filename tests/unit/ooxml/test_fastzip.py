"""The zip writer's fast path for each agreement's own parts: valid, deterministic, uncached."""

from __future__ import annotations

import io
import zipfile
import zlib

from assembler.ooxml.fastzip import FAST, QUICK_LEVEL, DeflateCache, deflate, fast_package_bytes
from assembler.ooxml.package import package_bytes
from assembler.render.templates import TemplateSet


def test_fast_parts_read_back_with_their_crc_and_stay_out_of_the_cache(
    templates: TemplateSet,
) -> None:
    parts = dict(templates.individual.package.parts)
    body = parts["word/document.xml"] + b"<!-- " + "æøå".encode() * 3000 + b" -->"
    parts["word/document.xml"] = body
    quick = frozenset({"word/document.xml"})
    cache = DeflateCache()
    data = fast_package_bytes(parts, cache, quick, FAST)
    assert data == fast_package_bytes(parts, DeflateCache(), quick, FAST)  # deterministic
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None  # every member's CRC checks
        assert archive.namelist() == list(
            zipfile.ZipFile(io.BytesIO(package_bytes(parts))).namelist()
        )
        assert {name: archive.read(name) for name in archive.namelist()} == parts
        assert archive.getinfo("word/document.xml").compress_type == zipfile.ZIP_DEFLATED
        assert archive.getinfo("word/document.xml").compress_size < len(body) / 3
    assert body not in cache._items  # a part unique to one document is not kept


def test_deflate_levels_give_zlibs_crc_and_streams_zlib_reads() -> None:
    sample = b"<w:p><w:r><w:t>Stk. 2.</w:t></w:r></w:p>" * 500
    for level in (FAST, QUICK_LEVEL, 6):
        crc, packed = deflate(sample, level)
        assert crc == zlib.crc32(sample)
        assert zlib.decompress(packed, -15) == sample
    assert deflate(sample, 6)[1] == zlib.compress(sample, 6, -15)  # zipfile's stream
