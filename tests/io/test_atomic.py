"""Atomic writes: the old file survives a failed write; mode and symbolic links are kept."""

import os
import stat

import pytest

from strikeview.io.atomic import atomic_open, write_text_atomic


def test_atomic_failed_write_keeps_previous_file(tmp_path) -> None:
    path = tmp_path / "project.json"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_open(path) as fh:
        fh.write("half of the new")
        raise RuntimeError("crash mid-write")
    assert path.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["project.json"]


def test_atomic_new_file_gets_umask_default_mode(tmp_path) -> None:
    old = os.umask(0o022)
    try:
        write_text_atomic(tmp_path / "new.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_atomic_replacing_keeps_existing_mode(tmp_path) -> None:
    path = tmp_path / "shared.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o664)
    write_text_atomic(path, "new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o664
    assert path.read_text(encoding="utf-8") == "new"


def test_atomic_symlink_is_followed_not_replaced(tmp_path) -> None:
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_text_atomic(link, "new")
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == "new"
