"""The evidence for one join: a mention against an event under construction.

Hard rules refuse a join outright (incompatible types, dates beyond the slack, coded actors
of different countries, places in different countries or two different cities, another
story without the same dyad, an opinion worded unlike the act). Otherwise the join needs
*positive evidence* - the same actor or recipient (codes, coalition or entity), the same or
a nested place, a shared casualty/participant figure, or a back-reference ("Sunday's
attack") - and a day apart needs two such items: type and date alone never join, nor do
the sides alone two sentences of one article. What is
left is one score, ``P(same event) = sigmoid(bias + sum(weight * feature))``, whose weights
are fitted by logistic regression on the merge gold (``make fit-merge``) and stored in
``data/merge_weights.json``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ConfigError
from ..resources import data_path
from .features import EventParams, Features, Side, iso_day, told_day
from .knowledge import MergeKnowledge
from .stories import day_of
from .text import cosine

if TYPE_CHECKING:
    from .cluster import Cluster

#: every feature of a join, in the order of the weights file; all are 0/1 except text_sim
#: (0..1) and evidence_items (a count)
FEATURES: tuple[str, ...] = (
    "same_type",  # the mention's type is the event's main type (else a compatible type)
    "same_day",  # both tell the same single day (stated, or a narrative's day of two reports)
    "date_overlap",  # dates overlap without being the same stated day (vague or default)
    "day_apart",  # dates a day apart (within the slack)
    "no_date",  # one side undated
    "actor_match",  # same actor code, coalition member or same cross-article entity
    "actor_unknown",  # the actor is unknown on one side (or two uncoded names differ)
    "actor_mismatch",  # coded actors differ where that is no hard rule (see join_evidence)
    "sector_differs",  # same country, different sector (police vs protesters)
    "recipient_match",
    "recipient_mismatch",  # coded recipients of different countries
    "place_same",  # the same named place (city, district or landmark)
    "place_nested",  # places in one country, one holding the other (region vs city)
    "place_named",  # one side's sentence names the other's place ("the fighting near X")
    "country_same",  # only the country is known on one side, and it agrees
    "participants_match",  # a named participant's head word recurs ("police", "farmers")
    "numbers_match",  # a figure of one kind agrees within a factor of 1.5 (48 vs 60 arrested)
    "numbers_differ",  # both give a figure of one kind and none agrees even that closely
    "backref",  # the mention names the act as known ("the attack", "Sunday's bombing")
    "continues",  # the next (or previous) sentence of a member's, one side naming no actor
    "same_sentence",  # a member of the same type was coded from the same sentence
    "same_story",
    "same_article",
    "text_sim",  # TF-IDF cosine of the sentences (0..1)
    "evidence_items",  # how many items of specific evidence (EVIDENCE but the sides) agree
)

#: the features that count as positive evidence for a join
EVIDENCE: tuple[str, ...] = (
    "actor_match",
    "recipient_match",
    "participants_match",
    "place_same",
    "place_nested",
    "place_named",
    "numbers_match",
    "backref",
    "continues",
    "same_sentence",
)


#: the sign a fitted weight may take (``make fit-merge`` fits under these bounds): agreement
#: never lowers the probability of one event and a conflict never raises it (monotone in
#: the evidence), whatever collinear features make an unconstrained fit do; features left
#: out are free
SIGNS: dict[str, int] = {
    **dict.fromkeys(EVIDENCE, 1),
    "same_type": 1,
    "same_day": 1,
    "text_sim": 1,
    "evidence_items": 1,
    "day_apart": -1,
    "numbers_differ": -1,
    "actor_mismatch": -1,
    "recipient_mismatch": -1,
    "sector_differs": -1,
}


@dataclass(frozen=True)
class MergeWeights:
    bias: float
    weights: dict[str, float]
    fitted_on: str = ""  # what the weights were fitted on (shown by `explain`)

    def probability(self, values: dict[str, float]) -> float:
        z = self.bias + sum(self.weights[k] * v for k, v in values.items())
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))


def weights_path() -> Path:
    return data_path("merge_weights.json")


def parse_weights(data: object, where: str) -> MergeWeights:
    """Schema check: ``{"bias": float, "weights": {feature: float, ...}, ...}`` naming every
    feature of :data:`FEATURES` exactly once."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: merge weights must be a JSON object")
    bias, weights = data.get("bias"), data.get("weights")
    if not isinstance(bias, (int, float)) or not isinstance(weights, dict):
        raise ConfigError(f"{where}: needs a number 'bias' and an object 'weights'")
    missing = [f for f in FEATURES if f not in weights]
    extra = [k for k in weights if k not in FEATURES]
    if missing or extra:
        raise ConfigError(
            f"{where}: weights must name every merge feature; missing {missing or 'none'}, "
            f"unknown {extra or 'none'}; refit with `make fit-merge`"
        )
    bad = [k for k, v in weights.items() if not isinstance(v, (int, float)) or math.isnan(v)]
    if bad:
        raise ConfigError(f"{where}: weights of {bad} must be numbers")
    return MergeWeights(
        float(bias),
        {k: float(weights[k]) for k in FEATURES},
        str(data.get("fitted_on", "")),
    )


