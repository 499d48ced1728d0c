"""The signature block: who signs for each party, laid out two signatories to a table row.

A local agreement is signed for the employer and for every negotiating organisation; only when the
organisations have given the shop steward written mandates does one signature bind them all, and
the title line then says so (review 2026-11, §5 item 2; read-through 2026-11-27, S-L7). Each
organisation's signatory is answered as "navn, stilling". Names and job titles are separate, so
the printed name line never carries a title pasted after a comma. In an individual agreement the
manager may sign in another town than the employee.
"""

from __future__ import annotations

from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import Library
from assembler.library.values import join_da

LINE = "_" * 34
MANDATE = "efter fuldmagt"


def _text(agreement: AgreementAnswers, topic: str, name: str) -> str:
    value = agreement.value(topic, name)
    return str(value).strip() if value not in (None, "") else ""


def _signatory(part: str, name: str, title: str, place: str) -> dict[str, str]:
    """One signature: for whom, place and date, the line, the printed name and title."""
    return {
        "part": part,
        "sted": f"{place}, den" if place else "Dato:",
        "linje": LINE,
        "navn": name or "Navn:",
        "titel": title if name else "Stilling:",
    }


EMPTY = {"part": "", "sted": "", "linje": "", "navn": "", "titel": ""}


def signatories(
    library: Library, answers: Answers, agreement: AgreementAnswers
) -> list[dict[str, str]]:
    """Every signature the agreement needs, employer first."""
    local = answers.local
    place = _text(agreement, "underskrifter", "underskriftssted")
    employer = _text(local, "parter", "arbejdsgiver")
    if agreement.agreement == "individuel":
        return [
            _signatory(
                f"For {employer}",
                _text(agreement, "parter", "leder"),
                _text(agreement, "parter", "leder_stilling"),
                _text(agreement, "underskrifter", "leder_underskriftssted") or place,
            ),
            _signatory(
                "Medarbejderen",
                _text(agreement, "parter", "navn"),
                _text(agreement, "parter", "stilling"),
                place,
            ),
        ]
    organisations = local.value("parter", "organisationer")
    orgs = [str(o) for o in organisations] if isinstance(organisations, list) else []
    out = [
        _signatory(
            f"For {employer}",
            _text(local, "parter", "ledelsens_repraesentant"),
            _text(local, "parter", "ledelsens_stilling"),
            place,
        )
    ]
    tr = _text(local, "parter", "tillidsrepraesentant")
    role = _text(
        local, "parter", "tr_hverv"
    ).lower()  # the option, e.g. "fællestillidsrepræsentant"
    signers = _organisation_signers(local, len(orgs))
    if local.value("parter", "mandat") is True:
        title = f"{role}, {MANDATE}" if role else MANDATE
        out.append(_signatory(f"For {join_da(orgs)}", tr, title, place))
    elif len(orgs) <= 1:
        name, title = signers[0] if signers else ("", "")
        out.append(_signatory(f"For {join_da(orgs)}", name, title, place))
    else:
        out += [_signatory(f"For {org}", *signers[index], place) for index, org in enumerate(orgs)]
    return out


def _organisation_signers(local: AgreementAnswers, count: int) -> list[tuple[str, str]]:
    """(name, title) of each organisation's signatory, in order; blanks where not answered."""
    raw = local.value("underskrifter", "organisationsunderskrivere")
    lines = [str(x) for x in raw] if isinstance(raw, list) else []
    out = []
    for index in range(max(count, 1)):
        line = lines[index] if index < len(lines) else ""
        name, _, title = line.partition(",")
        out.append((name.strip(), title.strip()))
    return out


def signature_rows(people: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Signatories two to a row (left, right); an odd last row has an empty right cell."""
    rows = []
    for index in range(0, len(people), 2):
        right = people[index + 1] if index + 1 < len(people) else EMPTY
        rows.append({"venstre": people[index], "hoejre": right})
    return rows
