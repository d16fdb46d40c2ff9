"""Store benchmark: build, rebuild and lookup on synthetic corpora of 1,000 to 100,000 articles (``make bench``).

For each size it:

1. generates a corpus with ``benchmarks/gen_corpus.py`` (synthetic text from templates; see that
   module), cached under ``/tmp/directive-graph-bench/<size>-<seed>`` and reused while its manifest
   matches;
2. times ``directive-graph build CORPUS --db DB --jobs N --json`` into a new store, as a subprocess,
   so the build uses its worker processes exactly as a user's would, and reports articles/s, MB/s
   of input and peak memory, three ways:

   - ``max process``: the largest single process of the build, from ``/usr/bin/time -v`` when it is
     present (on Linux it reports the largest of the process and of the children it waited for:
     the workers), else from ``resource.getrusage(RUSAGE_CHILDREN).ru_maxrss`` read before and after
     (the maximum over every child this benchmark ever ran, so it only counts when it grew);
   - ``main``: the CLI process alone (its ``VmHWM`` in ``/proc/PID/status``, polled; Linux only);
   - ``all processes``: the highest sum of the resident sizes of the CLI and its workers, polled
     every 50 ms (Linux only);

   and the CPU time of the build, and of everything else on the machine meanwhile (from
   ``/proc/stat``: a figure taken while other work ran is noted as such).

   The store's article count is sampled every 5 s during the build, so a build that slows down
   as the store grows shows it. A build still running after ``--build-timeout`` seconds (default
   900) is interrupted (SIGINT to its process group: the store keeps every article it finished) and
   the rest of the benchmark runs on the partial store, marked as such;
3. times the same build again with nothing changed (every file skipped by content hash; skipped
   when the build was interrupted);
4. times ``lookup()`` in this process (the store opened once, read-only) for 200 directives sampled
   from the store (``ORDER BY random()``), written as people write them ("Quyết định 1847/QĐ-TTg",
   "Nghị định 30/2020/NĐ-CP", "Nghị quyết 18-NQ/TW"); the first call, which loads the extractor, is
   reported apart; the five most-cited directives are timed apart too, since they return thousands
   of articles;
5. times ``directive-graph lookup QUERY --db DB --json`` as a new process (a cold CLI call: interpreter
   start, imports, store open, query; the file cache is warm) 10 times.

Medians and 95th percentiles (nearest rank, so with 10 runs the p95 is the slowest) are reported
beside the targets: 100,000 articles built in at most 60 s on 2 cores; a lookup in at most 20 ms in
process and 0.5 s as a cold CLI call (both judged on the p95). Progress goes to stderr; the report
(or, with ``--json``, one JSON object) to stdout.

Usage:
    python benchmarks/bench_store.py [--sizes 1000,10000,100000] [--jobs 0] [--seed 0] [--json]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import platform
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "directive-graph-bench"
MB = 1_000_000
TARGET_BUILD_SECONDS = 60.0  # for 100,000 articles on 2 cores
TARGET_BUILD_ARTICLES = 100_000
TARGET_LOOKUP_MS = 20.0
TARGET_CLI_SECONDS = 0.5
POLL_SECONDS = 0.05
SAMPLE_SECONDS = 5.0  # how often the store's article count is read during a build
BUILD_TIMEOUT = 900.0
# Symbol codes whose symbols carry the year: "30/2020/NĐ-CP", "01/2011/TT-BNV", "31/2024/QH15".
YEAR_IN_SYMBOL = ("NĐ-", "TT-", "TTLT-", "QH", "PL-", "L-", "VBHN-")

for _path in (str(ROOT), str(HERE)):
    if _path not in sys.path:  # run from a checkout without an installed package
        sys.path.insert(0, _path)

import gen_corpus  # noqa: E402

from directive_graph.queries import lookup  # noqa: E402
from directive_graph.store import Store  # noqa: E402


def log(message: str) -> None:
    """A progress line on stderr."""
    print(f"[bench_store] {message}", file=sys.stderr, flush=True)


def cli_command() -> list[str]:
    """How to run the ``directive-graph`` command: the script beside this interpreter, else ``python -m``."""
    script = Path(sys.executable).parent / "directive-graph"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    found = shutil.which("directive-graph")
    return [found] if found else [sys.executable, "-m", "directive_graph"]


def percentile(values: Sequence[float], share: float) -> float:
    """The nearest-rank percentile: the smallest value with at least ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


