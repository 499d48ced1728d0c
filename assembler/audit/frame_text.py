"""The frame facts (R80–R89, rules/frame_facts.py) that a clause's wording determines.

Answers give these facts by variant; an edited or foreign clause gives them only through its
words. Each value is set only when the words determine it; otherwise the fact stays unknown and
the rules that need it are skipped.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from assembler.regex import LazyPattern
from assembler.rules.frame_facts import CALL_IN_ASSESSMENT, CALL_IN_CONSENT, CALL_IN_NOTICE
from assembler.rules.text_facts import Term

WORKING_DAYS = ("arbejdsdag", "hverdag")
LAPSE = LazyPattern(r"ophører\s+uden\s+varsel[^.]*lokalaftal", re.I)
LAPSE_DEFERS = LazyPattern(r"medmindre\s+lokalaftalen", re.I)
LAPSE_CAVEAT = LazyPattern(r"væsentlig\s+ændring", re.I)


def _first(terms: Sequence[Term], kind: str, negated: bool | None = False) -> Term | None:
    return next((t for t in terms if t.kind == kind
                 and (negated is None or t.negated == negated)), None)  # fmt: skip


def _time(minutes: int) -> dt.time:
    return dt.time(minutes // 60, minutes % 60) if minutes < 24 * 60 else dt.time(23, 59)


def call_in(terms: Sequence[Term]) -> dict[str, Any]:
    """How the employer may take back a planned home day, and with what notice."""
    refused = _first(terms, "call_in", negated=True)
    notice = next((t for t in terms if t.kind == "notice" and t.get("by") != "medarbejderen"),
                  None)  # fmt: skip
    if refused is not None and notice is None:
        return {"call_in": CALL_IN_CONSENT, "call_in_notice_days": None}
    if notice is None:
        return {}
    if notice.get("hours") is None:
        return {"call_in": CALL_IN_ASSESSMENT, "call_in_notice_days": None}
    if notice.get("unit") in WORKING_DAYS:
        return {"call_in": CALL_IN_NOTICE, "call_in_notice_days": int(notice.get("n"))}
    return {"call_in": CALL_IN_NOTICE}  # a notice, but not one counted in working days


def local_frame_from_terms(terms: Sequence[Term]) -> dict[str, Any]:
    """LocalFacts frame fields the wording determines."""
    values = call_in(terms)
    core = _first(terms, "core_hours")
    whole = next((t for t in terms if t.kind == "availability"
                  and t.get("mode") == "hele arbejdstiden" and not t.negated), None)  # fmt: skip
    if core is not None:
        values["core_time"] = (_time(core.get("start")), _time(core.get("end")))
    if core is not None or whole is not None:
        values["reachable_whole_day"] = whole is not None
    if any(t.kind == "notice" and t.get("by") == "medarbejderen" for t in terms):
        values["attendance_right"] = True
    own = _first(terms, "equipment")
    if own is not None and own.get("computer"):
        values["own_it_allowed"] = True
    return values


def employee_frame_from_terms(terms: Sequence[Term], text: str) -> dict[str, Any]:
    """EmployeeFacts frame fields the wording determines."""
    values = call_in(terms)
    core = _first(terms, "core_hours")
    if core is not None:
        values["contact_time"] = (_time(core.get("start")), _time(core.get("end")))
        values["contact_as_local"] = False
    own = _first(terms, "equipment")
    if own is not None:
        values["own_equipment_text"] = own.quote
    costs = _first(terms, "costs")
    if costs is not None:
        values["compensation_excluded"] = costs.get("mode") == "ingen"
    if LAPSE.search(text):
        values["lapse_without_notice"] = True
        values["lapse_defers_to_local"] = bool(LAPSE_DEFERS.search(text))
        values["lapse_caveat"] = bool(LAPSE_CAVEAT.search(text))
    return values
