"""Convert the open PETRARCH2/Phoenix dictionaries into newsevents' own data files.

    python scripts/convert_phoenix.py [--shared ../shared] [--out src/newsevents] [--date D]

Reads ``<shared>/reference/petrarch2/`` (MIT, Open Event Data Alliance; format described in
its ``dictionaries.rst``), ``<shared>/reference/CAMEO2PLOVER-2021.txt`` (read to derive the
CAMEO -> PLOVER mapping; none of its text is shipped) and
``<shared>/reference/CAMEO_goldstein.tsv``, and writes compact TSV files (one record a line,
a header comment naming the columns and the provenance) under ``<out>``:

    resolve/data/phoenix/actors.tsv     actors with aliases, codes, sectors and dated roles
    resolve/data/phoenix/agents.tsv     noun phrases -> sector ("police" -> COP)
    resolve/data/phoenix/discards.tsv   phrases that are never actors (sport, fiction, ...)
    extract/data/phoenix/verbs.tsv      CAMEO verb patterns -> PLOVER type, mode, Goldstein
    extract/data/phoenix/verb_forms.tsv the verbs of each pattern block with their forms
    extract/data/phoenix/synsets.tsv    the pattern synonym sets (&CURRENCY ...), expanded
    extract/data/phoenix/cameo_plover.tsv  the derived CAMEO -> PLOVER mapping
    data/THIRD_PARTY.md                 the MIT notice and the provenance line

The output depends only on the inputs and ``--date`` (default: today, UTC), so a rerun with
the shipped files' date reproduces them byte for byte. Malformed entries that can be skipped
(an impossible date, an unknown code) are reported on stderr with file and line; a line the
converter cannot read at all stops it with ``file:line: reason``.

The readers live beside this script in ``phoenix_convert/`` (``actors``, ``lexicon`` for agents
and discards, ``verbs`` for the verb dictionary and the CAMEO -> PLOVER mapping, ``common``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from phoenix_convert.actors import ACTOR_COLUMNS, ACTOR_NOTES, actor_rows, parse_actors, split_code
from phoenix_convert.common import SCRIPT, PhoenixFormatError, Provenance, Warnings, write_tsv
from phoenix_convert.lexicon import AGENT_COLUMNS, DISCARD_COLUMNS, parse_agents, parse_discards
from phoenix_convert.verbs import (
    CROSSWALK_COLUMNS,
    FORM_COLUMNS,
    SYNSET_COLUMNS,
    VERB_COLUMNS,
    crosswalk_rows,
    manual_modes,
    parse_crosswalk,
    parse_verbs,
    read_goldstein,
)

__all__ = ["PhoenixFormatError", "Warnings", "convert", "main", "manual_modes", "split_code"]

ROOT = Path(__file__).resolve().parent.parent


def convert(shared: Path, out: Path, date: str) -> dict[str, int]:
    """Convert everything; returns row counts per written file."""
    src = shared / "reference" / "petrarch2"
    ref = shared / "reference"
    if not src.is_dir():
        raise PhoenixFormatError(f"{src}: no such folder (pass --shared)")
    commit = (src / "SOURCE_COMMIT").read_text(encoding="utf-8").strip()
    prov = Provenance(commit, date)
    warnings = Warnings()
    counts: dict[str, int] = {}

    actor_rows_all: list[str] = []
    actor_files = [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ]
    actors_total = 0
    for name in actor_files:
        actors = parse_actors(src / name, warnings)
        rows = actor_rows(actors, name, warnings)
        actors_total += len({r.split("\t", 1)[0] + "\t" + str(i) for i, r in enumerate(rows)})
        actor_rows_all += rows
    path = out / "resolve" / "data" / "phoenix" / "actors.tsv"
    write_tsv(
        path,
        "newsevents actors from Phoenix (countries, international, armed groups)",
        ACTOR_NOTES,
        ACTOR_COLUMNS,
        actor_rows_all,
        prov,
        ", ".join(actor_files),
    )
    counts["actors.tsv"] = len(actor_rows_all)

    agents = parse_agents(src / "Phoenix.agents.txt", warnings)
    write_tsv(
        out / "resolve" / "data" / "phoenix" / "agents.tsv",
        "newsevents agents: common noun phrases -> PLOVER sector",
        [
            "phrase: lower case; plurals: |-separated (empty: none); sector: PLOVER sector;",
            "cameo: the dictionary's agent code (~X: role after the actor's code, X~: before).",
        ],
        AGENT_COLUMNS,
        agents,
        prov,
        "Phoenix.agents.txt",
    )
    counts["agents.tsv"] = len(agents)

    discards = parse_discards(src / "Phoenix.discards.txt")
    write_tsv(
        out / "resolve" / "data" / "phoenix" / "discards.tsv",
        "newsevents discards: phrases that are never actors (sport, fiction, history)",
        [
            "scope: sentence (the sentence is not coded) or story (the whole story is not);",
            "match: word (the phrase ends at a word boundary) or stem (any continuation).",
        ],
        DISCARD_COLUMNS,
        discards,
        prov,
        "Phoenix.discards.txt",
    )
    counts["discards.tsv"] = len(discards)

    crosswalk = parse_crosswalk(ref / "CAMEO2PLOVER-2021.txt")
    scores = read_goldstein(ref / "CAMEO_goldstein.tsv")
    xdir = out / "extract" / "data" / "phoenix"
    verbs = parse_verbs(src / "CAMEO.2.0.txt", crosswalk, scores, warnings)
    used = {r.split("\t")[i] for r in verbs.patterns for i in (4, 9)}
    used |= {r.split("\t")[i] for r in verbs.forms for i in (3, 7)}
    manual = ref / "PLOVER_MANUAL.tex"
    modes = manual_modes(manual) if manual.is_file() else {}
    xrows = crosswalk_rows(scores, crosswalk, {c for c in used if c}, modes)
    write_tsv(
        xdir / "cameo_plover.tsv",
        "newsevents CAMEO code -> PLOVER event, mode, context",
        [
            "Derived for this project from the CAMEO2PLOVER-2021 crosswalk (Open Event Data",
            "Alliance); no text of it is copied. note: crosswalk, a correction of a known",
            "quirk, or how a code it lacks was derived. goldstein: CAMEO Goldstein score.",
        ],
        CROSSWALK_COLUMNS,
        xrows,
        prov,
        "CAMEO_goldstein.tsv codes",
    )
    counts["cameo_plover.tsv"] = len(xrows)

    notation = [
        "A pattern matches the verb (any form of any verb of its block, see verb_forms.tsv)",
        "with `pre` words before it and `post` words after it, in order. Notation: word = the",
        "head noun of a phrase; {a b} = a noun phrase whose head is the last word; (prep x) =",
        "a prepositional phrase; &set = any phrase of that set (synsets.tsv); a_b = consecutive",
        "words; $ = the source actor, + = the target actor, ^ = skip a phrase, % = compound.",
        "cameo: code of the event source -> target (empty: none); cameo_back: the event the",
        "pattern also codes target -> source (042:043 visit / host). event/mode/context: PLOVER",
        "reading of cameo (cameo_plover.tsv); goldstein: its Goldstein score.",
    ]
    write_tsv(
        xdir / "verbs.tsv",
        "newsevents CAMEO verb patterns",
        notation,
        VERB_COLUMNS,
        verbs.patterns,
        prov,
        "CAMEO.2.0.txt",
    )
    write_tsv(
        xdir / "verb_forms.tsv",
        "newsevents verbs of the CAMEO pattern blocks",
        [
            "forms: |-separated inflected forms (given or regular -s/-ed/-ing); cameo: the",
            "code of the verb alone (empty: it codes nothing without a pattern).",
        ],
        FORM_COLUMNS,
        verbs.forms,
        prov,
        "CAMEO.2.0.txt",
    )
    write_tsv(
        xdir / "synsets.tsv",
        "newsevents synonym sets used by the verb patterns",
        ["plural: the regular plural (empty where the dictionary asks for none)."],
        SYNSET_COLUMNS,
        verbs.synsets,
        prov,
        "CAMEO.2.0.txt",
    )
    counts["verbs.tsv"] = len(verbs.patterns)
    counts["verb_forms.tsv"] = len(verbs.forms)
    counts["synsets.tsv"] = len(verbs.synsets)
    counts["dropped: transformations"] = verbs.dropped_transformations

    write_notice(out / "data" / "THIRD_PARTY.md", src / "LICENSE", prov)
    for item in warnings.items:
        print(f"skipped: {item}", file=sys.stderr)
    counts["skipped entries"] = len(warnings.items)
    return counts


def write_notice(path: Path, licence: Path, prov: Provenance) -> None:
    text = licence.read_text(encoding="utf-8").strip()
    body = [
        "# Third-party data shipped with newsevents",
        "",
        "## PETRARCH2 / Phoenix dictionaries",
        "",
        "The files under `newsevents/resolve/data/phoenix/` and `newsevents/extract/data/phoenix/`",
        "are converted from the open event-data dictionaries of PETRARCH2 (Phoenix.*.actors.txt,",
        "Phoenix.agents.txt, Phoenix.discards.txt, CAMEO.2.0.txt) of the Open Event Data",
        f"Alliance. Source commit: {prov.commit}. Converted {prov.date} by `{SCRIPT}`.",
        "`cameo_plover.tsv` is derived from the CAMEO2PLOVER-2021 crosswalk (Open Event Data",
        "Alliance) and the CAMEO Goldstein scores; no text of the crosswalk is included.",
        "",
        "The dictionaries are distributed under this licence:",
        "",
        "```",
        text,
        "```",
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(body) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=ROOT / "src" / "newsevents")
    parser.add_argument(
        "--date",
        default=dt.datetime.now(dt.timezone.utc).date().isoformat(),
        help="conversion date written in the headers (default: today, UTC)",
    )
    args = parser.parse_args(argv)
    try:
        counts = convert(args.shared, args.out, args.date)
    except (PhoenixFormatError, OSError) as e:
        print(f"convert_phoenix: {e}", file=sys.stderr)
        return 1
    for name, n in counts.items():
        print(f"{name}: {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
