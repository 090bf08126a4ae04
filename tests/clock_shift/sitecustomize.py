"""Moves a Python process's clock forward, to show that a build does not depend on when it ran.

Python imports `sitecustomize` at start-up from the first folder on sys.path that has one,
so a test puts this folder first on PYTHONPATH and sets FAKE_CLOCK_SHIFT_SECONDS for the build.
It shifts `time.time()` (which `date.today()` and `datetime.today()` read too) and
`datetime.now()`/`utcnow()`, which read the system clock directly.
"""

import datetime as _datetime
import os
import time as _time

_SHIFT = int(os.environ.get("FAKE_CLOCK_SHIFT_SECONDS", "0"))

if _SHIFT:
    _real_time, _real_time_ns = _time.time, _time.time_ns
    _time.time = lambda: _real_time() + _SHIFT
    _time.time_ns = lambda: _real_time_ns() + _SHIFT * 1_000_000_000
    _delta = _datetime.timedelta(seconds=_SHIFT)

    class _ShiftedDatetime(_datetime.datetime):
        @classmethod
        def now(cls, tz=None):
            return super().now(tz) + _delta

        @classmethod
        def utcnow(cls):
            return super().utcnow() + _delta

    _datetime.datetime = _ShiftedDatetime
