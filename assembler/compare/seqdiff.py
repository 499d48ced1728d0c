"""Pure sequence alignment used by the redline engine: tokens, block opcodes, moves, pairing.

No lxml here: everything works on strings, so the algorithms are easy to test on their own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from assembler.compare.model import Record

# Numbers, times, dates, amounts and clause references are whole tokens, so a changed time reads
# "~~9.00~~ 8.30" and not "~~9~~8.~~00~~30". Danish writes 1.250 (thousands), 8,5 (decimal),
# 9.00 (time) and 01.03.2026 (date); an amount keeps its unit ("1.250 kr."), a clause its sign.
_TOKEN = re.compile(
    r"§+[ \u00a0]*\d+[a-zA-Z]?(?![\w])"
    r"|\d+(?:[.,:/-]\d+)*(?:,-)?(?:[ \u00a0]?(?:kr\.?(?!\w)|kroner\b|DKK\b|%))?"
    r"|\w+|\s+|[^\w\s]",
    re.UNICODE,
)
MIN_MOVE_CHARS = 12  # shorter paragraphs ("Ja", "§ 3") are too common to be called a move
PAIR_THRESHOLD = 0.5
PAIR_WINDOW = 12


def tokenize(text: str) -> list[str]:
    """Split text into words, whitespace runs and single punctuation marks."""
    return _TOKEN.findall(text)


Opcode = tuple[str, int, int, int, int]


def opcodes(old: Sequence[str], new: Sequence[str], boundary: str | None = None) -> list[Opcode]:
    """Return difflib opcodes for two key sequences (equal/replace/delete/insert).

    A common tail whose first paragraph piece (up to `boundary`, the paragraph mark) holds no word
    is given back to difflib: a final "." and mark in common say nothing, and trimming them would
    tie the end of the older last paragraph to the end of the newer last one instead of to its own
    continuation.
    """
    if list(old) == list(new):
        return [("equal", 0, len(old), 0, len(new))] if old else []
    # Trim the common head and tail first: the usual case (few edits) then costs O(n).
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    while boundary is not None and tail:
        start = len(old) - tail
        end = start
        while end < len(old) - 1 and old[end] != boundary:
            end += 1
        if any(k[:1].isalnum() for k in old[start:end]):
            break
        tail -= end + 1 - start
    matcher = SequenceMatcher(None, old[head : len(old) - tail], new[head : len(new) - tail], False)
    result: list[Opcode] = []
    if head:
        result.append(("equal", 0, head, 0, head))
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        result.append((tag, i1 + head, i2 + head, j1 + head, j2 + head))
    if tail:
        result.append(("equal", len(old) - tail, len(old), len(new) - tail, len(new)))
    return result


def _heaviest_chain(pairs: list[tuple[int, int, int]]) -> list[tuple[int, int]]:
    """The increasing (i, j) subsequence of `pairs` (sorted by i) with the largest total weight."""
    size = max(j for _, j, _ in pairs) + 2
    # A (chain weight, pair index) is held as one int, weight * scale + index + 1, which orders
    # as the tuple does: comparing ints inline is several times faster than max() on tuples.
    scale = len(pairs) + 1
    tree = [0] * size  # Fenwick tree over j: the best chain ending at or below j (0: none)
    weights: list[int] = []  # per pair: the weight of the best chain ending with it
    previous: list[int] = []  # per pair: the pair before it in that chain (-1: none)
    for n, (_, j, weight) in enumerate(pairs):
        prev, k = 0, j  # best chain ending with some j' < j
        while k > 0:
            if tree[k] > prev:
                prev = tree[k]
            k -= k & -k
        total = prev // scale + weight
        weights.append(total)
        previous.append(prev % scale - 1)
        value = total * scale + n + 1
        k = j + 1
        while k < size:
            if value > tree[k]:
                tree[k] = value
            k += k & -k
    n = weights.index(max(weights))  # the first heaviest, as max() with a key picks it
    chain = []
    while n >= 0:
        chain.append(pairs[n][:2])
        n = previous[n]
    return chain[::-1]


def _merge(ops: list[Opcode]) -> list[Opcode]:
    """Merge neighbouring equal opcodes, and neighbouring unequal ones into one region."""
    out: list[Opcode] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out and (out[-1][0] == "equal") == (op[0] == "equal"):
            _, i1, _, j1, _ = out[-1]
            i2, j2 = op[2], op[4]
            tag = "equal" if op[0] == "equal" else "replace"
            if tag != "equal":
                tag = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
            out[-1] = (tag, i1, i2, j1, j2)
        else:
            out.append(op)
    return out


def block_opcodes(
    old: Sequence[str], new: Sequence[str], weights: Sequence[int] | None = None
) -> list[Opcode]:
    """Opcodes for block keys that keep the longest text in place.

    Keys occurring once on each side are anchors; of crossing anchors (a move), the chain with the
    most text (`weights`: characters per old block; default the key length) stays equal, so the
    shorter paragraphs are the ones reported as moved. Gaps between anchors go through difflib.
    """
    ops = opcodes(old, new)
    if len(ops) <= 1:
        return ops
    first = ops[0][2] if ops[0][0] == "equal" else 0
    last_o = ops[-1][1] if ops[-1][0] == "equal" else len(old)
    last_n = ops[-1][3] if ops[-1][0] == "equal" else len(new)
    mid_o, mid_n = old[first:last_o], new[first:last_n]
    count_o, count_n = Counter(mid_o), Counter(mid_n)
    where_n = {k: j for j, k in enumerate(mid_n) if count_n[k] == 1}
    pairs = [
        (i, where_n[k], 1 + (weights[i + first] if weights is not None else len(k)))
        for i, k in enumerate(mid_o)
        if count_o[k] == 1 and k in where_n
    ]
    if not pairs:
        return ops
    result: list[Opcode] = [ops[0]] if ops[0][0] == "equal" else []
    pi = pj = 0
    for i, j in [*_heaviest_chain(pairs), (len(mid_o), len(mid_n))]:
        if pi < i or pj < j:
            gap = SequenceMatcher(None, mid_o[pi:i], mid_n[pj:j], False).get_opcodes()
            result.extend(
                (t, a + pi + first, b + pi + first, c + pj + first, d + pj + first)
                for t, a, b, c, d in gap
            )
        if i < len(mid_o):
            result.append(("equal", i + first, i + first + 1, j + first, j + first + 1))
        pi, pj = i + 1, j + 1
    if ops[-1][0] == "equal":
        result.append(ops[-1])
    return _merge(result)


class Move(Record):
    """A block that left old position `old` and arrived unchanged at new position `new`."""

    _fields = ("old", "new", "group")
    __slots__ = _fields

    def __init__(self, old: int, new: int, group: int) -> None:
        self.old = old
        self.new = new
        self.group = group


def find_moves(
    old_keys: Sequence[str], new_keys: Sequence[str], ops: Sequence[Opcode]
) -> list[Move]:
    """Pair deleted and inserted blocks with identical, distinctive keys into moves."""
    deleted = [
        i for tag, i1, i2, _, _ in ops if tag in ("delete", "replace") for i in range(i1, i2)
    ]
    inserted = [
        j for tag, _, _, j1, j2 in ops if tag in ("insert", "replace") for j in range(j1, j2)
    ]
    old_count = Counter(old_keys[i] for i in deleted)
    new_count = Counter(new_keys[j] for j in inserted)
    by_key = {new_keys[j]: j for j in inserted}
    pairs: list[tuple[int, int]] = []
    for i in deleted:
        key = old_keys[i]
        if len(key) < MIN_MOVE_CHARS or old_count[key] != 1 or new_count.get(key) != 1:
            continue
        pairs.append((i, by_key[key]))
    moves: list[Move] = []
    group = 0
    for n, (i, j) in enumerate(pairs):
        if n and not (pairs[n - 1][0] == i - 1 and pairs[n - 1][1] == j - 1):
            group += 1
        moves.append(Move(i, j, group))
    # A "move" that stays inside one replace block is just reordering noise there; keep it anyway:
    # Word shows it as a move, which is what a reader expects.
    return moves


def similarity(a: str, b: str) -> float:
    """Word-level similarity ratio of two texts in [0, 1]."""
    if a == b:
        return 1.0
    ta, tb = tokenize(a), tokenize(b)
    if not ta or not tb:
        return 0.0
    matcher = SequenceMatcher(None, ta, tb, False)
    if matcher.real_quick_ratio() < PAIR_THRESHOLD or matcher.quick_ratio() < PAIR_THRESHOLD:
        return 0.0
    return matcher.ratio()


def pair_similar(old: Sequence[str], new: Sequence[str]) -> list[tuple[int | None, int | None]]:
    """Pair old and new texts monotonically by similarity; unpaired items get None as partner."""
    result: list[tuple[int | None, int | None]] = []
    j = 0
    for i, text in enumerate(old):
        best, best_j = PAIR_THRESHOLD, -1
        for k in range(j, min(len(new), j + PAIR_WINDOW)):
            score = similarity(text, new[k])
            if score > best:
                best, best_j = score, k
        if best_j < 0:
            result.append((i, None))
            continue
        result.extend((None, k) for k in range(j, best_j))
        result.append((i, best_j))
        j = best_j + 1
    result.extend((None, k) for k in range(j, len(new)))
    return result


GLUE_WORDS = 2  # an unchanged stretch of at most this many words between two changes may be glued
SHARED_SHARE = 3  # a glued phrase is one change when under 1/SHARED_SHARE of its words are shared


def _words(keys: Sequence[str], lo: int, hi: int) -> int:
    """How many word, number or special tokens (a field mark, a tab) keys[lo:hi] holds; spaces
    and punctuation do not count."""
    return sum(1 for k in keys[lo:hi] if k[:1].isalnum() or k[:1] in "§\x00")


def readable(ops: list[Opcode], old: Sequence[str], new: Sequence[str], mark: str) -> list[Opcode]:
    """Show a phrase whose words mostly changed as one deletion and one insertion.

    Consecutive changes separated only by short unchanged stretches (no paragraph mark `mark`,
    at most GLUE_WORDS words) form a phrase; when fewer than 1/SHARED_SHARE of the phrase's words
    are shared, the phrase becomes one replace, so "senest på den 3. arbejdsdag før den
    pågældende dag" → "senest kl. 12 dagen før" reads as two blocks, not interleaved fragments,
    while "to dage om ugen" → "tre dage om måneden" keeps its two one-word changes.
    """
    out: list[Opcode] = []
    k = 0
    while k < len(ops):
        if ops[k][0] == "equal":
            out.append(ops[k])
            k += 1
            continue
        # Grow the phrase greedily while it stays mostly changed.
        end = k
        while end + 2 < len(ops):
            gap, nxt = ops[end + 1], ops[end + 2]
            if gap[0] != "equal" or nxt[0] == "equal" or mark in old[gap[1] : gap[2]]:
                break
            if _words(old, gap[1], gap[2]) > GLUE_WORDS or not _mostly_changed(
                ops[k : end + 3], old, new
            ):
                break
            end += 2
        if end == k:
            out.append(ops[k])
        else:
            out.append(("replace", ops[k][1], ops[end][2], ops[k][3], ops[end][4]))
        k = end + 1
    return out


def _mostly_changed(phrase: list[Opcode], old: Sequence[str], new: Sequence[str]) -> bool:
    """Whether fewer than 1/SHARED_SHARE of a phrase's words are shared by both versions."""
    i1, j1, i2, j2 = phrase[0][1], phrase[0][3], phrase[-1][2], phrase[-1][4]
    shared = sum(_words(old, op[1], op[2]) for op in phrase if op[0] == "equal")
    return shared * SHARED_SHARE < max(_words(old, i1, i2), _words(new, j1, j2))


