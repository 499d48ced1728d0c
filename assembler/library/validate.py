"""Validate a loaded library: ids, parameters, placeholders, sources and sectors."""

from __future__ import annotations

from assembler.library.model import (
    AGREEMENTS,
    PARAM_TYPES,
    POSITIONS,
    SECTORS,
    Library,
    Param,
    Topic,
    Variant,
)
from assembler.library.values import ValueProblem, parse_value
from assembler.regex import LazyPattern

IDENT = LazyPattern(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$")  # no "__": it separates topic and variant
KINDS = ("clause", "signatures")
# Templates read fields as attributes of dicts (Record); "variant" is the answer files' key for the
# chosen variant and the name conditions use to compare it.
RESERVED_NAMES = frozenset(dir(dict)) | {"variant"}
BOOKMARK_MAX = 40  # Word truncates longer bookmark names (ECMA-376 §17.13.6.2 says 40 chars)


def bookmark_name(topic_id: str, variant_id: str) -> str:
    """The hidden bookmark that anchors a clause in documents."""
    return f"_Aft_{topic_id}__{variant_id}"


def validate_library(library: Library) -> list[str]:
    """Every problem in the library, each naming file and clause."""
    problems: list[str] = []
    seen: dict[tuple[str, str], str] = {}
    for topic in library.topics:
        key = (topic.agreement, topic.id)
        if key in seen:
            problems.append(f"{topic.file}: emne-id '{topic.id}' bruges også i {seen[key]}")
        seen[key] = topic.file
        problems += _check_topic(topic, library)
    return problems


def _check_topic(topic: Topic, library: Library) -> list[str]:
    """Problems of one topic and its variants."""
    where = f"{topic.file}, emne '{topic.id}'"
    out: list[str] = []
    folder = topic.file.split("/")[-2] if "/" in topic.file else topic.agreement
    if topic.agreement not in AGREEMENTS:
        out.append(f"{where}: agreement skal være lokal eller individuel")
    elif topic.agreement != folder:
        out.append(f"{where}: agreement '{topic.agreement}' passer ikke til mappen '{folder}'")
    if not IDENT.match(topic.id) or topic.id in RESERVED_NAMES:
        out.append(f"{where}: ugyldigt id (brug a-z, 0-9 og _)")
    if topic.kind not in KINDS:
        out.append(f"{where}: kind skal være clause eller signatures")
    for name, value in (("title", topic.title), ("question", topic.question)):
        if not value:
            out.append(f"{where}: {name} mangler")
    if not topic.sources:
        out.append(f"{where}: kilder (sources) mangler")
    out += _check_sources(where, topic.sources, library)
    bad_sectors = [s for s in topic.sectors if s not in SECTORS]
    if not topic.sectors or bad_sectors:
        out.append(f"{where}: sectors skal være en liste af {', '.join(SECTORS)}")
    if not topic.variants:
        out.append(f"{where}: emnet har ingen varianter")
    elif topic.default not in {v.id for v in topic.variants}:
        out.append(f"{where}: standardvarianten '{topic.default}' findes ikke")
    out += _check_params(where, topic.params)
    variant_ids: set[str] = set()
    for variant in topic.variants:
        if variant.id in variant_ids:
            out.append(f"{where}: variant-id '{variant.id}' findes to gange")
        variant_ids.add(variant.id)
        out += _check_variant(topic, variant, library)
    return out


def _check_variant(topic: Topic, variant: Variant, library: Library) -> list[str]:
    """Problems of one variant: ids, params, sources, sectors and text placeholders."""
    where = f"{topic.file}, emne '{topic.id}', variant '{variant.id}'"
    out: list[str] = []
    if not IDENT.match(variant.id):
        out.append(f"{where}: ugyldigt id (brug a-z, 0-9 og _)")
    if len(bookmark_name(topic.id, variant.id)) > BOOKMARK_MAX:
        out.append(
            f"{where}: emne-id + variant-id er for langt til et Word-bogmærke (højst 33 tegn i alt)"
        )
    if not variant.name:
        out.append(f"{where}: name mangler")
    if variant.position not in POSITIONS:
        out.append(f"{where}: position skal være en af {', '.join(POSITIONS)}")
    if not variant.sources:
        out.append(f"{where}: kilder (sources) mangler")
    out += _check_sources(where, variant.sources, library)
    extra = [s for s in variant.sectors if s not in topic.sectors]
    if extra:
        out.append(f"{where}: sektor {', '.join(extra)} er ikke blandt emnets sektorer")
    out += _check_sector_sources(where, topic, variant, library)
    names = [p.name for p in topic.params]
    clash = sorted({p.name for p in variant.params} & set(names))
    if clash:
        out.append(f"{where}: parameter {', '.join(clash)} findes også på emneniveau")
    out += _check_params(where, variant.params)
    if topic.kind == "clause" and not variant.text:
        out.append(f"{where}: teksten (text) mangler")
    # Only a library read from its files is validated: the text checks load here, not with
    # bookmark_name, which the templates' context imports in every run (issue 14).
    from assembler.library.terms import check_terms
    from assembler.library.text_checks import check_requires, check_text

    out += check_text(where, topic, variant, library)
    out += check_requires(where, topic, variant, library)
    out += check_terms(where, topic, variant, library)
    return out


def _check_sources(where: str, sources: tuple[str, ...], library: Library) -> list[str]:
    """Source ids must be registered in kilder.yaml."""
    return [
        f"{where}: kilden '{s}' findes ikke i kilder.yaml"
        for s in sources
        if s not in library.sources
    ]


def _check_sector_sources(
    where: str, topic: Topic, variant: Variant, library: Library
) -> list[str]:
    """Each sector a variant applies to must be backed by a source for that sector."""
    out = []
    cited = [library.sources[s] for s in variant.sources + topic.sources if s in library.sources]
    for sector in variant.sectors:
        if cited and not any(sector in src.sectors for src in cited):
            out.append(
                f"{where}: gælder for sektor '{sector}', men ingen af kilderne "
                f"({', '.join(s.id for s in cited)}) gælder for den sektor"
            )
    return out


def _check_params(where: str, params: tuple[Param, ...]) -> list[str]:
    """Parameter names, types, choices and defaults."""
    out: list[str] = []
    seen: set[str] = set()
    for p in params:
        pw = f"{where}, parameter '{p.name}'"
        if not IDENT.match(p.name) or p.name in RESERVED_NAMES:
            out.append(f"{pw}: ugyldigt navn (brug a-z, 0-9 og _; ikke fx 'items' eller 'values')")
        if p.name in seen:
            out.append(f"{pw}: findes to gange")
        seen.add(p.name)
        if p.type not in PARAM_TYPES:
            out.append(f"{pw}: ukendt type '{p.type}' (tilladt: {', '.join(PARAM_TYPES)})")
            continue
        if not p.label:
            out.append(f"{pw}: label mangler")
        if p.unit and (len(p.unit) > 2 or p.type not in ("int", "decimal")):
            out.append(f"{pw}: unit skal være [ental, flertal] og kun bruges til tal")
        if p.type == "choice":
            out += _check_choices(pw, p)
        elif p.choices:
            out.append(f"{pw}: choices kan kun bruges med type choice")
        if p.default is not None:
            try:
                parse_value(p, p.default)
            except ValueProblem as exc:
                out.append(f"{pw}: standardværdien {exc}")
    return out


def _check_choices(where: str, param: Param) -> list[str]:
    """A choice carries its own text per option: the document never shows the dropdown label."""
    if not param.choices:
        return [f"{where}: type choice kræver choices (valg: tekst)"]
    if not param.choice_texts:
        return [
            f"{where}: hvert valg skal have sin egen tekst til aftalen "
            "(skriv choices som „valg: tekst“)"
        ]
    out = [
        f"{where}: valget „{choice}“ mangler sin tekst"
        for choice, text in zip(param.choices, param.choice_texts, strict=True)
        if not text
    ]
    out += [
        f"{where}: teksten til valget „{choice}“ må ikke indeholde skabelonsyntaks"
        for choice, text in zip(param.choices, param.choice_texts, strict=True)
        if "{" in text or "[hvis" in text
    ]
    if len(set(param.choices)) != len(param.choices):
        out.append(f"{where}: et valg findes to gange")
    return out
