"""Speed benchmark of :func:`directive_graph.extract_references` (``make bench``).

Builds ``--mb`` megabytes (10**6 bytes of UTF-8, default 50) of real-looking
text by repeating the texts of ``../shared/corpus/*/*.txt`` (beside the repo,
read in place, never copied) and ``data/articles/*.txt``, then runs the
extractor over every text in a plain loop in one process, on one core.

It reports the whole pipeline (MB/s, references/s, references per MB) and,
for comparison, the candidate scan alone
(``compiled().candidate.finditer``) over the same texts, so the cost of
walking the text can be told from the cost paid per reference.

Usage:
    python benchmarks/bench_extract.py [--mb N] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
ARTICLES = ROOT / "data" / "articles"
MB = 1_000_000

if str(ROOT) not in sys.path:  # run from a checkout without an installed package
    sys.path.insert(0, str(ROOT))

from directive_graph import extract_references  # noqa: E402
from directive_graph.patterns import compiled  # noqa: E402


@dataclass
class Source:
    """The distinct texts the benchmark repeats."""

    texts: list[str]
    shared_files: int
    article_files: int
    note: str = ""


@dataclass
class Result:
    """Every figure the benchmark reports."""

    mb: float
    documents: int
    distinct_documents: int
    shared_files: int
    article_files: int
    warmup_seconds: float
    seconds: float
    mb_per_s: float
    references: int
    references_per_s: float
    references_per_mb: float
    scan_seconds: float
    scan_mb_per_s: float
    candidates: int
    candidates_per_mb: float
    scan_share: float
    digit_runs_mb_per_s: float
    digit_runs_per_mb: float
    microseconds_per_reference: float
    processor: str
    machine: str
    cpu_count: int | None
    python: str
    note: str


def load_source() -> Source:
    """Read the shared corpus (if present) and the repo's sample articles.

    Returns:
        The texts, with how many came from each place and a note when the shared corpus is absent.
    """
    shared = sorted(SHARED_CORPUS.glob("*/*.txt")) if SHARED_CORPUS.is_dir() else []
    note = "" if shared else f"shared corpus not found at {SHARED_CORPUS}: using data/articles only"
    articles = sorted(ARTICLES.glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in [*shared, *articles]]
    texts = [t for t in texts if t]
    if not texts:
        raise SystemExit(f"no input texts under {SHARED_CORPUS} or {ARTICLES}")
    return Source(texts, len(shared), len(articles), note)


def build_input(texts: list[str], megabytes: float) -> tuple[list[str], int]:
    """Repeat ``texts`` in order until they hold at least ``megabytes`` MB of UTF-8.

    Args:
        texts: The distinct texts.
        megabytes: The size wanted, in 10**6 bytes.

    Returns:
        The list of documents (the same string objects, repeated) and its size in bytes.
    """
    sizes = [len(t.encode("utf-8")) for t in texts]
    target = int(megabytes * MB)
    docs: list[str] = []
    total = 0
    while total < target:
        for text, size in zip(texts, sizes, strict=True):
            docs.append(text)
            total += size
            if total >= target:
                break
    return docs, total


class Progress:
    """Progress on stderr every ~10 % of the input bytes; a rich bar on a terminal."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        self.total = total
        self.label = label
        self.enabled = enabled
        self.done = 0
        self.next_tenth = 1
        self.start = time.perf_counter()
        self._bar = None
        if enabled and sys.stderr.isatty():
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(transient=True)
            self._task = self._bar.add_task(label, total=total)
            self._bar.start()

    def advance(self, size: int) -> None:
        """Count ``size`` more bytes done."""
        self.done += size
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)
            return
        while self.next_tenth <= 10 and self.done * 10 >= self.total * self.next_tenth:
            elapsed = time.perf_counter() - self.start
            print(
                f"  {self.label}: {self.next_tenth * 10:3d}%  {self.done / MB:7.1f} MB  {elapsed:6.1f} s",
                file=sys.stderr,
                flush=True,
            )
            self.next_tenth += 1

    def close(self) -> None:
        """Stop the bar, if any."""
        if self._bar is not None:
            self._bar.stop()


def _sized(docs: list[str]) -> Iterator[tuple[str, int]]:
    cache: dict[int, int] = {}
    for doc in docs:
        key = id(doc)
        if key not in cache:
            cache[key] = len(doc.encode("utf-8"))
        yield doc, cache[key]


def _timed(docs: list[str], total: int, label: str, progress: bool, count: Callable[[str], int]) -> tuple[float, int]:
    """Time ``count`` over every document, one after the other, timing only the calls.

    Returns:
        Seconds taken and the sum of the counts.
    """
    bar = Progress(total, label, progress)
    found = 0
    seconds = 0.0
    try:
        for doc, size in _sized(docs):
            t0 = time.perf_counter()
            found += count(doc)
            seconds += time.perf_counter() - t0
            bar.advance(size)
    finally:
        bar.close()
    return seconds, found


