"""The signature block: who signs for each party, laid out two signatories to a table row.

A local agreement is signed for the employer and for every negotiating organisation; only when the
organisations have given the shop steward a written common mandate does one signature bind them
all (review 2026-11, §5 item 2). Names and job titles are separate answers, so the printed name
line never carries a title pasted after a comma.
"""

from __future__ import annotations

from typing import Any

from assembler.answers.model import AgreementAnswers, Answers
from assembler.library.model import Library
from assembler.library.values import format_value, join_da

LINE = "_" * 34


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
                place,
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
    role_param = {p.name: p for p in library.topic("lokal", "parter").all_params()}.get("tr_hverv")
    role = local.value("parter", "tr_hverv")
    role_text = format_value(role_param, role) if role_param is not None and role else ""
    if local.value("parter", "mandat") is True or len(orgs) <= 1:
        signs = local.value("parter", "mandat") is True
        out.append(
            _signatory(
                f"For {join_da(orgs)}", tr if signs else "", role_text if signs else "", place
            )
        )
    else:
        out += [_signatory(f"For {org}", "", "", place) for org in orgs]
    return out


def signature_rows(people: list[dict[str, str]]) -> list[dict[str, Any]]:
    """Signatories two to a row (left, right); an odd last row has an empty right cell."""
    rows = []
    for index in range(0, len(people), 2):
        right = people[index + 1] if index + 1 < len(people) else EMPTY
        rows.append({"venstre": people[index], "hoejre": right})
    return rows
