"""Percentiles and rates for benchmark tables."""

import math


def percentile(values, fraction):
    """The value at `fraction` (0..1) of the sorted values, interpolated between neighbours."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = (len(ordered) - 1) * fraction
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def summary_ms(seconds):
    """p50, p95 and max of durations in seconds, as rounded milliseconds."""
    return {
        "n": len(seconds),
        "p50_ms": round(percentile(seconds, 0.50) * 1000, 1),
        "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
        "max_ms": round(max(seconds) * 1000, 1) if seconds else float("nan"),
    }


def ratio(numerator, denominator):
    return round(numerator / denominator, 2) if denominator else float("nan")