@lru_cache(maxsize=4)
def load_weights(path: Path | None = None) -> MergeWeights:
    p = path or weights_path()
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read merge weights {p}: {e.strerror}") from e
    except json.JSONDecodeError as e:
        raise ConfigError(f"{p}: not valid JSON ({e.msg}); refit with `make fit-merge`") from e
    return parse_weights(data, str(p))


@dataclass(frozen=True)
class Join:
    """Evidence for one join: the feature values and a readable note per compared slot."""

    values: dict[str, float]
    notes: tuple[str, ...]

    @property
    def evidence(self) -> list[str]:
        return [k for k in EVIDENCE if self.values[k]]

    def explain(self, w: MergeWeights, p: float) -> str:
        terms = " ".join(f"{k}={self.values[k]:.2g}*{w.weights[k]:+.2f}" for k in FEATURES)
        return (
            f"{', '.join(self.notes)}; evidence: {'+'.join(self.evidence)}; "
            f"p={p:.2f} = sigmoid({w.bias:+.2f} {terms})"
        )


def _side_status(
    side: Side,
    codes: AbstractSet[str],
    names: AbstractSet[str],
    coal: AbstractSet[str],
    sectors: AbstractSet[tuple[str, str]],
    what: str,
    named: AbstractSet[str] | None = None,
) -> tuple[str, bool, str]:
    """(match | mismatch | unknown, sectors differ, note) for one slot. ``named``: the
    event's codes of identified doers; given, two codes conflict only when both sides
    identify a doer (an unidentified doer's country is the place's, see Side.named_codes)."""
    if side.codes and codes:
        common = side.codes & codes
        if common:
            mine = {s for s in side.sectors if s[0] in common}
            theirs = {s for s in sectors if s[0] in common}
            differ = bool(mine and theirs and not (mine & theirs))
            code = sorted(common)[0]
            return "match", differ, f"{what} {code}={code}" + (" (sectors differ)" * differ)
    if (side.codes & coal) or (codes & side.coalition):
        return "match", False, f"{what} member of coalition"
    if side.coalition and coal and side.coalition & coal:
        return "match", False, f"{what} same coalition"
    if side.codes and codes and (named is None or (side.named_codes and named)):
        mine_s, theirs_s = "+".join(sorted(side.codes)), "+".join(sorted(codes))
        return "mismatch", False, f"{what} {mine_s}!={theirs_s}"
    if side.names and names and side.names & names:
        return "match", False, f"{what} same entity"
    return "unknown", False, f"{what} unknown on one side"


def _opposed(
    side: Side, codes: AbstractSet[str], sectors: AbstractSet[tuple[str, str]], kb: MergeKnowledge
) -> bool:
    """The doers of one country are on the two sides of its armed conflict (merge.yaml
    ``opposing_sides``): the state's forces and rebels or militias each acting."""
    common = side.codes & codes
    mine = {kb.armed_side.get(s) for c, s in side.sectors if c in common}
    theirs = {kb.armed_side.get(s) for c, s in sectors if c in common}
    return mine in ({0}, {1}) and theirs in ({0}, {1}) and mine != theirs


def _mismatch(
    side: Side, codes: AbstractSet[str], coal: AbstractSet[str], named: AbstractSet[str]
) -> bool:
    """``_side_status(...)[0] == "mismatch"`` without writing the note (the hard rule below
    asks this of most candidates: speed only)."""
    return bool(
        side.named_codes
        and named
        and codes
        and not side.codes & codes
        and not side.codes & coal
        and not codes & side.coalition
        and not (side.coalition and coal and side.coalition & coal)
    )


