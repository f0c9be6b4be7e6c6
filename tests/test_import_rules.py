"""The house rules on imports: Qt only in gui/, spaCy only in extract/, pyproj only in geo/."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "strikeview"
RULES = {
    "PySide6": "gui",
    "pyqtgraph": "gui",
    "spacy": "extract",
    "pyproj": "geo",
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_import_rules_library_stays_in_its_package(path: Path) -> None:
    sub = path.relative_to(PACKAGE).parts[0]
    for lib in _imports(path):
        allowed = RULES.get(lib)
        assert allowed is None or sub == allowed, f"{path.name} imports {lib}, allowed only in {allowed}/"


def test_import_rules_core_imports_without_qt_or_spacy() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import strikeview.model, strikeview.resources, strikeview.io.atomic, strikeview.cli\n"
        "bad = [m for m in ('PySide6', 'pyqtgraph', 'spacy') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
