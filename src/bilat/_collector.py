"""The cyclic garbage collector held off while a step builds long-lived objects.

CPython's collector runs after every 700 container allocations, and every so often it walks
every container the process holds. An update of the record reads the stored actors (a member
object per document naming an actor: a million at 100,000 documents), the extractions and the
stored events, and keeps them until it returns: the collector walked them again and again and
found little to free (frozen dataclasses, tuples, dicts of strings: the peak with it off is
within 10 MB of the peak with it on at 100,000 documents), 1.0 of the 4.7 s CPU of adding ten
documents to a 10,000-document store, 19 of 62 s at 100,000. The objects still go by
reference counting as soon as the step drops them; only cycles wait for the collector, which
runs again when the step ends. The switch is the process's: other threads run without it
for that time too.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic cyclic collection inside the block; the collector's state as it was after
    it (also when the block raises; left off if it was off)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
