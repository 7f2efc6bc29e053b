"""No cyclic garbage collection while bulk work runs (exports and imports of the whole log).

Such work makes hundreds of thousands of small objects (rows, answers) that have no
cycles: reference counting frees them. They do start the collector's passes over every
object alive, which cost a tenth of an export's time and, on a worker thread, held the
interpreter lock for 100 ms and more while the window waited for it. Several jobs may
overlap: the collector comes back when the last one ends (and only if it was on).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_jobs = 0
_was_enabled = True


@contextmanager
def paused() -> Iterator[None]:
    global _jobs, _was_enabled
    with _lock:
        _jobs += 1
        if _jobs == 1:
            _was_enabled = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _lock:
            _jobs -= 1
            if _jobs == 0 and _was_enabled:
                gc.enable()
