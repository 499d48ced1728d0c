"""Excerpts of the change overview: centred on the change, cut only between words."""

from __future__ import annotations

import random

from assembler.compare.excerpt import CHANGE_LIMIT, WHOLE_LIMIT, excerpts, shorten

LONG = (
    "Arbejdsgiveren kan pålægge en medarbejder at møde på arbejdsstedet på en planlagt "
    "hjemmearbejdsdag, når det er nødvendigt af hensyn til opgaveløsningen, fx på grund af "
    "møder, undervisning eller opgaver, der kræver fysisk tilstedeværelse. Fremmødet varsles "
    "senest på den 3. arbejdsdag før den pågældende dag. I uforudsete og uopsættelige "
    "situationer kan fremmøde kræves med kortere varsel, og Arbejdsgiveren afvejer i alle "
    "tilfælde behovet for fremmøde over for væsentlige hensyn hos medarbejderen."
)


def _words(excerpt: str) -> list[str]:
    return [w for w in excerpt.replace("…", " ").split() if w]


def test_a_change_inside_a_long_paragraph_is_centred_and_cut_between_words() -> None:
    after = LONG.replace("på den 3. arbejdsdag før den pågældende dag", "kl. 12 dagen før")
    before_x, after_x = excerpts(LONG, after)
    assert before_x.startswith("…") and before_x.endswith("…")
    assert "på den 3. arbejdsdag før den pågældende dag" in before_x
    assert "kl. 12 dagen før" in after_x and "arbejdsdag" not in after_x
    assert len(before_x) < len(LONG) / 2
    # the same unchanged words frame the change on both sides
    assert before_x.split("senest")[0] == after_x.split("senest")[0]
    for word in _words(before_x):
        assert word in LONG.split(), word  # never a piece of a word
    for word in _words(after_x):
        assert word in after.split(), word


def test_a_change_at_the_start_has_no_leading_ellipsis() -> None:
    before_x, after_x = excerpts(LONG, "Ledelsen" + LONG.removeprefix("Arbejdsgiveren"))
    assert before_x.startswith("Arbejdsgiveren kan") and after_x.startswith("Ledelsen kan")
    assert before_x.endswith("…") and after_x.endswith("…")


def test_changes_far_apart_are_shown_each_with_context() -> None:
    after = LONG.replace("pålægge", "kræve af").replace("væsentlige", "tungtvejende")
    before_x, after_x = excerpts(LONG, after)
    assert " … " in before_x and " … " in after_x
    assert "pålægge" in before_x and "væsentlige" in before_x
    assert "kræve af" in after_x and "tungtvejende" in after_x
    assert "undervisning" not in before_x  # the unchanged middle is left out


def test_random_edits_never_cut_a_word_and_never_show_equal_sides() -> None:
    rng = random.Random(7)
    words = LONG.split()
    for _ in range(200):
        new = list(words)
        for _ in range(rng.randint(1, 3)):
            k = rng.randrange(len(new))
            choice = rng.random()
            if choice < 0.4:
                new[k] = rng.choice(["ikke", "altid", "kl. 8.30", "Ledelsen", "dagen"])
            elif choice < 0.7:
                del new[k]
            else:
                new.insert(k, rng.choice(["midlertidigt", "skriftligt", "højst"]))
        after = " ".join(new)
        if after == LONG:
            continue
        before_x, after_x = excerpts(LONG, after)
        assert before_x != after_x
        assert set(_words(before_x)) <= set(words)
        assert set(_words(after_x)) <= set(after.split())


def test_a_long_rewrite_is_cut_after_the_limit_at_a_word() -> None:
    after = "Helt ny tekst. " * 60
    before_x, after_x = excerpts(LONG, after)
    assert after_x.endswith("…") and len(after_x) <= CHANGE_LIMIT + 2
    assert set(_words(after_x)) <= set(after.split())
    assert before_x


def test_shorten_keeps_short_text_and_cuts_long_text_at_a_word() -> None:
    assert shorten("  To  ord  ") == "To ord"
    long = " ".join(["hjemmearbejdsdag"] * 100)
    cut = shorten(long)
    assert cut.endswith(" …") and len(cut) <= WHOLE_LIMIT + 2
    assert set(_words(cut)) == {"hjemmearbejdsdag"}


def test_a_long_paragraph_changed_in_one_word_is_read_around_that_word() -> None:
    """Only the tokens between the common head and tail are diffed: a word changed deep inside
    a 3,000-word paragraph is still found, framed by the same words on both sides."""
    words = [f"ord{k}" for k in range(3000)]
    before = " ".join(words)
    after = " ".join([*words[:1500], "ændret", *words[1501:]])
    before_x, after_x = excerpts(before, after)
    assert "ord1500" in before_x and "ord1500" not in after_x and "ændret" in after_x
    assert before_x.replace("ord1500", "ændret") == after_x
    assert before_x.startswith("…") and before_x.endswith("…")
    tail_before, tail_after = excerpts(before, before + " tilføjet")
    assert tail_before.startswith("…") and tail_before.endswith("ord2999")
    assert tail_after == tail_before + " tilføjet"
