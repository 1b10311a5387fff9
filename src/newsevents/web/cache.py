"""A response cache for GET pages and API answers, valid until the store changes.

The workbench is read-only: an answer can only change when the sidecar index is rebuilt (the
store changed), so a finished 200 response is kept under (index generation, path, query) and
served again until then. Bounded by entries and bytes; ``NEWSEVENTS_WEB_CACHE=0`` turns it off
(the benchmark measures both).
"""

from __future__ import annotations

import functools
import os
import threading
from collections import OrderedDict
from collections.abc import Callable

from starlette.requests import Request
from starlette.responses import Response

from ..workbench import Workbench

MAX_ENTRIES = 1024
MAX_BYTES = 64 * 1024 * 1024

Endpoint = Callable[[Request], Response]


class ResponseCache:
    def __init__(self, enabled: bool | None = None) -> None:
        if enabled is None:
            enabled = os.environ.get("NEWSEVENTS_WEB_CACHE", "1") != "0"
        self.enabled = enabled
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple[int, str, str], tuple[bytes, int, str | None, dict]] = (
            OrderedDict()
        )
        self._bytes = 0
        self._inflight: dict[tuple[int, str, str], threading.Lock] = {}

    def flight(self, key: tuple[int, str, str]) -> threading.Lock:
        """One lock per key being computed, so concurrent misses compute it once."""
        with self._lock:
            return self._inflight.setdefault(key, threading.Lock())

    def landed(self, key: tuple[int, str, str]) -> None:
        with self._lock:
            self._inflight.pop(key, None)

    def get(self, key: tuple[int, str, str]) -> Response | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
        body, status, media, headers = item
        return Response(body, status_code=status, media_type=media, headers=headers)

    def put(self, key: tuple[int, str, str], response: Response) -> None:
        body = bytes(response.body)
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        with self._lock:
            if key[0] != max((k[0] for k in self._items), default=key[0]):
                self._items.clear()  # a newer index: every older answer is stale
                self._bytes = 0
            old = self._items.pop(key, None)
            if old is not None:
                self._bytes -= len(old[0])
            self._items[key] = (body, response.status_code, response.media_type, headers)
            self._bytes += len(body)
            while self._items and (len(self._items) > MAX_ENTRIES or self._bytes > MAX_BYTES):
                _, dropped = self._items.popitem(last=False)
                self._bytes -= len(dropped[0])


def cached(endpoint: Endpoint) -> Endpoint:
    """Serve ``endpoint``'s 200 answers from the app's :class:`ResponseCache`."""

    @functools.wraps(endpoint)
    def wrapper(request: Request) -> Response:
        cache: ResponseCache = request.app.state.cache
        if not cache.enabled:
            return endpoint(request)
        wb: Workbench = request.app.state.workbench
        key = (wb.query.generation, request.url.path, request.url.query)
        hit = cache.get(key)
        if hit is not None:
            return hit
        with cache.flight(key):  # the first miss computes; the others wait and reuse it
            hit = cache.get(key)
            if hit is not None:
                return hit
            try:
                response = endpoint(request)
                if response.status_code == 200:
                    cache.put(key, response)
            finally:
                cache.landed(key)
        return response

    return wrapper
