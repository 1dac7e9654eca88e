"""Pausing Python's cycle collector while a bulk job builds a great many objects.

An import of 100.000 rows creates about a million container objects (rows, cells, entries,
the tuples handed to the database), and none of them form reference cycles that outlive the
job: reference counting frees them all. The cycle collector would still walk every live object
in its full collections — five of them in such an import, 0,7 of its 6 seconds on the
development VM (``bench/bench_import.py``). Pausing it for the job is the usual remedy of bulk
loaders; it is switched back on however the job ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Run the block (or, as a decorator, the function) with the cycle collector off.

    Nested and concurrent uses are safe: whoever found it on switches it back on; at worst a
    concurrent job runs part of its time with the collector on, as it would anyway.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
