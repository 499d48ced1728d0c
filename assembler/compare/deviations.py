"""Report what the self-check found: Danish messages with the clause heading and an excerpt, and a
Word comment on the redline paragraph nearest to each stretch that could not be tracked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lxml import etree

from assembler.compare.selfcheck import Deviation
from assembler.ooxml.comments import add_comments
from assembler.ooxml.ns import qn
from assembler.ooxml.package import parse_xml

W_P = qn("w:p")
EXCERPT = 70
STORY_DA = {"header": "sidehovedet", "footer": "sidefoden"}
VIEW_DA = {
    "accept": "acceptér alle giver ikke den nyeste version",
    "reject": "afvis alle giver ikke den ældre version",
}


def excerpt(text: str, centre: int, width: int = EXCERPT) -> str:
    """About `width` characters of text around position `centre`, cut at word boundaries."""
    text = text.replace("\n", " ¶ ")
    if len(text) <= width:
        return text
    start = max(0, min(centre - width // 2, len(text) - width))
    end = start + width
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < centre else start
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > centre else end
    return ("…" if start > 0 else "") + text[start:end].strip() + ("…" if end < len(text) else "")


def _common_prefix(a: str, b: str) -> int:
    """Length of the common start of two texts."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _where(dev: Deviation, heading: str) -> str:
    """Where in the document the stretch is, in Danish."""
    if dev.story == "body":
        return f"Under „{heading}“" if heading else "I dokumentets tekst"
    if "#" in dev.story:
        kind = "fodnote" if "footnote" in dev.story else "slutnote"
        return f"I {kind} {dev.story.rpartition('#')[2]}"
    kind, _, rest = dev.story.partition("/")
    section = int(rest.partition("/")[0]) + 1
    return f"I {STORY_DA.get(kind, kind)} (sektion {section})"


def message_da(dev: Deviation, heading: str) -> str:
    """One Danish sentence naming the place, the view, what differs and both texts (the texts
    only when an excerpt can show the difference)."""
    at = _common_prefix(dev.expected, dev.found)
    want = excerpt(dev.expected, at) or "(ingen tekst)"
    got = excerpt(dev.found, at) or "(ingen tekst)"
    what = difference_da(dev)
    start = f"{_where(dev, heading)}: {VIEW_DA[dev.view]}"
    if want == got or not (dev.expected + dev.found).strip():  # an excerpt would show nothing
        return f"{start}: {what or 'teksten afviger i tegn, som ikke kan ses i et uddrag'}."
    return f"{start}{': ' + what if what else ''}. Forventet „{want}“, men redlinen giver „{got}“."


NUMBER_DA = {1: "et", 2: "to", 3: "tre", 4: "fire", 5: "fem", 6: "seks"}


def _count(n: int, one: str, many: str) -> str:
    """'et tomt afsnit', 'to tomme afsnit', '12 tomme afsnit'."""
    return f"{NUMBER_DA.get(n, str(n))} {one if n == 1 else many}"


def difference_da(dev: Deviation) -> str:
    """What differs between the two stretches when it is more than their words (paragraph
    marks, empty paragraphs, a paragraph in two places, white space), in Danish; else ''."""
    want, got = dev.expected_lines, dev.found_lines
    if not want and not got:  # a deviation made without its lines: read them from the texts
        want = tuple(dev.expected.split("\n")) if dev.expected else ()
        got = tuple(dev.found.split("\n")) if dev.found else ()
    if dev.twice:
        return f"afsnittet „{excerpt(dev.twice[0], 0, 40)}“ står to steder"
    if dev.elsewhere and not got:
        return f"afsnittet „{excerpt(dev.elsewhere[0], 0, 40)}“ står et andet sted"
    lost = len(want) - len(got)
    if "".join(want) == "".join(got) and lost:
        if [t for t in want if t] == [t for t in got if t]:  # only empty paragraphs differ
            if lost > 0:
                return f"{_count(lost, 'tomt afsnit', 'tomme afsnit')} mangler"
            return f"redlinen giver {_count(-lost, 'tomt afsnit', 'tomme afsnit')} for meget"
        if lost > 0:
            return f"{_count(lost, 'afsnitsskift', 'afsnitsskift')} mangler"
        return f"redlinen har {_count(-lost, 'afsnitsskift', 'afsnitsskift')} for meget"
    if sorted(want) == sorted(got):
        return "afsnittene står i en anden rækkefølge"
    if " ".join(" ".join(want).split()) == " ".join(" ".join(got).split()):
        return "mellemrum, tabulatorer eller linjeskift er forskellige"
    return ""


def headings_before(body: etree._Element, is_heading: Callable[[etree._Element], str]) -> list[str]:
    """For each paragraph number of the part, the text of the nearest heading at or before it."""
    out: list[str] = []
    current = ""
    for p in body.iter(W_P):
        current = is_heading(p) or current
        out.append(current)
    return out


def mark(
    parts: dict[str, bytes],
    deviations: Sequence[Deviation],
    is_heading: Callable[[etree._Element], str],
    author: str = "aftale",
) -> list[str]:
    """Comment each deviation in word/document.xml (in place in `parts`); return the messages."""
    main = "word/document.xml"
    root = parse_xml(parts[main], main)
    paragraphs = list(root.iter(W_P))
    if not paragraphs:
        return []
    headings = headings_before(root, is_heading)
    messages: list[str] = []
    notes: list[tuple[etree._Element, str]] = []
    for dev in deviations:
        in_body = dev.story == "body" and 0 <= dev.para < len(paragraphs)
        heading = headings[dev.para] if in_body else ""
        text = message_da(dev, heading)
        messages.append(text)
        anchor = paragraphs[dev.para] if in_body else paragraphs[0]
        notes.append((anchor, f"aftale kunne ikke spore ændringen her fuldt ud. {text}"))
    add_comments(parts, root, notes, author=author, initials="AF")
    parts[main] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return messages
