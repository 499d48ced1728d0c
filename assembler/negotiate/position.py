"""Our negotiating position: which variant and values we answer a counterparty's draft with.

In order of precedence: an answer file (--svar), the answers our own earlier version embedded in
the draft, or — for a draft we have never seen — the library's employee-side default: each
topic's default variant, except where that default is the employer's position
(Arbejdsgivervenlig); then the topic's balanced variant, or failing that its employee-friendly
one. Parameters take their library defaults; a clause whose required values have no default
cannot be rendered whole and is left to the user (said so, never filled with a placeholder).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from assembler.answers.build import build_agreement, dotted_locator
from assembler.answers.model import AgreementAnswers, Answers
from assembler.audit.embedded import Embedded
from assembler.errors import InputFileError
from assembler.library.model import Library, Topic
from assembler.render.clause_text import Paragraph, Scope, render_clause

EMPLOYER_SIDE = "Arbejdsgivervenlig"
PREFERENCE = ("Balanceret", "Medarbejdervenlig")
EMBEDDED_SOURCE = "vores udkast, som modpartens udkast bygger på (vores svar er gemt i dokumentet)"


@dataclass
class Position:
    """The answers we negotiate from, where they came from, and the topics we cannot render."""

    answers: Answers
    agreement: AgreementAnswers
    source: str  # Danish, for the user: "svarfilen svar.yaml", …
    incomplete: dict[str, list[str]] = field(default_factory=dict)  # topic → missing values

    def variant(self, topic: str) -> str | None:
        """Our variant of a topic."""
        return self.agreement.variant(topic)

    def clause(self, library: Library, topic: str) -> list[Paragraph]:
        """Our clause text for a topic, rendered (empty when we have no answer for it)."""
        variant = self.variant(topic)
        if variant is None:
            return []
        scope = Scope(library, self.answers.sector, self.agreement, self.answers.local)
        return render_clause(library.topic(self.agreement.agreement, topic), variant, scope)

    def renders_whole(self, topic: str) -> bool:
        """Whether every value our clause needs is answered."""
        return self.variant(topic) is not None and topic not in self.incomplete


def default_variant(topic: Topic, sector: str) -> str:
    """The employee-side default: the topic's default unless that is the employer's position."""
    fitting = [v for v in topic.variants if sector in v.sectors]
    chosen = next((v for v in fitting if v.id == topic.default), fitting[0])
    if chosen.position != EMPLOYER_SIDE:
        return chosen.id
    for position in PREFERENCE:
        better = next((v for v in fitting if v.position == position), None)
        if better is not None:
            return better.id
    return chosen.id


def _defaults(library: Library, agreement: str, sector: str) -> tuple[AgreementAnswers, dict]:
    """Default answers for every topic, and the required values that have no default."""
    topics = [t for t in library.for_agreement(agreement) if sector in t.sectors]
    raw = {t.id: {"variant": default_variant(t, sector)} for t in topics}
    answers, problems = build_agreement(library, agreement, sector, raw, dotted_locator(agreement))
    incomplete: dict[str, list[str]] = {}
    for problem in problems:  # "lokal.evaluering.forum: mangler (Forum for …)"
        where, _, what = problem.partition(": ")
        parts = where.split(".")
        label = re.fullmatch(r"mangler \((.*)\)", what)
        if len(parts) >= 2:
            incomplete.setdefault(parts[1], []).append(label.group(1) if label else what)
    return answers, incomplete


def library_position(library: Library, agreement: str, sector: str) -> Position:
    """The library's employee-side default position."""
    own, incomplete = _defaults(library, agreement, sector)
    local, _ = _defaults(library, "lokal", sector) if agreement == "individuel" else (own, {})
    employees = (own,) if agreement == "individuel" else ()
    answers = Answers(sector, "", None, local, employees)
    return Position(answers, own, "bibliotekets standardposition for medarbejdersiden", incomplete)


def _employee_named_in(answers: Answers, text: str, path: Path) -> AgreementAnswers:
    """The employee of an answer file whose name the individual draft mentions."""
    folded = " ".join(text.split()).casefold()
    named = [e for e in answers.employees
             if str(e.value("parter", "navn") or "").casefold() in folded
             and e.value("parter", "navn")]  # fmt: skip
    if len(named) == 1:
        return named[0]
    if len(answers.employees) == 1:
        return answers.employees[0]
    names = ", ".join(str(e.value("parter", "navn") or "?") for e in answers.employees)
    raise InputFileError(
        f"{path}: udkastet er en individuel aftale, men svarfilen har flere medarbejdere, og "
        f"udkastet nævner {'ingen' if not named else 'flere'} af dem ({names}). Lav en svarfil "
        "med den ene medarbejder."
    )


def answers_position(
    library: Library, path: Path, agreement: str, draft_text: str, sector: str | None
) -> Position:
    """Our position from an answer file (.xlsx, .yaml, .json)."""
    from assembler.answers.reader import read_answers_file  # openpyxl only when it is needed

    answers = read_answers_file(library, path)
    if sector is not None and answers.sector != sector:
        raise InputFileError(
            f"{path}: svarfilen gælder sektor '{answers.sector}', men udkastet er fra sektor "
            f"'{sector}'."
        )
    own = answers.local if agreement == "lokal" else _employee_named_in(answers, draft_text, path)
    return Position(answers, own, f"svarfilen {path.name}")


def embedded_position(embedded: Embedded) -> Position:
    """Our position from the answers our earlier version embedded in the draft."""
    return Position(embedded.answers, embedded.agreement, EMBEDDED_SOURCE)


def plain(text: str) -> str:
    """A rendered paragraph's text with its spacing normalised."""
    return re.sub(r"\s+", " ", text).strip()
