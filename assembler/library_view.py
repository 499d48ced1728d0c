"""Print the clause library for `aftale klausuler` (rich tables, Danish)."""

from __future__ import annotations

from decimal import Decimal

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from assembler.cli_support import out_console
from assembler.errors import AftaleError
from assembler.library.model import (
    AGREEMENT_NAMES,
    AGREEMENTS,
    TYPE_NAMES_DA,
    Library,
    Param,
    Topic,
)
from assembler.library.values import format_number


def _default_da(value: object) -> str:
    """A parameter's default as a user reads it: ja/nej, 1,5, 'a; b'."""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, (int, float, Decimal)):
        return format_number(Decimal(str(value)))
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return str(value)


def _param_line(p: Param) -> str:
    """'navn (type, standard x): label'."""
    extra = [TYPE_NAMES_DA.get(p.type, p.type)]
    if p.choices:
        extra.append(" / ".join(p.choices))
    if p.default is not None:
        extra.append(f"standard {_default_da(p.default)}")
    if not p.required:
        extra.append("valgfri")
    return f"{p.name} ({', '.join(extra)}): {p.label}"


def _agreements(only: str | None) -> tuple[str, ...]:
    """Which agreements to show; reject unknown names in Danish."""
    if only is None:
        return AGREEMENTS
    if only not in AGREEMENTS:
        raise AftaleError(f"--aftale skal være 'lokal' eller 'individuel' (fandt '{only}').")
    return (only,)


def show_library(library: Library, only: str | None = None) -> None:
    """One table per agreement: topic, variants and parameters."""
    out_console.print(f"Klausulbibliotek {library.version_label}")
    for agreement in _agreements(only):
        table = Table(title=AGREEMENT_NAMES[agreement].capitalize(), show_lines=True)
        table.add_column("Emne", style="bold", ratio=1)
        table.add_column("Varianter", ratio=2)
        table.add_column("Parametre", ratio=2)
        for topic in library.for_agreement(agreement):
            variants = "\n".join(
                f"{v.id}{' (standard)' if v.id == topic.default else ''}: {v.name}"
                + ("" if len(v.sectors) == 3 else f" [kun {', '.join(v.sectors)}]")
                for v in topic.variants
            )
            params = "\n".join(_param_line(p) for p in topic.all_params()) or "–"
            table.add_row(f"{topic.id}\n{topic.title}", Text(variants), Text(params))
        out_console.print(table)
    out_console.print("Vis ét emne med vejledning og kilder: aftale klausuler --emne EMNE")


def _find(library: Library, topic_id: str, only: str | None) -> list[Topic]:
    """Topics with this id (both agreements may have one)."""
    found = [t for t in library.topics if t.id == topic_id and t.agreement in _agreements(only)]
    if not found:
        ids = sorted({t.id for t in library.topics})
        raise AftaleError(f"Emnet '{topic_id}' findes ikke. Kendte emner: {', '.join(ids)}.")
    return found


def show_topic(library: Library, topic_id: str, only: str | None = None) -> None:
    """A topic with its question, guidance, sources and every variant's text."""
    for topic in _find(library, topic_id, only):
        sources = "\n".join(
            f"{s}: {library.sources[s].title} ({library.sources[s].url})" for s in topic.sources
        )
        head = (
            f"{topic.question}\n\nSektorer: {', '.join(topic.sectors)}\n\n"
            f"Opmærksomhedspunkter:\n{topic.guidance}\n\nKilder:\n{sources}"
        )
        title = f"{AGREEMENT_NAMES[topic.agreement].capitalize()} – {topic.title} ({topic.id})"
        out_console.print(Panel(Text(head), title=title), soft_wrap=False)
        for v in topic.variants:
            params = "\n".join(_param_line(p) for p in topic.params_for(v.id)) or "–"
            body = (
                f"{v.summary}\nPosition: {v.position}   Sektorer: {', '.join(v.sectors)}   "
                f"Kilder: {', '.join(v.sources)}\n\nParametre:\n{params}\n\n"
                f"Vejledning:\n{v.guidance or '–'}\n\nTekst:\n{v.text or '(underskriftsfelter)'}"
            )
            mark = " – standard" if v.id == topic.default else ""
            out_console.print(
                Panel(Text(body), title=f"Variant {v.id}: {v.name}{mark}"), soft_wrap=False
            )