def _numbers(x: Features, c: Cluster) -> tuple[bool, bool]:
    """(a figure of one kind agrees, both give a kind and none agrees). Figures counting two
    classes of people ("11 civilians" and "nine fighters") are not compared."""
    match = differ = False
    for i, q in enumerate(x.m.quantities):
        whom = x.counted[i] if i < len(x.counted) else None
        told = c.quantities.get(q.kind, ())
        # a toll that names no class ("the death toll has risen to 12") counts the class the
        # event's other figures of that kind count, when they count one ("nine villagers"):
        # "15 attackers" killed in a pursuit are no agreeing figure
        classes = {cls for _, cls in told if cls}
        implied = next(iter(classes)) if len(classes) == 1 else None
        seen = [v for v, cls in told if not (whom and (cls or implied) not in (None, whom))]
        if not seen:
            continue
        if any(_close(q.value, v) for v in seen):
            match = True
        else:
            differ = True
    return match, differ and not match


_CLOSE = 1.5  # outlets' counts of one act differ; a factor beyond this is another act


def _close(a: int, b: int) -> bool:
    return a == b or (min(a, b) > 0 and max(a, b) / min(a, b) <= _CLOSE)


_ADJACENT = 3  # characters between two sentences that follow each other (space, paragraph)


def _continues(x: Features, c: Cluster) -> bool:
    """The mention's sentence directly follows or precedes a member's sentence in the same
    article, and one side names no actor or one of them quotes the same side: the outlet
    goes on telling the act it just told ("Iran fired missiles at two bases. No one was
    killed.")."""
    spans = c.sentences.get(x.m.article_id)
    if not spans:
        return False
    s, e = x.m.sentence.start, x.m.sentence.end
    if not any(0 <= s - end <= _ADJACENT or 0 <= start - e <= _ADJACENT for start, end in spans):
        return False
    if not ((x.actor.codes or x.actor.names) and (c.actor_codes or c.actor_names)):
        return True
    # or the doer's own words follow the act told ("X rejected the criticism. 'We will not
    # apologise,' he said"): a quote of the same side goes on with the act
    quoted = x.quoted or any(y.quoted and y.m.article_id == x.m.article_id for y in c.members)
    return quoted and bool(x.actor.codes & c.actor_codes)


def _district_of(x: Features, c: Cluster) -> bool:
    """One of the two places is a district and one sentence (the mention's or a member's)
    names both ("blocked the highway in Dakar ... towards the Grand Yoff neighbourhood"): the
    outlet places the district in the city, so they are nested, not two cities."""
    if "district" not in (x.place_level, c.members[0].place_level) and "district" not in c.places:
        return False
    pair = {x.place_key, c.place_key}
    if pair <= (x.text_places | {x.place_key}):
        return True
    return any(pair <= (y.text_places | {y.place_key}) for y in c.members)


def _refuse(why: list[str] | None, reason: str) -> Join | None:
    """No join; the hard rule that refused it is noted in ``why``."""
    if why is not None:
        why.append(reason)
    return None


def _other_kind(mode: str | None, modes: AbstractSet[str], distinct: AbstractSet[str]) -> bool:
    """Does ``mode`` name another kind of act than the event's modes (see distinct_modes)?"""
    if not mode or mode in modes or not modes:
        return False
    return mode in distinct or bool(modes & distinct)


def _soft_actors(x: Features, c: Cluster, same_sentence: bool) -> bool:
    """Coded actors of two countries are two acts, unless one sentence tells both or the
    mention names the act as known ("the strikes killed 25": its doer is the coder's guess
    from the sentence, so the conflict is weighed, not a veto) without naming its doer ("the
    US strikes" says whose strikes: another country's act is another act)."""
    known = x.backref and not x.backref_doer
    return same_sentence or known or c.refs_only or bool(x.subject_refs & c.lemmas)


def _crossed(x: Features, c: Cluster) -> bool:
    """The mention's doer is the event's target and its target the event's doer, of other
    countries: one sentence telling each side's act on the other ("Armenia accused Azerbaijan
    of opening fire, while Azerbaijan accused Armenian troops of shelling its posts") tells
    two acts. (Across sentences a crossed reading is more often the coder's wrong guess of
    one side of a back-reference: dev-wire8.)"""
    a, r = x.actor.named_codes or x.actor.codes, x.recipient.codes
    return bool(
        a
        and r
        and not a & r
        and a <= c.recip_codes
        and r <= c.actor_codes
        and not a & c.actor_codes
        and not r & c.recip_codes
    )