FIELD_BEGIN, FIELD_SEPARATE, FIELD_END = "\x00fld:begin", "\x00fld:separate", "\x00fld:end"


def field_spans(keys: Sequence[str]) -> list[tuple[int, int, int]]:
    """(begin, code end, end) token positions of each complete complex field in `keys`."""
    out: list[tuple[int, int, int]] = []
    stack: list[list[int]] = []
    for k, key in enumerate(keys):
        if key == FIELD_BEGIN:
            stack.append([k, -1])
        elif key == FIELD_SEPARATE and stack:
            stack[-1][1] = k
        elif key == FIELD_END and stack:
            begin, sep = stack.pop()
            out.append((begin, sep if sep >= 0 else k, k))
    return out


def _grow(lo: int, hi: int, spans: list[tuple[int, int, int]]) -> tuple[int, int]:
    """Widen [lo, hi) to whole fields wherever it touches a field's code."""
    for begin, code_end, end in spans:
        if lo <= code_end and hi > begin:
            lo, hi = min(lo, begin), max(hi, end + 1)
    return lo, hi


def whole_fields(ops: list[Opcode], old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """A change touching a field's code replaces the whole field, as Word tracks it.

    Deleting only a field's code (w:delInstrText) while its begin, separate and end marks stay
    leaves a field Word reads as partly deleted; the whole older field is deleted and the whole
    newer one inserted instead. Changes in a field's result stay word-level.
    """
    spans_o, spans_n = field_spans(old), field_spans(new)
    if not spans_o and not spans_n:
        return ops
    regions = [[i1, i2, j1, j2] for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    changed = True
    while changed:
        changed = False
        for k, r in enumerate(regions):
            lo_o, hi_o = _grow(r[0], r[1], spans_o)
            lo_n, hi_n = _grow(r[2], r[3], spans_n)
            # The stretches between regions are equal, as long on both sides, so a region widens
            # into them by the same amount on both sides; but only up to the region beside it,
            # whose sides differ in length: the two merge below, and the merged region widens
            # on from there in the next pass.
            floor = regions[k - 1][1] if k else 0
            ceiling = regions[k + 1][0] if k + 1 < len(regions) else len(old)
            left = min(max(r[0] - lo_o, r[2] - lo_n), r[0] - floor)
            right = min(max(hi_o - r[1], hi_n - r[3]), ceiling - r[1])
            if left or right:
                r[0], r[2] = r[0] - left, r[2] - left
                r[1], r[3] = r[1] + right, r[3] + right
                changed = True
        regions.sort()
        merged: list[list[int]] = []
        for r in regions:
            if merged and r[0] <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], r[1])
                merged[-1][3] = max(merged[-1][3], r[3])
            else:
                merged.append(r)
        regions = merged
    out: list[Opcode] = []
    i = j = 0
    for i1, i2, j1, j2 in regions:
        if i1 > i:
            out.append(("equal", i, i1, j, j1))
        tag = "replace" if i1 < i2 and j1 < j2 else ("delete" if i1 < i2 else "insert")
        out.append((tag, i1, i2, j1, j2))
        i, j = i2, j2
    if i < len(old):
        out.append(("equal", i, len(old), j, len(new)))
    return out
