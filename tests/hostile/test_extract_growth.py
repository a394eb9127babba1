"""Extraction time grows linearly on the line shapes that were quadratic or cubic (issue 15 item 6).

For each shape of ``devtools/hostile.py``, the best of 3 CPU times (``time.process_time``: other work on
the shared machine does not count) at n and at 4n: 4 times the input takes at most 5 times as long, and
no text takes over 10 s per MB. Before the rewrites, at the issue's sizes: ``undouble('（' * 4000)`` 5 s
(cubic), a 1.5 MB line over 10 minutes, 4,000 names on one line 5 s, 4,000 citations on one line 6 s, a
4,000-row one-cell-per-line table 8.5 s (figures: bench/README.md, ``bench/growth_bench.py``)."""
from __future__ import annotations

import pytest

from devtools.hostile import SIZES, best_time, growth, one_line

RATIO = 5.0
SECONDS_PER_MB = 10.0


@pytest.mark.parametrize("shape", list(SIZES))
def test_four_times_the_input_takes_at_most_five_times_as_long(shape):
    g = growth(shape)
    if g.ratio > RATIO or g.seconds_per_mb > SECONDS_PER_MB:  # a busy machine may slow one run: measure again
        g = growth(shape)
    assert g.ratio <= RATIO, f"{shape}: {g.seconds:.3f} s at n={g.n}, {g.seconds_4n:.3f} s at 4n ({g.ratio:.2f}x)"
    assert g.seconds_per_mb <= SECONDS_PER_MB, f"{shape}: {g.seconds_per_mb:.1f} s per MB"


def test_a_one_and_a_half_megabyte_line_under_ten_seconds_per_megabyte():
    text = one_line(550_000)
    mb = len(text.encode("utf-8")) / 1e6
    assert mb > 1.4
    seconds = best_time("one_line", text, repeats=1)
    assert seconds / mb <= SECONDS_PER_MB, f"{seconds:.1f} s for {mb:.2f} MB"
