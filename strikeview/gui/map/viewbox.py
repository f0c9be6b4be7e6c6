"""The map's pyqtgraph ViewBox: pans and zooms, and turns clicks and drags on sites into map actions."""

from __future__ import annotations

from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt


class SiteHost(Protocol):
    """What the view box asks of its map view."""

    def site_at(self, scene_pos: QPointF) -> tuple[str, int] | None:
        """The site under a scene point."""

    def site_clicked(self, hit: tuple[str, int]) -> None:
        """A site was clicked."""

    def left_clicked(self, scene_pos: QPointF) -> None:
        """The map was left-clicked off the sites."""

    def right_clicked(self, scene_pos: QPointF) -> None:
        """The map was right-clicked."""

    def drag_site(self, hit: tuple[str, int], scene_pos: QPointF, finished: bool) -> None:
        """A site is being dragged to a scene point (``finished`` on release)."""


class MapViewBox(pg.ViewBox):
    """A ViewBox with equal x/y scale, y up, no context menu, where dragging a site moves it."""

    def __init__(self, host: SiteHost) -> None:
        super().__init__(lockAspect=True, enableMenu=False, invertY=False, defaultPadding=0.0)
        self.host = host
        self._dragging: tuple[str, int] | None = None
        self.setBackgroundColor("#f3f2ee")

    def mouseClickEvent(self, ev: object) -> None:
        """Left click on a site selects it, elsewhere reports the place; right click reports the place.

        (pyqtgraph sends no click at the end of a drag, so a pan never counts as a click.)
        """
        button = ev.button()  # type: ignore[attr-defined]
        if button == Qt.MouseButton.LeftButton:
            ev.accept()  # type: ignore[attr-defined]
            hit = self.host.site_at(ev.scenePos())  # type: ignore[attr-defined]
            if hit is not None:
                self.host.site_clicked(hit)
            else:
                self.host.left_clicked(ev.scenePos())  # type: ignore[attr-defined]
            return
        elif button == Qt.MouseButton.RightButton:
            ev.accept()  # type: ignore[attr-defined]
            self.host.right_clicked(ev.scenePos())  # type: ignore[attr-defined]
            return
        super().mouseClickEvent(ev)

    def mouseDragEvent(self, ev: object, axis: int | None = None) -> None:
        """Dragging a site moves it (reported on release); dragging elsewhere pans."""
        if ev.isStart() and ev.button() == Qt.MouseButton.LeftButton:  # type: ignore[attr-defined]
            self._dragging = self.host.site_at(ev.buttonDownScenePos())  # type: ignore[attr-defined]
        if self._dragging is not None:
            ev.accept()  # type: ignore[attr-defined]
            finished = bool(ev.isFinish())  # type: ignore[attr-defined]
            self.host.drag_site(self._dragging, ev.scenePos(), finished)  # type: ignore[attr-defined]
            if finished:
                self._dragging = None
            return
        super().mouseDragEvent(ev, axis)
