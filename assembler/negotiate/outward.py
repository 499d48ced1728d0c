"""What we tell the other side: each amendment's comment, in the voice of the employee side.

The counter-proposal goes to management, so its comments say what we propose and why, on the
authority management must respect: the framework agreement, the agreement's own clauses (cited
as they read with our changes, through citing.cite tokens) and the law. Never our internal
review: no rule ids, library variants, source lists, advice to ourselves or fallback positions.
Each method returns (proposal, reason): the position in one sentence, the grounds in one or two.
"""

from __future__ import annotations

from decimal import Decimal

from assembler.audit.terms.compare import Effect
from assembler.audit.terms.numbers import words
from assembler.library.values import format_date
from assembler.negotiate.citing import cite
from assembler.rules.text_facts import Term, TextFacts

Said = tuple[str, str]
FRAMEWORK = {
    "stat": "rammeaftalen om distancearbejde",
    "kommune": "rammeaftalen om tele- og hjemmearbejde",
    "region": "rammeaftalen om tele- og hjemmearbejde",
}
GENITIVE = {  # unit → (one, many) in the genitive: "tre arbejdsdages varsel"
    "arbejdsdag": ("arbejdsdags", "arbejdsdages"),
    "hverdag": ("hverdags", "hverdages"),
    "dag": ("dags", "dages"),
    "døgn": ("døgns", "døgns"),
    "time": ("times", "timers"),
    "uge": ("uges", "ugers"),
}
NEAR_WHOLE_DAY = Decimal("6.5")
WORKING_DAY_HOURS = Decimal(24)
NEW_ENTRY = "den første dag i måneden efter underskriften"
# Why a clause the draft lacks belongs in it, said to the other side (per agreement and topic).
MISSING = {
    "lokal": {
        "parter": "Aftalen skal angive, hvem den er indgået mellem.",
        "omraade": "En lokalaftale skal angive, hvilke medarbejdere den omfatter.",
        "ad_hoc": "Aftalen bør skelne mellem fast og lejlighedsvist hjemmearbejde, så det er "
        "klart, hvad der kræver en individuel aftale.",
        "frivillighed": "Hjemmearbejde er frivilligt for begge parter efter {ramme}, og det bør "
        "stå udtrykkeligt i Aftalen, så medarbejderne ved, at de kan sige nej og træde ud af "
        "ordningen.",
        "formaal": "Aftalen bør angive, hvad hjemmearbejdet skal bruges til.",
        "niveauer": "Aftalen bør fastsætte, hvordan de individuelle aftaler indgås.",
        "forrang": "Aftalen bør fastsætte, hvordan den og de individuelle aftaler forholder sig "
        "til hinanden.",
        "arbejdstid": "Aftalen bør fastsætte, at de sædvanlige løn- og arbejdstidsregler gælder "
        "ved hjemmearbejde.",
        "tilgaengelighed": "Aftalen bør fastsætte, hvornår medarbejderne skal kunne kontaktes, og "
        "hvornår de ikke skal.",
        "undtagelser": "Uden en bestemmelse er det uklart, om og med hvilket varsel en planlagt "
        "hjemmearbejdsdag kan ændres.",
        "transport": "Aftalen bør fastsætte, hvordan rejsetid og befordring regnes, når en "
        "medarbejder skal møde på en planlagt hjemmearbejdsdag.",
        "tidsregistrering": "Arbejdsgiveren skal registrere den daglige arbejdstid, også på "
        "hjemmearbejdsdage.",
        "arbejdsmiljoe": "Arbejdspladsvurderingen skal omfatte hjemmearbejdet, uanset dets omfang.",
        "it_sikkerhed": "Aftalen bør fastsætte, hvordan informationssikkerhed og databeskyttelse "
        "sikres ved hjemmearbejde.",
        "oekonomi": "Aftalen bør fastsætte, hvordan udgifter ved hjemmearbejde håndteres.",
        "forsikring": "Aftalen bør fastsætte, hvordan medarbejderne er dækket og hæfter ved "
        "skader under hjemmearbejdet.",
        "evaluering": "Aftalen bør fastsætte, hvornår og hvordan parterne evaluerer den.",
        "tvistloesning": "Aftalen bør fastsætte, hvordan uenighed om den løses.",
        "ikrafttraeden": "Aftalen skal angive, hvornår den træder i kraft, og hvordan den opsiges.",
        "overgang": "Aftalen bør fastsætte, hvad der sker med de individuelle aftaler, hvis den "
        "ophører.",
    },
    "individuel": {
        "parter": "Aftalen skal angive, hvem den er indgået mellem.",
        "arbejdssted": "Aftalen skal angive, hvor hjemmearbejdet udføres.",
        "omfang": "Aftalen skal angive hjemmearbejdets omfang og placering.",
        "kontakttid": "Aftalen bør angive, hvornår medarbejderen skal kunne kontaktes.",
        "aendring": "Uden en bestemmelse er det uklart, om og med hvilket varsel en planlagt "
        "hjemmearbejdsdag kan ændres.",
        "udstyr": "Aftalen bør angive, hvilket udstyr Arbejdsgiveren stiller til rådighed.",
        "arbejdsmiljoe": "Aftalen bør angive, hvordan arbejdsmiljøet på hjemmearbejdspladsen "
        "sikres, og hvordan medarbejderen medvirker.",
        "arbejdstid": "Aftalen bør angive, at de sædvanlige arbejdstidsregler gælder på "
        "hjemmearbejdsdage, eller hvilke afvigelser lokalaftalen giver adgang til.",
        "kompensation": "Aftalen bør angive, om der ydes godtgørelse for merudgifter eller eget "
        "udstyr.",
        "varighed": "Aftalen bør angive, om den er tidsbegrænset, og hvornår den evalueres.",
        "saerlige_grupper": "Aftalen bør angive de særlige hensyn, der gælder for medarbejderen.",
        "ikrafttraeden": "Aftalen skal angive, hvornår den træder i kraft.",
        "opsigelse": "Aftalen bør angive, hvordan og med hvilket varsel den kan opsiges.",
    },
}


