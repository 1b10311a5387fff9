"""The actor coder's word lists and code tables, loaded from data files with a schema check.

``resolve/data/actor_lexicon.yaml`` holds the coder's own words (pronouns, sponsor words,
place nouns ...); ``data/sectors.yaml`` maps role words to PLOVER sectors and groups the codes;
the place prepositions come from the shared lexicon (``data/lexicon.yaml``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.tokens import Token

from ...errors import ConfigError
from ...resources import Lexicon, data_path, read_yaml


def packaged_lexicon_path() -> Path:
    return Path(str(resources.files("newsevents.resolve") / "data" / "actor_lexicon.yaml"))


@dataclass(frozen=True)
class ActorWords:
    """The words the coder reads (see actor_lexicon.yaml for what each list means)."""

    sponsor_words: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    subject_group_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    possessive_group_pronouns: frozenset[str]
    plural_possessives: frozenset[str]
    relative_possessives: frozenset[str]
    anaphoric_determiners: frozenset[str]
    group_nouns: frozenset[str]
    group_sectors: frozenset[str]
    bloc_nouns: frozenset[str]
    bloc_codes: frozenset[str]
    shared_force_nouns: frozenset[str]
    articles: frozenset[str]
    indefinite_articles: frozenset[str]
    ethnic_words: frozenset[str]
    stance_prefixes: frozenset[str]
    country_part_words: frozenset[str]
    diaspora_nationalities: frozenset[str]
    place_nouns: frozenset[str]
    inhabitant_nouns: frozenset[str]
    site_nouns: frozenset[str]
    of_prepositions: frozenset[str]
    role_prepositions: frozenset[str]
    copulas: frozenset[str]
    possessive_clitics: frozenset[str]
    account_verbs: frozenset[str]
    nonactor_labels: frozenset[str]
    nonactor_nouns: frozenset[str]
    instrument_nouns: frozenset[str]
    question_words: frozenset[str]
    unidentified_words: frozenset[str]
    quantity_nouns: frozenset[str]
    water_nouns: frozenset[str]
    attack_nouns: frozenset[str]
    attack_place_preps: frozenset[str]
    act_nouns: frozenset[str]
    reproach_nouns: frozenset[str]  # "the criticism", "the accusations"
    country_head_nouns: frozenset[str]  # "the country's rulers": the country named before
    claim_nouns: frozenset[str]  # "rejected claims that its troops ...": whose "its"
    reproach_verbs: frozenset[str]  # "accused", "blamed", "condemned"
    generic_act_nouns: frozenset[str]  # "both steps", "the move": any act told before
    counterpart_nouns: frozenset[str]
    pair_nouns: frozenset[str]
    pair_determiners: frozenset[str]
    pairless_types: frozenset[str]
    target_preps: frozenset[str]
    mission_nouns: frozenset[str]
    relational_nouns: frozenset[str]
    visitor_nouns: frozenset[str]
    envoy_nouns: frozenset[str]
    origin_preps: frozenset[str]
    frontier_nouns: frozenset[str]
    question_labels: frozenset[str]
    answer_labels: frozenset[str]
    interview_verbs: frozenset[str]
    #: from the shared lexicon: prepositions whose object is where something happens
    place_preps: frozenset[str]
    #: from the shared lexicon: verbs (lemmas) of saying and reporting
    report_verbs: frozenset[str]
    #: from the shared lexicon: quotation marks as tokens
    quote_marks: frozenset[str]
    #: from the shared lexicon: words a statement's title names itself by ("Statement by X")
    statement_titles: frozenset[str]

    @property
    def unidentified(self) -> str:
        """The word naming a doer the text does not identify ("unidentified (Kirkuk)")."""
        return min(self.unidentified_words)

    @property
    def pronouns(self) -> frozenset[str]:
        # ("I" names the speaker: a label's or a statement's, else no one the coder knows)
        return self.person_pronouns | self.group_pronouns | self.speaker_pronouns

    def drop_clitic(self, text: str) -> str:
        """``text`` without a final possessive clitic ("Iran's" -> "Iran")."""
        for clitic in self.possessive_clitics:
            if text.endswith(clitic):
                return text[: -len(clitic)]
        return text

    def drop_spaced_clitic(self, form: str) -> str:
        """A name form without a clitic written as its own token ("Iran 's" -> "Iran")."""
        for clitic in self.possessive_clitics:
            if form.endswith(" " + clitic):
                return form[: -len(clitic) - 1]
        return form

    def strip_article(self, text: str, fold: bool = False) -> str:
        """``text`` without a leading article ("the Netherlands" -> "Netherlands")."""
        low = text.lower() if fold else text
        for article in self.articles:
            if low.startswith(article + " "):
                return text[len(article) + 1 :]
        return text


_SHARED_WORDS = {
    "place_preps": "place_preps",
    "report_verbs": "report_verbs",
    "indefinite_articles": "indefinite_articles",
    "quote_marks": "quote_marks",
    "statement_titles": "statement_titles",
}


def load_actor_words(lexicon: Lexicon, path: Path | None = None) -> ActorWords:
    """actor_lexicon.yaml (every list required), plus the shared lists named in _SHARED_WORDS."""
    path = path or packaged_lexicon_path()
    data = read_yaml(path)
    own = [f.name for f in dataclasses.fields(ActorWords) if f.name not in _SHARED_WORDS]
    if not isinstance(data, Mapping):
        raise ConfigError(f"{path}: expected a mapping of list names to lists of words")
    unknown = sorted(set(data) - set(own))
    if unknown:
        raise ConfigError(f"{path}: unknown list(s) {unknown}; known: {sorted(own)}")
    lists: dict[str, frozenset[str]] = {}
    for name in own:
        words = data.get(name)
        if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
            raise ConfigError(f"{path}: {name} must be a list of non-empty words")
        lists[name] = frozenset(w.lower() for w in words)
    for name, shared in _SHARED_WORDS.items():
        lists[name] = lexicon.words(shared)
    return ActorWords(**lists)


@dataclass(frozen=True)
class SectorCodes:
    """PLOVER codes and their groups (sectors.yaml ``codes``)."""

    sectors: frozenset[str]
    #: non-state actor codes (IGO, NGO ...): never a state's country
    nonstate: frozenset[str]
    #: sectors of the state's own organs
    state: frozenset[str]
    #: sectors of the society a state governs
    civil: frozenset[str]
    #: the state's armed forces and police (a definite noun may name one for the other)
    forces: frozenset[str]
    #: movements that fight under one name in many countries (IMG): a mention takes the
    #: country where it acts, as a coder codes its local branch
    local_branch: frozenset[str]
    #: the sector of a capital named for its government
    capital: str
    #: the sector of an actor the text does not identify
    unknown: str


@dataclass(frozen=True)
class SectorTable:
    """Role words -> sectors, and the word groups that decide countries (sectors.yaml)."""

    codes: SectorCodes
    by_word: Mapping[str, str]
    #: words that only state a rank ("leader"): a more specific word decides
    generic: frozenset[str]
    #: lemma sequences naming a kind of non-state body ("rights group" -> NGO)
    nonstate: Mapping[tuple[str, ...], str]
    #: role words that name a national office ("president", "prime minister")
    offices: frozenset[str]
    #: offices exercised at home: the holder belongs to the country where they act
    home_offices: frozenset[str]
    #: words of an office below the state's ("regional governor", "mayor")
    local_offices: frozenset[str] = frozenset()
    #: words a civil title puts before "general" ("inspector general", "attorney general")
    general_titles: frozenset[str] = frozenset()

    def title_tail(self, tok: Token) -> bool:
        """Is the word the second half of a hyphenated title whose first word is a role
        word ("Secretary-General", "Attorney-General"), or the "general" of a civil title
        ("the inspector general of police")? The title is its first word's: no general of an
        army."""
        doc = tok.doc
        if tok.i < 1:
            return False
        hyphened = tok.i >= 2 and doc[tok.i - 1].text == "-"
        first = doc[tok.i - 2] if hyphened else doc[tok.i - 1]
        if tok.lower_ == "general" and first.lower_ in self.general_titles:
            return True
        return hyphened and first.lemma_.lower() in self.by_word


def load_sector_table(path: Path | None = None) -> SectorTable:
    path = path or data_path("sectors.yaml")
    name = path.name
    data = read_yaml(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("sectors"), Mapping):
        raise ConfigError(f"{name}: expected 'sectors' mapping sector code -> words")
    codes = _codes(name, data.get("codes"))
    table: dict[str, str] = {}
    for code, words in data["sectors"].items():
        if code not in codes.sectors:
            raise ConfigError(f"{name}: {code!r} is not a PLOVER sector code")
        if not isinstance(words, list):
            raise ConfigError(f"{name}: {code} must list words")
        for w in words:
            table.setdefault(str(w).lower(), code)
    nonstate: dict[tuple[str, ...], str] = {}
    for code, phrases in (data.get("nonstate") or {}).items():
        if code not in codes.nonstate or not isinstance(phrases, list):
            raise ConfigError(
                f"{name}: nonstate.{code}: use a PLOVER non-state code "
                f"({', '.join(sorted(codes.nonstate))}) with a list of lemma phrases"
            )
        for phrase in phrases:
            nonstate[tuple(str(phrase).lower().split())] = code
    return SectorTable(
        codes=codes,
        by_word=MappingProxyType(table),
        generic=_lower_list(name, "generic", data.get("generic")),
        nonstate=MappingProxyType(nonstate),
        offices=_lower_list(name, "offices", data.get("offices")),
        home_offices=_lower_list(name, "home_offices", data.get("home_offices")),
        general_titles=_lower_list(name, "general_titles", data.get("general_titles")),
        local_offices=_lower_list(name, "local_offices", data.get("local_offices")),
    )


def _lower_list(name: str, key: str, words: Any) -> frozenset[str]:
    words = words or []
    if not isinstance(words, list):
        raise ConfigError(f"{name}: '{key}' must be a list of words")
    return frozenset(str(w).lower() for w in words)


def _codes(name: str, raw: Any) -> SectorCodes:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{name}: expected a 'codes' mapping (sectors, nonstate, state ...)")
    groups: dict[str, frozenset[str]] = {}
    for key in ("sectors", "nonstate", "state", "civil", "forces", "local_branch"):
        # (local_branch is optional: a table without it codes every movement as named)
        value = raw.get(key, [] if key == "local_branch" else None)
        if not isinstance(value, list) or not all(
            isinstance(c, str) and len(c) == 3 and c.isupper() for c in value
        ):
            raise ConfigError(f"{name}: codes.{key} must be a list of three-letter codes")
        groups[key] = frozenset(value)
    singles = {}
    for key in ("capital", "unknown"):
        value = raw.get(key)
        if value not in groups["sectors"]:
            raise ConfigError(f"{name}: codes.{key} must be one of codes.sectors, e.g. GOV")
        singles[key] = str(value)
    for key, members in (
        ("state", groups["state"]),
        ("civil", groups["civil"]),
        ("forces", groups["forces"]),
    ):
        stray = sorted(members - groups["sectors"])
        if stray:
            raise ConfigError(f"{name}: codes.{key}: {stray} not listed under codes.sectors")
    stray = sorted(groups["local_branch"] - groups["nonstate"])
    if stray:
        raise ConfigError(f"{name}: codes.local_branch: {stray} not listed under codes.nonstate")
    return SectorCodes(
        sectors=groups["sectors"],
        nonstate=groups["nonstate"],
        state=groups["state"],
        civil=groups["civil"],
        forces=groups["forces"],
        local_branch=groups["local_branch"],
        capital=singles["capital"],
        unknown=singles["unknown"],
    )
