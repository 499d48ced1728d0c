"""A small, valid clause library written into a folder, for tests that need to break one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

SOURCES = {
    "S1": {
        "title": "Akademikernes vejledning",
        "url": "seeds",
        "sectors": ["stat", "kommune", "region"],
    },
    "S2": {"title": "Medst individuel aftale", "url": "https://medst.dk", "sectors": ["stat"]},
    "S12": {
        "title": "Forhandlingsfællesskabet",
        "url": "https://ff.dk",
        "sectors": ["kommune", "region"],
    },
}


def topic(topic_id: str, agreement: str = "lokal", **changes: Any) -> dict[str, Any]:
    """A valid topic with two variants; changes override top-level keys."""
    data: dict[str, Any] = {
        "id": topic_id,
        "agreement": agreement,
        "order": 10,
        "kind": "clause",
        "title": f"Titel {topic_id}",
        "question": "Hvad?",
        "guidance": "Vejledning.",
        "sources": ["S1"],
        "sectors": ["stat", "kommune", "region"],
        "default": "a",
        "params": [{"name": "dato", "type": "date", "label": "Dato", "help": "h"}],
        "variants": [
            {"id": "a", "name": "A", "position": "Balanceret", "summary": "s", "sources": ["S1"],
             "text": "Aftalen gælder fra {{ dato }}.\n\n- Punkt med {{ antal }}",
             "params": [{"name": "antal", "type": "int", "label": "Antal", "default": 2,
                         "unit": ["gang", "gange"]}]},
            {"id": "b", "name": "B", "position": "Medarbejdervenlig", "summary": "s",
             "sources": ["S1"], "text": "Variant B fra {{ dato }}."},
        ],
    }  # fmt: skip
    data.update(changes)
    return data


def write_library(root: Path, topics: list[dict[str, Any]]) -> Path:
    """Write bibliotek.yaml, kilder.yaml and one file per topic; return the folder."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "bibliotek.yaml").write_text("version: test\n", encoding="utf-8")
    (root / "kilder.yaml").write_text(yaml.safe_dump(SOURCES, allow_unicode=True), encoding="utf-8")
    for t in topics:
        folder = root / str(t.get("_folder", t["agreement"]))
        folder.mkdir(exist_ok=True)
        body = {k: v for k, v in t.items() if k != "_folder"}
        (folder / f"{t['id']}.yaml").write_text(
            yaml.safe_dump(body, allow_unicode=True, sort_keys=False), "utf-8"
        )
    return root
