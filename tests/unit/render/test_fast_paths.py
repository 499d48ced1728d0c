"""The batch speed-ups give exactly what the plain code gives: never a second behaviour."""

from __future__ import annotations

import re
import zlib
from decimal import Decimal

import pytest
from jinja2.compiler import CodeGenerator
from markupsafe import Markup, escape

from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer
from assembler.library.model import Library
from assembler.ooxml import fields
from assembler.ooxml.customxml import payload_json
from assembler.ooxml.fastzip import DeflateCache, fast_package_bytes
from assembler.ooxml.package import package_bytes
from assembler.render import clause_memo
from assembler.render.clause_memo import clause, clause_view
from assembler.render.clause_text import Paragraph, Scope, render_clause
from assembler.render.context import ClauseText, build_context
from assembler.render.document import answers_json, answers_payload
from assembler.render.engine import escape_output, make_environment
from assembler.render.templates import TemplateSet
from tests.bulk import many_employees

START, SEP, END = fields.FIELD_START, fields.FIELD_SEP, fields.FIELD_END


def _mark(bookmark: str, shown: str) -> str:
    return f"{START}{bookmark}{SEP}{shown}{END}"


@pytest.mark.parametrize(
    "value",
    ["plain", "a < b & c > \"d\" 'e'", "", Markup("<b>kept</b>"), 7, Decimal("37.5"), None,
     ClauseText(Paragraph("§ 3 & 4", marked=f"jf. {_mark('_Aft_x', '§ 3')} & <4>"))],
)  # fmt: skip
def test_escaped_output_is_markupsafes_text(value: object) -> None:
    assert escape_output(value) == str(escape(value))


def test_templates_write_the_same_text_as_jinjas_own_escaping() -> None:
    source = "{{ a }}|{{ b }}|{{ c }}|{{ d }}|{% for x in e %}{{ x }};{% endfor %}"
    values = {"a": "<&>", "b": Markup("<i>"), "c": 3, "d": ClauseText(Paragraph("x<y")),
              "e": ["'", '"']}  # fmt: skip
    ours = make_environment().from_string(source).render(values)
    jinja = make_environment()
    jinja.code_generator_class = CodeGenerator  # Jinja's own escaping
    assert (
        ours
        == jinja.from_string(source).render(values)
        == "&lt;&amp;&gt;|<i>|3|x&lt;y|&#39;;&#34;;"
    )


def _runs_by_pattern(xml: str) -> str:
    """The plain algorithm: the marked-run pattern tried at every position of the part."""
    return fields._MARKED_RUN.sub(fields._split_run, xml)


@pytest.mark.parametrize(
    "body",
    [
        # one mark, two marks in one run, marks in several paragraphs, a run with attributes
        f"<w:p><w:r><w:t>jf. {_mark('_Aft_a', '§ 2')}.</w:t></w:r></w:p>",
        f'<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{_mark("_Aft_a", "§ 2")} og '
        f"{_mark('_Aft_b', '§ 3')}</w:t></w:r></w:p>",
        f'<w:p w:rsidR="1"><w:r w:rsidR="2"><w:rPr><w:position w:val="2"/></w:rPr><w:t>x</w:t>'
        f'</w:r><w:r w:rsidR="3"><w:t>{_mark("_Aft_c", "§ 9")}</w:t></w:r></w:p>'
        f"<w:p><w:r><w:t>intet</w:t></w:r></w:p><w:p><w:r><w:t>{_mark('_Aft_d', '§ 1')}</w:t>"
        "</w:r></w:p>",
        # a mark in a run with a tab: not a simple run (left for the tree)
        f"<w:p><w:r><w:tab/><w:t>{_mark('_Aft_e', '§ 4')}</w:t></w:r></w:p>",
        "<w:p><w:r><w:t>ingen henvisning</w:t></w:r></w:p>",
    ],
)
def test_ref_fields_are_placed_in_the_same_runs_as_the_plain_pattern(body: str) -> None:
    xml = f'<w:document xmlns:w="{fields.NS["w"]}"><w:body>{body}</w:body></w:document>'
    expected = _runs_by_pattern(xml)
    if START in expected:  # the plain path hands the rest to the tree: so must ours
        assert START not in fields.place_ref_fields(xml)
        return
    assert fields.place_ref_fields(xml) == expected


