"""Cross-article entity resolution within a story.

Rules (a human coder's): two names are one entity when their spelling keys match
(diacritics, -s-/-z-, doubled letters: "Mobilisation"="Mobilization", "Qassem"="Qasem"),
when one is an acronym an article of the story defines for the other ("Popular Front
Committee (PFC)"), when two person names agree (same family name, given names that do not
conflict: see :mod:`.names`), when a family name alone belongs to exactly one person of the
story ("Doe" -> "Jane Q. Doe"), when a multi-word name's words are a subset of exactly one
longer name, or when two multi-word names share most of their words with near-identical
spellings. Different country codes (a name's own country word first), person vs
organisation, and two persons whose names conflict never join.
Pronouns and generic nouns ("him", "the convoy") never join across articles and are never
aliases of a named entity; wire datelines and outlet names are not entities.
In-document coreference ("the general" = "Jane Q. Doe") comes from resolve's Entity
mentions and is kept for lookups, but an in-document entity's names that conflict with its
main name (another person, an organisation) are split off before the story is resolved.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..model import Article, Entity, EventMention, Quote, StoryEntity
from .knowledge import MergeKnowledge, load_knowledge
from .names import (
    alias_class,
    has_org_word,
    is_proper,
    name_code,
    person_core,
    person_tokens,
    persons_match,
    plain_alias_class,
    tokens_close,
)
from .text import name_key, name_tokens

_ACRONYM_DEF = re.compile(
    r"((?:[A-Z][\w'’.-]*\s+)(?:(?:of|for|and|the|de|al|[A-Z][\w'’.-]*)\s+){0,7}"
    r"[A-Z][\w'’.-]*)\s+\(([A-Z][A-Za-z]{1,7})\)"
)
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]+")
_FUZZY_SET = 0.8
_POSSESSIVE = re.compile(r"\w['’]s\b")


@dataclass
class _Record:
    article_id: str
    member: str
    aliases: Counter[str] = field(default_factory=Counter)  # named surfaces -> count
    local: Counter[str] = field(default_factory=Counter)  # pronouns/generic: lookups only
    codes: Counter[str] = field(default_factory=Counter)  # codes the mentions give
    kind: str = ""
    generic: bool = False  # no named alias: joins only the same generic words

    def keys(self) -> set[str]:
        return {k for k in (name_key(a) for a in self.aliases) if k}

    def all_keys(self) -> set[str]:
        return self.keys() | {k for k in (name_key(a) for a in self.local) if k}

    @property
    def best(self) -> str:
        pool = self.aliases or self.local
        return max(pool, key=lambda a: (len(name_tokens(a)), pool[a], a))


@dataclass
class _Facts:
    """What a record (or a cluster of records) says about identity."""

    persons: list[tuple[str, ...]] = field(default_factory=list)
    name_codes: set[str] = field(default_factory=set)
    codes: set[str] = field(default_factory=set)  # effective: name code else mention code
    person_kind: bool = False
    other_kind: bool = False  # ORG/GPE/LOC/... or an organisation word
    generic: bool = False

    def absorb(self, o: _Facts) -> None:
        self.persons += o.persons
        self.name_codes |= o.name_codes
        self.codes |= o.codes
        self.person_kind |= o.person_kind
        self.other_kind |= o.other_kind


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


def _fuzzy_set(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    matched = sum(1 for x in a if any(tokens_close(x, y) for y in b))
    return matched / max(len(a), len(b))


def _agree(anchor: str, alias: str, kb: MergeKnowledge) -> bool:
    """May an in-document entity named ``anchor`` also be called ``alias``?"""
    if name_key(anchor) == name_key(alias):
        return True
    pa, pb = person_core(anchor, kb), person_core(alias, kb)
    if pa and pb:
        return persons_match(person_tokens(pa, kb), person_tokens(pb, kb))
    if pa:  # a person is not "Doe's convoy" nor "the Popular Front"
        return False
    return not (pb and has_org_word(anchor, kb))


class _Collector:
    def __init__(
        self, kb: MergeKnowledge, texts: Mapping[str, str], outlets: Sequence[str]
    ) -> None:
        self.kb = kb
        self.texts = texts
        self.outlet_keys = {name_key(o) for o in outlets if o}
        self.lower_words: set[str] = set()
        for t in texts.values():
            self.lower_words.update(_LOWER_WORD.findall(t))
        self.records: dict[tuple[str, str], _Record] = {}
        self._cls: dict[str, str] = {}

    def cls(self, surface: str) -> str:
        c = self._cls.get(surface)
        if c is None:
            c = self._cls[surface] = alias_class(surface, self.lower_words, self.outlet_keys)
        return c

    def record(self, aid: str, member: str) -> _Record:
        key = (aid, member)
        if key not in self.records:
            self.records[key] = _Record(aid, member)
        return self.records[key]

    def name_record(self, aid: str, surface: str, code: str | None, kind: str = "") -> None:
        """A name with no (or a split-off) in-document entity."""
        c = self.cls(surface)
        if c == "drop" or not name_key(surface):
            return
        r = self.record(aid, f"{aid}:name:{name_key(surface)}")
        (r.aliases if c == "named" else r.local)[surface] += 1
        if code:
            r.codes[code] += 1
        r.kind = r.kind or kind

    def entity(self, aid: str, ent: Entity, extra: Sequence[tuple[str, str | None]]) -> None:
        text = self.texts.get(aid, "")
        surfaces: list[tuple[str, str | None]] = [(ent.name, ent.code)]
        surfaces += [(sp.of(text).strip(), None) for sp in ent.mentions if text]
        surfaces += extra
        named = [s for s, _ in surfaces if s and self.cls(s) == "named"]
        anchor = ent.name if ent.name in named else ""
        if not anchor and named:
            anchor = Counter(named).most_common(1)[0][0]
        r = self.record(aid, f"{aid}:{ent.key}")
        r.kind = r.kind or ent.kind
        for s, code in surfaces:
            c = self.cls(s) if s else "drop"
            if c == "drop" or not name_key(s):
                continue
            if c != "named":
                r.local[s] += 1
            elif anchor and not _agree(anchor, s, self.kb):
                self.name_record(aid, s, None)  # another person/body the coder tied in
            else:
                r.aliases[s] += 1
                if code:
                    r.codes[code] += 1
        if ent.code and anchor:
            r.codes[ent.code] += 1


def _collect(
    kb: MergeKnowledge,
    article_ids: Sequence[str],
    mentions_by_article: Mapping[str, Sequence[EventMention]],
    quotes_by_article: Mapping[str, Sequence[Quote]],
    entities: Mapping[str, Sequence[Entity]],
    articles: Mapping[str, Article],
) -> list[_Record]:
    texts = {aid: articles[aid].text for aid in article_ids if aid in articles}
    outlets = sorted({articles[a].outlet or "" for a in article_ids if a in articles})
    col = _Collector(kb, texts, outlets)
    for aid in article_ids:
        ents = {e.key: e for e in entities.get(aid, ())}
        actors = [a for m in mentions_by_article.get(aid, ()) for a in (*m.actor, *m.recipient)]
        actors += [q.speaker for q in quotes_by_article.get(aid, ()) if q.speaker is not None]
        tied: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for actor in actors:
            if actor.entity and actor.entity in ents:
                tied[actor.entity].append((actor.name, actor.code))
            else:
                col.name_record(aid, actor.name, actor.code)
        for key, ent in ents.items():
            col.entity(aid, ent, tied.get(key, ()))
        for m in mentions_by_article.get(aid, ()):
            if m.location is not None and name_key(m.location.name):
                r = col.record(aid, f"{aid}:place:{name_key(m.location.name)}")
                r.aliases[m.location.name] += 1
                if m.location.country:
                    r.codes[m.location.country] += 1
                r.kind = r.kind or "LOC"
    out = [r for r in col.records.values() if r.aliases or r.local]
    # a name the gazetteer (or the NER elsewhere) takes for a place is a place, even where
    # the NER called it a person
    places = {
        k
        for r in out
        if ":place:" in r.member or r.kind in ("LOC", "GPE", "FAC")
        for k in r.keys()  # noqa: SIM118
    }
    for r in out:
        if r.kind in ("PERSON", "") and r.keys() & places:
            r.kind = "LOC"
    return out


def _facts(r: _Record, kb: MergeKnowledge) -> _Facts:
    f = _Facts(generic=not r.aliases)
    for a in r.aliases:
        core = person_core(a, kb)
        # one capitalised word is a person only if the NER says so ("Doe" vs "Kirkuk")
        if core and (r.kind == "PERSON" or (not r.kind and len(name_tokens(core)) > 1)):
            f.persons.append(person_tokens(core, kb))
        elif has_org_word(a, kb):
            f.other_kind = True
        code = name_code(a)
        if code:
            f.name_codes.add(code)
    if r.kind:
        f.person_kind = r.kind == "PERSON"
        f.other_kind |= r.kind != "PERSON"
    if f.name_codes:
        f.codes = set(f.name_codes)
    elif r.codes:
        f.codes = {r.codes.most_common(1)[0][0]}
    return f


def _compatible(a: _Facts, b: _Facts) -> bool:
    if a.generic != b.generic:
        return False
    if (a.person_kind and b.other_kind and not b.person_kind) or (
        b.person_kind and a.other_kind and not a.person_kind
    ):
        return False
    if (a.persons and b.other_kind and not b.persons) or (
        b.persons and a.other_kind and not a.persons
    ):
        return False
    if a.name_codes and b.name_codes and not (a.name_codes & b.name_codes):
        return False
    if a.persons and b.persons:
        # the coder's context code of a person is a guess; the names decide
        return all(persons_match(x, y) for x in a.persons for y in b.persons)
    return not (a.codes and b.codes and not (a.codes & b.codes))


def resolve_story_entities(
    story_id: str,
    article_ids: Sequence[str],
    mentions_by_article: Mapping[str, Sequence[EventMention]],
    quotes_by_article: Mapping[str, Sequence[Quote]],
    entities: Mapping[str, Sequence[Entity]],
    articles: Mapping[str, Article],
) -> tuple[list[StoryEntity], dict[tuple[str, str], str]]:
    """Entities of one story and a lookup ``(article_id, name_key) -> StoryEntity.key``."""
    kb = load_knowledge()
    records = _collect(kb, article_ids, mentions_by_article, quotes_by_article, entities, articles)
    acronyms: dict[str, str] = {}
    for aid in article_ids:
        text = articles[aid].text if aid in articles else ""
        for acro, long_name in acronym_definitions(text).items():
            acronyms.setdefault(acro, name_key(long_name))

    n = len(records)
    parent = list(range(n))
    facts = [_facts(r, kb) for r in records]
    cluster = {i: _Facts(**vars(facts[i])) for i in range(n)}  # per root (copies)
    why: dict[int, str] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def try_union(i: int, j: int, reason: str) -> bool:
        ri, rj = find(i), find(j)
        if ri == rj:
            return False
        if not _compatible(cluster[ri], cluster[rj]):
            return False
        lo, hi = min(ri, rj), max(ri, rj)
        parent[hi] = lo
        cluster[lo].absorb(cluster.pop(hi))
        why.setdefault(max(i, j), reason)
        return True

    keys = [r.keys() for r in records]
    toks = [{_drop_initials(name_tokens(a)) for a in r.aliases} for r in records]

    # 1. same spelling key / acronym defined in the story (index by key: linear); generic
    # words join only the same generic words, pronouns nothing
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(records):
        if r.aliases:
            for k in sorted(keys[i]):  # sorted: the same reason text on every run
                by_key[k].append(i)
                if k in acronyms:
                    by_key[acronyms[k]].append(i)
        else:
            for a in r.local:
                if plain_alias_class(a) != "pronoun" and name_key(a):
                    by_key["\0" + name_key(a)].append(i)
    acro_longs = set(acronyms.values())
    for k, idxs in by_key.items():
        rule = "acronym defined in the story" if k in acro_longs else "same name"
        for j in idxs[1:]:
            try_union(idxs[0], j, f"{rule} ({k.lstrip(chr(0))})")

    # Steps 2-3 compare clusters (after step 1 most records of a name are one cluster).
    # Blocking: two names can pass the spelling rules only if some word of one equals a
    # word of the other or both share a one-letter deletion (a word at least 0.85 similar
    # to another of 6+ letters is one insertion/substitution away), so candidate pairs
    # come from an index of those keys, not from all pairs.
    roots = sorted({find(i) for i in range(n)})
    rtoks: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    for i in range(n):
        rtoks[find(i)] |= toks[i]
    block: dict[str, set[int]] = defaultdict(set)
    for root in roots:
        for t in rtoks[root]:
            for w in t:
                block[w].add(root)
                if len(w) >= 6:
                    for d in range(len(w)):
                        block["\1" + w[:d] + w[d + 1 :]].add(root)
    for w in [w for w in block if not w.startswith("\1")]:
        block["\1" + w] |= block[w]  # a shorter word equal to a deletion of a longer one
    pairs: set[tuple[int, int]] = set()
    for key, members in block.items():
        if len(members) > 1 and key.startswith("\1"):
            pairs.update(combinations(sorted(members), 2))  # (a, b), a < b

    # 2. near-identical multi-word spellings, one person named in two ways
    for i, j in sorted(pairs):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        pi, pj = cluster[ri].persons, cluster[rj].persons
        if any(len(x) > 1 < len(y) and persons_match(x, y) for x in pi for y in pj):
            try_union(i, j, f"same person ({' '.join(pi[0])})")
            continue
        for ti in rtoks[i]:
            if any(
                (min(len(ti), len(tj)) >= 2 and _fuzzy_set(ti, tj) >= _FUZZY_SET)
                or (len(ti) == len(tj) == 1 and len(ti[0]) >= 6 and tokens_close(ti[0], tj[0]))
                for tj in rtoks[j]
            ):
                try_union(i, j, f"spelling variant ({' '.join(ti)})")
                break

    # 3. names that are part of exactly one longer name (multi-word first, so "Jane Doe"
    # and "Commander Jane Doe" are one before "Doe"); a family name alone: one person
    word_index: dict[str, set[int]] = defaultdict(set)
    family_index: dict[str, set[int]] = defaultdict(set)
    for root in roots:
        for t in rtoks[root]:
            for w in t:
                word_index[w].add(root)
        for p in cluster[find(root)].persons:
            family_index[p[-1]].add(root)
    for single in (False, True):
        for i in roots:
            for ti in sorted(rtoks[i]):
                if not ti or (len(ti) == 1) != single:
                    continue
                supersets: set[int] = set()
                if single:
                    for j in family_index.get(ti[0], ()):
                        if find(j) != find(i) and any(
                            len(p) > 1 and p[-1] == ti[0] for p in cluster[find(j)].persons
                        ):
                            supersets.add(find(j))
                else:
                    for j in set.intersection(*(word_index[w] for w in ti)):
                        if any(len(tj) > len(ti) and set(ti) <= set(tj) for tj in rtoks[j]):
                            supersets.add(find(j))
                supersets = {s for s in supersets if _compatible(cluster[find(i)], cluster[s])}
                if len(supersets) == 1 and find(i) not in supersets:
                    try_union(i, next(iter(supersets)), f"part of the longer name ({' '.join(ti)})")

    # 4. generic descriptions join only generic ones: a head noun alone ("the commission")
    # and exactly one longer description ending in it ("the monitoring commission")
    gtoks: dict[int, set[tuple[str, ...]]] = defaultdict(set)
    for i, r in enumerate(records):
        if not r.aliases:
            for a in r.local:
                if plain_alias_class(a) != "pronoun" and name_tokens(a):
                    gtoks[find(i)].add(name_tokens(a))
    by_head: dict[str, set[int]] = defaultdict(set)
    for root, ts in gtoks.items():
        for t in ts:
            by_head[t[-1]].add(root)
    for root, ts in sorted(gtoks.items()):
        for t in sorted(ts):
            if len(t) != 1:
                continue
            longer = {
                find(j)
                for j in by_head.get(t[0], ())
                if find(j) != find(root) and any(len(u) > 1 for u in gtoks[j])
            }
            if len(longer) == 1:
                try_union(root, next(iter(longer)), f"head of the longer description ({t[0]})")

    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        clusters[find(i)].append(i)
    out: list[StoryEntity] = []
    lookup: dict[tuple[str, str], str] = {}
    for root, idxs in clusters.items():
        aliases: Counter[str] = Counter()
        local: Counter[str] = Counter()
        codes: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for i in idxs:
            aliases.update(records[i].aliases)
            local.update(records[i].local)
            codes.update(records[i].codes)
            if records[i].kind:
                kinds[records[i].kind] += 1
        if not aliases and all(plain_alias_class(a) == "pronoun" for a in local):
            continue  # "We", "him": in-article lookups only, never a story entity
        name = display_name(aliases or local, kb)
        key = f"{story_id}/" + hashlib.sha1(name_key(name).encode()).hexdigest()[:10]
        for i in idxs:
            for k in records[i].all_keys():
                lookup[(records[i].article_id, k)] = key
        f = cluster[root]
        name_codes = Counter(c for a in aliases for c in [name_code(a)] if c)
        # the code the name itself states wins over the codes the mentions were given
        code = (name_codes or codes).most_common(1)[0][0] if (name_codes or codes) else None
        out.append(
            StoryEntity(
                key=key,
                name=name,
                code=code,
                kind=kinds.most_common(1)[0][0] if kinds else ("PERSON" if f.persons else ""),
                aliases=tuple(sorted(aliases or local)),
                article_ids=tuple(sorted({records[i].article_id for i in idxs})),
                members=tuple(sorted(records[i].member for i in idxs)),
                why=tuple(
                    f"{records[i].best!r} ({records[i].article_id}): {why[i]}"
                    for i in sorted(idxs)
                    if i in why
                ),
            )
        )
    out.sort(key=lambda e: (-len(e.aliases), e.name))
    return out, lookup


def display_name(aliases: Counter[str], kb: MergeKnowledge) -> str:
    """A short readable name: the fullest person name without titles, else the most used
    proper name ("Quds Force" over "Doe's Quds Force"), else the longest alias."""
    persons = Counter()  # type: Counter[str]
    for a, c in aliases.items():
        core = person_core(a, kb)
        if core:
            persons[core] += c
    if persons:
        return max(persons, key=lambda p: (len(name_tokens(p)), persons[p], p))
    proper = {a: c for a, c in aliases.items() if is_proper(a, kb) and not _POSSESSIVE.search(a)}
    if proper:  # spelled out before an acronym, then the most used
        best = max(proper, key=lambda a: (a != a.upper(), proper[a], len(name_tokens(a)), a))
        return re.sub(r"^(?:the|The)\s+", "", best)
    best = max(aliases, key=lambda a: (len(name_tokens(a)), aliases[a], a))
    return re.sub(r"^(?:the|The)\s+", "", best)


def is_label_name(name: str, kb: MergeKnowledge) -> bool:
    """Names a story label may show: proper names, not descriptions or pronouns."""
    return is_proper(name, kb) and plain_alias_class(name) == "named"
