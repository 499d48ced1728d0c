"""Build hook: copy the top-level clause_library/ and word_templates/ into the built package.

The folders stay where people edit them (the repository's top level); wheels and installs from an
sdist get copies inside `assembler/`, where assembler.resources.bundled_dir finds them. Editable
installs need no copy: they read the checkout's folders.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# folder → the files of it that belong in the package (build scripts and caches stay out)
BUNDLED = {
    "clause_library": ("*.yaml", "*/*.yaml", "FORMAT.md"),
    "word_templates": ("*.docx",),
}


class BuildPy(build_py):
    """build_py that also maps the bundled data folders into assembler/."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        for folder, patterns in BUNDLED.items():
            source = ROOT / folder
            target = Path(self.build_lib) / "assembler" / folder
            for pattern in patterns:
                for path in sorted(source.glob(pattern)):
                    if path.is_file() and not path.name.startswith("~$"):
                        dest = target / path.relative_to(source)
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, dest)