def test_keep_with_next_marks_the_paragraph_before_the_signature_heading() -> None:
    xml = (
        '<w:p><w:r><w:t>a</w:t></w:r></w:p><w:p w:rsidR="1"><w:pPr><w:pStyle w:val="Brod"/>'
        '</w:pPr><w:r><w:t>b</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="Underskrifter"/>'
        "</w:pPr></w:p>"
    )
    out = fields.keep_with_next_before(xml, "Underskrifter")
    assert out == xml.replace('w:val="Brod"/>', 'w:val="Brod"/><w:keepNext/>')
    assert fields.keep_with_next_before(out, "Underskrifter") == out  # already there
    only = '<w:p><w:pPr><w:pStyle w:val="Underskrifter"/></w:pPr></w:p>'
    assert fields.keep_with_next_before(only, "Underskrifter") == only  # nothing before it


def test_one_shot_deflate_is_the_stream_zipfile_writes(templates: TemplateSet) -> None:
    samples = [*templates.individual.package.parts.values(), b"", b"x" * 100_000]
    for level in (1, 6):
        for data in samples:
            stream = zlib.compressobj(level, zlib.DEFLATED, -15)
            assert zlib.compress(data, level, -15) == stream.compress(data) + stream.flush()
    parts = dict(templates.individual.package.parts)
    assert fast_package_bytes(parts, DeflateCache()) == package_bytes(parts)


def test_shared_clause_records_are_the_fresh_rendering(library: Library, example: Answers) -> None:
    """A clause's records are shared between documents that render it alike; never another's."""
    first, second = example.employees[0], example.employees[1]
    context_a, anchors_a = build_context(library, example, first)
    context_b, _ = build_context(library, example, second)
    by_topic = {k["emne"]: k for k in context_b["klausuler"]}
    shared = [k for k in context_a["klausuler"] if by_topic.get(k["emne"]) is k]
    assert shared  # the batch shares what is alike ...
    for record in context_a["klausuler"]:  # ... and every record is what rendering gives
        topic = library.topic("individuel", record["emne"])
        scope = Scope(library, example.sector, first, example.local, example.date)
        fresh = render_clause(topic, record["variant"], scope)
        assert [str(a["tekst"]) for a in record["afsnit"]] == [p.text for p in fresh]
        assert [a["tekst"].html for a in record["afsnit"]] == [
            str(escape(p.marked or p.text)) for p in fresh
        ]
    assert [a.title for a in anchors_a] == [k["titel"] for k in context_a["klausuler"]]


def test_a_clause_view_is_made_once_per_distinct_clause(library: Library, example: Answers) -> None:
    employee = example.employees[0]
    topic = library.topic("individuel", "parter")
    variant = employee.variant("parter") or ""
    scope = Scope(library, example.sector, employee, example.local, example.date, renderer=clause)
    made: list[int] = []

    def view(_topic: object, _variant: str, paragraphs: list[Paragraph]) -> list[str]:
        made.append(1)
        return [p.text for p in paragraphs]

    once = clause_view(topic, variant, scope, view)
    assert clause_view(topic, variant, scope, view) is once and len(made) == 1
    assert once == [p.text for p in render_clause(topic, variant, scope)]
    assert re.search(r"\S", once[0])


def test_a_clause_key_found_by_identity_is_the_key_its_values_give(
    library: Library, example: Answers
) -> None:
    """Employees that share some topic answers and differ in others (every variant of every
    topic, so cross-references point at clauses rendered differently) get the memo key their
    own values give, whichever employee first stored a key under the same answers."""
    agreements = []
    for employee in example.employees:
        for topic in library.for_agreement("individuel"):
            answer = employee.topics.get(topic.id)
            for variant in topic.variants if answer is not None else []:
                changed = TopicAnswer(topic.id, variant.id, answer.values)
                topics = dict(employee.topics) | {topic.id: changed}
                agreements.append(AgreementAnswers("individuel", topics, employee.origin))
    assert len(agreements) > 20
    checked = 0
    for agreement in agreements:
        for resolve in (True, False):
            scope = Scope(
                library, example.sector, agreement, example.local, example.date,
                resolve_labels=resolve, renderer=clause,
            )  # fmt: skip
            for topic in library.for_agreement("individuel"):
                answer = agreement.topics.get(topic.id)
                if answer is None or topic.kind != "clause":
                    continue
                found = clause_memo._fast_key(topic, answer.variant, scope)
                assert found == clause_memo._key(topic, answer.variant, scope), topic.id
                checked += 1
    assert checked > 100


