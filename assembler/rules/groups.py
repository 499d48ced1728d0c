"""R70–R73: special groups (trainees, students, flexjob, union representatives)."""

from __future__ import annotations

from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")


@rule(
    "R70",
    "advarsel",
    "individuel",
    "saerlige_grupper",
    "Elev",
    "Medarbejderen er elev. Medst anbefaler at tage hensyn til oplæringsformålet og holde "
    "skoleperioder og oplæringsdage uden for hjemmearbejdet.",
    ("S2",),
    needs=("individuel.special_group",),
    sectors=("stat",),
)
@rule(
    "R70",
    "info",
    "individuel",
    "saerlige_grupper",
    "Elev",
    "Medarbejderen er elev. Medst anbefaler i staten at tage hensyn til oplæringsformålet og "
    "holde skoleperioder og oplæringsdage uden for hjemmearbejdet; overvej det også her.",
    ("S2",),
    needs=("individuel.special_group",),
    sectors=OTHER,
)
def r70(c: RuleInput) -> Fired:
    return emp(c).special_group == "elev"


@rule(
    "R71",
    "info",
    "individuel",
    "saerlige_grupper",
    "Studerende",
    "Medarbejderen er studerende. Hjemmearbejde er muligt; tjek omfang og tilgængelighed i "
    "forhold til den korte arbejdstid.",
    ("S2", "S1"),
    needs=("individuel.special_group",),
)
def r71(c: RuleInput) -> Fired:
    return emp(c).special_group == "student"


@rule(
    "R72",
    "advarsel",
    "individuel",
    "saerlige_grupper",
    "Fleksjob",
    "Medarbejderen er ansat i fleksjob eller på særlige vilkår. Overvej de hensyn, der ligger "
    "bag ansættelsen, og om fast hjemmearbejde passer med dem (fx hjælpemidler).",
    ("S2", "S31"),
    needs=("individuel.special_group",),
)
def r72(c: RuleInput) -> Fired:
    return emp(c).special_group == "fleksjob"


@rule(
    "R73",
    "advarsel",
    "individuel",
    "saerlige_grupper",
    "Tillidshverv",
    "Medarbejderen {hverv}. Det er muligt; Medst anbefaler at drøfte, hvordan hvervet og de "
    "almindelige opgaver begge kan varetages uden øget tidsforbrug.",
    ("S2",),
    needs=("individuel.special_group",),
    sectors=("stat",),
)
@rule(
    "R73",
    "info",
    "individuel",
    "saerlige_grupper",
    "Tillidshverv",
    "Medarbejderen {hverv}. Medst anbefaler i staten at drøfte, hvordan hvervet og de "
    "almindelige opgaver begge kan varetages uden øget tidsforbrug; overvej det også her.",
    ("S2",),
    needs=("individuel.special_group",),
    sectors=OTHER,
)
def r73(c: RuleInput) -> Fired:
    e = emp(c)
    if e.special_group != "tillidsrepraesentant":
        return None
    # the office answered (e.g. arbejdsmiljørepræsentant), never a guessed "tillidsrepræsentant"
    return {"hverv": f"er {e.office}" if e.office else "har et tillidshverv"}
