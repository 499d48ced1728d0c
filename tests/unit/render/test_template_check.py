"""Templates are checked against docxtpl's pitfalls, with places a person can find in Word."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from jinja2.exceptions import SecurityError

from assembler.errors import TemplateError
from assembler.render.engine import CompiledTemplate, compile_template, make_environment

SCHEMA = {
    "aftale": {"titel": None},
    "klausuler": [{"titel": None}],
    "felter": {"parter": {"navn": None}},
}


def _template(tmp_path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    path = tmp_path / "skabelon.docx"
    document.save(str(path))
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(TemplateError) as exc:
        compile_template(path, SCHEMA)
    return exc.value.problems


def test_a_clean_template_compiles_and_renders(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ aftale.titel }}", "{%p for k in klausuler %}", "{{ k.titel }}",
                     "{%p endfor %}")  # fmt: skip
    compiled = compile_template(path, SCHEMA)
    context = {"aftale": {"titel": "Region H & Co <AS>"}, "klausuler": [{"titel": "„Citat“"}]}
    xml = compiled.render_parts(context)["word/document.xml"]
    assert b"Region H &amp; Co &lt;AS&gt;" in xml
    assert "„Citat“".encode() in xml
    assert b"{%" not in xml and b"{{" not in xml


def test_tag_split_across_runs_still_works(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph()
    for piece in ("{{ aftale.", "titel", " }}"):
        para.add_run(piece).bold = piece == "titel"
    path = tmp_path / "split.docx"
    document.save(str(path))
    xml = compile_template(path, SCHEMA).render_parts({"aftale": {"titel": "OK"}})
    assert b">OK<" in xml["word/document.xml"]


def test_broken_tag_is_located_by_paragraph(tmp_path: Path) -> None:
    [problem] = _problems(_template(tmp_path, "Intro", "Hej {{ aftale.titel }"))
    assert "afsnit 2" in problem and "lukkes ikke" in problem and "brødteksten" in problem


def test_danish_quotes_inside_tags_are_normalised(tmp_path: Path) -> None:
    path = _template(tmp_path, "{{ „Lokalaftale“ if aftale.titel else »x« }}")
    xml = compile_template(path, SCHEMA).render_parts({"aftale": {"titel": "t"}})
    assert b">Lokalaftale<" in xml["word/document.xml"]


def test_text_beside_paragraph_tag_is_refused(tmp_path: Path) -> None:
    [problem] = _problems(_template(tmp_path, "Vigtigt {%p if aftale.titel %}", "{%p endif %}"))
    assert "ville blive slettet" in problem and "afsnit 1" in problem


def test_space_after_percent_in_paragraph_tag(tmp_path: Path) -> None:
    problems = _problems(_template(tmp_path, "{% p if aftale.titel %}", "{%p endif %}"))
    assert any("uden mellemrum" in p for p in problems)


def test_unknown_variable_is_named(tmp_path: Path) -> None:
    problems = _problems(
        _template(
            tmp_path,
            "{%p for k in klausuler %}",
            "{{ k.titl }}",
            "{%p endfor %}",
            "{{ felter.parter.navnet }}",
            "{{ ukendt }}",
        )
    )
    assert any("'k.titl'" in p for p in problems)
    assert any("'felter.parter.navnet'" in p for p in problems)
    assert any("'ukendt'" in p for p in problems)


def test_plain_for_in_table_row_is_refused(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "{% for k in klausuler %}{{ k.titel }}{% endfor %}"
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    assert any("{%tr for" in p for p in _problems(path))


def test_tracked_changes_and_comments_are_refused(tmp_path: Path) -> None:
    document = docx.Document()
    para = document.add_paragraph("Tekst")
    para._p.append(parse_xml(
        f'<w:del {nsdecls("w")} w:id="1" w:author="X">'
        "<w:r><w:delText>slettet</w:delText></w:r></w:del>"
    ))  # fmt: skip
    document.add_comment(para.runs, text="En kommentar", author="Jurist")
    path = tmp_path / "rev.docx"
    document.save(str(path))
    problems = _problems(path)
    assert any("registrerede ændringer" in p for p in problems)
    assert any("kommentarer" in p for p in problems)


@pytest.mark.parametrize(
    ("tag", "refusal"),
    [
        ("{{ aftale.titel.__class__ }}", "navne, der begynder med _ („__class__“)"),
        ("{{ aftale['_x'] }}", "navne, der begynder med _ („_x“)"),
        ("{{ aftale.titel.upper() }}", "funktions- og metodekald"),
        ("{{ aftale.titel.upper }}", "egenskaber ved et felts værdi („aftale.titel.upper“)"),
        ("{{ aftale.titel | attr('x') }}", "filteret „attr“"),
        ("{{ aftale.titel * 3 }}", "gange (*)"),
        ("{{ 9 ** 9 }}", "potens (**)"),
        ("{% autoescape false %}{{ aftale.titel }}{% endautoescape %}", "{% autoescape %}"),
        ("{% include 'x' %}", "{% include %}"),
    ],
)
def test_the_check_refuses_what_a_template_may_not_do(
    tmp_path: Path, tag: str, refusal: str
) -> None:
    problems = _problems(_template(tmp_path, "Indledning", f"Tekst {tag}"))
    assert any(refusal in p and "brødteksten, afsnittet „Tekst " in p for p in problems), problems


def test_loop_attributes_and_safe_filters_are_allowed(tmp_path: Path) -> None:
    path = _template(tmp_path, "{%p for k in klausuler %}",
                     "{{ loop.index }}. {{ k.titel | upper }}", "{%p endfor %}")  # fmt: skip
    xml = compile_template(path, SCHEMA).render_parts({"klausuler": [{"titel": "a"}]})
    assert b">1. A<" in xml["word/document.xml"]


def test_the_sandbox_guards_rendering_too() -> None:
    env = make_environment()
    with pytest.raises(SecurityError):
        env.from_string("{{ ''.__class__ }}").render()
    with pytest.raises(SecurityError):
        env.from_string("{{ 'x' * n }}").render(n=10**9)


def test_a_render_time_error_names_paragraph_and_field(tmp_path: Path) -> None:
    path = _template(tmp_path, "Intro", "Dage: {{ aftale.titel + 1 }}")
    compiled = compile_template(path, SCHEMA)
    with pytest.raises(TemplateError) as caught:
        compiled.render_parts({"aftale": {"titel": "tekst"}})
    assert caught.value.message_da == (
        "skabelon.docx, brødteksten, afsnittet „Dage: {{ aftale.titel + 1 }}“: udtrykket blander "
        "typer, der ikke kan regnes sammen (fx tekst og tal) (feltet aftale.titel). Ret mærket i "
        "skabelonen."
    )


def _with_breaks_only(compiled: CompiledTemplate) -> CompiledTemplate:
    """The same compiled template rendered only the way it was before the unbroken path."""
    return replace(compiled, patched={}, unbroken={})


@pytest.mark.parametrize(
    ("paragraphs", "fast"),
    [
        (("{{ aftale.titel }}", "{%p for k in klausuler %}", "{{ k.titel }}", "{%p endfor %}"),
         True),
        (("{% if aftale.titel %}", "{{ aftale.titel }}", "{% endif %}"), True),
        # data captured and transformed, or repeated by a recursive loop: with breaks only
        (("{% filter upper %}", "{{ aftale.titel }}", "{% endfilter %}"), False),
        (("{% for k in klausuler recursive %}", "{{ k.titel }}", "{% endfor %}"), False),
    ],
)  # fmt: skip
def test_templates_render_the_same_without_line_breaks(
    tmp_path: Path, paragraphs: tuple[str, ...], fast: bool
) -> None:
    """A template whose output cannot depend on prepare_source's line breaks is also compiled
    without them; every template renders exactly as with the breaks taken out afterwards."""
    compiled = compile_template(_template(tmp_path, *paragraphs), SCHEMA)
    compiled.compile_unbroken()
    assert ("word/document.xml" in compiled.unbroken) is fast
    context = {"aftale": {"titel": "Region H & Co"}, "klausuler": [{"titel": "A"}, {"titel": "B"}]}
    assert compiled.render_texts(context) == _with_breaks_only(compiled).render_texts(context)


def test_a_break_before_a_paragraph_in_the_output_renders_with_breaks(tmp_path: Path) -> None:
    """Output holding a line break before a paragraph start that did not come from the template
    data (here: a value that is already markup) is rendered from the source with breaks."""
    from markupsafe import Markup

    compiled = compile_template(_template(tmp_path, "{{ aftale.titel }}"), SCHEMA)
    compiled.compile_unbroken()
    assert "word/document.xml" in compiled.unbroken
    context = {"aftale": {"titel": Markup("x\n<w:p>")}}
    texts = compiled.render_texts(context)
    assert texts == _with_breaks_only(compiled).render_texts(context)
    assert "x<w:p>" in texts["word/document.xml"]  # the break taken out, as the old path did


@pytest.mark.parametrize(
    "patched",
    [
        "{% if x -%}<w:p>a</w:p>{% endif %}",  # whitespace control swallows the break
        "{% set y %}<w:p>a</w:p>{% endset %}{{ y|length }}",  # captured and measured
        "{% macro m() %}<w:p>a</w:p>{% endmacro %}{{ m()|length }}",
    ],
)
def test_sources_whose_output_depends_on_the_breaks_keep_them(patched: str) -> None:
    from assembler.render.engine import _paragraph_lines, _without_breaks

    env = make_environment()
    assert _without_breaks(env, patched, _paragraph_lines(patched)) is None
    plain = "{% if x %}<w:p>a</w:p>{% endif %}<w:p x='1'>{{ x }}</w:p>"
    assert _without_breaks(env, plain, _paragraph_lines(plain)) is not None


def test_the_templates_without_breaks_are_compiled_only_for_a_batch(tmp_path: Path) -> None:
    from assembler.render.engine import UNBROKEN_AFTER

    compiled = compile_template(_template(tmp_path, "{{ aftale.titel }}"), SCHEMA)
    context = {"aftale": {"titel": "A"}}
    first = compiled.render_texts(context)
    for _ in range(UNBROKEN_AFTER - 2):
        compiled.render_texts(context)
    assert not compiled.unbroken  # a small run never pays for the second compilation
    assert compiled.render_texts(context) == first
    assert "word/document.xml" in compiled.unbroken
    assert compiled.render_texts(context) == first


@pytest.mark.parametrize(
    "xml",
    ["", "\n", "<w:p>", "\n<w:p>", "a\n<w:pPr/>", "<?xml?>\n<w:document>\n<w:r>",
     "x\n" * 40 + "\n<w:p ", "x\n" * 40, "\n" * 17 + "<w:p>", "<w:p\n<w:p"],
)  # fmt: skip
def test_a_break_before_a_paragraph_is_found_as_a_plain_search_finds_it(xml: str) -> None:
    from assembler.render.engine import break_before_paragraph

    assert break_before_paragraph(xml) is ("\n<w:p" in xml)


def test_a_part_over_the_text_budget_is_refused_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The budget counts the output with its line breaks: a part that fits only without them is
    refused, as the template with breaks refuses it."""
    from assembler.render import engine
    from assembler.safeio import textbudget

    paragraphs = ["{{ aftale.titel }}"] * 30
    compiled = compile_template(_template(tmp_path, *paragraphs), SCHEMA)
    compiled.compile_unbroken()
    context = {"aftale": {"titel": "x"}}
    with_breaks = compiled.sources["word/document.xml"].count("\n<w:p")
    budget = len(_with_breaks_only(compiled).render_texts(context)["word/document.xml"]) + 10
    monkeypatch.setattr(textbudget, "MAX_PART", budget)  # the breaks tip the part over it
    monkeypatch.setattr(engine, "UNBROKEN_MAX", budget // 2)
    assert with_breaks > 10
    for template in (compiled, _with_breaks_only(compiled)):
        with pytest.raises(TemplateError, match="for meget tekst"):
            template.render_texts(context)
