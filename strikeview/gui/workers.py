"""Work that takes time, off the window's thread: loading the spaCy pipeline and extracting reports.

:class:`ExtractionWorker` runs in a ``QThread`` and reports progress and its result through signals;
:class:`ExtractionTask` owns the thread, so the window only calls ``start``/``cancel`` and listens.
The pipeline is loaded once per process and shared by later extractions. Cancelling takes effect
between reports (and right after the model has loaded); the window stops showing the run at once.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from strikeview.model import EventsDocument

_PIPELINE: Any = None
_PIPELINE_LOCK = threading.Lock()


def shared_pipeline() -> Any:
    """The process's spaCy pipeline, loaded on first use (thread-safe)."""
    global _PIPELINE
    with _PIPELINE_LOCK:
        if _PIPELINE is None:
            from strikeview.extract.pipeline import load_pipeline

            _PIPELINE = load_pipeline()
        return _PIPELINE


def pipeline_loaded() -> bool:
    """Whether the shared pipeline is already in memory."""
    return _PIPELINE is not None


def warm_up_checks() -> float:
    """Load what the first plausibility check needs (country outlines, catalogues) and return the seconds
    it took; run in a background thread so the first document does not freeze the window."""
    import time

    from strikeview.model import Event, Site, Weapon
    from strikeview.workspace import compute_checks

    started = time.perf_counter()
    event = Event(id="warm-up", article_id="warm-up", weapons=[Weapon(name="ballistic missile")],
                  sites=[Site(role="launch", name="a", lon=47.0, lat=34.3, uncertainty_km=100.0),
                         Site(role="impact", name="b", lon=41.0, lat=34.4)])
    # a warm-up failure shows up again, with its message, when the checks are used
    with contextlib.suppress(Exception):
        compute_checks(EventsDocument(events=[event]))
    return time.perf_counter() - started


def start_warm_up() -> threading.Thread:
    """Run :func:`warm_up_checks` in a background thread.

    Not a daemon: a daemon thread still inside pyproj or GEOS while the interpreter finalises crashes
    the process at exit (seen as a segfault after ``screenshot`` had written its image). The warm-up is
    bounded (about a second), so the interpreter waits for it, and the window joins it when it closes.
    """
    thread = threading.Thread(target=warm_up_checks, name="strikeview-warm-up", daemon=False)
    thread.start()
    return thread


def expand_report_paths(paths: Sequence[str | Path]) -> list[Path]:
    """Report files named by ``paths``; a folder stands for the reports inside it."""
    from strikeview.extract.readers import expand_paths

    return list(expand_paths([Path(p) for p in paths]))


def extract_one(nlp: Any, path: Path) -> tuple[Any, list[Any]]:
    """Read one report and extract its events: ``(article, events)``; raises ValueError on bad input."""
    from strikeview.extract.pipeline import extract_article
    from strikeview.extract.readers import read_report

    article = read_report(path)
    return article, list(extract_article(nlp, article))


class ExtractionWorker(QObject):
    """Loads the pipeline and extracts events from report files; lives in a worker thread."""

    progress = Signal(int, int, str)  # done, total, what is happening
    finished = Signal(object, list)  # EventsDocument, one-line errors of files that failed
    cancelled = Signal()
    failed = Signal(str)  # the whole run failed (e.g. no pipeline)

    def __init__(self, paths: Sequence[str | Path],
                 loader: Callable[[], Any] = shared_pipeline,
                 extractor: Callable[[Any, Path], tuple[Any, list[Any]]] = extract_one,
                 checker: Callable[[EventsDocument], Any] | None = None) -> None:
        super().__init__()
        self._paths = list(paths)
        self._loader = loader
        self._extractor = extractor
        self._checker = checker  # run on the result here, so the window finds the checks computed
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the run to stop at the next report (safe from any thread)."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """Whether cancel was asked for."""
        return self._cancel.is_set()

    @Slot()
    def run(self) -> None:
        """Do the work; ends by emitting exactly one of finished, cancelled or failed."""
        try:
            files = expand_report_paths(self._paths)
            total = len(files)
            self.progress.emit(0, total, "Loading the language model…")
            nlp = self._loader()
        except Exception as exc:
            self.failed.emit(f"cannot start extraction: {_one_line(exc)}")
            return
        doc, errors = EventsDocument(), []
        for i, path in enumerate(files):
            if self._cancel.is_set():
                self.cancelled.emit()
                return
            self.progress.emit(i, total, f"Extracting {path.name}…")
            try:
                article, events = self._extractor(nlp, path)
            except (ValueError, OSError) as exc:
                errors.append(f"{path.name}: {_one_line(exc)}")
                continue
            except Exception as exc:
                errors.append(f"{path.name}: extraction failed: {_one_line(exc)}")
                continue
            doc.articles.append(article)
            doc.events.extend(events)
        if self._cancel.is_set():
            self.cancelled.emit()
            return
        if self._checker is not None and doc.events:
            self.progress.emit(total, total, "Checking plausibility…")
            with contextlib.suppress(Exception):  # the window checks again and reports any problem
                self._checker(doc)
        self.progress.emit(total, total, "Done")
        self.finished.emit(doc, errors)


def _one_line(exc: BaseException) -> str:
    """An exception as one line of text."""
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


class ExtractionTask(QObject):
    """One extraction run in its own thread; forwards the worker's signals."""

    progress = Signal(int, int, str)
    finished = Signal(object, list)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, paths: Sequence[str | Path], parent: QObject | None = None, **worker_kw: Any) -> None:
        super().__init__(parent)
        self.paths = [Path(p) for p in paths]
        self._thread = QThread()
        self._worker = ExtractionWorker(paths, **worker_kw)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self.progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        self._done = False

    def start(self) -> None:
        """Start the run."""
        self._thread.start()

    def cancel(self) -> None:
        """Ask the run to stop; ``cancelled`` follows when the worker notices."""
        self._worker.cancel()

    @property
    def is_running(self) -> bool:
        """Whether the run has not ended yet."""
        return not self._done

    def wait(self, timeout_ms: int = 10_000) -> bool:
        """Block until the thread has stopped (used when the window closes)."""
        self._thread.quit()
        return self._thread.wait(timeout_ms)

    def _end(self) -> None:
        self._done = True
        self._thread.quit()

    def _on_finished(self, doc: EventsDocument, errors: list[str]) -> None:
        self._end()
        if self._worker.is_cancelled:
            self.cancelled.emit()
        else:
            self.finished.emit(doc, errors)

    def _on_cancelled(self) -> None:
        self._end()
        self.cancelled.emit()

    def _on_failed(self, message: str) -> None:
        self._end()
        self.failed.emit(message)
