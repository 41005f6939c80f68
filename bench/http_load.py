"""A bounded HTTP load generator: threads with keep-alive connections to one loopback server.

`run(base_url, visitor, users, seconds)` starts `users` threads; each calls `visitor(session)` in a
loop until the time is up. A visitor makes requests with `session.get(path, kind)` and may sleep
between them with `session.think()`. Every request is timed; anything but a 2xx/3xx answer, or
no answer within the timeout, counts as an error. No request leaves 127.0.0.1.
"""

import http.client
import random
import threading
import time
from collections import defaultdict
from urllib.parse import urlsplit

from bench.stats import summary_ms

TIMEOUT_SECONDS = 30
STALE_CONNECTION = (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError)


class TimeUp(Exception):
    pass


class Session:
    def __init__(self, host, port, deadline, think_range, rng, recorder):
        if host not in ("127.0.0.1", "localhost"):
            raise ValueError("load is only sent to 127.0.0.1")
        self.host, self.port = host, port
        self.deadline = deadline
        self.think_range = think_range
        self.rng = rng
        self.recorder = recorder
        self.connection = None

    def _connect(self):
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT_SECONDS)

    def _exchange(self, path):
        if self.connection is None:
            self._connect()
        self.connection.request("GET", path, headers={"Accept-Language": "nl", "User-Agent": "wijkwijs-bench"})
        response = self.connection.getresponse()
        body = response.read()
        if response.getheader("Connection", "").lower() == "close":
            self.connection.close()
            self.connection = None
        return response.status, body

    def get(self, path, kind):
        """The response body (bytes) of GET path; errors are recorded and give None."""
        if time.monotonic() >= self.deadline:
            raise TimeUp
        started = time.perf_counter()
        try:
            try:
                status, body = self._exchange(path)
            except STALE_CONNECTION:
                # The server closed the connection before answering: an idle keep-alive connection timed
                # out, or a worker was recycled after max_requests. A GET is safe to send again on a new
                # connection, once, as browsers do; the table counts these as reconnects.
                self.recorder.count_reconnect()
                self.connection.close()
                self.connection = None
                status, body = self._exchange(path)
        except (OSError, http.client.HTTPException) as error:
            self.recorder.record(kind, time.perf_counter() - started, f"{type(error).__name__}: {error}")
            if self.connection is not None:
                self.connection.close()
            self.connection = None
            return None
        elapsed = time.perf_counter() - started
        ok = 200 <= status < 400
        self.recorder.record(kind, elapsed, None if ok else f"HTTP {status} {path}")
        return body if ok else None

    def think(self):
        if self.think_range:
            pause = self.rng.uniform(*self.think_range)
            if time.monotonic() + pause >= self.deadline:
                raise TimeUp
            time.sleep(pause)

    def close(self):
        if self.connection is not None:
            self.connection.close()


class Recorder:
    def __init__(self):
        self.lock = threading.Lock()
        self.durations = defaultdict(list)
        self.errors = defaultdict(list)
        self.reconnects = 0

    def count_reconnect(self):
        with self.lock:
            self.reconnects += 1

    def record(self, kind, seconds, error):
        with self.lock:
            self.durations[kind].append(seconds)
            if error:
                self.errors[kind].append(error)


def run(base_url, visitor, users, seconds, think_range=None, seed=8):
    """Run the visitors; {"all": summary, kind: summary, ...} with requests, errors, req/s, p50/p95."""
    parts = urlsplit(base_url)
    recorder = Recorder()
    started = time.monotonic()
    deadline = started + seconds

    def user(number):
        session = Session(parts.hostname, parts.port, deadline, think_range, random.Random(seed * 1000 + number), recorder)
        try:
            while time.monotonic() < deadline:
                visitor(session)
        except TimeUp:
            pass
        finally:
            session.close()

    threads = [threading.Thread(target=user, args=(number,), daemon=True) for number in range(users)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(seconds + TIMEOUT_SECONDS + 10)
    elapsed = time.monotonic() - started
    result = {}
    all_durations = [value for values in recorder.durations.values() for value in values]
    for kind, durations in [("all", all_durations), *sorted(recorder.durations.items())]:
        errors = sum(len(values) for values in recorder.errors.values()) if kind == "all" else len(recorder.errors[kind])
        result[kind] = {
            "requests": len(durations),
            "errors": errors,
            "rps": round(len(durations) / elapsed, 1),
            **summary_ms(durations),
        }
    result["seconds"] = round(elapsed, 1)
    result["reconnects"] = recorder.reconnects
    result["error_samples"] = [error for values in recorder.errors.values() for error in values][:10]
    return result
