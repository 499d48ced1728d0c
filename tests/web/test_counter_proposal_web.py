"""The "Tjek og lav modforslag" button: the web page offers our counter-proposal for download."""

from __future__ import annotations

from pathlib import Path

from starlette.testclient import TestClient

from assembler.web.counter import counter_proposal_writer
from tests.unit.compare.oracle import document_view
from tests.web.test_jobs import DOCX, finished, post


def test_review_page_makes_the_counter_proposal(client: TestClient, tmp_path: Path) -> None:
    from assembler.workflows import demo_workflow

    assert counter_proposal_writer() is not None
    assert "Tjek og lav modforslag" in client.get("/tjek").text
    demo_workflow(tmp_path / "demo", overwrite=False)
    ours = (tmp_path / "demo" / "lokalaftale.docx").read_bytes()
    theirs = (tmp_path / "demo" / "forhandling" / "lokalaftale-modpartens-udkast.docx").read_bytes()
    job = post(client, "/tjek", {"udkast": ("deres udkast.docx", theirs, DOCX),
                                 "vores": ("vores.docx", ours, DOCX)},
               {"handling": "modforslag"})  # fmt: skip
    status, html = finished(client, job)
    assert status == 200, html
    assert "Modforslag med sporede ændringer" in html
    downloads = [client.get(f"{job}/hent/{n}") for n in range(3)]
    proposal = next(r for r in downloads
                    if "modforslag.docx" in r.headers.get("content-disposition", ""))  # fmt: skip
    assert document_view(proposal.content, "reject") == document_view(theirs, "reject")
    passed = "den 1. marts 2027"  # before management's draft date: our answer sets a new one
    expected = [line.replace(passed, "den første dag i måneden efter underskriften")
                for line in document_view(ours, "accept")["body"]]  # fmt: skip
    assert sorted(document_view(proposal.content, "accept")["body"]) == sorted(expected)
