"""A progress bar on stderr for long builds: files done, articles added, articles per second.

It draws only on a terminal; in a pipe or a test it stays silent.
"""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn


class FileProgress:
    """``with FileProgress() as p: build(..., on_file=p.update)``; on stderr unless given a console."""

    def __init__(self, console: Console | None = None) -> None:
        console = console or Console(stderr=True, highlight=False)
        self._progress = Progress(
            TextColumn("building"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("files · {task.fields[articles]} articles · {task.fields[rate]:.0f} articles/s"),
            TimeRemainingColumn(),
            console=console,
            disable=not console.is_terminal,
            transient=True,
        )
        self._task = self._progress.add_task("build", total=None, articles=0, rate=0.0)
        self._start = time.perf_counter()

    def update(self, done: int, total: int, articles: int) -> None:
        """Called after each file."""
        rate = articles / max(time.perf_counter() - self._start, 1e-9)
        self._progress.update(self._task, completed=done, total=total, articles=articles, rate=rate)

    def __enter__(self) -> FileProgress:
        self._progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, trace: TracebackType | None
    ) -> None:
        self._progress.stop()
