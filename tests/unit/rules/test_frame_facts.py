"""The frame tables say what each variant commits to: check them against the library's wording.

When a clause text changes, the failing row names the table in rules/frame_facts.py to update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from decimal import Decimal

import pytest

from assembler.answers.files import answers_from_raw
from assembler.library.model import Library
from assembler.rules import frame_facts as ff
from assembler.rules.answer_facts import employee_facts, local_facts
from tests.unit.rules.helpers import example_raw

NO_COMPENSATION = [k for k, v in ff.LOCAL_COMPENSATION.items() if v == ff.COMPENSATION_NONE]
# (agreement, topic, variants the table holds, phrase in their text, phrase in no other variant)
WORDING: list[tuple[str, str, Collection[str], str, str | None]] = [
    ("lokal", "omraade", ff.PRO_RATA_SCOPE, "udgør loftet {{ loftets_andel }}", None),
    ("lokal", "undtagelser", [k for k, v in ff.LOCAL_CALL_IN.items() if v == ff.CALL_IN_NOTICE],
     "{{ varsel_dage }}", "{{ varsel_dage }}"),
    ("lokal", "undtagelser", [k for k, v in ff.LOCAL_CALL_IN.items() if v == ff.CALL_IN_CONSENT],
     "kan kun ændres, hvis", "kan kun ændres, hvis"),
    ("lokal", "undtagelser", ff.ATTENDANCE_RIGHT, "og giver i så fald nærmeste leder besked",
     "og giver i så fald nærmeste leder besked"),
    ("lokal", "tilgaengelighed", ff.CORE_TIME, "tilpasses tidsrummet", None),
    ("lokal", "tilgaengelighed", ff.WHOLE_DAY, "i hele deres planlagte arbejdstid",
     "i hele deres planlagte arbejdstid"),
    ("lokal", "tilgaengelighed", ff.ATTENDANCE_DAYS, "{{ antal_fremmoededage }}", None),
    ("lokal", "arbejdstid", ff.LOCAL_HOURS_DEVIATION, "fraviges arbejdstidsreglerne",
     "fraviges arbejdstidsreglerne"),
    ("lokal", "it_sikkerhed", ff.EMPLOYER_IT_ONLY, "må kun tilgås fra", "må kun tilgås fra"),
    ("lokal", "it_sikkerhed", ff.OWN_IT_ALLOWED, "egen computer", "egen computer"),
    ("lokal", "arbejdsmiljoe", ff.EQUIPMENT_PACKAGE, "{{ udstyrsliste }}", "{{ udstyrsliste }}"),
    ("lokal", "oekonomi", NO_COMPENSATION, "der ydes ikke godtgørelse",
     "der ydes ikke godtgørelse"),
    ("lokal", "overgang", ff.LOCAL_LAPSE_CAVEAT, "væsentlig stillingsændring", None),
    ("lokal", "forrang", ff.FAVOURABLE_PREVAILS, "gunstigere for medarbejderen",
     "gunstigere for medarbejderen"),
    ("individuel", "aendring",
     [k for k, v in ff.INDIVIDUAL_CALL_IN.items() if v == ff.CALL_IN_NOTICE],
     "{{ varsel_dage }}", "{{ varsel_dage }}"),
    ("individuel", "kontakttid", ff.CONTACT_AS_LOCAL, "Kernetiden efter lokalaftalen",
     "Kernetiden efter lokalaftalen"),
    ("individuel", "kontakttid", ff.CONTACT_OWN, "{{ kontakt_fra }}", "{{ kontakt_fra }}"),
    ("individuel", "arbejdstid", ff.INDIVIDUAL_WEEKLY_REST, "og et ugentligt fridøgn fraviges",
     "og et ugentligt fridøgn fraviges"),
    ("individuel", "kompensation", ff.NO_COMPENSATION, "ingen godtgørelse", "ingen godtgørelse"),
    ("individuel", "udstyr", ff.OWN_EQUIPMENT, "{{ eget_udstyr_beskrivelse }}",
     "{{ eget_udstyr_beskrivelse }}"),
    ("individuel", "varighed", ff.LAPSE_WITHOUT_NOTICE,
     "ophører uden varsel, hvis lokalaftalen ophører", "ophører uden varsel, hvis lokalaftalen"),
    ("individuel", "varighed", ff.LAPSE_DEFERS, "medmindre lokalaftalen fastsætter andet",
     "medmindre lokalaftalen fastsætter andet"),
    ("individuel", "varighed", ff.LAPSE_CAVEAT, "væsentlig stillingsændring",
     "væsentlig stillingsændring"),
    ("lokal", "evaluering", ff.EVALUATION_ON_DATE, "{{ evalueringsdato }}",
     "{{ evalueringsdato }}"),
    ("lokal", "evaluering", ff.EVALUATION_INTERVAL, "{{ foerste_evaluering }}",
     "{{ foerste_evaluering }}"),
    ("lokal", "ad_hoc", ff.AD_HOC_LIMITED, "{{ max_dage_pr_uge_ad_hoc }}",
     "{{ max_dage_pr_uge_ad_hoc }}"),
    ("lokal", "ad_hoc", ff.AD_HOC_LIMITED + ff.AD_HOC_UNLIMITED, "tæller ikke med i loftet", None),
    ("individuel", "kompensation", ff.COMPENSATION_AS_LOCAL, "{{ § lokal.oekonomi }}",
     "{{ § lokal.oekonomi }}"),
    ("individuel", "saerlige_grupper", ff.OFFICE_VARIANTS, "{{ hverv }}", "{{ hverv }}"),
]  # fmt: skip


def _text(text: str) -> str:
    return " ".join(text.split()).casefold()


@pytest.mark.parametrize(("agreement", "topic", "held", "inside", "outside"), WORDING,
                         ids=[f"{w[1]}:{w[3][:24]}" for w in WORDING])  # fmt: skip
def test_frame_table_matches_the_wording(
    library: Library,
    agreement: str,
    topic: str,
    held: Collection[str],
    inside: str,
    outside: str | None,
) -> None:
    found = library.topic(agreement, topic)
    assert set(held) <= {v.id for v in found.variants}, f"unknown variant in the table: {held}"
    for variant in found.variants:
        text = _text(variant.text)
        if variant.id in held:
            assert _text(inside) in text, f"{topic}/{variant.id} no longer says '{inside}'"
        elif outside is not None:
            assert _text(outside) not in text, f"{topic}/{variant.id} now says '{outside}'"


def test_weekly_rest_tables(library: Library) -> None:
    """Local variants outside LOCAL_WEEKLY_REST keep the weekly day off (or all rest rules)."""
    for variant in library.topic("lokal", "arbejdstid").variants:
        text = _text(variant.text)
        if variant.id not in ff.LOCAL_WEEKLY_REST:
            kept = "fridøgn fraviges ikke" in text or "fridøgn gælder uændret" in text
            assert kept or "hvileperiode og fridøgn og om registrering" in text, variant.id


@pytest.mark.parametrize(
    ("agreement", "topic", "table"),
    [("lokal", "undtagelser", ff.LOCAL_CALL_IN), ("lokal", "oekonomi", ff.LOCAL_COMPENSATION),
     ("individuel", "aendring", ff.INDIVIDUAL_CALL_IN)],
)  # fmt: skip
def test_every_variant_is_classified(
    library: Library, agreement: str, topic: str, table: dict[str, str]
) -> None:
    assert set(table) == {v.id for v in library.topic(agreement, topic).variants}


def test_internet_choice_is_recognised(library: Library) -> None:
    choices = next(p for p in library.topic("individuel", "udstyr").all_params()
                   if p.name == "internetforbindelse").choices  # fmt: skip
    assert sum(ff.EMPLOYER_INTERNET in c.casefold() for c in choices) == 1


def test_example_frame_facts(library: Library) -> None:
    """The example's local agreement and its employees, as the rules see them."""
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    local = local_facts(answers.local)
    assert local.part_time_pro_rata and local.max_days_week == 2
    assert (local.call_in, local.call_in_notice_days) == (ff.CALL_IN_NOTICE, 3)
    assert local.core_time == (dt.time(9), dt.time(14, 30)) and local.core_time_part_time_adjusted
    assert local.employer_it_only and local.lapse_caveat and not local.attendance_right
    assert local.compensation_rule == ff.COMPENSATION_INDIVIDUAL
    anne, lise_lotte, mikkel = (employee_facts(e) for e in answers.employees)
    assert anne.weekly_hours == Decimal(37) and anne.call_in == ff.CALL_IN_NOTICE
    assert lise_lotte.weekly_hours == Decimal(22) and lise_lotte.call_in == ff.CALL_IN_CONSENT
    assert lise_lotte.own_equipment_text and "kontorstol" in lise_lotte.own_equipment_text
    assert mikkel.contact_time is not None and not mikkel.contact_as_local
    assert all(e.lapse_caveat and not e.lapse_without_notice for e in (anne, mikkel))
    assert local.favourable_terms_allowed  # forrang: the more favourable individual term holds
