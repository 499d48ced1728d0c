"""The overview's child (compare/forked.py) loads only modules whose code it runs (issue 14)."""

from __future__ import annotations

import json
import subprocess
import sys

# Modules the assessment's imports used to load without ever running a function of them.
NOT_NEEDED = ("assembler.ooxml.comments", "assembler.library.terms", "assembler.render.signatures")


def test_the_assessment_loads_no_comment_writer_term_checker_or_signatures() -> None:
    script = (
        "import json, sys\n"
        "import assembler.compare.assessed, assembler.audit.review, assembler.audit.changes\n"
        "import assembler.render.annex, assembler.ooxml.customxml\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(done.stdout))
    assert "assembler.render.context" in loaded and "assembler.rules.registry" in loaded
    assert [name for name in NOT_NEEDED if name in loaded] == []


def test_what_moved_out_of_the_way_still_works_where_it_is_used() -> None:
    from assembler.library.model import Param
    from assembler.ooxml.comments import add_comments
    from assembler.ooxml.customxml import DOC_RELS, read_payload
    from assembler.ooxml.ns import EMPTY_RELS
    from assembler.render.annex import field_line

    param = Param("navn", "text", "Medarbejderens navn", "")
    assert field_line(param) == "Navn: " + "_" * 24
    assert b"relationships" in EMPTY_RELS and DOC_RELS == "word/_rels/document.xml.rels"
    assert callable(add_comments) and callable(read_payload)
