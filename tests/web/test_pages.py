"""Every page in the app, in Danish, with the security headers; downloads reopened."""

from __future__ import annotations

import io

import openpyxl
import pytest
from starlette.testclient import TestClient

from assembler.answers.xlsx.layout import LOCAL_SHEET
from tests.unit.answers.xlsx_helpers import local_row

PAGES = ["/", "/svarark", "/lav", "/tjek", "/sammenlign", "/klausuler", "/regler",
         "/klausuler/lokal/tilgaengelighed", "/klausuler/individuel/omfang"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_page_is_danish_and_guarded(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    html = response.text
    assert '<html lang="da">' in html
    assert '<a class="skip" href="#indhold">Gå til indholdet</a>' in html
    csp = response.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert "http://" not in html.split("<main", 1)[0].replace('href="http', "")  # nothing external
    assert "Traceback" not in html


def test_page_loads_nothing_from_other_hosts(client: TestClient) -> None:
    html = client.get("/klausuler/lokal/tilgaengelighed").text
    for attribute in ('src="http', 'href="//', 'src="//', "@import", "url(http"):
        assert attribute not in html
    css = client.get("/static/aftale.css")
    assert css.status_code == 200 and "url(" not in css.text


def test_unknown_page_is_a_danish_404(client: TestClient) -> None:
    response = client.get("/findes-ikke")
    assert response.status_code == 404
    assert "Siden findes ikke" in response.text and "Fejlkode 404" in response.text
    assert response.headers["content-security-policy"]


def test_wrong_method_is_a_danish_405(client: TestClient) -> None:
    response = client.post("/regler")
    assert response.status_code == 405
    assert "Handlingen er ikke tilladt her" in response.text


def test_unknown_topic_is_404(client: TestClient) -> None:
    response = client.get("/klausuler/lokal/findesikke")
    assert response.status_code == 404
    assert "Emnet findes ikke i klausulbiblioteket." in response.text


@pytest.mark.parametrize("sector", ["stat", "kommune", "region"])
def test_blank_sheet_has_the_chosen_sector(client: TestClient, sector: str) -> None:
    response = client.get(f"/svarark/blankt?sektor={sector}")
    assert response.status_code == 200
    disposition = response.headers["content-disposition"]
    assert disposition == f'attachment; filename="svarark-{sector}.xlsx"'
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    assert wb[LOCAL_SHEET].cell(local_row(wb, "sektor"), 3).value == sector


def test_blank_sheet_needs_a_known_sector(client: TestClient) -> None:
    response = client.get("/svarark/blankt?sektor=../../etc")
    assert response.status_code == 400
    assert "Vælg stat, kommune eller region." in response.text


def test_example_sheet_is_filled(client: TestClient) -> None:
    response = client.get("/svarark/eksempel.xlsx")
    wb = openpyxl.load_workbook(io.BytesIO(response.content))
    values = {c.value for row in wb["Individuelle aftaler"].iter_rows() for c in row}
    assert {"Anne Søgaard Østergaard", "Lise-Lotte Brandt", "Mikkel Å. Jørgensen"} <= values
    yaml = client.get("/svarark/eksempel.yaml")
    assert yaml.status_code == 200 and b"medarbejdere:" in yaml.content


def test_library_search_finds_topics_and_says_how_many(client: TestClient) -> None:
    html = client.get("/klausuler", params={"q": "transport"}).text
    assert "/klausuler/lokal/transport" in html
    assert "/klausuler/lokal/parter" not in html
    assert html.index("/klausuler/lokal/transport") < html.index("/klausuler/lokal/formaal")
    assert "emner passer" in html
    nothing = client.get("/klausuler", params={"q": "zzzz-intet"}).text
    assert "Ingen emner passer til søgningen." in nothing


def test_library_filters_by_agreement(client: TestClient) -> None:
    html = client.get("/klausuler", params={"aftale": "individuel"}).text
    assert "/klausuler/individuel/omfang" in html
    assert "/klausuler/lokal/" not in html


def test_topic_page_shows_variants_text_with_marked_parameters(client: TestClient) -> None:
    html = client.get("/klausuler/lokal/tilgaengelighed").text
    assert "Opmærksomhedspunkter" in html
    assert '<mark class="param" title="Parameter' in html
    assert "{{" not in html  # no raw placeholder reaches the reader
    assert "Position" in html and "Kilder" in html
    assert 'rel="noreferrer noopener"' in html


def test_rules_page_lists_every_rule_with_source(client: TestClient) -> None:
    from assembler.rules.registry import all_rules

    html = client.get("/regler").text
    ids = {r.id for r in all_rules()}
    for rule_id in ids:
        assert f"<strong>{rule_id}</strong>" in html
    assert "Kan ikke tjekkes ud fra svarene" in html
    errors_only = client.get("/regler", params={"alvor": "fejl"}).text
    assert 'class="badge advarsel"' not in errors_only and 'class="badge fejl"' in errors_only


def test_rules_search_by_word(client: TestClient) -> None:
    html = client.get("/regler", params={"q": "R22"}).text
    assert "<strong>R22</strong>" in html
    assert "<strong>R10</strong>" not in html