def _night(y: Features) -> tuple[int, bool, bool] | None:
    """(told day, told late at night, told in the early hours): the single day a mention's
    words or narrative give and whether its interval was widened across midnight (see
    merge.features._across_midnight); None without one."""
    d = day_of(told_day(y))
    if d is None or y.iv is None:
        return None
    return d, y.iv[1] > d, y.iv[0] < d


def _told_another_day(x: Features, c: Cluster) -> bool:
    """Do ``x``'s words give another day than every member's, though the intervals meet only
    through a night's widening ("Friday night" against a march "on Saturday")? An overnight
    act told on both sides of midnight ("late on Friday" / "early on Saturday") is one."""
    mine = _night(x) if x.m.date_source == "text" else None  # (a narrative's day is rough)
    if mine is None or not c.told_days or told_day(x) in c.told_days:
        return False
    for y in c.members:
        theirs = _night(y)
        if theirs is None:
            continue
        (d1, late1, _), (d2, _, early2) = sorted((mine, theirs))
        if d2 - d1 == 1 and late1 and early2:
            return False
    return True


def _hard_refusal(x: Features, c: Cluster, slack: int, soft: bool) -> str | None:
    """The date-gap and actor-mismatch rules, which refuse most candidates (on the bench
    corpus 66,000 of 90,000)."""
    if x.iv and c.iv and max(x.iv[0] - c.iv[1], c.iv[0] - x.iv[1], 0) > slack:
        return "date gap"
    if not soft and _mismatch(x.actor, c.actor_codes, c.actor_coal, c.actor_named):
        return "actor mismatch"
    return None


