"""lxml.etree loaded without inspect (assembler/lxml_start.py) behaves as lxml always does."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = r"""
import sys
from assembler.lxml_start import load_etree

load_etree()
from lxml import etree

assert "lxml.etree" in sys.modules and "inspect" not in sys.modules, sorted(sys.modules)
root = etree.fromstring(b'<a xmlns:w="urn:w"><w:b>tekst</w:b></a>')
assert root[0].text == "tekst"
assert "inspect" not in sys.modules


class Target:
    # lxml asks inspect.getfullargspec whether start() takes the namespaces
    def __init__(self):
        self.seen = []

    def start(self, tag, attrib, nsmap):
        self.seen.append((tag, dict(nsmap)))

    def close(self):
        return self.seen


seen = etree.fromstring(b'<a xmlns:w="urn:w"><w:b/></a>', etree.XMLParser(target=Target()))
assert seen == [("a", {"w": "urn:w"}), ("{urn:w}b", {})], seen
import inspect

assert inspect.signature is not None and type(inspect).__name__ == "module"
print("ok")
"""


def test_lxml_loads_without_inspect_and_a_parser_target_still_gets_its_namespaces() -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"


def test_nothing_is_replaced_once_inspect_is_loaded() -> None:
    script = (
        "import sys, inspect\n"
        "from assembler.lxml_start import load_etree\n"
        "load_etree()\n"
        "import lxml.etree\n"
        "assert sys.modules['inspect'] is inspect\n"
        "print('ok')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "ok"
