"""Graphics items that follow a Qt-free layer: they rebuild when it changes and can let go of it."""

from __future__ import annotations

from typing import Any


class FollowsLayer:
    """Mixin for a graphics item drawn from ``self.layer``: call :meth:`follow_layer` in ``__init__``
    once the item can rebuild; :meth:`rebuild` runs on every change of the layer's data or
    visibility, and :meth:`detach` stops that before the item is thrown away."""

    layer: Any

    def follow_layer(self) -> None:
        """Start following the layer and build once."""
        self.layer.changed.connect(self._on_layer_changed)
        self.rebuild()

    def _on_layer_changed(self, _layer: object) -> None:
        """Layer data or visibility changed."""
        self.rebuild()

    def detach(self) -> None:
        """Stop following the layer (before the item is thrown away)."""
        self.layer.changed.disconnect(self._on_layer_changed)

    def rebuild(self) -> None:
        """Build what is drawn from the layer again."""
        raise NotImplementedError
