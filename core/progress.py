"""A one-line progress bar for long commands, shown only on a terminal."""

import time


class Progress:
    WIDTH = 30
    MIN_INTERVAL = 0.2

    def __init__(self, total, stream):
        self.total = total
        self.stream = stream
        self.enabled = total > 0 and hasattr(stream, "isatty") and stream.isatty()
        self._last_draw = 0.0

    def update(self, done):
        if not self.enabled:
            return
        now = time.monotonic()
        if done < self.total and now - self._last_draw < self.MIN_INTERVAL:
            return
        self._last_draw = now
        filled = int(self.WIDTH * done / self.total)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        self.stream.write(f"\r[{bar}] {done}/{self.total}")
        self.stream.flush()

    def finish(self):
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
