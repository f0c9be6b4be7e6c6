"""Extraction throughput: strikeview's pipeline beside the bare trained pipeline, and --jobs 1 vs 2.

usage: python benchmarks/bench_extract.py [--repeat N] [--files N] [--seeds DIR] [--no-jobs]

Texts are the seed reports (``../shared/seeds`` beside the repository, when present) and the bundled
samples, repeated. Both pipelines are loaded and warmed up first; the figures are documents/s and
words/s of process CPU time for ``nlp.pipe`` over the same texts, plus our full ``extract_articles``
(pipeline + event assembly), and our first pass over the distinct texts (names not yet looked up).
The jobs comparison times ``extract_files`` (wall clock) on a folder of many report files.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

import spacy

from strikeview.extract.pipeline import extract_articles, extract_files, load_pipeline, trained_pipeline_name
from strikeview.model import Article
from strikeview.resources import sample_reports

DEFAULT_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def report_files(seeds: Path) -> list[Path]:
    """The seed reports (if the folder exists) and the bundled samples."""
    files = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    return files + sample_reports()


def best_time(run, texts: list[str], rounds: int) -> float:
    """The least CPU time of ``rounds`` runs of ``run(texts)``, in seconds.

    Process CPU time, not wall time: the machine is shared, and other processes' load would
    otherwise decide the ratio (all of this runs in one thread).
    """
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        run(texts)
        best = min(best, time.process_time() - start)
    return best


def report(label: str, texts: list[str], secs: float) -> None:
    """Print documents/s and words/s."""
    words = sum(len(t.split()) for t in texts)
    print(f"{label:<34} {len(texts) / secs:8.1f} docs/s {words / secs:10.0f} words/s  ({secs:.2f} s)")


def bench_throughput(texts: list[str], rounds: int) -> None:
    """Bare trained pipeline versus ours on the same texts, runs interleaved, best of ``rounds``."""
    bare = spacy.load(trained_pipeline_name())
    ours = load_pipeline()
    for nlp in (bare, ours):  # warm up: lazy data, caches
        list(nlp.pipe(texts[:4]))
    articles = [Article(id=str(i), path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    unique = list(dict.fromkeys(texts))
    cold = best_time(lambda ts: list(extract_articles(ours, [Article(id="c", path="c", text=t) for t in ts])),
                     unique, 1)
    report("strikeview, first pass (cold caches)", unique, cold)
    t_bare = t_ours = t_full = float("inf")
    for _ in range(rounds):
        t_bare = min(t_bare, best_time(lambda ts: list(bare.pipe(ts)), texts, 1))
        t_ours = min(t_ours, best_time(lambda ts: list(ours.pipe(ts)), texts, 1))
        t_full = min(t_full, best_time(lambda ts: list(extract_articles(ours, articles)), texts, 1))
    report("bare trained pipeline (nlp.pipe)", texts, t_bare)
    report("strikeview pipeline (nlp.pipe)", texts, t_ours)
    report("strikeview extract_articles", texts, t_full)
    print(f"ratio ours/bare throughput: pipe {t_bare / t_ours:.2f}x, full extraction {t_bare / t_full:.2f}x")


def bench_jobs(files: list[Path], n_files: int) -> None:
    """``extract_files`` on a folder of ``n_files`` reports with one and two worker processes."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for i in range(n_files):
            src = files[i % len(files)]
            shutil.copy(src, folder / f"{i:03d}_{src.name}")
        load_pipeline()
        for jobs in (1, 2):
            start = time.perf_counter()
            doc = extract_files([folder], jobs=jobs)
            secs = time.perf_counter() - start
            print(f"extract_files --jobs {jobs}: {n_files} files in {secs:.2f} s "
                  f"({n_files / secs:.1f} files/s, {len(doc.events)} events)")


def main() -> None:
    """Parse arguments and run the benchmarks."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="times the texts are repeated (default 3)")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved timing rounds, best kept (default 3)")
    ap.add_argument("--files", type=int, default=160, help="files in the --jobs folder (default 160)")
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="folder of seed reports")
    ap.add_argument("--no-jobs", action="store_true", help="skip the --jobs comparison")
    args = ap.parse_args()
    files = report_files(args.seeds)
    texts = [p.read_text(encoding="utf-8") for p in files] * args.repeat
    print(f"{len(texts)} texts ({len(files)} reports x {args.repeat}), "
          f"{sum(len(t.split()) for t in texts)} words")
    bench_throughput(texts, args.rounds)
    if not args.no_jobs:
        bench_jobs(files, args.files)


if __name__ == "__main__":
    main()
