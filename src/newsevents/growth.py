"""The growth loop's listing: stored actor phrases without a code, with a stub to fill in.

``newsevents actors --unresolved`` shows them; the user codes the stubs and runs ``recode``
(:func:`newsevents.api.recode`). Read-only over the store.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import yaml

from .model import Participant, ParticipantRole
from .resolve.actors import load_actor_words
from .resources import load_lexicon
from .store import Store


@dataclass(frozen=True)
class UnresolvedActor:
    """An actor phrase that got no country or non-state code, with where it stands."""

    phrase: str  # as written, without a leading article or a possessive clitic
    count: int  # actor, recipient and speaker slots it fills
    articles: int  # articles it appears in
    event_types: tuple[str, ...]  # types of the events it is a party to, most frequent first
    roles: tuple[ParticipantRole, ...]  # most frequent first
    sample: str  # one sentence it stands in, from the stored article text
    sample_id: str  # the mention or quote that sentence comes from
    stub: str  # one entry in the schema of resolve/data/actors.yaml, code left to fill in


def unresolved_actors(db: str | Path, limit: int | None = None) -> list[UnresolvedActor]:
    """The stored actor phrases without a code, most frequent first. Mentions of one
    in-document entity count under its full name ("Jane Doe"), its other forms ("Doe")
    become the stub's aliases; bare pronouns are left out (they are resolved from the text)."""
    words = load_actor_words(load_lexicon())

    def norm(name: str) -> str:
        return words.strip_article(words.drop_clitic(_one_line(name)), fold=True)

    def is_name(phrase: str) -> bool:
        return phrase.lower() not in words.pronouns and any(c.isalpha() for c in phrase)

    groups: dict[str, list[Participant]] = {}
    forms: dict[str, Counter[str]] = {}
    with Store(db, readonly=True) as store:
        for p in store.participants(uncoded=True):
            phrase = norm(p.name)
            key = norm(p.entity) if p.entity and is_name(norm(p.entity)) else phrase
            if not is_name(key):
                continue
            groups.setdefault(key, []).append(p)
            if is_name(phrase) and key not in phrase:  # a longer form is found via the name
                forms.setdefault(key, Counter())[phrase] += 1
        ranked = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower(), kv[0]))
        out = []
        for phrase, found in ranked[:limit]:
            first = found[0]
            sector = _most_common(p.sector for p in found)
            kind = _most_common(p.kind for p in found) or "ORG"
            aliases = sorted(forms.get(phrase, {}), key=lambda f: (-forms[phrase][f], f))
            out.append(
                UnresolvedActor(
                    phrase=phrase,
                    count=len(found),
                    articles=len({p.article_id for p in found}),
                    event_types=_by_frequency(p.event for p in found),
                    roles=_by_frequency(p.role for p in found),
                    sample=_one_line(store.text_of(first.article_id, first.sentence)),
                    sample_id=first.source_id,
                    stub=actor_stub(phrase, aliases, sector, kind),
                )
            )
    return out


def actor_stub(name: str, aliases: Sequence[str], sector: str | None, kind: str) -> str:
    """One actors.yaml entry (flow style) for ``name`` with its code left null: a file still
    holding a null code is refused on load, so nothing half-edited is used by mistake."""
    entry = {"name": name, "aliases": list(aliases), "code": None, "sector": sector, "kind": kind}
    flow = yaml.safe_dump(entry, default_flow_style=True, sort_keys=False, width=1 << 20)
    return "- " + flow.strip()


def actors_yaml(found: Sequence[UnresolvedActor], db: str | Path) -> str:
    """The stubs of ``found`` as one actors file to edit and pass to ``--actors``."""
    lines = [
        f"# Actor phrases with no code in {_one_line(Path(db).name)}, most frequent first.",
        "# For each entry you keep: set code (an ISO 3166 alpha-3 country such as FRA, or a",
        "# non-state code such as IGO, NGO, IMG), a sector if one fits (GOV, MIL, REB ...),",
        "# other written forms under aliases, and from:/to: dates for an office holder.",
        "# Delete the entries that are not actors: an entry left with code: null is refused.",
        f"# Then: newsevents recode --db {_one_line(str(db))} --actors THIS_FILE",
        "actors:",
    ]
    for a in found:
        where = f"{a.count}x in {a.articles} article(s)"
        types = f"; {', '.join(a.event_types)}" if a.event_types else ""
        sample = a.sample if len(a.sample) <= 160 else a.sample[:157] + "..."
        lines += [f"  # {where}{types}: {sample}", f"  {a.stub}"]
    return "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """``text`` on one line of printable characters (safe in a terminal and a YAML comment)."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())


_Word = TypeVar("_Word", bound=str)


def _most_common(values: Iterable[_Word | None]) -> _Word | None:
    ranked = _by_frequency(values)
    return ranked[0] if ranked else None


def _by_frequency(values: Iterable[_Word | None]) -> tuple[_Word, ...]:
    counts = Counter(v for v in values if v)
    return tuple(sorted(counts, key=lambda v: (-counts[v], v)))