# --------------------------------------------------------------------------------------------------
# Running a command and watching its memory
# --------------------------------------------------------------------------------------------------


@dataclass
class Run:
    """One timed subprocess."""

    seconds: float
    returncode: int
    stdout: str
    stderr: str
    max_process_rss_mb: float | None = None  # the largest single process (time -v, or getrusage when it grew)
    max_process_source: str = ""
    main_rss_mb: float | None = None  # VmHWM of the command's own process
    total_rss_mb: float | None = None  # the highest sum of resident sizes over the process tree
    processes: int = 0  # processes seen in the tree
    timed_out: bool = False
    progress: list[tuple[float, int]] = field(default_factory=list)  # (seconds, articles in the store)
    cpu_seconds: float = 0.0  # user + system time of the command and its children
    other_cpu_share: float | None = None  # CPU time of everything else on the machine, as a share of all CPUs


def _maxrss_mb(kilobytes_or_bytes: int) -> float:
    """``ru_maxrss`` in MB: kilobytes on Linux, bytes on macOS."""
    return kilobytes_or_bytes / (MB if sys.platform == "darwin" else 1000)


def _status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM (kB) of a process, from ``/proc``; empty when it is gone."""
    found: dict[str, int] = {}
    with contextlib.suppress(OSError), open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as handle:
        for line in handle:
            if line.startswith(("VmRSS:", "VmHWM:")):
                found[line[:5]] = int(line.split()[1])
    return found


def _children(pid: int) -> list[int]:
    """The child processes of ``pid``, from ``/proc/PID/task/*/children``."""
    kids: list[int] = []
    with contextlib.suppress(OSError):
        for task in os.listdir(f"/proc/{pid}/task"):
            with contextlib.suppress(OSError), open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                kids.extend(int(k) for k in handle.read().split())
    return kids


def _tree(pid: int) -> Iterator[int]:
    yield pid
    for kid in _children(pid):
        yield from _tree(kid)


def _gnu_time() -> str | None:
    """``/usr/bin/time`` if it is GNU time (it understands ``-v``)."""
    path = "/usr/bin/time"
    if not os.access(path, os.X_OK):
        return None
    probe = subprocess.run([path, "-v", "true"], capture_output=True, text=True, check=False)
    return path if probe.returncode == 0 and "Maximum resident set size" in probe.stderr else None


def _cpu_jiffies() -> tuple[int, int] | None:
    """(busy, total) clock ticks of all CPUs since boot, from ``/proc/stat``; None elsewhere."""
    try:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
    total = sum(fields[:8])  # guest time is already counted in user time
    return total - idle, total


def count_articles(db: Path) -> int | None:
    """How many articles the store holds now (read-only; None when it cannot be read yet)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return None


def _interrupt(proc: subprocess.Popen[bytes]) -> None:
    """Stop a command started in its own session: SIGINT to the group, then SIGTERM, then SIGKILL."""
    for sig, grace in ((signal.SIGINT, 60.0), (signal.SIGTERM, 10.0), (signal.SIGKILL, 10.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(grace)
            return
        except subprocess.TimeoutExpired:
            continue


def run_measured(
    command: list[str], *, time_path: str | None, timeout: float | None = None, watch_db: Path | None = None
) -> Run:
    """Run ``command``, timing it and following the memory of its processes.

    Args:
        command: The command line.
        time_path: GNU ``/usr/bin/time`` to wrap the command in, or None.
        timeout: Interrupt the command after this many seconds (None: never).
        watch_db: A store whose article count is sampled every few seconds.

    Returns:
        The timing, output and memory figures.
    """
    proc_fs = Path("/proc/self/status").exists()
    with tempfile.TemporaryDirectory(prefix="dg-bench-run-") as scratch:
        time_out = Path(scratch) / "time.txt"
        wrapped = [time_path, "-v", "-o", str(time_out), *command] if time_path else command
        usage0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        before = usage0.ru_maxrss
        jiffies0 = _cpu_jiffies()
        with open(Path(scratch) / "out", "w+b") as out, open(Path(scratch) / "err", "w+b") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(wrapped, stdout=out, stderr=err, start_new_session=timeout is not None)
            main_pid: int | None = None if time_path else proc.pid
            main_hwm = total_peak = 0
            seen: set[int] = set()
            progress: list[tuple[float, int]] = []
            next_sample = SAMPLE_SECONDS
            timed_out = False
            while proc.poll() is None:
                elapsed = time.perf_counter() - t0
                if watch_db is not None and elapsed >= next_sample:
                    next_sample += SAMPLE_SECONDS
                    count = count_articles(watch_db)
                    if count is not None:
                        progress.append((round(elapsed, 1), count))
                if timeout is not None and elapsed > timeout:
                    log(f"the build is still running after {timeout:.0f} s: interrupting it")
                    timed_out = True
                    _interrupt(proc)
                    break
                if proc_fs:
                    if main_pid is None:
                        kids = _children(proc.pid)
                        main_pid = kids[0] if kids else None
                    total = 0
                    for pid in _tree(main_pid or proc.pid):
                        status = _status(pid)
                        if not status:
                            continue
                        seen.add(pid)
                        total += status.get("VmRSS", 0)
                        if pid == main_pid:
                            main_hwm = max(main_hwm, status.get("VmHWM", 0))
                    total_peak = max(total_peak, total)
                time.sleep(POLL_SECONDS)
            seconds = time.perf_counter() - t0
            out.seek(0)
            err.seek(0)
            stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
        usage1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        after = usage1.ru_maxrss
        jiffies1 = _cpu_jiffies()
        run = Run(seconds, proc.returncode, stdout, stderr, processes=len(seen), timed_out=timed_out)
        run.cpu_seconds = (usage1.ru_utime + usage1.ru_stime) - (usage0.ru_utime + usage0.ru_stime)
        if jiffies0 and jiffies1 and jiffies1[1] > jiffies0[1]:
            tick = os.sysconf("SC_CLK_TCK")
            busy = (jiffies1[0] - jiffies0[0]) / tick
            capacity = (jiffies1[1] - jiffies0[1]) / tick
            run.other_cpu_share = max(0.0, busy - run.cpu_seconds) / capacity
        if watch_db is not None:
            count = count_articles(watch_db)
            progress.append((round(seconds, 1), count or 0))
            run.progress = progress
        if time_path and time_out.exists():
            for line in time_out.read_text(errors="replace").splitlines():
                if "Maximum resident set size" in line:
                    run.max_process_rss_mb = int(line.rsplit(":", 1)[1]) / 1000
                    run.max_process_source = "/usr/bin/time -v"
        if run.max_process_rss_mb is None and after > before:
            run.max_process_rss_mb = _maxrss_mb(after)
            run.max_process_source = "getrusage(RUSAGE_CHILDREN)"
        if proc_fs:
            run.main_rss_mb = main_hwm / 1000 if main_hwm else None
            run.total_rss_mb = total_peak / 1000 if total_peak else None
    return run


# --------------------------------------------------------------------------------------------------
# One size
# --------------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    """Every figure for one corpus size."""

    articles: int
    seed: int
    corpus: str
    corpus_mb: float
    corpus_cached: bool
    generate_seconds: float | None
    generated_references_per_article: float
    jobs: int
    load_average_before: float | None
    cpu_busy_before: float | None
    build_completed: bool
    build_seconds: float
    build_articles_per_s: float
    build_mb_per_s: float
    build_max_process_rss_mb: float | None
    build_max_process_rss_source: str
    build_main_rss_mb: float | None
    build_all_processes_rss_mb: float | None
    build_processes: int
    build_cpu_seconds: float
    build_other_cpu_share: float | None
    projected_100k_seconds: float
    build_target_met: bool | None
    rebuild_seconds: float | None
    rebuild_unchanged_files: int | None
    stored_articles: int
    mentions: int
    mentions_per_article: float
    directives: int
    db_mb: float
    lookup_queries: int
    lookup_first_ms: float
    lookup_median_ms: float
    lookup_p95_ms: float
    lookup_max_ms: float
    lookup_misses: int
    lookup_target_met: bool
    head_lookup_ms: list[float]
    head_lookup_articles: list[int]
    cli_runs: int
    cli_median_s: float
    cli_p95_s: float
    cli_target_met: bool
    cli_head_s: float | None
    report_seconds: float | None = None
    report_mb: float | None = None
    build_progress: list[tuple[float, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def ensure_corpus(size: int, seed: int, cache: Path) -> tuple[Path, dict[str, Any], float | None]:
    """The cached corpus of ``size`` articles, generated first when missing or stale.

    Returns:
        Its folder, its manifest and the seconds spent generating it (None when reused).
    """
    folder = cache / f"{size}-{seed}"
    manifest = gen_corpus.read_manifest(folder)
    wanted = {"generator": gen_corpus.GENERATOR_VERSION, "articles": size, "seed": seed}
    if manifest and all(manifest.get(k) == v for k, v in wanted.items()):
        log(f"{size:,} articles: reusing the corpus in {folder}")
        return folder, manifest, None
    if folder.exists():
        shutil.rmtree(folder)
    log(f"{size:,} articles: generating the corpus in {folder} …")
    t0 = time.perf_counter()
    gen_corpus.generate(folder, size, seed)
    seconds = time.perf_counter() - t0
    manifest = gen_corpus.read_manifest(folder) or {}
    log(f"{size:,} articles: {manifest.get('bytes', 0) / MB:.1f} MB generated in {seconds:.1f} s")
    return folder, manifest, seconds


def query_text(doc_type: str | None, number: str, symbol: str | None, year: int | None) -> str:
    """A directive written the way people write it: "Quyết định 1847/QĐ-TTg", "Nghị quyết 18-NQ/TW".

    Example:
        >>> query_text("Nghị định", "30", "NĐ-CP", 2020)
        'Nghị định 30/2020/NĐ-CP'
        >>> query_text("Nghị quyết", "18", "NQ/TW", 2017)
        'Nghị quyết 18-NQ/TW'
        >>> query_text("Chỉ thị", "19", None, None)
        'Chỉ thị 19'
    """
    if not symbol:
        ref = number
    elif "/" in symbol:  # a Party symbol: 18-NQ/TW
        ref = f"{number}-{symbol}"
    elif year and symbol.startswith(YEAR_IN_SYMBOL):
        ref = f"{number}/{year}/{symbol}"
    else:
        ref = f"{number}/{symbol}"
    return f"{doc_type} {ref}" if doc_type else ref


def sample_queries(db: Path, count: int) -> list[str]:
    """``count`` directives of the store, in random order, as query texts."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute("SELECT doc_type, number, symbol, year FROM directives ORDER BY random() LIMIT ?", (count,))
        return [query_text(*row) for row in rows]


def head_queries(db: Path, count: int) -> list[str]:
    """The ``count`` most-cited directives, as query texts."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        rows = conn.execute(
            "SELECT d.doc_type, d.number, d.symbol, d.year FROM directives d JOIN mentions m ON m.directive_id = d.id"
            " GROUP BY d.id ORDER BY count(DISTINCT m.article_id) DESC LIMIT ?",
            (count,),
        )
        return [query_text(*row) for row in rows]


def time_lookups(db: Path, queries: list[str]) -> tuple[float, list[float], int, list[int]]:
    """Run ``lookup()`` for every query on one store opened read-only.

    Returns:
        Milliseconds of the first call (extractor loading included), of every later call, how many
        found nothing, and how many articles each call returned.
    """
    times: list[float] = []
    found: list[int] = []
    misses = 0
    first = 0.0
    with Store.open(str(db), readonly=True) as store:
        for i, query in enumerate(queries):
            t0 = time.perf_counter()
            hits = lookup(store, query)
            ms = (time.perf_counter() - t0) * 1000
            if i == 0:
                first = ms
            else:
                times.append(ms)
            found.append(sum(len(h.articles) for h in hits))
            misses += not hits
    return first, times, misses, found


def cpu_busy(seconds: float = 1.0) -> float | None:
    """The share of all CPUs busy over ``seconds`` (from ``/proc/stat``; None elsewhere): other work running."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat", encoding="ascii") as handle:
            fields = [int(x) for x in handle.readline().split()[1:]]
        idle = fields[3] + (fields[4] if len(fields) > 4 else 0)
        return sum(fields), idle

    try:
        total0, idle0 = sample()
        time.sleep(seconds)
        total1, idle1 = sample()
    except (OSError, ValueError, IndexError):
        return None
    return 1 - (idle1 - idle0) / max(total1 - total0, 1)


def store_counts(db: Path) -> dict[str, int]:
    """Articles, mentions and directives in the store."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in ("articles", "mentions",
                                                                                          "directives")}  # fmt: skip


def _rates(progress: list[tuple[float, int]]) -> str:
    """Articles/s early and late in a build (a minute each, or a third of it): does it slow down as the store grows?"""
    if len(progress) < 4:
        return ""
    end_t, end_n = progress[-1]
    window = min(60.0, end_t / 3)
    first = next((t, n) for t, n in progress if t >= window)
    last = next(((t, n) for t, n in reversed(progress) if t <= end_t - window), progress[0])
    early = first[1] / first[0]
    late = (end_n - last[1]) / (end_t - last[0]) if end_t > last[0] else 0.0
    return (f"{early:,.0f} articles/s over the first {first[0]:.0f} s, {late:,.0f} articles/s over the last "
            f"{end_t - last[0]:.0f} s (store growing from {last[1]:,} to {end_n:,} articles)")  # fmt: skip


def bench_size(size: int, seed: int, jobs: int, args: argparse.Namespace, time_path: str | None) -> SizeResult:
    """Generate (or reuse) the corpus, build, rebuild and look up; every figure for one size."""
    corpus, manifest, gen_seconds = ensure_corpus(size, seed, args.cache)
    corpus_bytes = int(manifest.get("bytes", 0))
    cli = cli_command()
    notes: list[str] = []
    workdir = Path(tempfile.mkdtemp(prefix="dg-bench-db-"))
    db = workdir / "bench.db"
    try:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        busy = cpu_busy()
        if busy is not None and busy > 0.25:
            notes.append(f"{busy:.0%} of the CPUs were busy with other work just before the build")
        build_cmd = [*cli, "build", str(corpus), "--db", str(db), "--jobs", str(jobs), "--json"]
        log(f"{size:,} articles: building ({' '.join(build_cmd[1:])}) …")
        built = run_measured(build_cmd, time_path=time_path, timeout=args.build_timeout, watch_db=db)
        counts = store_counts(db)
        if built.timed_out:
            notes.append(
                f"build interrupted after {built.seconds:.0f} s (--build-timeout) with {counts['articles']:,} of "
                f"{size:,} articles stored; the figures below are for that partial store"
            )
        elif built.returncode != 0:
            raise SystemExit(f"build failed (exit {built.returncode}): {built.stderr.strip()[-2000:]}")
        done = counts["articles"]
        log(f"{size:,} articles: {done:,} built in {built.seconds:.1f} s ({done / built.seconds:,.0f} articles/s)")
        if built.other_cpu_share is not None and built.other_cpu_share > 0.1:
            notes.append(f"other work used {built.other_cpu_share:.0%} of the machine's CPU time during the build")
        rates = _rates(built.progress)
        if rates:
            notes.append(f"build rate: {rates}")

        rebuilt: Run | None = None
        unchanged: int | None = None
        if not built.timed_out:
            log(f"{size:,} articles: rebuilding with nothing changed …")
            rebuilt = run_measured(build_cmd, time_path=None)
            if rebuilt.returncode != 0:
                raise SystemExit(f"rebuild failed (exit {rebuilt.returncode}): {rebuilt.stderr.strip()[-2000:]}")
            unchanged = int(json.loads(rebuilt.stdout).get("unchanged", 0))
            log(f"{size:,} articles: rebuilt in {rebuilt.seconds:.2f} s")

        db_bytes = sum(p.stat().st_size for p in workdir.glob("bench.db*"))
        queries = sample_queries(db, args.queries + 1)
        log(f"{size:,} articles: {len(queries) - 1} lookups in process …")
        first, times, misses, _ = time_lookups(db, queries)
        heads = head_queries(db, 5)
        _, head_times, _, head_found = time_lookups(db, [heads[0], *heads]) if heads else (0.0, [], 0, [])
        head_found = head_found[1:]
        if misses:
            notes.append(f"{misses} of {len(queries)} sampled lookups found nothing")

        log(f"{size:,} articles: {args.cli_runs} cold CLI lookups …")
        cli_times: list[float] = []
        for query in (queries * args.cli_runs)[: args.cli_runs]:
            t0 = time.perf_counter()
            ran = subprocess.run([*cli, "lookup", query, "--db", str(db), "--json"], capture_output=True, check=False)
            cli_times.append(time.perf_counter() - t0)
            if ran.returncode not in (0, 1):
                notes.append(f"lookup {query!r} failed: {ran.stderr.decode('utf-8', 'replace').strip()[:200]}")
        cli_head = None
        if heads:
            t0 = time.perf_counter()
            subprocess.run([*cli, "lookup", heads[0], "--db", str(db), "--json"], capture_output=True, check=False)
            cli_head = time.perf_counter() - t0
        log(f"{size:,} articles: writing the HTML report …")
        page = workdir / "report.html"
        t0 = time.perf_counter()
        made = subprocess.run([*cli, "report", "--db", str(db), "--out", str(page)], capture_output=True, check=False)
        report_seconds = time.perf_counter() - t0
        report_mb = page.stat().st_size / MB if made.returncode == 0 and page.exists() else None
        if made.returncode != 0:
            notes.append(f"report failed: {made.stderr.decode('utf-8', 'replace').strip()[:200]}")
        if args.keep:
            notes.append(f"store kept at {db}")
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)

    articles = counts["articles"]
    rate = articles / built.seconds if built.seconds else 0.0
    projected = TARGET_BUILD_ARTICLES / rate if rate else float("inf")
    lookup_p95 = percentile(times, 0.95) if times else 0.0
    cli_p95 = percentile(cli_times, 0.95)
    complete = not built.timed_out
    return SizeResult(
        articles=size,
        seed=seed,
        corpus=str(corpus),
        corpus_mb=round(corpus_bytes / MB, 1),
        corpus_cached=gen_seconds is None,
        generate_seconds=round(gen_seconds, 1) if gen_seconds is not None else None,
        generated_references_per_article=round(int(manifest.get("references", 0)) / size, 2),
        jobs=jobs or os.cpu_count() or 1,
        load_average_before=round(load, 2) if load is not None else None,
        cpu_busy_before=round(busy, 3) if busy is not None else None,
        build_completed=complete,
        build_seconds=round(built.seconds, 2),
        build_articles_per_s=round(rate, 1),
        build_mb_per_s=round(corpus_bytes * articles / size / MB / built.seconds, 2),
        build_max_process_rss_mb=round(built.max_process_rss_mb, 1) if built.max_process_rss_mb else None,
        build_max_process_rss_source=built.max_process_source,
        build_main_rss_mb=round(built.main_rss_mb, 1) if built.main_rss_mb else None,
        build_all_processes_rss_mb=round(built.total_rss_mb, 1) if built.total_rss_mb else None,
        build_processes=built.processes,
        build_cpu_seconds=round(built.cpu_seconds, 1),
        build_other_cpu_share=round(built.other_cpu_share, 3) if built.other_cpu_share is not None else None,
        projected_100k_seconds=round(projected, 1),
        build_target_met=(complete and projected <= TARGET_BUILD_SECONDS) if size == TARGET_BUILD_ARTICLES else None,
        rebuild_seconds=round(rebuilt.seconds, 2) if rebuilt else None,
        rebuild_unchanged_files=unchanged,
        stored_articles=articles,
        mentions=counts["mentions"],
        mentions_per_article=round(counts["mentions"] / max(articles, 1), 2),
        directives=counts["directives"],
        db_mb=round(db_bytes / MB, 1),
        lookup_queries=len(times),
        lookup_first_ms=round(first, 1),
        lookup_median_ms=round(statistics.median(times), 2) if times else 0.0,
        lookup_p95_ms=round(lookup_p95, 2),
        lookup_max_ms=round(max(times), 2) if times else 0.0,
        lookup_misses=misses,
        lookup_target_met=lookup_p95 <= TARGET_LOOKUP_MS,
        head_lookup_ms=[round(t, 1) for t in head_times],
        head_lookup_articles=head_found,
        report_seconds=round(report_seconds, 2),
        report_mb=round(report_mb, 2) if report_mb is not None else None,
        cli_runs=len(cli_times),
        cli_median_s=round(statistics.median(cli_times), 3),
        cli_p95_s=round(cli_p95, 3),
        cli_target_met=cli_p95 <= TARGET_CLI_SECONDS,
        cli_head_s=round(cli_head, 3) if cli_head is not None else None,
        build_progress=built.progress,
        notes=notes,
    )


# --------------------------------------------------------------------------------------------------
# Report
# --------------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """The machine the figures come from."""
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError), open("/proc/meminfo", encoding="ascii") as handle:
        memory = round(int(handle.readline().split()[1]) / 1e6, 1)
    return {
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable,
        "memory_gb": memory,
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "time_v": bool(_gnu_time()),
    }


def _mark(ok: bool | None) -> str:
    return "" if ok is None else ("  ok" if ok else "  MISSED")


def _mb(value: float | None) -> str:
    return f"{value:,.0f} MB" if value is not None else "n/a"


def report(results: list[SizeResult], info: dict[str, Any]) -> str:
    """A short human-readable report."""
    lines = [
        "directive-graph store benchmark (synthetic corpus from benchmarks/gen_corpus.py)",
        f"  machine      {info['platform']}, {info['processor']}, {info['cpu_count']} CPUs "
        f"({info['usable_cpus']} usable), {info['memory_gb']} GB, {info['python']}",
        f"  targets      {TARGET_BUILD_ARTICLES:,} articles built in <= {TARGET_BUILD_SECONDS:.0f} s on 2 cores; "
        f"lookup <= {TARGET_LOOKUP_MS:.0f} ms in process, <= {TARGET_CLI_SECONDS} s as a cold CLI call (p95)",
    ]
    for r in results:
        gen = "cached" if r.corpus_cached else f"generated in {r.generate_seconds:.1f} s"
        pairs = zip(r.head_lookup_ms, r.head_lookup_articles, strict=False)
        heads = ", ".join(f"{ms:.0f} ms/{n:,} articles" for ms, n in pairs)
        lines += [
            "",
            f"  {r.articles:,} articles  ({r.corpus_mb:.1f} MB, {r.generated_references_per_article:.2f} refs/article "
            f"written, {gen}; {r.jobs} jobs)",
            f"    build        {r.build_seconds:7.2f} s  {r.build_articles_per_s:8,.0f} articles/s  "
            f"{r.build_mb_per_s:5.2f} MB/s   (100k at this rate: {r.projected_100k_seconds:.0f} s, "
            f"target {TARGET_BUILD_SECONDS:.0f} s){_mark(r.build_target_met)}"
            + ("" if r.build_completed else f"  INTERRUPTED at {r.stored_articles:,} articles"),
            f"    memory       largest process {_mb(r.build_max_process_rss_mb)} "
            f"({r.build_max_process_rss_source or '-'}), main {_mb(r.build_main_rss_mb)}, "
            f"all {r.build_processes} processes {_mb(r.build_all_processes_rss_mb)}; "
            f"CPU {r.build_cpu_seconds:.0f} s",
            f"    rebuild      {r.rebuild_seconds:7.2f} s  ({r.rebuild_unchanged_files or 0:,} files unchanged)"
            if r.rebuild_seconds is not None
            else "    rebuild      skipped (the build did not finish)",
            f"    store        {r.stored_articles:,} articles, {r.mentions:,} mentions ({r.mentions_per_article:.2f}"
            f"/article), {r.directives:,} directives, {r.db_mb:.0f} MB",
            f"    lookup       median {r.lookup_median_ms:.2f} ms, p95 {r.lookup_p95_ms:.2f} ms, max "
            f"{r.lookup_max_ms:.1f} ms over {r.lookup_queries} queries (target {TARGET_LOOKUP_MS:.0f} ms)"
            f"{_mark(r.lookup_target_met)}; first call {r.lookup_first_ms:.0f} ms (loads the extractor if not yet)",
            f"    most cited   {heads or 'n/a'} (lookup of the 5 most-cited directives, every article)",
            f"    CLI lookup   median {r.cli_median_s:.3f} s, p95 {r.cli_p95_s:.3f} s over {r.cli_runs} cold runs "
            f"(target {TARGET_CLI_SECONDS} s){_mark(r.cli_target_met)}; most cited: "
            + (f"{r.cli_head_s:.2f} s" if r.cli_head_s is not None else "n/a"),
            f"    report       {r.report_seconds or 0:.2f} s for the whole graph, {_mb(r.report_mb)} HTML "
            "(at most 300 nodes drawn)",
        ]
        lines += [f"    note         {note}" for note in r.notes]
    return "\n".join(lines)


def parse_sizes(text: str) -> list[int]:
    """``"1000,10000"`` as ``[1000, 10000]``; every size positive."""
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"--sizes takes numbers separated by commas, not {text!r}") from None
    if not sizes or any(s <= 0 for s in sizes):
        raise argparse.ArgumentTypeError("--sizes needs at least one positive number")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Parse the arguments, run every size, print the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", type=parse_sizes, default=[1000, 10000, 100000],
                        help="corpus sizes in articles, comma-separated (default 1000,10000,100000)")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=0, help="build worker processes (default 0: every core)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--queries", type=int, default=200, help="in-process lookups (default 200)")
    parser.add_argument("--cli-runs", type=int, default=10, help="cold CLI lookups (default 10)")
    parser.add_argument("--cache", type=Path, default=CACHE, help=f"corpus cache folder (default {CACHE})")
    parser.add_argument("--build-timeout", type=float, default=BUILD_TIMEOUT,
                        help=f"interrupt a build after this many seconds (default {BUILD_TIMEOUT:.0f})")  # fmt: skip
    parser.add_argument("--keep", action="store_true", help="keep the stores (their paths are in the notes)")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of the report")
    args = parser.parse_args(argv)
    if args.jobs < 0 or args.queries < 1 or args.cli_runs < 1 or args.build_timeout <= 0:
        parser.error("--jobs must be >= 0, --queries and --cli-runs >= 1, --build-timeout > 0")
    info = machine()
    time_path = _gnu_time()
    log(f"{info['platform']}, {info['cpu_count']} CPUs, {info['python']}; CLI: {' '.join(cli_command())}")
    results = [bench_size(size, args.seed, args.jobs, args, time_path) for size in args.sizes]
    if args.json:
        payload = {
            "machine": info,
            "targets": {
                "build_articles": TARGET_BUILD_ARTICLES, "build_seconds": TARGET_BUILD_SECONDS, "build_cores": 2,
                "lookup_ms_p95": TARGET_LOOKUP_MS, "cli_seconds_p95": TARGET_CLI_SECONDS,
            },
            "results": [asdict(r) for r in results],
        }  # fmt: skip
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(report(results, info))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
