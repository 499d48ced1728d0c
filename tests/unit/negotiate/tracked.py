"""A counterparty's draft that already carries their own tracked changes (made in Word)."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from tests.unit.audit import drafts

THEIR_AUTHOR = "Ledelsen"
THEIR_DATE = "2027-01-10T00:00:00Z"


def _tracked(kind: str, text: str, rid: int) -> object:
    tag = "delText" if kind == "del" else "t"
    return parse_xml(
        f'<w:{kind} {nsdecls("w")} w:id="{rid}" w:author="{THEIR_AUTHOR}" w:date="{THEIR_DATE}">'
        f'<w:r><w:{tag} xml:space="preserve">{text}</w:{tag}></w:r></w:{kind}>'
    )


def with_their_revisions(folder: Path) -> Path:
    """The styled municipal draft where management, with Word's track changes on, moved the
    start of the contact window from 9 to 8 and the end to 16, and the notice from three to six
    months (a change we let stand)."""
    path = drafts.local_styled(folder)
    document = docx.Document(str(path))
    for paragraph in document.paragraphs:
        p = paragraph._p
        if paragraph.text == "Medarbejderen kan træffes mellem kl. 9 og kl. 15.":
            for run in list(p.iter(p.tag.replace("}p", "}r"))):
                p.remove(run)
            p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">Medarbejderen '
                               "kan træffes mellem kl. </w:t></w:r>"))  # fmt: skip
            p.append(_tracked("del", "9", 901))
            p.append(_tracked("ins", "8", 902))
            p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> og kl. </w:t>'
                               "</w:r>"))  # fmt: skip
            p.append(_tracked("del", "15", 903))
            p.append(_tracked("ins", "16", 904))
            p.append(parse_xml(f"<w:r {nsdecls('w')}><w:t>.</w:t></w:r>"))
        elif "tre måneders varsel" in paragraph.text:
            text = paragraph.text
            before, after = text.split("tre måneders varsel")
            for run in list(p.iter(p.tag.replace("}p", "}r"))):
                p.remove(run)
            p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve">{before}</w:t>'
                               "</w:r>"))  # fmt: skip
            p.append(_tracked("del", "tre", 905))
            p.append(_tracked("ins", "seks", 906))
            p.append(parse_xml(f'<w:r {nsdecls("w")}><w:t xml:space="preserve"> måneders varsel'
                               f"{after}</w:t></w:r>"))  # fmt: skip
    out = folder / "ledelsens_udkast_med_spor.docx"
    document.save(str(out))
    return out
