"""Cross-article entity resolution within a story.

Rules (a human coder's): two names are one entity when their spelling keys match
(diacritics, -s-/-z-, doubled letters: "Mobilisation"="Mobilization", "Qassem"="Qasem"),
when one is an acronym an article of the story defines for the other ("Popular Front
Committee (PFC)"), when a one-word name is the last word of exactly one longer person
name in the story ("Doe" -> "Jane Q. Doe"), when a multi-word name's words are a subset of
exactly one longer name, or when two multi-word names share most of their words with
near-identical spellings. Different country codes or person-vs-organisation never join.
In-document coreference ("the general" = "Jane Q. Doe") comes from resolve's Entity
mentions and is kept.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ..model import Article, Entity, EventMention, Quote, StoryEntity
from .text import name_key, name_tokens

_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)(?:(?:of|for|and|the|de|al|[A-Z][\w'’.-]*)\s+){0,7}"
    r"[A-Z][\w'’.-]*)\s+\(([A-Z][A-Za-z]{1,7})\)"
)
_PERSONISH = ("PERSON", "")
_ORGISH = ("ORG", "GPE", "NORP", "LOC", "FAC")
_FUZZY_TOKEN = 0.85
_FUZZY_SET = 0.8


@dataclass
class _Record:
    article_id: str
    member: str
    aliases: Counter[str] = field(default_factory=Counter)  # surface -> count
    code: str | None = None
    kind: str = ""

    @property
    def keys(self) -> set[str]:
        return {k for k in (name_key(a) for a in self.aliases) if k}

    @property
    def best(self) -> str:
        return max(self.aliases, key=lambda a: (len(name_tokens(a)), self.aliases[a], a))


def acronym_definitions(text: str) -> dict[str, str]:
    """Acronyms an article defines, acronym key -> long name ("Popular Front Committee")."""
    out: dict[str, str] = {}
    for m in _ACRONYM_DEF.finditer(text):
        long_name, acro = m.group(1), m.group(2)
        words = long_name.split()
        # trim leading words until the initials of the capitalised words spell the acronym
        for start in range(len(words)):
            caps = [w for w in words[start:] if w[:1].isupper()]
            if "".join(w[0] for w in caps).upper() == acro.upper():
                out[name_key(acro)] = " ".join(words[start:])
                break
    return out


def _drop_initials(tokens: tuple[str, ...]) -> tuple[str, ...]:
    """Middle initials do not tell names apart ("Jane Q. Doe" = "Jane Doe")."""
    kept = tuple(t for t in tokens if len(t) > 1)
    return kept if kept else tokens


def _kinds_clash(a: str, b: str) -> bool:
    return bool(a and b and (a == "PERSON") != (b == "PERSON"))


def _tokens_close(a: str, b: str) -> bool:
    return a == b or (
        min(len(a), len(b)) >= 4 and SequenceMatcher(None, a, b).ratio() >= _FUZZY_TOKEN
    )


def _fuzzy_set(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    matched = sum(1 for x in a if any(_tokens_close(x, y) for y in b))
    return matched / max(len(a), len(b))


def _collect(
    article_ids: Sequence[str],
    mentions_by_article: Mapping[str, Sequence[EventMention]],
    quotes_by_article: Mapping[str, Sequence[Quote]],
    entities: Mapping[str, Sequence[Entity]],
    texts: Mapping[str, str],
) -> list[_Record]:
    records: dict[tuple[str, str], _Record] = {}

    def record(article_id: str, member: str) -> _Record:
        key = (article_id, member)
        if key not in records:
            records[key] = _Record(article_id, member)
        return records[key]

    for aid in article_ids:
        text = texts.get(aid, "")
        known = {e.key for e in entities.get(aid, ())}
        for ent in entities.get(aid, ()):
            r = record(aid, f"{aid}:{ent.key}")
            r.aliases[ent.name] += 1
            r.code = r.code or ent.code
            r.kind = r.kind or ent.kind
            for sp in ent.mentions:
                surface = sp.of(text).strip() if text else ""
                if surface and surface[:1].isupper():  # names, not "he"/"the general"
                    r.aliases[surface] += 1
        actors = [a for m in mentions_by_article.get(aid, ()) for a in (*m.actor, *m.recipient)]
        actors += [q.speaker for q in quotes_by_article.get(aid, ()) if q.speaker is not None]
        for actor in actors:
            if not name_key(actor.name):
                continue
            if actor.entity and actor.entity in known:
                r = record(aid, f"{aid}:{actor.entity}")
            else:
                r = record(aid, f"{aid}:name:{name_key(actor.name)}")
            r.aliases[actor.name] += 1
            r.code = r.code or actor.code
        for m in mentions_by_article.get(aid, ()):
            if m.location is not None and name_key(m.location.name):
                r = record(aid, f"{aid}:place:{name_key(m.location.name)}")
                r.aliases[m.location.name] += 1
                r.code = r.code or m.location.country
                r.kind = r.kind or "LOC"
    return list(records.values())


def resolve_story_entities(
    story_id: str,
    article_ids: Sequence[str],
    mentions_by_article: Mapping[str, Sequence[EventMention]],
    quotes_by_article: Mapping[str, Sequence[Quote]],
    entities: Mapping[str, Sequence[Entity]],
    articles: Mapping[str, Article],
) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
    """Entities of one story and a lookup ``(article_id, name_key) -> StoryEntity.key``."""
    texts = {aid: articles[aid].text for aid in article_ids if aid in articles}
    records = _collect(article_ids, mentions_by_article, quotes_by_article, entities, texts)
    acronyms: dict[str, str] = {}
    for aid in article_ids:
        for acro, long_name in acronym_definitions(texts.get(aid, "")).items():
            acronyms.setdefault(acro, name_key(long_name))

    parent = list(range(len(records)))
    why: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int, reason: str) -> None:
        ri, rj = find(i), find(j)
        if ri != rj:
            parent[max(ri, rj)] = min(ri, rj)
            why.setdefault(max(i, j), reason)

    keys = [r.keys for r in records]
    toks = [{_drop_initials(name_tokens(a)) for a in r.aliases} for r in records]

    def compatible(i: int, j: int) -> bool:
        a, b = records[i], records[j]
        if a.code and b.code and a.code != b.code:
            return False
        return not _kinds_clash(a.kind, b.kind)

    # 1. same spelling key / acronym defined in the story (index by key: linear)
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, ks in enumerate(keys):
        for k in ks:
            by_key[k].append(i)
            if k in acronyms:
                by_key[acronyms[k]].append(i)
    for k, idxs in by_key.items():
        for j in idxs[1:]:
            if compatible(idxs[0], j):
                rule = "acronym defined in the story" if k in acronyms.values() else "same name"
                union(idxs[0], j, f"{rule} ({k})")

    # 2. near-identical multi-word spellings; 3. names that are part of exactly one longer
    # name (multi-word first, so "Jane Doe" and "Commander Jane Doe" are one before "Doe")
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            if find(i) == find(j) or not compatible(i, j):
                continue
            for ti in toks[i]:
                if any(
                    (min(len(ti), len(tj)) >= 2 and _fuzzy_set(ti, tj) >= _FUZZY_SET)
                    or (len(ti) == len(tj) == 1 and len(ti[0]) >= 6 and _tokens_close(ti[0], tj[0]))
                    for tj in toks[j]
                ):
                    union(i, j, f"spelling variant ({' '.join(ti)})")
                    break
    for single in (False, True):
        for i in range(len(records)):
            for ti in toks[i]:
                if not ti or (len(ti) == 1) != single:
                    continue
                supersets = set()
                for j in range(len(records)):
                    if j == i or not compatible(i, j):
                        continue
                    for tj in toks[j]:
                        if len(tj) <= len(ti):
                            continue
                        if single:  # a surname alone: the last word of a person's name
                            ok = ti[0] == tj[-1] and records[j].kind in _PERSONISH
                        else:
                            ok = set(ti) <= set(tj)
                        if ok:
                            supersets.add(find(j))
                if len(supersets) == 1 and find(i) not in supersets:
                    union(i, next(iter(supersets)), f"part of the longer name ({' '.join(ti)})")

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(records)):
        clusters[find(i)].append(i)
    out: list[StoryEntity] = []
    lookup: dict[tuple[str, str], str] = {}
    for idxs in clusters.values():
        aliases: Counter[str] = Counter()
        codes: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for i in idxs:
            aliases.update(records[i].aliases)
            code = records[i].code
            if code:
                codes[code] += 1
            if records[i].kind:
                kinds[records[i].kind] += 1
        name = max(aliases, key=lambda a: (len(name_tokens(a)), aliases[a], a))
        key = f"{story_id}/" + hashlib.sha1(name_key(name).encode()).hexdigest()[:10]
        for i in idxs:
            for k in records[i].keys:
                lookup[(records[i].article_id, k)] = key
        out.append(
            StoryEntity(
                key=key,
                name=name,
                code=codes.most_common(1)[0][0] if codes else None,
                kind=kinds.most_common(1)[0][0] if kinds else "",
                aliases=tuple(sorted(aliases)),
                article_ids=tuple(sorted({records[i].article_id for i in idxs})),
                members=tuple(sorted(records[i].member for i in idxs)),
                why=tuple(
                    f"{records[i].best!r} ({records[i].article_id}): {why[i]}"
                    for i in sorted(idxs)
                    if i in why
                ),
            )
        )
    out.sort(key=lambda e: (-sum(1 for _ in e.aliases), e.name))
    return out, lookup
