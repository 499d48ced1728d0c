"""Answer one term of a foreign draft with the smallest edit that restores our position.

Each family rewrites only the words that set the term, in the draft's own style (its number
words or digits, its clock format): a notice period, core hours, a cap, a termination notice,
an amount, the word 'skattefri'; a sentence that imposes home work or lets the employer suspend
it is deleted; a transport clause without consequence gets our consequence back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from assembler.audit.terms.numbers import CARDINALS, NUM, minutes, plural, words
from assembler.audit.terms.powers import SUSPEND_NOUN
from assembler.audit.terms.sentences import split_sentences
from assembler.negotiate.model import Edit, NewParagraph
from assembler.rules.text_facts import Term


def notice_phrase(quote: str, days: Decimal) -> str:
    """Our notice in the form of theirs: 'senest tre arbejdsdage før' / 'med tre arbejdsdages
    varsel'."""
    if quote.casefold().startswith("senest"):
        return f"senest {plural(days, 'arbejdsdag', 'arbejdsdage')} før"
    count = words(days)
    return f"med {count} {'arbejdsdags' if days == 1 else 'arbejdsdages'} varsel"


def clock_like(theirs: str, ours: int) -> str:
    """Our time (minutes) written like theirs: '08.30' → '09.00', '8:30' → '9:00', '8' → '9'."""
    sep = ":" if ":" in theirs else "."
    hours, mins = divmod(ours, 60)
    head = f"{hours:02d}" if theirs.startswith("0") else str(hours)
    if sep not in theirs and mins == 0:
        return head
    return f"{head}{sep}{mins:02d}"


def span_edit(term: Term, text: str) -> Edit:
    """Replace the words of a term."""
    return Edit("span", term.para, term.start, term.end, text)


def notice_edit(term: Term, days: Decimal) -> Edit:
    """Replace their call-in notice with ours."""
    return span_edit(term, notice_phrase(term.quote, days))


def core_edits(term: Term, start: int, end: int) -> list[Edit]:
    """Replace the two times of their core hours with ours, each in their format."""
    (a0, a1), (b0, b1) = term.get("start_span"), term.get("end_span")
    return [
        Edit("span", term.para, b0, b1, clock_like(term.get("end_text"), end)),
        Edit("span", term.para, a0, a1, clock_like(term.get("start_text"), start)),
    ]


def whole_day_edit(term: Term, start: int, end: int) -> Edit:
    """'i hele arbejdstiden' → 'i tidsrummet kl. 9.00 til kl. 14.00'."""
    return span_edit(term, f"i tidsrummet kl. {clock_like('9.00', start)} til kl. "
                           f"{clock_like('9.00', end)}")  # fmt: skip


def _number_edit(term: Term, value: Decimal, digits_only: bool = False) -> Edit | None:
    """Replace the (last) number in a term's words with `value`, as word or digits like theirs."""
    found = list(re.finditer(NUM, term.quote, re.I))
    if not found:
        return None
    m = found[-1] if not digits_only else next((f for f in found if f.group(0)[0].isdigit()),
                                              found[-1])  # fmt: skip
    is_word = m.group(0).casefold() in CARDINALS
    text = words(value) if is_word else f"{value.normalize():f}".replace(".", ",")
    return Edit("span", term.para, term.start + m.start(), term.start + m.end(), text)


def cap_edit(term: Term, per_week: Decimal) -> Edit | None:
    """Lower their cap on home days to ours, in the same unit."""
    if term.get("label") == "hele arbejdstiden":
        return span_edit(term, f"højst {plural(per_week, 'dag', 'dage')} om ugen")
    if term.get("period") == "procent":
        pct = (per_week / 5 * 100).quantize(Decimal(1))
        return _number_edit(term, pct, digits_only=True)
    if term.get("period") == "måned":
        return _number_edit(term, (per_week * Decimal("4.33")).quantize(Decimal(1)))
    return _number_edit(term, per_week)


def termination_edit(term: Term, months: Decimal) -> Edit | None:
    """Lengthen their termination notice to ours."""
    if re.search(r"udgangen\s+af\s+den", term.quote, re.I):
        return _number_edit(term, months, digits_only=True)
    count = "en måneds" if months == 1 else f"{words(months)} måneders"
    return span_edit(term, f"med {count} varsel")


def amount_edit(term: Term, amount: Decimal) -> Edit | None:
    """Raise their amount to ours (thousands with a full stop, as Danish writes them)."""
    m = re.search(r"\d{1,3}(?:\.\d{3})+|\d+", term.quote)
    if m is None:
        return None
    text = f"{amount:,.0f}".replace(",", ".")
    return Edit("span", term.para, term.start + m.start(), term.start + m.end(), text)


def tax_edit(term: Term) -> Edit:
    """'skattefri' → 'skattepligtig', keeping the ending ('skattefrit' → 'skattepligtigt')."""
    start, end = term.get("word_span")
    word = term.get("word")
    ending = word[len("skattefri") :] if word.casefold().startswith("skattefri") else ""
    return Edit("span", term.para, start, end, "skattepligtig" + ending)


def _sentence_spans(text: str, at: int, follow: re.Pattern[str] | None) -> tuple[int, int]:
    """The span of the sentence holding position `at`, plus following sentences that refer back
    to it (those matching `follow`)."""
    sentences = split_sentences(text)
    for k, (offset, sentence) in enumerate(sentences):
        if offset <= at < offset + len(sentence):
            end = offset + len(sentence)
            for offset2, sentence2 in sentences[k + 1 :]:
                if follow is None or not follow.search(sentence2):
                    break
                end = offset2 + len(sentence2)
            return offset, end
    return 0, len(text)


def delete_sentence(term: Term, para_text: str, refers_back: bool = False) -> Edit:
    """Delete the sentence(s) of a term; the whole paragraph when nothing else is left."""
    start, end = _sentence_spans(para_text, term.start, SUSPEND_NOUN if refers_back else None)
    rest = (para_text[:start] + para_text[end:]).strip()
    if not rest:
        return Edit("delete", term.para)
    if end < len(para_text) and para_text[end] == " ":
        end += 1
    elif start > 0 and para_text[start - 1] == " ":
        start -= 1
    return Edit("span", term.para, start, end, "")


def replace_sentence(term: Term, para_text: str, sentence: str) -> Edit:
    """Replace the sentence of a term with one of ours."""
    start, end = _sentence_spans(para_text, term.start, None)
    own = para_text[start:end]
    trailing = own[len(own.rstrip()) :]
    return Edit("span", term.para, start, end, sentence.strip() + trailing)


def insert_after(para: int, texts: list[tuple[str, bool]], stk: bool,
                 keys: Callable[[], int]) -> Edit:  # fmt: skip
    """Insert our paragraphs (text, is a bullet) after a paragraph of a clause: the first one as
    a later stk. of the clause when `stk` (else as its first paragraph), the rest as later stk."""
    out = []
    for text, bullet in texts:
        role = "bullet" if bullet else ("stk" if stk else "body")
        out.append(NewParagraph(text, role, keys()))
        stk = stk or not bullet
    return Edit("insert", para, paragraphs=tuple(out))


def clock(text: str) -> int | None:
    """Minutes of a time answer such as '09:00' (None if it is not one)."""
    return minutes(str(text)) if text else None
