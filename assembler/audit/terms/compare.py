"""Compare the terms of an older and a newer text family by family: what got better or worse
for the employees, in plain Danish ('varslet for fremmøde er forkortet fra … til …')."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assembler.audit.terms.numbers import hours_da
from assembler.rules.text_facts import Term

WORSE, BETTER = -1, 1
COSTS_RANK = {"dokumenterede": 3, "fast": 2, "individuel": 1, "ingen": 0}
COSTS_DA = {
    "dokumenterede": "godtgørelse af dokumenterede udgifter",
    "fast": "et fast beløb",
    "individuel": "godtgørelse aftales i den individuelle aftale",
    "ingen": "ingen godtgørelse",
}


@dataclass(frozen=True, repr=False)
class Effect:
    """One consequence of a change, with its direction for the employees (+1 better, -1 worse)."""

    text: str
    direction: int
    kind: str = ""  # the term kind a new power or duty comes from ('' for changed values)
    family: str = ""  # the term kind the effect is about (for answering it)
    sources: tuple[str, ...] = ()  # the sources (clause_library/kilder.yaml) behind the reading


def _first(terms: Sequence[Term], kind: str, negated: bool | None = False,
           test: Callable[[Term], bool] = lambda t: True) -> Term | None:  # fmt: skip
    for t in terms:
        if t.kind == kind and (negated is None or t.negated == negated) and test(t):
            return t
    return None


def _employer_notice(t: Term) -> bool:
    return t.get("by") != "medarbejderen"


def _notice(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    b = _first(old, "notice", test=_employer_notice)
    a = _first(new, "notice", test=_employer_notice)
    if b is None and a is None:
        return []
    if b is not None and a is None:
        return [Effect(f"varslet for fremmøde ({b.get('label')}) er fjernet", WORSE, "", "notice")]
    if b is None and a is not None:
        return []  # a new notice alone says nothing about whether the power is new (see _powers)
    assert a is not None and b is not None
    hb, ha = b.get("hours"), a.get("hours")
    if hb == ha:
        return []
    if ha is None:
        return [Effect(f"det faste varsel for fremmøde på {b.get('label')} er erstattet af "
                       f"{a.get('label')}", WORSE, "", "notice")]  # fmt: skip
    if hb is None or ha > hb:
        return [Effect(f"varslet for fremmøde er forlænget fra {b.get('label')} til "
                       f"{a.get('label')}", BETTER, "", "notice")]  # fmt: skip
    return [Effect(f"varslet for fremmøde er forkortet fra {b.get('label')} til {a.get('label')}",
                   WORSE, "", "notice")]  # fmt: skip


def _core(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    b, a = _first(old, "core_hours"), _first(new, "core_hours")
    out = []
    if (
        b is not None
        and a is not None
        and (b.get("start"), b.get("end")) != (a.get("start"), a.get("end"))
    ):
        hb, ha = b.get("hours"), a.get("hours")
        span = f"fra {b.get('label')} til {a.get('label')} ({hours_da(hb)} → {hours_da(ha)} timer)"
        if ha > hb:
            out.append(Effect(f"kernetiden er udvidet {span}", WORSE, "", "core_hours"))
        elif ha < hb:
            out.append(Effect(f"kernetiden er indskrænket {span}", BETTER, "", "core_hours"))
        else:
            out.append(Effect(f"kernetiden er flyttet {span}", 0, "", "core_hours"))
    whole = _first(new, "availability", test=lambda t: t.get("mode") == "hele arbejdstiden")
    if whole and not _first(
        old, "availability", test=lambda t: t.get("mode") == "hele arbejdstiden"
    ):
        out.append(Effect("medarbejderne skal nu kunne kontaktes i hele arbejdstiden", WORSE, "",
                          "availability"))  # fmt: skip
    if b is not None and a is None and whole is None:
        out.append(Effect(f"kernetiden ({b.get('label')}) er fjernet", 0))
    return [e for e in out if e.direction != 0] + [e for e in out if e.direction == 0]


def _more_is_better(
    old: Sequence[Term], new: Sequence[Term], kind: str, key: str, subject: str,
    words: tuple[str, str],
) -> list[Effect]:  # fmt: skip
    """A value where more is better for the employees (home days, notice to end the agreement)."""
    b, a = _first(old, kind), _first(new, kind)
    if b is None or a is None or b.get(key) == a.get(key):
        return []
    span = f"fra {b.get('label')} til {a.get('label')}"
    lower = a.get(key) < b.get(key)
    return [Effect(f"{subject} er {words[0] if lower else words[1]} {span}",
                   WORSE if lower else BETTER, "", kind)]  # fmt: skip


def _days(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    return _more_is_better(old, new, "days", "per_week", "omfanget af hjemmearbejde",
                           ("sænket", "hævet"))  # fmt: skip


def _termination(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    return _more_is_better(old, new, "termination", "months", "opsigelsesvarslet",
                           ("forkortet", "forlænget"))  # fmt: skip


def _money(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    out = []
    out += _more_is_better(old, new, "amount", "amount", "beløbet", ("sat ned", "sat op"))
    b, a = _first(old, "amount"), _first(new, "amount")
    if b is not None and a is None:
        out.append(Effect(f"beløbet ({b.get('label')}) er fjernet", WORSE, "", "amount"))
    cb, ca = _first(old, "costs"), _first(new, "costs")
    if cb is not None and ca is not None and cb.get("mode") != ca.get("mode"):
        rb, ra = COSTS_RANK[cb.get("mode")], COSTS_RANK[ca.get("mode")]
        text = (f"udgifterne dækkes ikke længere ved {COSTS_DA[cb.get('mode')]}, men ved "
                f"{COSTS_DA[ca.get('mode')]}")  # fmt: skip
        out.append(Effect(text, WORSE if ra < rb else BETTER, "", "costs"))
    if _first(new, "tax_free") and not _first(old, "tax_free"):
        out.append(Effect("godtgørelsen kaldes nu skattefri, hvad den ikke kan være", WORSE, "",
                          "tax_free"))  # fmt: skip
    return out


# The transport clause's two consequences, what caps each, and the words for both.
TRANSPORT_GRANTS = {"transport_time": "rejsetiden medregnes i arbejdstiden",
                    "transport_allowance": "der ydes befordringsgodtgørelse"}  # fmt: skip
TRANSPORT_DENIALS = {"transport_time": "rejsetiden ikke medregnes i arbejdstiden",
                     "transport_allowance": "der ikke ydes befordringsgodtgørelse"}  # fmt: skip
FROM_HOME = {
    "transport_time": "rejsetiden fra hjemmet medregnes i arbejdstiden",
    "transport_allowance": "der ydes befordringsgodtgørelse regnet fra hjemmet",
}
# cap kind → (the kind it limits, what it limits, what uncapped means)
TRANSPORT_CAPS = {
    "transport_km_cap": ("transport_allowance", "befordringsgodtgørelsen",
                         "der ydes befordringsgodtgørelse for hele afstanden"),
    "transport_time_cap": ("transport_time", "rejsetiden",
                           "hele rejsetiden medregnes i arbejdstiden"),
}  # fmt: skip
# Where the reading of a transport clause comes from: Akademikernes vejledning (the home as the
# place of work on a home day; agree travel time and allowance in advance).
TRANSPORT_SOURCES = ("S1",)


def _listed(parts: Sequence[str]) -> str:
    """'A', 'A og B', 'A, B og C'."""
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]


def _transport_effect(text: str, direction: int, family: str = "transport") -> Effect:
    return Effect(text, direction, "", family, TRANSPORT_SOURCES)


def _grants(old: Sequence[Term], new: Sequence[Term], rest: Sequence[Term] | None,
            removed: list[str]) -> list[Effect]:  # fmt: skip
    """Travel time counted and allowance paid: removed, added or now denied."""
    added, denied, gone = [], [], []
    after = [*new, *(rest or ())]
    from_home = (
        _first(old, "transport_start") is not None and _first(after, "transport_start") is None
    )
    for kind, what in TRANSPORT_GRANTS.items():
        had, has = _first(old, kind), _first(after, kind)
        had_no, has_no = _first(old, kind, negated=True), _first(after, kind, negated=True)
        if had and not has:
            removed.append(kind)
            gone.append(FROM_HOME[kind] if from_home else what)
        elif has and not had and _first(new, kind):
            added.append(what)
        elif has_no and not had_no and _first(new, kind, negated=True):
            denied.append(TRANSPORT_DENIALS[kind])
    out = []
    if gone:
        out.append(_transport_effect(f"bestemmelsen om, at {', og at '.join(gone)}, er fjernet",
                                     WORSE))  # fmt: skip
    if added:
        out.append(_transport_effect(f"det er tilføjet, at {', og at '.join(added)}", BETTER, ""))
    if denied:
        out.append(_transport_effect(f"det er tilføjet, at {', og at '.join(denied)}", WORSE))
    return out


def _caps(old: Sequence[Term], new: Sequence[Term], rest: Sequence[Term] | None,
          removed: list[str]) -> list[Effect]:  # fmt: skip
    """The caps on the allowance (km) and the travel time: removed, added, raised or lowered.

    A cap only matters while what it caps is granted: a cap deleted together with the grant
    is part of that removal, and one deleted where the rest of the clause no longer grants it
    changes nothing by itself (said, without a direction)."""
    after = [*new, *(rest or ())]
    lifted: list[tuple[Term, str, str]] = []
    orphaned: list[tuple[Term, str, str]] = []
    out: list[Effect] = []
    for cap, (capped, subject, uncapped) in TRANSPORT_CAPS.items():
        b, a = _first(old, cap), _first(after, cap)
        if capped in removed or (b is None and a is None):
            continue
        # without the rest of the clause, a cap is taken to limit a grant that stands elsewhere
        granted = _first(after, capped) is not None or (rest is None and not _first(old, capped))
        if b is not None and a is None:
            (lifted if granted else orphaned).append((b, subject, uncapped))
        elif a is not None and b is None:
            if _first(new, cap) is not None:
                out.append(
                    _transport_effect(
                        f"der er indført et loft på {a.get('label')} over {subject}", WORSE, cap
                    )
                )
        elif b is not None and a is not None and a.get("value") != b.get("value"):
            lower = a.get("value") < b.get("value")
            span = (f"fra {b.get('size')} til {a.get('size')}{' hver vej' if a.get('each') else ''}"
                    if b.get("each") == a.get("each") else
                    f"fra {b.get('label')} til {a.get('label')}")  # fmt: skip
            out.append(_transport_effect(
                f"loftet over {subject} er {'sænket' if lower else 'hævet'} {span}",
                WORSE if lower else BETTER, cap))  # fmt: skip
    if lifted:
        caps = _listed([f"loftet på {b.get('label')} over {subject}" for b, subject, _ in lifted])
        so = ", og ".join(uncapped for _, _, uncapped in lifted)
        out.insert(0, _transport_effect(f"{caps} er fjernet, så {so}", BETTER, ""))
    if orphaned:
        caps = _listed([f"loftet på {b.get('label')} over {subject}" for b, subject, _ in orphaned])
        grants = ", eller at ".join(
            TRANSPORT_GRANTS[TRANSPORT_CAPS[b.kind][0]] for b, _, _ in orphaned
        )
        out.append(_transport_effect(
            f"{caps} er fjernet; det har ingen selvstændig betydning, da bestemmelsen ikke "
            f"længere siger, at {grants}", 0, ""))  # fmt: skip
    return out


def _transport(old: Sequence[Term], new: Sequence[Term],
               rest: Sequence[Term] | None = None) -> list[Effect]:  # fmt: skip
    """Travel time and allowance, and their caps; `rest` is the rest of the newer clause when
    `old` and `new` are one paragraph of it (None: the texts are the whole clause)."""
    removed: list[str] = []
    grants = _grants(old, new, rest, removed)
    return grants + _caps(old, new, rest, removed)


def _unilateral(t: Term) -> bool:
    return t.get("actor") in ("arbejdsgiveren", "uangivet") and not t.get("agreed")


def _powers(old: Sequence[Term], new: Sequence[Term]) -> list[Effect]:
    out = []
    a = _first(new, "suspension", test=_unilateral)
    if a is not None and _first(old, "suspension", test=_unilateral) is None:
        what = "tilbagekalde hjemmearbejdet" if a.get("revocation") else "indstille hjemmearbejdet"
        limit = f" i op til {a.get('duration')}" if a.get("duration") else " uden tidsgrænse"
        if a.get("duration") and a.get("renewable"):
            limit += " ad gangen"
        out.append(Effect(f"Arbejdsgiveren har fået ret til ensidigt at {what}{limit}", WORSE,
                          "suspension", "suspension"))  # fmt: skip
    elif a is None and _first(old, "suspension", test=_unilateral) is not None:
        out.append(Effect("Arbejdsgiverens ret til at indstille hjemmearbejdet er fjernet", BETTER))
    if _first(new, "compulsion") and not _first(old, "compulsion"):
        out.append(Effect("Arbejdsgiveren kan nu pålægge medarbejderne hjemmearbejde", WORSE,
                          "compulsion", "compulsion"))  # fmt: skip
    if _first(old, "voluntary") and not _first(new, "voluntary"):
        out.append(Effect("bestemmelsen om frivillighed er fjernet", WORSE, "", "voluntary"))
    call_old, call_new = _first(old, "call_in", negated=None), _first(new, "call_in", negated=None)
    if (
        call_new
        and not call_new.negated
        and _unilateral(call_new)
        and (call_old is None or call_old.negated or call_old.get("agreed"))
    ):
        out.append(Effect("Arbejdsgiveren kan nu ensidigt kræve fremmøde på en planlagt "
                          "hjemmearbejdsdag", WORSE, "", "call_in"))  # fmt: skip
    change = _first(new, "change_power", test=_unilateral)
    if change and not _first(old, "change_power", test=_unilateral):
        out.append(Effect(f"Arbejdsgiveren kan nu ensidigt ændre {change.get('what')}", WORSE, "",
                          "change_power"))  # fmt: skip
    if _first(new, "equipment") and not _first(old, "equipment"):
        out.append(Effect("medarbejderen skal nu bruge sit eget udstyr", WORSE, "", "equipment"))
    return out


FAMILIES = (_powers, _notice, _core, _days, _termination, _money)


def term_effects(old: Sequence[Term], new: Sequence[Term],
                 rest: Sequence[Term] | None = None) -> list[Effect]:  # fmt: skip
    """Every effect of going from the older terms to the newer, most important first; `rest`
    holds the terms of the rest of the newer clause when `old` and `new` are one paragraph of it
    (a cap deleted while the clause still grants what it capped is a gain, else it is not)."""
    out: list[Effect] = []
    for family in FAMILIES:
        out += family(old, new)
    return out + _transport(old, new, rest)
