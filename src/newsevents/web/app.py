"""The workbench ASGI application: ``create_app(db)``, served by uvicorn (``newsevents serve``).

Why Starlette and not FastAPI: the pages and the JSON API share one filter grammar, parsed once
from the query string by :class:`newsevents.query.Filters` with one-line messages for HTTP 400.
FastAPI would re-declare every filter on every endpoint and answer bad input with 422
validation objects; Starlette (the core FastAPI is built on) routes, streams and serves the
packaged static files without pydantic models, and the OpenAPI document is generated from the
same filter table (:mod:`newsevents.web.openapi`).

Read-only and local: the store is opened with ``mode=ro`` (see :mod:`newsevents.query`), every
response carries a Content-Security-Policy that allows only this server's own script, style
and images, and ``serve`` binds 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..query import BadQuery
from ..workbench import Workbench
from . import api, pages
from .cache import ResponseCache
from .render import make_env

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds the CSP and friends to every response (a plain ASGI middleware: no buffering)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _error(request: Request, status: int, message: str) -> Response:
    if _is_api(request):
        return JSONResponse({"error": message, "status": status}, status_code=status)
    env = request.app.state.env
    html = env.get_template("error.html").render(
        status=status, message=message, request=request, filter_params={}, params={}
    )
    return HTMLResponse(html, status_code=status)


async def _bad_query(request: Request, exc: Exception) -> Response:
    return _error(request, 400, str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}"
    return _error(request, exc.status_code, message)


def create_app(
    db: str | Path, *, workbench: Workbench | None = None, cache: bool | None = None
) -> Starlette:
    """The workbench over the events database ``db`` (opened read-only).

    ``cache``: keep answers until the store changes (default: on unless
    ``NEWSEVENTS_WEB_CACHE=0``)."""
    wb = workbench or Workbench(db)
    static = Path(__file__).parent / "static"

    async def favicon(request: Request) -> Response:  # browsers ask for it on JSON pages too
        return FileResponse(static / "favicon.svg", media_type="image/svg+xml")

    routes: list[Any] = [
        Route("/favicon.ico", favicon),
        *api.routes(),
        *pages.routes(),
        Mount("/static", app=StaticFiles(directory=static), name="static"),
    ]

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if workbench is None:  # we opened it, we close it (removes the sidecar index)
            wb.close()

    app = Starlette(
        routes=routes,
        exception_handlers={BadQuery: _bad_query, HTTPException: _http_error},
        lifespan=lifespan,
    )
    app.state.workbench = wb
    app.state.cache = ResponseCache(cache)
    app.state.env = make_env()
    app.add_middleware(SecurityHeaders)
    return app