def test_embedded_answers_are_the_payloads_json(library: Library, example: Answers) -> None:
    """The JSON put together from per-topic pieces is json.dumps of the whole payload."""
    for agreement in (example.local, *example.employees, *many_employees(example, 5).employees):
        whole = answers_payload(library, example, agreement)
        assert answers_json(library, example, agreement) == payload_json(whole)
        assert ("lokalaftale" in whole) == (agreement.agreement == "individuel")


def test_remembered_properties_are_what_the_property_writers_make(templates: TemplateSet) -> None:
    """The property parts reused for a batch are those set_core_status and
    set_custom_properties write, for each status and version, and shared between documents."""
    from assembler.ooxml.docprops import set_core_status, set_custom_properties
    from assembler.render.document import _set_properties

    for version in ("Udkast 2", "Endelig", "Udkast 2"):
        fresh = dict(templates.individual.package.parts)
        status = "Endelig" if version == "Endelig" else "Udkast"
        set_core_status(fresh, status, version)
        set_custom_properties(fresh, {"Klausulbibliotek": "1.0+abc", "Aftaleversion": version})
        first, second = (dict(templates.individual.package.parts) for _ in range(2))
        _set_properties(first, "1.0+abc", version)
        _set_properties(second, "1.0+abc", version)
        assert first == fresh and second == fresh
        assert all(first[name] is second[name] for name in first)


@pytest.mark.parametrize(
    "pieces",
    [["{", '"navn":"Anne & <Bo> \\"æ\\""', "}"], ["plain"], [], ["a", "", "ø€😀", "<&>"]],
)
def test_embedded_pieces_are_embed_jsons_bytes(templates: TemplateSet, pieces: list[str]) -> None:
    """embed_pieces writes the parts embed_json writes, in the same order, for the bundled
    templates, a package without relationships and one that already has custom XML."""
    from assembler.ooxml.customxml import embed_json
    from assembler.render.embedded import _layout, embed_pieces

    bare = {
        "[Content_Types].xml": templates.individual.package.parts["[Content_Types].xml"],
        "word/document.xml": b"<w:document/>",
    }
    for base in (templates.individual.package.parts, templates.local.package.parts, bare):
        expected, made = dict(base), dict(base)
        embed_json(expected, "".join(pieces))
        embed_pieces(made, pieces)
        assert list(made.items()) == list(expected.items())
        once_more = dict(made)
        embed_pieces(once_more, pieces)  # a second answers part on top of the first
        embed_json(expected, "".join(pieces))
        assert list(once_more.items()) == list(expected.items())
    assert _layout(dict(templates.individual.package.parts)) is not None  # the fast path ran


def test_embedded_pieces_fall_back_to_embed_json_on_another_layout(
    monkeypatch: pytest.MonkeyPatch, templates: TemplateSet
) -> None:
    """When embed_json writes something this module does not recognise (here: the text twice),
    every document goes through embed_json itself."""
    from assembler.ooxml import customxml
    from assembler.render import embedded

    def twice(parts: dict[str, bytes], body: str) -> None:
        customxml.embed_json(parts, body + body)

    monkeypatch.setattr(embedded, "embed_json", twice)
    monkeypatch.setattr(embedded, "_LAYOUTS", {})
    made, expected = dict(templates.local.package.parts), dict(templates.local.package.parts)
    embedded.embed_pieces(made, ["{", "x", "}"])
    twice(expected, "{x}")
    assert made == expected
    assert embedded._layout(dict(templates.local.package.parts)) is None


def test_embedded_answer_pieces_join_to_the_json(library: Library, example: Answers) -> None:
    from assembler.render.document import answers_json_pieces

    for agreement in (example.local, *example.employees, AgreementAnswers("individuel", {})):
        pieces = answers_json_pieces(library, example, agreement)
        assert "".join(pieces) == payload_json(answers_payload(library, example, agreement))
