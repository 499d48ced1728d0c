"""Three negotiation rounds of a small agreement, built in code (for the compare tests)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.compare.fixtures import para, write_versions

HEADING = "Heading1"
EXTENT = "Medarbejderen kan arbejde hjemme op til to dage om ugen efter aftale med lederen."
NOTICE = "Ændringer af planlagte hjemmearbejdsdage varsles senest på den 3. arbejdsdag før."
TRANSPORT = "Rejsetid fra hjemmet til mødestedet medregnes i arbejdstiden."


def three_versions(folder: Path) -> list[Path]:
    """v1 (ours), v2 (management shortens the notice), v3 (we add a sentence on transport)."""
    v1 = [para("Omfang", style=HEADING), para(EXTENT), para("Varsel", style=HEADING), para(NOTICE)]
    v2 = [*v1[:3], para(NOTICE.replace("på den 3. arbejdsdag før", "kl. 12 dagen før"))]
    v3 = [*v2, para("Transport", style=HEADING), para(TRANSPORT)]
    return write_versions(folder, v1, v2, v3)