def join_evidence(
    x: Features,
    c: Cluster,
    kb: MergeKnowledge,
    p: EventParams,
    slack: int = 0,
    why: list[str] | None = None,
    referring: bool = False,
) -> Join | None:
    """The features of joining ``x`` to ``c``, or None when a hard rule refuses it (the rule
    is appended to ``why`` when given). ``referring``: ``x`` only refers back to an act
    ("the fighting started on Friday night"), and its back-reference alone may join it to
    an event a day apart (merge.cluster's last pass)."""
    here = c.sentence_types.get((x.m.article_id, x.m.sentence.start))
    if why is None and _hard_refusal(x, c, slack, _soft_actors(x, c, bool(here))):
        # the commonest refusals first when no reason is asked for: every test below only
        # refuses, so the order decides only which reason ``why`` notes
        return None
    main = c.main_type()
    if not all(kb.types_compatible(x.m.event, t) for t in c.types):
        return _refuse(why, "types")
    # two triggers of one sentence: of one type they tell one act (the coder found two words
    # for it, "fought ... shelled"), of two types two acts ("blocked the road, and police
    # fired tear gas"); a sentence setting its act apart ("Separately, ...") tells another
    # act than the article's earlier sentences
    if here and x.m.event not in here:
        return _refuse(why, "same sentence, other type")
    same_sentence = bool(here)
    if here and _crossed(x, c):
        return _refuse(why, "sides crossed in one sentence")
    if not here and x.m.article_id in c.sentences:
        start = x.m.sentence.start
        apart = c.set_apart.get(x.m.article_id)
        if (apart is not None and start < apart) or (
            x.separate and any(s < start for s, _ in c.sentences[x.m.article_id])
        ):
            return _refuse(why, "set apart")
    # a curfew told in a sentence of its own is no arrest (one sentence may tell the acts of
    # one raid: "arrested 14 fishermen and seized their trawlers")
    if not here and _other_kind(x.m.mode, c.modes, kb.distinct_modes):
        return _refuse(why, "another kind of act")
    soft = _soft_actors(x, c, same_sentence)
    hard = _hard_refusal(x, c, slack, soft)
    if hard is not None:
        return _refuse(why, hard)
    v = dict.fromkeys(FEATURES, 0.0)
    notes: list[str] = []
    if x.m.event == main:
        v["same_type"] = 1.0
        notes.append(f"same type {main}")
    else:
        notes.append(f"compatible types {x.m.event}~{main}")
    # dates
    if x.iv is not None and c.iv is not None:
        gap = max(x.iv[0] - c.iv[1], c.iv[0] - x.iv[1], 0)  # within the slack (above)
        shown = f"dates {x.m.date} vs {iso_day(c.iv[0])}" + (
            f"..{iso_day(c.iv[1])}" if c.iv[1] != c.iv[0] else ""
        )
        weak = x.m.date_source in ("publication", "context")
        if gap:
            v["day_apart"] = 1.0
            notes.append(f"{shown} {gap} day apart")
        # or another report dates the act to the day the event's members are dated to by
        # their words or narratives (a narrative's day agreed by two outlets: ninth session,
        # duplicates of the sample, the merge corpus and dev-merge3); not a sentence of the
        # same article, whose narrative day its other sentences share
        elif (x.iv[0] == x.iv[1] == c.iv[0] == c.iv[1] and not weak) or (
            c.told_days and c.told_days == {told_day(x)} and x.m.article_id not in c.sentences
        ):
            v["same_day"] = 1.0
            notes.append(f"{shown} same day")
        elif _told_another_day(x, c):
            v["day_apart"] = 1.0
            notes.append(f"{shown} overlap, told another day")
        else:
            v["date_overlap"] = 1.0
            notes.append(f"{shown} overlap")
    else:
        v["no_date"] = 1.0
        notes.append("no date on one side")
    # actor and recipient
    for side, codes, names, coal, sectors, what in (
        (x.actor, c.actor_codes, c.actor_names, c.actor_coal, c.actor_sectors, "actor"),
        (x.recipient, c.recip_codes, c.recip_names, c.recip_coal, c.recip_sectors, "recipient"),
    ):
        named = c.actor_named if what == "actor" else None  # (only a doer may be unidentified)
        status, differ, note = _side_status(side, codes, names, coal, sectors, what, named)
        notes.append(note)
        if status == "mismatch" and what == "actor" and not soft:
            return _refuse(why, "actor mismatch")
        if what == "actor" and differ and not soft and _opposed(side, codes, sectors, kb):
            return _refuse(why, "doers on opposing sides")
        if what == "actor":
            v["actor_mismatch"] = float(status == "mismatch")
            v["actor_match"] = float(status == "match")
            v["actor_unknown"] = float(status == "unknown")
        else:
            v["recipient_match"] = float(status == "match")
            v["recipient_mismatch"] = float(status == "mismatch")
        v["sector_differs"] = max(v["sector_differs"], float(differ))
    # place: different countries, or another place of the same level (two cities, two
    # provinces) than any member told, refuse; a city and a province may be nested
    # (countries: when both name their place in a sentence of their own; a foreign place the
    # coder carried over from elsewhere in the article is a guess, no veto)
    stated = x.place_stated and c.place_stated
    if x.place_country and c.place_country and x.place_country != c.place_country:
        if stated:
            return _refuse(why, "countries")
        notes.append(f"countries {x.place_country}~{c.place_country} (a place carried over)")
    told = c.places.get(x.place_level or "", set())
    if x.place_key and told and x.place_key not in told:
        return _refuse(why, "other place")
    if x.place_key and c.place_key:
        if x.place_key == c.place_key:
            v["place_same"] = 1.0
            notes.append(f"place {x.place_key}")
        elif x.place_city and c.place_city and not _district_of(x, c):
            return _refuse(why, "two cities")
        else:
            v["place_nested"] = 1.0
            notes.append(f"place {x.place_key}~{c.place_key}")
    elif x.place_country and c.place_country:
        v["country_same"] = 1.0
        notes.append(f"country {x.place_country}")
    if not v["place_same"]:
        named = (x.text_places | ({x.place_key} if x.place_key else set())) & c.named_places
        if named:
            v["place_named"] = 1.0
            notes.append(f"both name {'+'.join(sorted(named))}")
    # story
    other_story = x.story not in c.stories
    if not other_story:
        v["same_story"] = 1.0
    elif not p.cross_story or x.iv is None or c.iv is None:
        return _refuse(why, "cross-story")
    # the same participant in the same role: the attackers of one act may be the targets of
    # the next ("terrorists attacked the post" ... "six terrorists were neutralised"); a
    # named person the coder tied to an entity counts too ("killed Soleimani" twice)
    shared = (
        (x.actor.heads & c.actor_heads)
        | (x.recipient.heads & c.recip_heads)
        | (x.actor.persons & c.actor_persons)
        | (x.recipient.persons & c.recip_persons)
    )
    v["participants_match"] = float(bool(shared))
    if shared:
        notes.append(f"participants {'+'.join(sorted(shared))}")
    v["numbers_match"], v["numbers_differ"] = (float(b) for b in _numbers(x, c))
    if v["numbers_match"]:
        notes.append("a figure agrees")
    # "killed in the attack" with an event told as "attack", either way round; an event
    # only referred to ("the attack") takes the report that tells the act
    refs = (x.refs & c.lemmas) | (
        {x.m.trigger_lemma.lower()} & c.refs if x.m.trigger_lemma else set()
    )
    v["backref"] = float(x.backref or c.refs_only or bool(refs))
    if v["backref"]:
        notes.append("back-reference" + (f" ({'+'.join(sorted(refs))})" if refs else ""))
    v["continues"] = float(_continues(x, c))
    if v["continues"]:
        notes.append("the next sentence of a member")
    v["same_sentence"] = float(same_sentence)
    if same_sentence:
        notes.append("the same sentence as a member")
    # any member of the same article (not only the latest ones: the order members came in
    # must not decide, or a merge in date windows differs from the whole merge)
    v["same_article"] = float(x.m.article_id in c.sentences)
    sim = cosine(x.vec, c.vec)
    v["text_sim"] = sim
    notes.append(f"text {sim:.2f}")
    found = sum(1 for k in EVIDENCE if v[k])
    # the sides are the commonest agreement (one air force strikes several towns a day): the
    # count is of the specific items
    v["evidence_items"] = float(found - v["actor_match"] - v["recipient_match"])
    evaluative = x.evaluative or c.members[0].evaluative
    # a named person either tells of, in any role ("Killing him" -> Soleimani)
    person = (x.actor.persons | x.recipient.persons) & (c.actor_persons | c.recip_persons)
    concrete = v["participants_match"] or v["numbers_match"] or v["place_same"] or person
    if evaluative and sim < p.evaluative_similarity and not concrete:
        # an opinion about an act ("Arresting the driver was the least they could do")
        # joins its report when worded alike or on a concrete item in common (the same
        # participant, figure or place: a named person both tell of counts), never on the
        # sides or a named act alone
        return _refuse(why, "evaluative")
    if evaluative:
        notes.append("evaluative clause")
    if other_story:
        # another story (a background retelling, an official statement grouped apart): the
        # same dyad, three items of evidence, two on the same stated day, or two on days
        # that overlap when one is more than a side and no figure or recipient conflicts
        dyad = (x.actor.codes & c.actor_codes) and (x.recipient.codes & c.recip_codes)
        one_side = (
            found >= 2
            and v["evidence_items"] >= 1
            and not v["numbers_differ"]
            and not v["recipient_mismatch"]
            and not v["day_apart"]
        )
        if not (dyad or found >= 3 or (found >= 2 and v["same_day"]) or one_side):
            return _refuse(why, "cross-story dyad")
        notes.append("other story, " + ("same dyad" if dyad else f"{found} items of evidence"))
    beyond_place = v["evidence_items"] - v["place_same"] - v["place_nested"]
    if v["backref"] and not refs:
        # a back-reference that does not name this event's act ("raised the toll from
        # Monday's assault" against Tuesday's bombing): the outlet refers to *some* known
        # act, maybe of another day, so it is no item beyond the sides for a day apart
        # (tenth session: a toll update took its act into another a day apart, dev-merge4)
        beyond_place -= 1
    apart_ok = (found >= 2 and beyond_place >= 1) or (referring and v["backref"])
    if v["same_article"] and not v["evidence_items"]:
        # two sentences of one article that share only the sides tell two acts: an outlet
        # going on about an act it told refers back to it, continues it or gives an item of
        # it (eleventh session: a march and the strike, two shootings, two air strikes of one
        # day were one row in the sample, dev-dates and dev-places)
        return _refuse(why, "sides alone in one article")
    if found == 0 or (v["day_apart"] and not apart_ok):
        # type and date alone never join; a day apart needs two items, one of them more
        # than the sides and the place (one air force bombs one city on two days: two
        # raids), or a back-reference to the act in the last pass
        return _refuse(why, "no evidence")
    return Join(v, tuple(notes))
