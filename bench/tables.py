"""Printing benchmark tables and keeping them as JSON under bench/results/."""

import json
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parent / "results"


def print_table(title, columns, rows):
    widths = [max(len(str(column)), *(len(str(row[index])) for row in rows)) for index, column in enumerate(columns)]
    line = "  ".join("-" * width for width in widths)
    print(f"\n{title}")
    print("  ".join(str(column).ljust(width) for column, width in zip(columns, widths, strict=True)))
    print(line)
    for row in rows:
        print("  ".join(str(value).ljust(width) for value, width in zip(row, widths, strict=True)))


def save_results(name, data):
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    return path
