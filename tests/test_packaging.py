"""Packaging: every subpackage and bundled data file is shipped by pyproject.toml."""

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_packaging_lists_every_subpackage() -> None:
    listed = set(_setuptools()["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "strikeview").rglob("__init__.py")
    }
    missing = sorted(found - listed)
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {missing}"


def test_packaging_ships_every_resource_file() -> None:
    globs = _setuptools()["package-data"]["strikeview._resources"]
    resources = ROOT / "resources"
    unshipped = [
        str(p.relative_to(resources))
        for p in resources.rglob("*")
        if p.is_file() and p.name != "__init__.py" and "__pycache__" not in p.parts
        and not any(fnmatch.fnmatch(str(p.relative_to(resources)), g) for g in globs)
    ]
    assert not unshipped, f"add a package-data glob in pyproject.toml for: {unshipped}"
