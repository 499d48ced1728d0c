"""The 'Vejledning' sheet: how to fill in the answer sheet, in plain Danish."""

from __future__ import annotations

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from assembler.answers.xlsx.layout import EMPLOYEE_SHEET, EXAMPLE_MARK, LOCAL_SHEET, NOTE_HEADER
from assembler.library.model import Library
from assembler.safeio.cells import write_cell

GUIDE = (
    ("Svarark til lokalaftale og individuelle aftaler om fast tilbagevendende hjemmearbejde", "h"),
    ("Sådan gør du", "b"),
    (
        f"1. Gå til arket „{LOCAL_SHEET}“. Udfyld de gule svarceller i kolonnen „Svar“. Vælg først "
        "sektor (stat, kommune eller region). Ved hvert emne vælger du en variant fra listen; "
        "spørgsmål mærket „(kun ved variant …)“ skal kun udfyldes, når du har valgt den variant.",
        "",
    ),
    (
        f"2. Gå til arket „{EMPLOYEE_SHEET}“. Udfyld én række pr. medarbejder. Hver kolonne er et "
        "felt i den individuelle aftale; overskriften i række 1 viser emnet.",
        "",
    ),
    (
        f"3. Række 3 er et eksempel. Den bruges ikke, så længe der står „{EXAMPLE_MARK}“ i "
        "kolonnen "
        f"„{NOTE_HEADER}“. Du kan overskrive den eller lade den stå.",
        "",
    ),
    (
        "4. Gem filen som Excel-projektmappe (.xlsx) og kør: aftale generer SVARARK.xlsx -o MAPPE",
        "",
    ),
    ("Gode råd", "b"),
    (
        "• Klik på en celle for at se, hvad der skal stå i den. Brug listerne, hvor der er en pil.",
        "",
    ),
    ("• Datoer kan skrives som 1-3-2027, 01.03.2027, 2027-03-01 eller 1. marts 2027.", ""),
    ("• Tal kan skrives med komma, fx 2,5. Beløb skrives i kroner, fx 1.250.", ""),
    (
        "• Lister og tekst i flere afsnit: skriv ét punkt pr. linje. Tryk Alt+Enter for en ny "
        "linje "
        "i cellen (Mac: Ctrl+Option+Enter).",
        "",
    ),
    (
        "• Tomme rækker springes over. Du må gerne sortere rækkerne og flytte kolonner, men ændr "
        "ikke "
        "overskrifterne og omdøb ikke arkene.",
        "",
    ),
    (
        "• Felter, der beregnes med en formel, skal gemmes i Excel, før filen bruges, så værdien "
        "er gemt i filen.",
        "",
    ),
    (
        "• Filen ændres aldrig af aftale. Finder aftale fejl, får du én samlet liste med arket og "
        "cellen for hver fejl, fx „Individuelle aftaler!F7“, og der skrives ingen aftaler.",
        "",
    ),
    (
        "• Med --spring-fejl-over skrives aftalerne for de rækker, der er i orden; de andre står i "
        "manifest.csv og manifest.json med deres fejl.",
        "",
    ),
    (
        "• Kommer der nye emner eller varianter i klausulbiblioteket, så lav et nyt svarark med "
        "„aftale svarark“.",
        "",
    ),
)


def write_guide(ws: Worksheet, library: Library) -> None:
    """Fill the guide sheet."""
    ws.column_dimensions["A"].width = 110
    rows = (*GUIDE, (f"Klausulbibliotekets version: {library.version_label}", "i"))
    for row, (text, style) in enumerate(rows, start=1):
        cell = write_cell(ws, row, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if style == "h":
            cell.font = Font(bold=True, size=14)
        elif style == "b":
            cell.font = Font(bold=True)
        elif style == "i":
            cell.font = Font(italic=True, color="7F7F7F")
