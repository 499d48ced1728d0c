"""Example answers as raw data, completed with default variants the example may not name yet."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from assembler.answers.files import load_raw
from assembler.library.model import Library
from assembler.workflows import EXAMPLE_ANSWERS


def example_raw(library: Library) -> dict[str, Any]:
    """The bundled example answers, each multi-variant topic with an explicit variant."""
    raw = copy.deepcopy(load_raw(EXAMPLE_ANSWERS))
    sections = [("lokal", raw["lokalaftale"])] + [("individuel", e) for e in raw["medarbejdere"]]
    for agreement, section in sections:
        for topic in library.for_agreement(agreement):
            answer = section.setdefault(topic.id, {})
            if isinstance(answer, dict) and "variant" not in answer and len(topic.variants) > 1:
                answer["variant"] = topic.default
    return raw


class _NoAliases(yaml.SafeDumper):
    """Write shared values out: answer files may not use YAML anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def write_raw(raw: dict[str, Any], path: Path) -> Path:
    """Write raw answers as YAML."""
    text = yaml.dump(raw, Dumper=_NoAliases, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
