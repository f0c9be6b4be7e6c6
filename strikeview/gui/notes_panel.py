"""Notes panel: the analyst's free-text notes on the analysis, saved in the project file.

Typing is undone in the editor itself (Ctrl+Z while it has focus); what was typed becomes one undoable
"Edit notes" step of the window's history when the editor pauses for a moment or loses focus.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QPlainTextEdit, QVBoxLayout, QWidget

from strikeview.workspace import Workspace

COMMIT_AFTER_MS = 1200


class NotesPanel(QWidget):
    """A plain-text editor bound to :attr:`Workspace.notes`."""

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("notesEditor")
        self.editor.setPlaceholderText("Notes on this analysis: sources to check, open questions, "
                                       "conclusions…")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.editor)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(COMMIT_AFTER_MS)
        self.timer.timeout.connect(self.commit)
        self._syncing = False
        self.editor.textChanged.connect(self._on_text_changed)
        self.editor.installEventFilter(self)
        workspace.subscribe("notes", self.sync)
        self.sync()

    def text(self) -> str:
        """The notes as the editor shows them."""
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Type ``text`` into the editor, replacing what is there (as a user would), and commit it."""
        self.editor.setPlainText(text)
        self.commit()

    def _on_text_changed(self) -> None:
        if not self._syncing:
            self.timer.start()

    def commit(self) -> bool:
        """Make what the editor shows the workspace's notes (one undoable edit when it changed)."""
        self.timer.stop()
        return self.workspace.set_notes(self.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Commit the notes when the editor loses focus."""
        if watched is self.editor and event.type() == QEvent.Type.FocusOut:
            self.commit()
        return super().eventFilter(watched, event)

    def sync(self) -> None:
        """Show the workspace's notes (after undo, redo or opening a project); typing not yet committed
        is kept (it is committed in a moment)."""
        if self.text() == self.workspace.notes or self.timer.isActive():
            return
        self.timer.stop()
        self._syncing = True
        self.editor.setPlainText(self.workspace.notes)
        self.editor.moveCursor(self.editor.textCursor().MoveOperation.End)
        self._syncing = False
