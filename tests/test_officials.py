"""The dated office holders and armed groups (resolve/data/officials.yaml): the file loads through
the actor dictionary loader, every code, sector and date range is valid, and a person's roles
do not contradict each other or the packaged actor list."""

from __future__ import annotations

from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from newsevents.resolve.actors import load_actor_dictionary
from newsevents.resolve.actors.dictionary import ActorEntry, packaged_actors_path
from newsevents.resolve.actors.vocab import load_sector_table
from newsevents.resources import countries, read_yaml

OFFICIALS = Path(str(resources.files("newsevents.resolve") / "data" / "officials.yaml"))
# An entry on a line carrying this comment may overlap another role of the same person with a
# different code (a head of an armed group who also held a state office, say).
INTENDED = "# overlap intended"


def _span(entry: ActorEntry) -> tuple[str, str]:
    return entry.start or "0000-00-00", entry.end or "9999-99-99"


def _overlap(a: ActorEntry, b: ActorEntry) -> bool:
    (a0, a1), (b0, b1) = _span(a), _span(b)
    return a0 <= b1 and b0 <= a1


@pytest.fixture(scope="module")
def officials() -> list[ActorEntry]:
    """The officials file's entries as the loader builds them (an extra file's entries come
    last, whether or not the default load already includes this file)."""
    n = len(read_yaml(OFFICIALS)["actors"])
    return list(load_actor_dictionary(extra_paths=[OFFICIALS]).entries[-n:])


@pytest.fixture(scope="module")
def packaged() -> list[ActorEntry]:
    """actors.yaml alone, read as the loader reads it (the loader validated it already)."""
    return [
        ActorEntry(
            name=item["name"],
            aliases=tuple(item.get("aliases") or ()),
            code=item["code"],
            sector=item.get("sector"),
            kind=str(item.get("kind", "ORG")),
            start=str(item["from"]) if "from" in item else None,
            end=str(item["to"]) if "to" in item else None,
        )
        for item in read_yaml(packaged_actors_path())["actors"]
    ]


@pytest.fixture(scope="module")
def intended() -> set[int]:
    """Indexes of entries whose line says the overlap with another role is intended."""
    lines = OFFICIALS.read_text(encoding="utf-8").splitlines()
    entries = [ln for ln in lines if ln.lstrip().startswith("- {")]
    return {i for i, ln in enumerate(entries) if INTENDED in ln}


def test_file_loads_through_the_actor_loader(officials):
    raw = read_yaml(OFFICIALS)["actors"]
    assert [e.name for e in officials] == [item["name"] for item in raw]
    people = [e for e in officials if e.kind == "PERSON"]
    groups = [e for e in officials if e.kind == "ORG"]
    assert len(people) >= 300
    assert len(groups) >= 40
    assert {e.kind for e in officials} <= {"PERSON", "ORG"}


def test_every_code_is_a_country_or_a_nonstate_code(officials):
    known = {code for code, _ in countries().values()}
    known |= {c.alpha_3 for c in pycountry.countries}
    nonstate = set(load_sector_table().codes.nonstate)
    bad = sorted({e.code for e in officials if e.code not in known | nonstate})
    assert not bad


def test_every_sector_is_a_plover_sector(officials):
    sectors = set(load_sector_table().codes.sectors)
    missing = [e.name for e in officials if e.sector is None]
    assert not missing, "every entry names its sector"
    assert not sorted({e.sector for e in officials} - sectors)


def test_every_person_role_is_dated_and_ordered(officials):
    undated = [e.name for e in officials if e.kind == "PERSON" and not (e.start or e.end)]
    assert not undated
    backwards = [(e.name, e.start, e.end) for e in officials if e.start and e.end]
    assert not [b for b in backwards if not b[1] < b[2]]


def test_no_person_holds_two_codes_at_once(officials, intended):
    by_name: dict[str, list[tuple[int, ActorEntry]]] = defaultdict(list)
    for i, entry in enumerate(officials):
        by_name[entry.name].append((i, entry))
    clashes = []
    for roles in by_name.values():
        for n, (i, a) in enumerate(roles):
            for j, b in roles[n + 1 :]:
                if a.code != b.code and _overlap(a, b) and not {i, j} & intended:
                    clashes.append((a.name, a.code, b.code))
    assert not clashes


def test_no_exact_duplicates_and_nothing_repeats_the_packaged_list(officials, packaged):
    keys = [(e.name, e.code, e.sector, e.start, e.end) for e in officials]
    assert len(keys) == len(set(keys))
    repeated = [
        (e.name, e.code, e.sector)
        for e in officials
        for p in packaged
        if p.name == e.name and (p.code, p.sector) == (e.code, e.sector) and _overlap(p, e)
    ]
    assert not repeated


def test_a_form_names_one_actor_at_a_time(officials, packaged):
    """Two different actors never share a name or alias over overlapping dates with different
    codes: the lookup would pick one arbitrarily."""
    forms: dict[str, list[ActorEntry]] = defaultdict(list)
    for entry in packaged + officials:
        for form in {entry.name, *entry.aliases}:
            forms[form].append(entry)
    clashes = set()
    for form, entries in forms.items():
        for n, a in enumerate(entries):
            for b in entries[n + 1 :]:
                ours = a in officials or b in officials
                if ours and a.name != b.name and a.code != b.code and _overlap(a, b):
                    clashes.add((form, a.name, b.name))
    assert not sorted(clashes)


@pytest.mark.parametrize(
    ("form", "date", "code", "sector"),
    [
        ("Rutte", "2020-05-01", "NLD", "GOV"),
        ("Rutte", "2025-03-01", "IGO", "MIL"),
        ("Trump", "2025-06-01", "USA", "GOV"),
        ("Rubio", "2020-06-01", "USA", "LEG"),
        ("Rubio", "2025-06-01", "USA", "GOV"),
        ("Hibatullah Akhundzada", "2019-06-01", "AFG", "REB"),
        ("Hibatullah Akhundzada", "2023-06-01", "AFG", "GOV"),
        ("Ahmed al-Sharaa", "2020-06-01", "SYR", "REB"),
        ("Ahmed al-Sharaa", "2025-06-01", "SYR", "GOV"),
        ("Kallas", "2022-06-01", "EST", "GOV"),
        ("Kallas", "2025-06-01", "EUR", "GOV"),
        ("Hemedti", "2021-06-01", "SDN", "PRM"),
        ("Hemedti", "2024-06-01", "SDN", "REB"),
    ],
)
def test_roles_change_with_the_date(form, date, code, sector):
    actors = load_actor_dictionary(extra_paths=[OFFICIALS])
    entry = actors.lookup(form, date)
    assert entry is not None
    assert (entry.code, entry.sector) == (code, sector)
