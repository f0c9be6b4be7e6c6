"""Saving Qt images to user files atomically, in the format the file name asks for."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPixmap

from strikeview.io.atomic import write_bytes_atomic

FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".bmp": "BMP"}


def image_bytes(image: QImage | QPixmap, fmt: str = "PNG") -> bytes:
    """The encoded bytes of an image."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, fmt):
        raise OSError(f"could not encode the image as {fmt}")
    buffer.close()
    return bytes(data.data())


def save_image(image: QImage | QPixmap, path: str | Path) -> None:
    """Write an image to ``path`` atomically; the suffix picks the format (PNG, JPEG, BMP)."""
    suffix = Path(path).suffix.lower()
    fmt = FORMATS.get(suffix)
    if fmt is None:
        raise ValueError(f"unknown image format {suffix or '(none)'}; use .png, .jpg or .bmp")
    write_bytes_atomic(path, image_bytes(image, fmt))
