"""The OpenAPI 3.1 document of the JSON API, built from the same filter table the server parses."""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import __version__
from ..model import EVENT_TYPES, FACTUALITY
from ..query import FILTERS, SORTS
from ..workbench import INTERVALS, MAX_LIMIT


def _param(name: str, description: str, schema: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema or {"type": "string"},
    }


def _filter_params() -> list[dict[str, Any]]:
    out = []
    for name, description in FILTERS.items():
        schema: dict[str, Any] = {"type": "string", "maxLength": 200}
        if name in ("date_from", "date_to"):
            schema["pattern"] = r"^\d{4}(-\d{2}(-\d{2})?)?$"
        if name == "min_sources":
            schema = {"type": "integer", "minimum": 1, "maximum": 1000}
        if name == "type":
            description += f" (one of {', '.join(EVENT_TYPES)})"
        if name == "factuality":
            description += f" (one of {', '.join(FACTUALITY)})"
        out.append(_param(name, description, schema))
    return out


def _limit(default: int, maximum: int) -> dict[str, Any]:
    return _param(
        "limit",
        f"at most this many items (1 to {maximum})",
        {"type": "integer", "minimum": 1, "maximum": maximum, "default": default},
    )


def _offset() -> dict[str, Any]:
    return _param("offset", "skip this many items", {"type": "integer", "minimum": 0})


_ERROR = {"$ref": "#/components/responses/Error"}


def _op(summary: str, params: list[dict[str, Any]], schema: str, *, by_id: bool = False) -> dict:
    responses: dict[str, Any] = {
        "200": {
            "description": "OK",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
        },
        "400": _ERROR,
    }
    if by_id:
        responses["404"] = _ERROR
    return {"get": {"summary": summary, "parameters": params, "responses": responses}}


@cache
def openapi_schema() -> dict[str, Any]:
    filters = _filter_params()
    obj = {"type": "object"}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newsevents workbench API",
            "version": __version__,
            "description": "Read-only access to one events database. Event records have the "
            "plover-jsonl layout (README, 'Export contract').",
        },
        "paths": {
            "/api/events": _op(
                "Merged events matching the filters, one page at a time (cursor pagination)",
                [
                    *filters,
                    _limit(100, MAX_LIMIT),
                    _param("cursor", "next_cursor of the previous page"),
                    _param(
                        "sort",
                        f"{', '.join(SORTS)}; prefix - to reverse",
                        {"type": "string", "enum": [*SORTS, *(f"-{s}" for s in SORTS)]},
                    ),
                ],
                "EventPage",
            ),
            "/api/events/{event_id}": {
                "get": {
                    **_op("One event as a plover-jsonl record", [], "Event", by_id=True)["get"],
                    "parameters": [
                        {
                            "name": "event_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                }
            },
            "/api/articles": _op(
                "Articles by date (a page of them) and skipped inputs with their reasons",
                [_limit(100, MAX_LIMIT), _offset()],
                "Articles",
            ),
            "/api/articles/{article_id}": {
                "get": {
                    **_op(
                        "One article: clean text and its event mentions", [], "Article", by_id=True
                    )["get"],
                    "parameters": [
                        {
                            "name": "article_id",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                }
            },
            "/api/stories": _op(
                "Stories: articles grouped by shared actors, time and text",
                [_limit(100, MAX_LIMIT), _offset()],
                "Stories",
            ),
            "/api/actors": _op(
                "Actors and recipients by number of matching events",
                [*filters, _limit(50, MAX_LIMIT)],
                "Actors",
            ),
            "/api/outlets": _op(
                "Outlets by number of matching events", [*filters, _limit(50, MAX_LIMIT)], "Outlets"
            ),
            "/api/dyads": _op(
                "Directed (first actor, first recipient) pairs: events, mean Goldstein",
                [*filters, _limit(200, MAX_LIMIT)],
                "Dyads",
            ),
            "/api/places": _op(
                "Located events grouped by place", [*filters, _limit(1000, 5000)], "Places"
            ),
            "/api/timeseries": _op(
                "Events and mean Goldstein per time bucket (an event falls on the first day of "
                "its date)",
                [
                    *filters,
                    _param(
                        "by",
                        "group series by",
                        {
                            "type": "string",
                            "enum": ["type", "factuality", "none"],
                            "default": "type",
                        },
                    ),
                    _param(
                        "interval",
                        "bucket size",
                        {"type": "string", "enum": list(INTERVALS), "default": "week"},
                    ),
                ],
                "Timeseries",
            ),
        },
        "components": {
            "responses": {
                "Error": {
                    "description": "bad parameter (400) or unknown id (404)",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["error", "status"],
                                "properties": {
                                    "error": {"type": "string"},
                                    "status": {"type": "integer"},
                                },
                            }
                        }
                    },
                }
            },
            "schemas": {
                "Event": {
                    "type": "object",
                    "description": "plover-jsonl record (README, 'Export contract')",
                    "required": [
                        "id",
                        "date",
                        "event",
                        "cameo",
                        "intensity",
                        "factuality",
                        "actor",
                        "recipient",
                        "sources",
                    ],
                },
                "EventPage": {
                    "type": "object",
                    "properties": {
                        "total": {"type": "integer"},
                        "limit": {"type": "integer"},
                        "next_cursor": {"type": ["string", "null"]},
                        "next": {"type": ["string", "null"]},
                        "events": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Event"},
                        },
                    },
                },
                "Article": obj,
                "Articles": obj,
                "Stories": obj,
                "Actors": obj,
                "Outlets": obj,
                "Dyads": obj,
                "Places": obj,
                "Timeseries": obj,
            },
        },
    }