def notice_words(term: Term) -> str:
    """'mindst tre arbejdsdages varsel' from a notice term."""
    n, unit = term.get("n"), term.get("unit")
    if n is None or unit not in GENITIVE:
        return str(term.get("label"))
    one, many = GENITIVE[unit]
    return f"mindst {words(n)} {one if n == 1 else many} varsel"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def effects_sentence(effects: tuple[Effect, ...] | list[Effect]) -> str:
    """'opsigelsesvarslet er forkortet fra … og …' (the effects worse for the employees)."""
    worse = [e.text for e in effects if e.direction < 0] or [e.text for e in effects]
    return worse[0] if len(worse) == 1 else ", ".join(worse[:-1]) + " og " + worse[-1]


class Outward:
    """The comments of one counter-proposal."""

    def __init__(self, text: TextFacts | None, sector: str, agreement: str) -> None:
        self.text = text or TextFacts()
        self.sector, self.agreement = sector, agreement
        self.framework = FRAMEWORK.get(sector, "rammeaftalen")
        self.subject = "Aftalen" if agreement == "lokal" else "aftalen"
        self.staff = "medarbejderne" if agreement == "lokal" else "medarbejderen"

    def _feature(self, kind: str, topic: str | None = None) -> Term | None:
        return next((t for t in self.text.of(kind) if topic is None or t.topic == topic), None)

    # -- the families ---------------------------------------------------------------------------
    def notice(self, theirs: Term | None, ours: Term, keep: bool) -> Said:
        """Our call-in notice against theirs: a calendar 'dagen før' reaches into the weekend."""
        verb = "fastholder" if keep else "foreslår"
        proposal = f"Vi {verb} {notice_words(ours)}."
        if theirs is None:
            return proposal, ""
        unit = theirs.get("unit")
        if unit == "dagen før":
            off = self._feature("off_hours")
            where = cite(off.para, lead=", jf. ") if off is not None else ""
            reason = (f"»{_cap(theirs.quote)}« betyder, at pålæg om fremmøde mandag kan gives "
                      f"søndag, uden for arbejdstiden{where}.")  # fmt: skip
        elif theirs.get("hours") is None:
            reason = (f"Uden et fast varsel kan {self.staff} ikke nå at omlægge børnepasning, "
                      "transport og planlagt arbejde.")  # fmt: skip
        elif theirs.get("hours") < WORKING_DAY_HOURS:
            reason = (f"Et varsel på {theirs.get('label')} giver ikke {self.staff} tid til at "
                      "omlægge børnepasning, transport og planlagt arbejde.")  # fmt: skip
        else:
            reason = (f"Et varsel på {theirs.get('label')} giver {self.staff} kortere tid til at "
                      "omlægge børnepasning, transport og planlagt arbejde.")  # fmt: skip
            if unit in ("dag", "døgn"):
                reason += " Det regnes i kalenderdage, så weekender og helligdage tæller med."
        urgent = self._feature("urgent")
        if urgent is not None:
            reason += cite(urgent.para, lead=" Akutte behov er dækket af ", tail=".",
                           fallback=" Akutte behov er dækket af reglen om kortere varsel.",
                           relative_to=theirs.para)  # fmt: skip
        return proposal, reason

    def core(self, theirs: Term, ours: Term, keep: bool) -> Said:
        """Our core hours against theirs."""
        verb = "fastholder" if keep else "foreslår"
        proposal = f"Vi {verb} kernetiden {ours.get('label')}."
        hours = theirs.get("hours")
        if hours is not None and hours >= NEAR_WHOLE_DAY:
            reason = (f"En kernetid på {words(hours)} timer svarer næsten til hele "
                      "arbejdsdagen og fjerner den fleksibilitet, som er formålet med "
                      f"{self.subject}.")  # fmt: skip
        else:
            reason = ("En længere kernetid giver mindre tid til arbejde uden afbrydelser, som er "
                      f"formålet med {self.subject}.")  # fmt: skip
        return proposal, reason

    def whole_day(self, ours: Term) -> Said:
        """A core time instead of 'reachable all working day'."""
        return (f"Vi foreslår en kernetid, {ours.get('label')}, i stedet for tilgængelighed i hele "
                "arbejdstiden.", "Krav om at kunne kontaktes hele dagen fjerner den ro til "
                "fordybelse, som er formålet med hjemmearbejde.")  # fmt: skip

    def suspension(self, term: Term) -> Said:
        """Why a unilateral power to suspend home work goes."""
        what = "tilbagekalde" if term.get("revocation") else "indstille"
        proposal = f"Vi kan ikke acceptere en ensidig adgang til at {what} hjemmearbejdet."
        framework = ", jf. rammeaftalens § 8, stk. 2" if self.sector == "stat" else ""
        limit = ""
        if term.get("duration") and term.get("renewable"):
            limit = ", og kan gentages uden grænse"
        elif not term.get("duration"):
            limit = ", og den har ingen tidsgrænse"
        reason = (f"Den sætter de individuelle aftaler ud af kraft uden deres opsigelsesvarsel"
                  f"{framework}{limit}.")  # fmt: skip
        rules = [t.para for t in (self.text.first("call_in"), self._feature("urgent")) if t]
        if rules:
            reason += cite(*dict.fromkeys(rules), lead=" Driftsbehov håndteres efter ", tail=".",
                           fallback=" Driftsbehov håndteres efter reglerne om fremmøde på "
                           "planlagte hjemmearbejdsdage.")  # fmt: skip
        return proposal, reason

    def transport_restored(self, key: int, has_start: bool) -> Said:
        """Our paragraph on travel time and allowance put back."""
        where = cite(key, lead="Vi foreslår ", tail=" genindsat", relative_to=key,
                     fallback="Vi foreslår afsnittet genindsat")  # fmt: skip
        why = ("uden det fremgår det ikke, hvad det betyder, at hjemmet regnes som udgangspunkt "
               "for rejsen." if has_start else "uden det er rejsetid og befordringsgodtgørelse "
               "ved pålagt fremmøde ikke reguleret.")  # fmt: skip
        return f"{where}; {why}", ""

    def transport_added(self) -> Said:
        """Our consequence added to a clause that only names the home as the starting point."""
        return ("Vi foreslår bestemmelsen suppleret med, hvordan rejsetid og "
                "befordringsgodtgørelse regnes.", "Uden det fremgår det ikke, hvad det betyder, at "
                "hjemmet regnes som udgangspunkt for rejsen.")  # fmt: skip

    def effective(self, term: Term) -> Said:
        """A new entry into force after signature, and the individual agreements' dates."""
        proposal = f"Vi foreslår, at {self.subject} træder i kraft {NEW_ENTRY}."
        dated = self.text.dated
        when = f"Udkastet er dateret den {format_date(dated)}, så " if dated else "Så "
        reason = f"{when}ikrafttrædelsesdatoen den {term.get('label')} er allerede passeret."
        if self.agreement == "lokal":
            own = self._feature("individual_not_before")
            where = cite(own.para, lead=", jf. ") if own is not None else ""
            reason += (" De individuelle aftalers ikrafttrædelsesdatoer skal følge med, da en "
                       "individuel aftale tidligst kan træde i kraft samtidig med Aftalen"
                       f"{where}.")  # fmt: skip
        return proposal, reason

    def moved_back(self, title: str, was: int, references: list[str], principle: bool) -> Said:
        """A clause of ours put back where it stood."""
        named = f"{title[:1].lower()}{title[1:]}"
        proposal = (f"Vi foreslår, at bestemmelsen om {named} bliver stående som § {was}, hvor den "
                    "står i vores udkast.")  # fmt: skip
        reasons = []
        if principle:
            reasons.append(f"Hjemmearbejde er frivilligt for begge parter efter {self.framework}, "
                           f"og det er grundlaget for resten af {self.subject}.")  # fmt: skip
        if references:
            quoted = [f"»{r}«" for r in references]
            listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " og " + quoted[-1]
            reasons.append("De individuelle aftaler, der er udarbejdet efter vores udkast, "
                           f"henviser til {listed}, som ellers skal rettes i hver "
                           "aftale.")  # fmt: skip
        return proposal, " ".join(reasons)

    def compulsion(self) -> Said:
        """A power to impose home work deleted."""
        return (
            "Vi foreslår sætningen slettet.",
            f"Hjemmearbejde er frivilligt for begge parter "
            f"efter {self.framework}, og en medarbejder kan ikke pålægges hjemmearbejde.",
        )

    def tax(self) -> Said:
        """'skattefri' corrected."""
        return ("Vi foreslår »skattepligtig« i stedet for »skattefri«.", "Der findes ingen "
                "skattefri godtgørelse for udgifter ved hjemmearbejde; et kontant beløb er "
                "skattepligtig løn.")  # fmt: skip

    def equipment(self, sentence: str) -> Said:
        """Employer equipment instead of the employee's own."""
        return (f"Vi foreslår i stedet: »{sentence.rstrip('.')}«.", f"Efter {self.framework} "
                "udføres hjemmearbejde med computer og kommunikationsudstyr, som Arbejdsgiveren "
                "stiller til rådighed.")  # fmt: skip

    def cap(self, label: str) -> Said:
        """A cap on home days under the whole week."""
        return (
            f"Vi foreslår loftet sat til {label}.",
            f"Efter {self.framework} kan "
            "hjemmearbejde kun udgøre en del af den aftalte arbejdstid.",
        )

    def termination(self, theirs: Term, label: str) -> Said:
        """A termination notice at least as long as ours."""
        proposal = f"Vi foreslår et opsigelsesvarsel på {label}."
        if theirs.get("months") == 0:
            reason = (
                "Uden varsel kan hjemmearbejdet ophøre fra den ene dag til den anden, uden "
                f"at {self.staff} kan nå at omlægge børnepasning, transport og arbejde."
            )
            if self.sector == "stat" and self.agreement == "individuel":
                reason += (" Rammeaftalens udgangspunkt er en måneds varsel for begge parter, jf. "
                           "§ 8, stk. 2.")  # fmt: skip
        else:
            reason = f"Et kortere varsel giver {self.staff} for lidt tid til at indrette sig."
        return proposal, reason

    def changed(self, what: str, effects: tuple[Effect, ...], keep: bool = True) -> Said:
        """Any other change of our text: we keep ours, and say what theirs would mean."""
        proposal = "Vi fastholder formuleringen fra vores udkast." if keep else what
        return proposal, f"Ændringen betyder, at {effects_sentence(effects)}." if effects else ""

    def added(self, effects: tuple[Effect, ...]) -> Said:
        """A paragraph they added, deleted again."""
        return "Vi foreslår det tilføjede afsnit slettet.", (
            f"Det betyder, at {effects_sentence(effects)}." if effects else ""
        )

    def reinserted(self, topic: str, title: str, effects: tuple[Effect, ...],
                   key: int | None) -> Said:  # fmt: skip
        """A paragraph or clause of ours they deleted, put back."""
        whole = (f"Vi foreslår bestemmelsen om {title[:1].lower()}{title[1:]} genindsat fra vores "
                 "udkast.")  # fmt: skip
        what = whole if key is None else cite(
            key, lead="Vi foreslår ", tail=" genindsat fra vores udkast.", relative_to=key,
            fallback="Vi foreslår afsnittet genindsat fra vores udkast.")  # fmt: skip
        if key is None and topic in MISSING[self.agreement]:
            return what, MISSING[self.agreement][topic].format(ramme=self.framework)
        return what, f"Sletningen betyder, at {effects_sentence(effects)}." if effects else ""

    def missing(self, topic: str, title: str) -> Said:
        """A clause the draft lacks."""
        reason = MISSING[self.agreement].get(topic, "").format(ramme=self.framework)
        return f"Vi foreslår en bestemmelse om {title[:1].lower()}{title[1:]} tilføjet.", reason

    def amount(self, label: str) -> Said:
        """Our amount instead of theirs."""
        return f"Vi foreslår {label} som i vores udkast.", ""

    def worse(self, proposal: str, effect: Effect) -> Said:
        """A term of theirs worse than our position, answered with ours."""
        return proposal, f"Udkastet betyder, at {effect.text}."
