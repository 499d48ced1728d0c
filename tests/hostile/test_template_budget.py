"""Templates that would make endless text: refused before rendering, or stopped while rendering.

Before: `"xxxxxxxxxx"|replace("x", "xxxxxxxxxx")` eight times over took 1.1 GB and ended in an
internal MemoryError, `"a\\nb"|indent(1000000000)` wrote a 1 GB document, eight nested loops
over literal lists ran 20 s at 1 GB, and a thousand nested brackets were a RecursionError.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import aftale, assert_refused, snapshot
from tests.hostile.test_outputs import _template

TEN = '"xxxxxxxxxx"'
GROW = '|replace("x","xxxxxxxxxx")'
LOOP = "{% for a in [1,2,3,4,5,6,7,8,9,10] %}"


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("{{ " + TEN + GROW * 8 + " }}", ["laver for meget tekst"]),
        ('{{ "a\\nb"|indent(1000000000) }}', ["laver for meget tekst"]),
        ('{{ felter.parter.navn|replace("", "' + "x" * 2000 + '")|replace("x", "' + "x" * 30
         + '") }}', ["laver for meget tekst", "felter.parter.navn"]),
        ("{{ (" + TEN + GROW * 5 + ") ~ (" + TEN + GROW * 5 + ") }}", ["laver for meget tekst"]),
        ("{{ " + TEN + GROW * 5 + " + " + TEN + GROW * 5 + " }}", ["laver for meget tekst"]),
        (LOOP * 4 + "x" + "{% endfor %}" * 4, ["mere end 3 løkker inden i hinanden"]),
        ("{% for a in [" + ",".join(["1"] * 101) + "] %}x{% endfor %}",
         ["lister med mere end 100 elementer"]),
        ("{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", ["for dybt indlejret"]),
        ("{{ 'x'|center(1000000000) }}", ["filteret „center“"]),
    ],
    ids=["replace-chain", "indent", "replace-field", "join", "plus", "loops", "literal-list",
         "brackets", "center"],
)  # fmt: skip
def test_a_template_that_makes_endless_text_is_refused(
    tmp_path: Path, text: str, needles: list[str]
) -> None:
    shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml")
    _template(tmp_path, text)
    before = snapshot(tmp_path)
    run = aftale("generer", "svar.yaml", "-o", "ud", "--skabelon-individuel", "brevpapir.docx",
                 cwd=tmp_path)  # fmt: skip
    assert_refused(run, "brevpapir.docx", *needles)
    assert run.peak_mb < 200, run.peak_mb
    assert snapshot(tmp_path) == before
