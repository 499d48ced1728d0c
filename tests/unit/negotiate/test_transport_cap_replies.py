"""The counter-proposal's answer to a transport cap in the other side's own wording: set to ours
when ours is higher, deleted when our position has no cap, and our consequence inserted into an
empty clause carries our cap."""

from __future__ import annotations

from pathlib import Path

from assembler.library.model import Library
from assembler.negotiate.model import Amendment
from assembler.negotiate.workflow import CounterProposal
from tests.unit.audit import drafts
from tests.unit.negotiate.test_counter_proposal import assert_round_trip, body, propose
from tests.unit.rules.helpers import example_raw, write_raw

TRANSPORT = "Transport på hjemmearbejdsdage"
GRANT = (
    "Rejsetiden fra hjemmet til mødestedet og retur medregnes i arbejdstiden, og der ydes "
    "befordringsgodtgørelse efter reglerne om tjenesterejser."
)
LOW_CAP = "Der ydes dog højst befordringsgodtgørelse for 20 kilometer hver vej."
# The same in words of their own (not an edit of our clause).
THEIR_GRANT = (
    "Kaldes en medarbejder ind på en hjemmearbejdsdag, regnes rejsetiden som arbejdstid, og der "
    "udbetales kørselsgodtgørelse efter statens regler."
)
THEIR_CAP = "Kørselsgodtgørelse udbetales dog højst for 20 km hver vej."


PARTIES = ("Parter", "Aftalen er indgået mellem Styrelsen for Arbejdsmarked og HK Stat ved "
           "tillidsrepræsentanten.")  # fmt: skip


def _draft(folder: Path, transport: str) -> Path:
    """The styled draft of the drafts module, between a state agency and its staff, with a
    transport clause in its own words."""
    middle = drafts.LOCAL_STYLED[1:-1]
    sections = [PARTIES, *middle, (TRANSPORT, transport), drafts.LOCAL_STYLED[-1]]
    return drafts.write_draft(folder / "udkast.docx", "Lokalaftale om hjemmearbejde", sections,
                              styled=True)  # fmt: skip


def _answers(library: Library, folder: Path) -> Path:
    """Our answers: the home as the starting point, with caps of 50 km and one hour."""
    raw = example_raw(library)
    raw["lokalaftale"]["transport"] = {
        "variant": "hjemmet_arbejdssted", "loft_km": 50, "loft_rejsetid_timer": 1,
    }  # fmt: skip
    return write_raw(raw, folder / "svar.yaml")


def _transport_amendments(made: CounterProposal) -> list[Amendment]:
    return [a for a in made.plan.amendments if a.title == TRANSPORT]


def test_a_lower_cap_is_set_to_ours(library: Library, tmp_path: Path) -> None:
    draft = _draft(tmp_path, f"{THEIR_GRANT} {THEIR_CAP}")
    made, out = propose(library, draft, _answers(library, tmp_path))
    [amendment] = _transport_amendments(made)
    assert amendment.comment() == (
        "Vi foreslår loftet over befordringsgodtgørelsen sat til 50 kilometer hver vej som i "
        "vores udkast. Et lavere loft betyder, at en medarbejder med lang rejsevej kun får en del "
        "af befordringen godtgjort."
    )
    assert amendment.notes[0] == (
        "Loftet over befordringsgodtgørelsen er sænket fra 50 kilometer til 20 kilometer hver "
        "vej (målt mod vores position)."
    )  # their missing cap on the time is a gain for the employees: left as it is
    ours = f"{THEIR_GRANT} {THEIR_CAP.replace('20 km', '50 kilometer')}"
    assert ours in body(out.read_bytes(), "accept")
    assert f"{THEIR_GRANT} {THEIR_CAP}" in body(out.read_bytes(), "reject")
    assert_round_trip(draft, out)


def test_a_cap_our_position_lacks_is_deleted(library: Library, tmp_path: Path) -> None:
    """The library's employee-side default for transport has no cap."""
    draft = _draft(tmp_path, f"{THEIR_GRANT} {THEIR_CAP}")
    made, out = propose(library, draft, sector="stat")
    [amendment] = _transport_amendments(made)
    assert amendment.comment().startswith(
        "Vi foreslår sætningen om loftet over befordringsgodtgørelsen slettet, som i vores udkast."
    )
    accepted = body(out.read_bytes(), "accept")
    assert THEIR_GRANT in accepted and not any("20 km" in line for line in accepted)
    assert_round_trip(draft, out)


def test_a_cap_in_the_sentence_that_grants_is_left_to_the_user(
    library: Library, tmp_path: Path
) -> None:
    """Deleting the sentence would delete the allowance too: not answered, and said so."""
    grant = THEIR_GRANT.removesuffix(".") + ", dog højst for 20 km hver vej."
    made, out = propose(library, _draft(tmp_path, grant), sector="stat")
    assert not _transport_amendments(made)
    [left] = [u for u in made.plan.unanswered if u.title == TRANSPORT]
    assert left.text == ("Der er indført et loft på 20 kilometer hver vej over "
                         "befordringsgodtgørelsen (målt mod vores position). (ikke besvaret "
                         "automatisk)")  # fmt: skip
    assert grant in body(out.read_bytes(), "accept")


def test_our_clause_rewritten_with_a_lower_cap_comes_back_under_its_heading(
    library: Library, tmp_path: Path
) -> None:
    """Our four paragraphs replaced by one near our words with a lower cap: ours go back (the
    deleted paragraphs as one run) and theirs goes, and the heading stays."""
    draft = _draft(tmp_path, f"{GRANT} {LOW_CAP}")
    made, out = propose(library, draft, _answers(library, tmp_path))
    comments = [a.comment() for a in _transport_amendments(made)]
    assert comments[1] == ("Vi foreslår det tilføjede afsnit slettet. Det betyder, at der er "
                           "indført et loft på 20 kilometer hver vej over "
                           "befordringsgodtgørelsen.")  # fmt: skip
    assert not made.plan.accepted
    accepted = body(out.read_bytes(), "accept")
    at = accepted.index(TRANSPORT)
    assert accepted[at + 1].startswith("Når en medarbejder på en planlagt hjemmearbejdsdag")
    assert accepted[at + 3].startswith("Der ydes dog højst befordringsgodtgørelse for 50 kilometer")
    assert f"{GRANT} {LOW_CAP}" not in accepted
    assert_round_trip(draft, out)


def test_our_consequence_comes_with_our_cap(library: Library, tmp_path: Path) -> None:
    start = ("Når en medarbejder skal møde på arbejdsstedet på en planlagt hjemmearbejdsdag, "
             "regnes hjemmet som udgangspunkt for rejsen.")  # fmt: skip
    draft = _draft(tmp_path, start)
    made, out = propose(library, draft, _answers(library, tmp_path))
    assert _transport_amendments(made)
    accepted = body(out.read_bytes(), "accept")
    at = accepted.index(start)
    assert accepted[at + 1].startswith("Rejsetiden fra hjemmet til mødestedet og retur")
    assert accepted[at + 2] == (
        "Der ydes dog højst befordringsgodtgørelse for 50 kilometer hver vej, og rejsetiden "
        "medregnes højst med én time hver vej."
    )
