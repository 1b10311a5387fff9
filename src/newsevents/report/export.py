"""Export formats: ``plover-jsonl`` (the public contract), ``gdelt`` (+ mentions) and ``csv``.

The plover-jsonl record layout is documented in the README and pinned by a golden-file test;
change it only together with both.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..model import Actor, Article, Event, EventMention

FORMATS = ("plover-jsonl", "gdelt", "csv")


def _mention_actor_texts(
    event: Event, mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> dict[tuple[str, str | None], str]:
    """(name, code) -> the words an article used for that actor (first source that has it)."""
    texts: dict[tuple[str, str | None], str] = {}
    for mid in event.mention_ids:
        m = mentions.get(mid)
        art = articles.get(m.article_id) if m else None
        if m is None or art is None:
            continue
        for a in (*m.actor, *m.recipient):
            texts.setdefault((a.name, a.code), a.span.of(art.text))
    return texts


def _actor_record(a: Actor, texts: Mapping[tuple[str, str | None], str]) -> dict[str, Any]:
    return {
        "name": a.name,
        "text": texts.get((a.name, a.code), a.name),
        "code": a.code,
        "sector": a.sector,
    }


def _sources(
    event: Event, mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> list[dict[str, Any]]:
    out = []
    for mid in event.mention_ids:
        m = mentions.get(mid)
        art = articles.get(m.article_id) if m else None
        if m is None or art is None:
            continue
        out.append(
            {
                "article_id": art.id,
                "mention_id": m.id,
                "outlet": art.outlet,
                "title": art.title,
                "url": art.url,
                "published": art.published,
                "sentence": m.sentence.of(art.text),
                "start": m.sentence.start,
                "end": m.sentence.end,
                "trigger": m.trigger.of(art.text),
                "factuality": m.factuality,
                "rule": m.rule,
            }
        )
    return out


def plover_record(
    event: Event, mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> dict[str, Any]:
    """One merged event as a plover-jsonl record (see README, "Export contract")."""
    texts = _mention_actor_texts(event, mentions, articles)
    loc = event.location
    return {
        "id": event.id,
        "date": event.date,
        "date_end": event.date_end,
        "date_precision": event.date_precision,
        "event": event.event,
        "mode": event.mode,
        "context": list(event.context),
        "cameo": event.cameo,
        "intensity": event.intensity,
        "factuality": event.factuality,
        "actor": [_actor_record(a, texts) for a in event.actor],
        "recipient": [_actor_record(a, texts) for a in event.recipient],
        "location": (
            {
                "name": loc.name,
                "country": loc.country,
                "lat": loc.lat,
                "lon": loc.lon,
                "precision": loc.precision,
            }
            if loc
            else None
        ),
        "quantities": [
            {"kind": q.kind, "value": q.value, "approximate": q.approximate}
            for q in event.quantities
        ],
        "figures": [
            {
                "kind": r.kind,
                "low": r.low,
                "best": r.best,
                "high": r.high,
                "values": [
                    {
                        "value": f.value,
                        "approximate": f.approximate,
                        "outlet": f.outlet,
                        "article_id": f.article_id,
                        "mention_id": f.mention_id,
                        "reported": f.reported,
                        "superseded": f.superseded,
                        "start": f.sentence.start,
                        "end": f.sentence.end,
                    }
                    for f in r.figures
                ],
            }
            for r in event.figures
        ],
        "story": event.story_id,
        "sources": _sources(event, mentions, articles),
        "discrepancies": [
            {
                "field": d.field,
                "values": [
                    {
                        "value": v.value,
                        "outlet": v.outlet,
                        "article_id": v.article_id,
                        "mention_id": v.mention_id,
                        "start": v.sentence.start,
                        "end": v.sentence.end,
                    }
                    for v in d.values
                ],
            }
            for d in event.discrepancies
        ],
        "framing": [{"outlet": outlet, "words": list(words)} for outlet, words in event.framing],
    }


def to_plover_jsonl(
    events: Iterable[Event], mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> str:
    lines = [
        json.dumps(plover_record(e, mentions, articles), ensure_ascii=False, sort_keys=False)
        for e in events
    ]
    return "".join(line + "\n" for line in lines)


# --- GDELT 2.0 -------------------------------------------------------------------------

_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
_ACTOR = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
    "Religion2Code", "Type1Code", "Type2Code", "Type3Code",
)  # fmt: skip
GDELT_EVENT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{c}" for c in _ACTOR)
    + tuple(f"Actor2{c}" for c in _ACTOR)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass")
    + ("GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{c}" for c in _GEO)
    + tuple(f"Actor2Geo_{c}" for c in _GEO)
    + tuple(f"ActionGeo_{c}" for c in _GEO)
    + ("DATEADDED", "SOURCEURL")
    + ("Factuality", "DatePrecision")  # ours, after GDELT's 61 columns
)
GDELT_MENTION_COLUMNS: tuple[str, ...] = (
    "GlobalEventID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName",
    "MentionIdentifier", "SentenceID", "Actor1CharOffset", "Actor2CharOffset",
    "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
    "MentionDocTranslationInfo", "Extras",
)  # fmt: skip


def gdelt_id(event_id: str) -> int:
    """GDELT wants an integer id: a stable 60-bit hash of our event id."""
    return int(hashlib.sha256(event_id.encode()).hexdigest()[:15], 16)


def _quad_class(cameo: str) -> int:
    root = int(cameo[:2]) if cameo[:2].isdigit() else 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13:
        return 3
    return 4


def _day(date: str | None) -> str:
    """YYYYMMDD; partial dates are padded with 01 as GDELT does for month/year precision."""
    if not date:
        return ""
    parts = date.split("-") + ["01", "01"]
    return "".join(parts[:3])


def _actor_cols(actors: Sequence[Actor]) -> list[str]:
    if not actors:
        return [""] * len(_ACTOR)
    a = actors[0]
    country = a.code if a.code and len(a.code) == 3 and a.code.isalpha() else ""
    code = (a.code or "") + (a.sector or "")
    known = a.code if a.code in ("IGO", "UNO", "EUR", "NGO", "MNC") else ""
    return [code, a.name.upper(), country, known, "", "", "", a.sector or "", "", ""]


def _geo_cols(event: Event) -> list[str]:
    loc = event.location
    if loc is None:
        return [""] * len(_GEO)
    geo_type = {"country": "1", "region": "2", "province": "5", "city": "4"}.get(loc.precision, "")
    return [
        geo_type,
        loc.name,
        loc.country or "",
        "",
        "",
        "" if loc.lat is None else f"{loc.lat:.4f}",
        "" if loc.lon is None else f"{loc.lon:.4f}",
        "" if loc.geonameid is None else str(loc.geonameid),
    ]


def to_gdelt(
    events: Iterable[Event],
    mentions: Mapping[str, EventMention],
    articles: Mapping[str, Article],
    header: bool = False,
) -> tuple[str, str]:
    """GDELT 2.0 event rows (one per merged event, plus our Factuality and DatePrecision
    columns) and mention rows, tab-separated. GDELT files have no header line; ``header``
    adds one to each. Actor geography is left empty: the event's place is where the act
    happened (ActionGeo), not where its actors are from."""
    ev_buf, mn_buf = io.StringIO(), io.StringIO()
    ev_w = _SafeWriter(ev_buf, delimiter="\t", lineterminator="\n")
    mn_w = _SafeWriter(mn_buf, delimiter="\t", lineterminator="\n")
    if header:
        ev_w.writerow(GDELT_EVENT_COLUMNS)
        mn_w.writerow(GDELT_MENTION_COLUMNS)
    for e in events:
        gid = gdelt_id(e.id)
        day = _day(e.date)
        srcs = [mentions[m] for m in e.mention_ids if m in mentions]
        arts = [articles[m.article_id] for m in srcs if m.article_id in articles]
        outlets = {a.outlet or a.source for a in arts}
        first_url = next((a.url for a in arts if a.url), arts[0].source if arts else "")
        fraction = ""
        if day:
            y, mo, d = int(day[:4]), int(day[4:6]), int(day[6:8])
            fraction = f"{y + ((mo - 1) * 30 + d) / 365:.4f}"
        ev_w.writerow(
            [gid, day, day[:6], day[:4], fraction]
            + _actor_cols(e.actor)
            + _actor_cols(e.recipient)
            + [1, e.cameo, e.cameo[:3], e.cameo[:2], _quad_class(e.cameo), e.intensity]
            + [len(srcs), len(outlets), len({a.id for a in arts}), ""]
            + [""] * (2 * len(_GEO))  # Actor1Geo, Actor2Geo: unknown
            + _geo_cols(e)
            + [
                (max((a.published or "" for a in arts), default="") or "").replace("-", ""),
                first_url,
                e.factuality,
                e.date_precision or "",
            ]
        )
        for m in srcs:
            art = articles.get(m.article_id)
            if art is None:
                continue
            sent_no = sum(1 for _ in art.text[: m.sentence.start].split("\n\n"))
            mn_w.writerow(
                [
                    gid,
                    day,
                    (art.published or "").replace("-", ""),
                    1,
                    art.outlet or "",
                    art.url or art.source,
                    sent_no,
                    m.actor[0].span.start if m.actor else -1,
                    m.recipient[0].span.start if m.recipient else -1,
                    m.trigger.start,
                    1,
                    {"asserted": 100, "reported": 80}.get(m.factuality, 20),
                    len(art.text),
                    "",
                    "",
                    json.dumps({"factuality": m.factuality, "mention_id": m.id}),
                ]
            )
    return ev_buf.getvalue(), mn_buf.getvalue()


# --- CSV -------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> object:
    """A CSV/TSV cell a spreadsheet will not run: text starting with = + - @, a tab or a
    carriage return gets a leading apostrophe (OWASP's advice on CSV injection); numbers,
    including negative ones, are left as they are."""
    if not isinstance(value, str) or not value.startswith(_FORMULA_START):
        return value
    try:
        float(value)
    except ValueError:
        return "'" + value
    return value


class _SafeWriter:
    """``csv.writer`` whose rows pass through :func:`safe_cell`."""

    def __init__(self, buf: io.StringIO, **kwargs: Any) -> None:
        self._w = csv.writer(buf, **kwargs)

    def writerow(self, row: Iterable[object]) -> None:
        self._w.writerow([safe_cell(v) for v in row])


CSV_COLUMNS: tuple[str, ...] = (
    "id", "date", "date_end", "date_precision", "event", "mode", "cameo", "intensity",
    "factuality", "actor_codes", "actor_names", "recipient_codes", "recipient_names",
    "place", "country", "lat", "lon", "quantities", "outlets", "n_sources", "discrepancies",
    "story",
)  # fmt: skip


def to_csv(
    events: Iterable[Event], mentions: Mapping[str, EventMention], articles: Mapping[str, Article]
) -> str:
    buf = io.StringIO()
    w = _SafeWriter(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for e in events:
        arts = [articles[mentions[m].article_id] for m in e.mention_ids if m in mentions]
        outlets = sorted({a.outlet or a.source for a in arts if a})
        loc = e.location
        w.writerow(
            [
                e.id, e.date or "", e.date_end or "", e.date_precision or "", e.event,
                e.mode or "", e.cameo, e.intensity, e.factuality,
                ";".join(a.code or "" for a in e.actor), ";".join(a.name for a in e.actor),
                ";".join(a.code or "" for a in e.recipient),
                ";".join(a.name for a in e.recipient),
                loc.name if loc else "", loc.country if loc else "",
                "" if not loc or loc.lat is None else loc.lat,
                "" if not loc or loc.lon is None else loc.lon,
                ";".join(
                    f"{q.kind}={'~' if q.approximate else ''}{q.value}" for q in e.quantities
                ),
                ";".join(outlets), len(e.mention_ids),
                ";".join(d.field for d in e.discrepancies), e.story_id or "",
            ]
        )  # fmt: skip
    return buf.getvalue()
