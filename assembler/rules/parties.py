"""R10–R16: the parties, the scope and hiring conditions."""

from __future__ import annotations

from assembler.rules.model import Fired, RuleInput, emp, rule

OTHER = ("kommune", "region")


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


@rule(
    "R10",
    "fejl",
    "lokal",
    "parter",
    "Parterne mangler",
    "Lokalaftalen skal indgås mellem arbejdsgiveren og den forhandlingsberettigede organisation "
    "(typisk ved tillidsrepræsentanten), men {mangler} mangler. Angiv begge parter.",
    ("S1", "S3"),
    needs=("lokal.employer", "lokal.organisations", "lokal.tr"),
)
def r10(c: RuleInput) -> Fired:
    missing = []
    if not c.local.employer:
        missing.append("arbejdsgiveren")
    if not c.local.organisations and not c.local.tr:
        missing.append("organisationen/tillidsrepræsentanten")
    return {"mangler": " og ".join(missing)} if missing else None


@rule(
    "R11",
    "fejl",
    "lokal",
    "omraade",
    "Område ikke angivet",
    "Lokalaftalen angiver ikke, hvilke personalegrupper den omfatter. Angiv personalegrupperne "
    "(eller at den gælder alle medarbejdere).",
    ("S3", "S1"),
    needs=("lokal.groups", "lokal.all_staff"),
    sectors=("stat",),
)
@rule(
    "R11",
    "advarsel",
    "lokal",
    "omraade",
    "Område ikke angivet",
    "Lokalaftalen angiver ikke, hvilke personalegrupper den omfatter. Angiv personalegrupperne "
    "(eller at den gælder alle medarbejdere).",
    ("S1",),
    needs=("lokal.groups", "lokal.all_staff"),
    sectors=OTHER,
)
def r11(c: RuleInput) -> Fired:
    return not c.local.groups and not c.local.all_staff


@rule(
    "R12",
    "fejl",
    "individuel",
    "parter",
    "Ikke omfattet af lokalaftalen",
    "{hvem} er ikke omfattet af lokalaftalen: {grund}. Vælg en personalegruppe, som "
    "lokalaftalen omfatter, eller udvid lokalaftalens område.",
    ("S1", "S3", "S2", "S12"),
    needs=(
        "lokal.groups",
        "lokal.all_staff",
        "lokal.excluded",
        "individuel.group",
        "individuel.job",
    ),
)
def r12(c: RuleInput) -> Fired:
    e = emp(c)
    who = e.name or "Medarbejderen"
    if e.job and any(_norm(x) == _norm(e.job) for x in c.local.excluded):
        return {"hvem": who, "grund": f"stillingen '{e.job}' er undtaget"}
    if c.local.all_staff or not c.local.groups:
        return None
    if e.group is None:
        return {"hvem": who, "grund": "personalegruppen er ikke angivet"}
    if _norm(e.group) not in {_norm(g) for g in c.local.groups}:
        return {"hvem": who, "grund": f"personalegruppen '{e.group}' står ikke i lokalaftalen"}
    return None


@rule(
    "R13",
    "fejl",
    "individuel",
    "parter",
    "Parterne i den individuelle aftale",
    "Den individuelle aftale indgås mellem ledelsen og den enkelte medarbejder, men {mangler} "
    "er ikke angivet. Angiv både leder og medarbejder, så begge kan underskrive.",
    ("S2", "S1"),
    needs=("individuel.name", "individuel.manager"),
)
def r13(c: RuleInput) -> Fired:
    e = emp(c)
    missing = [label for label, v in (("medarbejderen", e.name), ("lederen", e.manager)) if not v]
    return {"mangler": " og ".join(missing)} if missing else None


@rule(
    "R14",
    "fejl",
    "individuel",
    "saerlige_grupper",
    "Ansættelsesvilkår ikke tilladt",
    "Hjemmearbejde er gjort til et vilkår for ansættelsen. Efter KL's og RLTN's rammeaftale kan "
    "tele- og hjemmearbejde ikke være et ansættelsesvilkår, og medarbejderen kan udtræde af "
    "ordningen. Fjern vilkåret.",
    ("S12",),
    needs=("individuel.hiring_condition",),
    sectors=OTHER,
)
@rule(
    "R14",
    "fejl",
    "lokal",
    "frivillighed",
    "Ansættelsesvilkår ikke tilladt",
    "Lokalaftalen gør hjemmearbejde til et vilkår for ansættelse. Efter KL's og RLTN's "
    "rammeaftale er det ikke tilladt. Vælg frivillighed.",
    ("S12",),
    needs=("lokal.hiring_condition",),
    sectors=OTHER,
)
def r14(c: RuleInput) -> Fired:
    if c.employee is not None:
        return c.employee.hiring_condition
    return c.local.hiring_condition


@rule(
    "R14",
    "fejl",
    "individuel",
    "saerlige_grupper",
    "Ansættelsesvilkår uden hjemmel i lokalaftalen",
    "Hjemmearbejde er gjort til et vilkår for ansættelsen af {navn}, men lokalaftalen bestemmer, "
    "at hjemmearbejde ikke kan gøres til en betingelse for ansættelse. I staten kan fast "
    "hjemmearbejde kun være et ansættelsesvilkår, når lokalaftalen giver adgang til det. Fjern "
    "vilkåret, eller aftal adgangen i lokalaftalen.",
    ("S2", "S1"),
    needs=("lokal.hiring_condition", "individuel.hiring_condition"),
    sectors=("stat",),
)
def r14_state(c: RuleInput) -> Fired:
    e = emp(c)
    return (
        {"navn": e.name or "medarbejderen"}
        if e.hiring_condition and not c.local.hiring_condition
        else None
    )


@rule(
    "R15",
    "info",
    "individuel",
    "saerlige_grupper",
    "Ansættelsesvilkår i staten",
    "Hjemmearbejde er et vilkår for ansættelsen, og lokalaftalen giver adgang til det. Medst "
    "anbefaler, at den individuelle aftale så er et særskilt dokument og ikke står i "
    "ansættelseskontrakten.",
    ("S2",),
    needs=("lokal.hiring_condition", "individuel.hiring_condition"),
    sectors=("stat",),
)
def r15(c: RuleInput) -> Fired:
    return emp(c).hiring_condition and c.local.hiring_condition


@rule(
    "R16",
    "advarsel",
    "individuel",
    "parter",
    "Står i ansættelseskontrakten",
    "Aftalen om hjemmearbejde er skrevet ind i ansættelseskontrakten. Medst anbefaler at have "
    "den som en særskilt aftale, så den kan opsiges uden at ændre ansættelsen.",
    ("S2",),
    needs=("individuel.in_contract",),
    sectors=("stat",),
)
@rule(
    "R16",
    "info",
    "individuel",
    "parter",
    "Står i ansættelseskontrakten",
    "Aftalen om hjemmearbejde er skrevet ind i ansættelseskontrakten. Medst anbefaler i staten "
    "at have den som en særskilt aftale, så den kan opsiges uden at ændre ansættelsen; det "
    "samme hensyn kan gøre sig gældende her.",
    ("S2",),
    needs=("individuel.in_contract",),
    sectors=OTHER,
)
def r16(c: RuleInput) -> Fired:
    return emp(c).in_contract