def run_extract(docs: list[str], total: int, progress: bool) -> tuple[float, int]:
    """Run the whole extractor over every document: seconds taken and references found."""
    return _timed(docs, total, "extract", progress, lambda doc: len(extract_references(doc)))


def run_scan(docs: list[str], total: int, progress: bool) -> tuple[float, int]:
    """Run the candidate scan alone over every document: seconds taken and candidates found."""
    candidate = compiled().candidate
    return _timed(docs, total, "scan", progress, lambda doc: sum(1 for _ in candidate.finditer(doc)))


DIGIT_RUN = re.compile(r"[0-9]+")


def run_digit_runs(docs: list[str], total: int, progress: bool) -> tuple[float, int]:
    """Visit every run of digits from Python and do nothing else: a floor for any digit-first design.

    Every reference holds a number, so a design that looks at each digit run from Python
    cannot be faster than this loop; the full scan avoids it by rejecting most runs
    inside the regex engine.
    """
    return _timed(docs, total, "digit runs", progress, lambda doc: sum(1 for _ in DIGIT_RUN.finditer(doc)))


def benchmark(megabytes: float, progress: bool = True) -> Result:
    """Build the input, warm up, time the extractor and the scan.

    Args:
        megabytes: Input size in 10**6 bytes of UTF-8.
        progress: Print progress to stderr.

    Returns:
        The figures.
    """
    source = load_source()
    if source.note and progress:
        print(f"note: {source.note}", file=sys.stderr)
    docs, total = build_input(source.texts, megabytes)

    t0 = time.perf_counter()  # vocabulary load and pattern compilation, paid once per process
    compiled()
    extract_references(source.texts[0])
    warmup = time.perf_counter() - t0

    seconds, references = run_extract(docs, total, progress)
    scan_seconds, candidates = run_scan(docs, total, progress)
    runs_seconds, runs = run_digit_runs(docs, total, progress)
    mb = total / MB
    return Result(
        mb=round(mb, 3),
        documents=len(docs),
        distinct_documents=len(source.texts),
        shared_files=source.shared_files,
        article_files=source.article_files,
        warmup_seconds=round(warmup, 3),
        seconds=round(seconds, 3),
        mb_per_s=round(mb / seconds, 3) if seconds else float("inf"),
        references=references,
        references_per_s=round(references / seconds, 1) if seconds else float("inf"),
        references_per_mb=round(references / mb, 1),
        scan_seconds=round(scan_seconds, 3),
        scan_mb_per_s=round(mb / scan_seconds, 3) if scan_seconds else float("inf"),
        candidates=candidates,
        candidates_per_mb=round(candidates / mb, 1),
        scan_share=round(scan_seconds / seconds, 4) if seconds else 0.0,
        digit_runs_mb_per_s=round(mb / runs_seconds, 3) if runs_seconds else float("inf"),
        digit_runs_per_mb=round(runs / mb, 1),
        microseconds_per_reference=round((seconds - scan_seconds) / references * 1e6, 1) if references else 0.0,
        processor=platform.processor() or "unknown",
        machine=platform.machine(),
        cpu_count=os.cpu_count(),
        python=f"{platform.python_implementation()} {platform.python_version()}",
        note=source.note,
    )


def report(r: Result) -> str:
    """A short human-readable report."""
    lines = [
        "directive-graph extract benchmark (one process, one core)",
        f"  input        {r.mb:.1f} MB UTF-8, {r.documents} documents ({r.distinct_documents} distinct: "
        f"{r.shared_files} shared corpus, {r.article_files} data/articles)",
        f"  warm-up      {r.warmup_seconds:.2f} s (vocabulary and patterns, once per process)",
        f"  extract      {r.seconds:.2f} s  {r.mb_per_s:.2f} MB/s  {r.references_per_s:,.0f} refs/s  "
        f"{r.references_per_mb:,.0f} refs/MB  ({r.references:,} refs)",
        f"  scan alone   {r.scan_seconds:.2f} s  {r.scan_mb_per_s:.2f} MB/s  {r.candidates_per_mb:,.0f} candidates/MB  "
        f"({r.scan_share:.0%} of extract time)",
        f"  digit runs   {r.digit_runs_mb_per_s:.2f} MB/s  {r.digit_runs_per_mb:,.0f} runs/MB visited from Python, "
        "no other work (a floor)",
        f"  per ref      {r.microseconds_per_reference:,.1f} µs beyond the scan",
        f"  machine      {r.processor} / {r.machine}, {r.cpu_count} CPUs, {r.python}",
    ]
    if r.note:
        lines.append(f"  note         {r.note}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run the benchmark, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--mb", type=float, default=50.0, help="input size in MB of UTF-8 (default 50)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the report")
    parser.add_argument("--quiet", action="store_true", help="no progress on stderr")
    args = parser.parse_args(argv)
    if args.mb <= 0:
        parser.error("--mb must be positive")
    result = benchmark(args.mb, progress=not args.quiet)
    print(json.dumps(asdict(result), ensure_ascii=False, indent=2) if args.json else report(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
