"""The Phoenix converter (scripts/convert_phoenix.py) on small hand-written dictionaries, the
loaders' schema checks (newsevents.knowledge), and the shipped converted files."""

from __future__ import annotations

import importlib.util
import os
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from newsevents.errors import ConfigError
from newsevents.knowledge import (
    ActorTable,
    load_actors,
    load_agents,
    load_discards,
    load_phoenix,
    load_verbs,
    normalise,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="module")
def conv() -> ModuleType:
    """scripts/convert_phoenix.py imported as a module (its parts live in scripts/)."""
    if str(ROOT / "scripts") not in sys.path:
        sys.path.insert(0, str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(
        "convert_phoenix", ROOT / "scripts" / "convert_phoenix.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["convert_phoenix"] = module
    spec.loader.exec_module(module)
    return module


# Small dictionaries in the Phoenix formats, invented for these tests.
COUNTRIES = """\
# countries
MALTA_  [MLT]
+MALTESE_
+VALLETTA_

ANNA_BERG_  # CountryInfo.txt
+PRESIDENT_BERG
\t[MLTGOVLEG 920101-990630]
\t[MLTGOV >20130805]
ION_POPA_
\t[ROMGOV 950101-961231]
PAUL_KANE_
\t[KNTGOV 950101-961231]
NOBODY_IN_PARTICULAR_
VERA_LUND_
\t[MLTGOV 20100101-20090101]
\t[MLTELI]
"""
INTERNATIONAL = """\
WIDGET_TRADE_ORGANIZATION_(WTO)_\t[IGOBUS]
LIN_MEI_\t[IGOUNO 070101-111231] [ELI]# rulers
"""
MILNONSTATE = """\
NORTHERN_HILLS_FRONT_ [MLTREB] #  test
+NHF_
"""
AGENTS = """\
!PERSON! = MAN, MEN
POLICE {} [~COP]
CONGRESS!PERSON! [~LEG]
FOREIGN_MINISTER [~GOVFRM]
CHAMBER_OF_TRADE {CHAMBERS_OF_TRADE} [~BUS]
HUMAN_RIGHTS_BODY [NGO~]
COMMITTEE [~GOV]
"""
DISCARDS = """\
+WORLD_CHESS_OPEN # chess
HOCKEY_
MARATHON
"""
VERBS = """\
####### SYNONYM SETS #######
&HARDWARE
+RIFLE
+SHELL_

&SPEECH_
+WORD

####### VERB PATTERNS #######
---  DELIVER   [---]  ---
DELIVER
SHIP {SHIPS SHIPPED SHIPPING}
TOUR [042:043]
- * &HARDWARE (TO +)          [072]    # SHIP
- $ * (TO)                    [042:043]  # DELIVER
- * &MISSING                  [070]
- * PLEA                      [020]
~ a (a b SHIP) DELIVER = a b 072
"""
CROSSWALK = """\
# a test crosswalk
04: CONSULT
042: CONSULT, visit,   # x
043: CONSULT, visit,   # x
07: AID
070: AID,   ,  # x
072: AID,   ,   military # x
100: REQUEST,  ,  # x
195: ASSAULT, heavy-weapons, military # x
"""
GOLDSTEIN = "CAMEOEVENTCODE\tGOLDSTEINSCALE\n020\t3.0\n042\t1.9\n043\t2.8\n070\t7.0\n072\t8.3\n"
GOLDSTEIN += "100\t-5.0\n195\t-10.0\n"


def write_shared(root: Path, **override: str) -> Path:
    files = {
        "Phoenix.Countries.actors.txt": COUNTRIES,
        "Phoenix.International.actors.txt": INTERNATIONAL,
        "Phoenix.MilNonState.actors.txt": MILNONSTATE,
        "Phoenix.agents.txt": AGENTS,
        "Phoenix.discards.txt": DISCARDS,
        "CAMEO.2.0.txt": VERBS,
        "LICENSE": "A test licence text.\n",
        "SOURCE_COMMIT": "0123abcd Mon Jan 1 00:00:00 2001\n",
    }
    files.update(override)
    src = root / "reference" / "petrarch2"
    src.mkdir(parents=True)
    for name, text in files.items():
        (src / name).write_text(text, encoding="utf-8")
    (root / "reference" / "CAMEO2PLOVER-2021.txt").write_text(CROSSWALK, encoding="utf-8")
    (root / "reference" / "CAMEO_goldstein.tsv").write_text(GOLDSTEIN, encoding="utf-8")
    return root


@pytest.fixture
def converted(conv: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    """(out folder, stderr) after converting the hand-written dictionaries."""
    shared = write_shared(tmp_path / "shared")
    out = tmp_path / "out"
    counts = conv.convert(shared, out, "2001-02-03")
    return out, counts, capsys.readouterr().err


def test_actor_roles_are_dated_and_read_by_date(converted) -> None:
    out, _, _ = converted
    table = load_actors(out / "resolve" / "data" / "phoenix" / "actors.tsv", cache=False)
    (berg,) = table.lookup("President Berg")
    assert berg.name == "ANNA BERG" and berg.kind == "PERSON"
    legislature, government = berg.roles
    assert (legislature.code, legislature.sector, legislature.cameo) == ("MLT", "LEG", "MLTGOVLEG")
    assert (legislature.start, legislature.end) == (date(1992, 1, 1), date(1999, 6, 30))
    assert (government.sector, government.start, government.end) == ("GOV", date(2013, 8, 5), None)
    assert berg.role_on(date(1995, 3, 1)) == legislature
    assert berg.role_on(date(2020, 1, 1)) == government
    assert berg.role_on(date(2005, 1, 1)) is None  # no role covers it and there is no default


def test_default_role_applies_outside_the_dated_ones(converted) -> None:
    out, _, _ = converted
    table = load_actors(out / "resolve" / "data" / "phoenix" / "actors.tsv", cache=False)
    (lin,) = table.lookup("lin mei")
    assert lin.role_on(date(2009, 5, 1)).code == "UNO"  # type: ignore[union-attr]
    role = lin.role_on(date(2015, 5, 1))
    assert role is not None and (role.code, role.sector) == ("", "ELI")


def test_aliases_markup_and_kinds(converted) -> None:
    out, _, _ = converted
    table = load_actors(out / "resolve" / "data" / "phoenix" / "actors.tsv", cache=False)
    (malta,) = table.lookup("Valletta")
    assert (malta.name, malta.kind, malta.roles[0].code) == ("MALTA", "GPE", "MLT")
    (org,) = table.lookup("WTO")  # the parenthesised acronym becomes an alias
    assert org.name == "WIDGET TRADE ORGANIZATION" and org.kind == "ORG"
    assert (org.roles[0].code, org.roles[0].sector) == ("IGO", "BUS")
    (front,) = table.lookup("NHF")
    assert (front.roles[0].code, front.roles[0].sector, front.source) == (
        "MLT",
        "REB",
        "MilNonState",
    )


@pytest.mark.parametrize(
    ("cameo", "iso"),
    [("ROM", "ROU"), ("TMP", "TLS"), ("KSV", "KOS"), ("USR", "SUN"), ("IRN", "IRN")],
)
def test_cameo_country_codes_become_iso(conv: ModuleType, cameo: str, iso: str) -> None:
    code = conv.split_code(cameo + "GOV", "x:1", conv.Warnings())
    assert (code.code, code.sector) == (iso, "GOV")


def test_mapped_unmapped_and_dropped_codes(converted) -> None:
    out, counts, err = converted
    table = load_actors(out / "resolve" / "data" / "phoenix" / "actors.tsv", cache=False)
    assert table.lookup("ion popa")[0].roles[0].code == "ROU"
    assert table.lookup("paul kane") == ()  # the test suite's fictional country
    assert table.lookup("nobody in particular") == ()
    (lund,) = table.lookup("vera lund")
    assert [r.sector for r in lund.roles] == ["ELI"]  # the inverted date range is skipped
    assert "Phoenix.Countries.actors.txt:13: code 'KNTGOV' names no real state" in err
    assert "Phoenix.Countries.actors.txt:16: role 'MLTGOV 20100101-20090101' ends before" in err
    assert counts["skipped entries"] == 5  # KNT role + its actor, no code, dates, &MISSING


def test_agents_with_plurals_substitutions_and_codes(converted) -> None:
    out, _, _ = converted
    agents = load_agents(out / "resolve" / "data" / "phoenix" / "agents.tsv")
    police = agents.lookup("Police")
    assert police is not None and (police.sector, police.plurals) == ("COP", ())
    assert agents.lookup("congressmen").sector == "LEG"  # type: ignore[union-attr]
    assert agents.lookup("foreign ministers").sector == "GOV"  # type: ignore[union-attr]
    assert agents.lookup("chambers of trade").phrase == "chamber of trade"  # type: ignore[union-attr]
    assert agents.lookup("committees").plurals == ("committees",)  # type: ignore[union-attr]
    body = agents.lookup("human rights body")
    assert body is not None and (body.sector, body.cameo) == ("SOC", "NGO~")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The ice hockey final was cancelled.", "hockey"),
        ("He trains at the hockeydrome.", None),  # word: must end at a word boundary
        ("Thousands ran marathons.", "marathon"),  # stem: any continuation
        ("The World Chess Open began.", "world chess open"),
        ("Ministers met in Rome.", None),
    ],
)
def test_discards(converted, text: str, found: str | None) -> None:
    out, _, _ = converted
    discards = load_discards(out / "resolve" / "data" / "phoenix" / "discards.tsv")
    hit = discards.find(text)
    assert (hit.phrase if hit else None) == found
    if found == "world chess open":
        assert hit is not None and hit.scope == "story"


def test_verb_patterns_synsets_and_crosswalk(converted) -> None:
    out, _, err = converted
    verbs = load_verbs(out / "extract" / "data" / "phoenix")
    assert verbs.synsets["hardware"] == ("rifle", "rifles", "shell")  # SHELL_: no plural
    assert verbs.synsets["speech"] == ("word",)  # a set named with _ takes no plurals
    arms, visit, plea = verbs.patterns_for("shipped")
    assert (arms.verb, arms.pre, arms.post) == ("ship", "", "&hardware (to +)")
    assert arms.forward is not None and arms.forward.event == "AID"
    assert (arms.forward.context, arms.forward.goldstein) == ("military", 8.3)
    assert visit.forward.cameo == "042" and visit.back.cameo == "043"  # type: ignore[union-attr]
    assert (visit.pre, visit.back.event) == ("$", "CONSULT")  # type: ignore[union-attr]
    assert plea.forward.event == "REQUEST" and plea.forward.goldstein == 3.0  # type: ignore[union-attr]
    assert "CAMEO.2.0.txt:16: pattern uses undefined synonym set &missing" in err
    (tour,) = verbs.verb("touring")
    assert tour.alone.cameo == "042" and tour.alone_back.cameo == "043"  # type: ignore[union-attr]
    assert verbs.crosswalk["195"].mode == "aerial"  # a known quirk of the crosswalk, fixed
    assert verbs.crosswalk["020"].event == "REQUEST"  # appeals read through the 10x rows


def test_provenance_header_and_notice(converted) -> None:
    out, _, _ = converted
    for path in [*(out / "resolve" / "data" / "phoenix").glob("*.tsv"),
                 *(out / "extract" / "data" / "phoenix").glob("*.tsv")]:  # fmt: skip
        head = path.read_text(encoding="utf-8").split("# columns:")[0]
        assert "0123abcd" in head and "converted 2001-02-03" in head.lower(), path.name
        assert "MIT" in head
    notice = (out / "data" / "THIRD_PARTY.md").read_text(encoding="utf-8")
    assert "A test licence text." in notice and "0123abcd" in notice


@pytest.mark.parametrize(
    ("name", "text", "where"),
    [
        ("Phoenix.Countries.actors.txt", "+ALIAS_BEFORE_ANY_ACTOR\n", ":1: a synonym"),
        ("Phoenix.Countries.actors.txt", "MALTA_ [MLT\n", ":1: unbalanced"),
        ("Phoenix.Countries.actors.txt", "MALTA_ [MLT]\n\t[MLTGOV] [MLT\n", ":2: unbalanced"),
        ("Phoenix.agents.txt", "POLICE {} [~COP]\nGUARD [COP]\n", ":2: agent code 'COP'"),
        ("CAMEO.2.0.txt", "---  AID   [---]  ---\nAID\n- * HELP 070\n", ":3: cannot read pattern"),
    ],
)
def test_bad_input_names_the_line(conv, tmp_path: Path, name: str, text: str, where: str) -> None:
    shared = write_shared(tmp_path / "shared", **{name: text})
    with pytest.raises(conv.PhoenixFormatError, match=f"^{name}{where}"):
        conv.convert(shared, tmp_path / "out", "2001-02-03")


def test_the_command_reports_a_bad_line_in_one_line(conv, tmp_path: Path, capsys) -> None:
    shared = write_shared(tmp_path / "shared", **{"Phoenix.agents.txt": "POLICE [COP]\n"})
    assert conv.main(["--shared", str(shared), "--out", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("convert_phoenix: Phoenix.agents.txt:1:") and "\n" not in err


# --- loaders' schema checks -----------------------------------------------------------------
HEADER = "# columns: name\taliases\tcode\tsector\tfrom\tto\tkind\tcameo\tsource\n"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("X\t\tMLT\tGOV\t\t\tPERSON\t\tCountries\n", ":1: data before the '# columns:'"),
        ("# columns: name\tcode\n", "columns header should be"),
        (HEADER + "X\t\tMLT\tGOV\t\t\tPERSON\tCountries\n", ":2: expected 9 tab-separated"),
        (HEADER + "X\t\tMLT\tGOV\t\t\tPEOPLE\t\tCountries\n", ":2: kind 'PEOPLE'"),
        (HEADER + "X\t\tMalta\tGOV\t\t\tPERSON\t\tCountries\n", ":2: code and sector"),
        (HEADER + "X\t\tMLT\tGOV\t2020-13-01\t\tPERSON\t\tCountries\n", ":2: '2020-13-01' is not"),
        (HEADER + "X\t\tMLT\tGOV\t2020-01-02\t2019-01-01\tPERSON\t\tCountries\n", ":2: role ends"),
    ],
)
def test_actor_file_schema_errors(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "actors.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("(", r"\(")):
        load_actors(path, cache=False)


def test_verb_file_schema_error_names_the_line(converted) -> None:
    out, _, _ = converted
    folder = out / "extract" / "data" / "phoenix"
    path = folder / "verbs.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace("\t020\t", "\t20x\t")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"verbs.tsv:{len(lines)}: bad CAMEO code '20x'"):
        load_verbs(folder)


def test_actor_cache_is_used_and_rebuilt(converted, tmp_path: Path) -> None:
    out, _, _ = converted
    path = out / "resolve" / "data" / "phoenix" / "actors.tsv"
    first = load_actors(path, cache_dir=tmp_path / "cache")
    (cached,) = (tmp_path / "cache").glob("phoenix-actors-*.marshal")
    second = load_actors(path, cache_dir=tmp_path / "cache")
    assert second.lookup("nhf") == first.lookup("nhf") and len(second) == len(first)
    cached.write_bytes(b"not marshal data")
    assert load_actors(path, cache_dir=tmp_path / "cache").lookup("nhf") == first.lookup("nhf")
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a new version
    os.utime(path, ns=(1, 1))
    load_actors(path, cache_dir=tmp_path / "cache")
    (replaced,) = (tmp_path / "cache").glob("phoenix-actors-*.marshal")  # the old one is gone
    assert replaced != cached


def test_normalise() -> None:
    assert normalise("  U.N.  Secretary_General ") == "un secretary general"


# --- the shipped files ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory):
    return load_phoenix(cache_dir=tmp_path_factory.mktemp("cache"))


def test_shipped_files_load_with_expected_counts(shipped) -> None:
    assert isinstance(shipped.actors, ActorTable)
    assert len(shipped.actors) > 20_000
    assert shipped.actors.phrases() > 30_000
    assert len(shipped.agents) > 3_000
    assert len(shipped.discards) > 400
    assert len(shipped.verbs.patterns) > 4_000
    assert len(shipped.verbs.verbs) > 1_500
    assert len(shipped.verbs.synsets) > 30


def test_shipped_actor_roles_follow_the_date(shipped) -> None:
    (rouhani,) = shipped.actors.lookup("Hassan Rouhani")
    assert rouhani.role_on(date(1995, 6, 1)).sector == "LEG"  # type: ignore[union-attr]
    assert rouhani.role_on(date(2015, 6, 1)).sector == "GOV"  # type: ignore[union-attr]
    assert shipped.agents.lookup("police").sector == "COP"  # type: ignore[union-attr]


@pytest.mark.slow
def test_rerunning_the_converter_reproduces_the_shipped_files(conv, tmp_path: Path) -> None:
    if not (SHARED / "reference" / "petrarch2").is_dir():
        pytest.skip("../shared/reference/petrarch2 is absent (set NEWSEVENTS_SHARED to use it)")
    package = ROOT / "src" / "newsevents"
    shipped_actors = package / "resolve" / "data" / "phoenix" / "actors.tsv"
    text = shipped_actors.read_text(encoding="utf-8")
    stamp = re.search(r"^# Converted (\d{4}-\d{2}-\d{2}) by ", text, re.M)
    assert stamp, "the shipped actors.tsv names no conversion date"
    conv.convert(SHARED, tmp_path, stamp.group(1))
    produced = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len(produced) == 8
    for rel in produced:
        assert (tmp_path / rel).read_bytes() == (package / rel).read_bytes(), rel


def test_manual_modes_are_read_from_the_mode_tables(conv, tmp_path: Path) -> None:
    tex = tmp_path / "manual.tex"
    tex.write_text(
        "\\caption{Sector Codes}\n\\begin{tabular}\nGOV & government \\\\\n\\end{tabular}\n"
        "\\caption{\\plcat{AID} modes. Shared with \\plcat{REJECT}.}\n\\begin{tabular}{|l|l|}\n"
        "Name & Content \\\\\nconvoy & by road \\\\\n%airdrop & dropped \\\\\n\\end{tabular}\n",
        encoding="utf-8",
    )
    assert conv.manual_modes(tex) == {"AID": {"convoy"}, "REJECT": {"convoy"}}


# --- the shipped files agree with the project's own declarations ----------------------------
PLOVER_SECTORS = {  # the PLOVER manual's sector table
    *("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR"),
    *("BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"),
}


def test_shipped_codes_sectors_and_events_are_known(shipped) -> None:
    import pycountry

    from newsevents.resources import load_event_types

    states = {c.alpha_3 for c in pycountry.countries} | {"KOS"}  # PLOVER's Kosovo
    states |= {"DDR", "SUN", "YUG", "CSK", "SCG"}  # former states (ISO 3166-3)
    nonstate = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM", "NGM", "UIS"}
    codes = {r.code for a in shipped.actors for r in a.roles}
    assert codes <= states | nonstate | {""}, sorted(codes - states - nonstate)
    sectors = {r.sector for a in shipped.actors for r in a.roles}
    sectors |= {e.sector for e in shipped.agents.entries}
    assert sectors <= PLOVER_SECTORS | {""}, sorted(sectors - PLOVER_SECTORS)
    declared = set(load_event_types())
    events = {e.event for e in shipped.verbs.crosswalk.values()}
    assert events <= declared | {""}, sorted(events - declared)


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_", ["ADEN ABYAN ISLAMIC ARMY", "AAIA"]),
        ("GEORGIA_(COUNTRY)_", ["GEORGIA"]),  # a gloss, not an acronym
        ("VIRGIN_ISLANDS_(UK)_", ["VIRGIN ISLANDS"]),
        ("ARYAN_NATIONS_(AN)_", ["ARYAN NATIONS"]),  # "an" would match any text
        ('LUIS_"NANDO"_PEREIRA_', ["LUIS PEREIRA", "NANDO"]),
        ("WATCHERS,_THE", ["THE WATCHERS"]),
        ("ALPHA_+_BETA_FRONT_", ["ALPHA", "BETA FRONT"]),
    ],
)
def test_name_markup(conv, raw: str, names: list[str]) -> None:
    from phoenix_convert.actors import _names

    assert _names(raw) == names


def test_the_un_system_and_the_eu_get_their_plover_codes(conv) -> None:
    """PLOVER 2.0 codes the UN system UNO and the European Union EUR, not the generic IGO;
    CAMEO's IGOUNO... and IGOEUREEC... become them, other IGOs stay IGO."""
    actors = sys.modules["phoenix_convert.actors"]
    warnings = sys.modules["phoenix_convert.common"].Warnings()
    codes = [actors.split_code(c, "t", warnings) for c in ("IGOUNOREFHCR", "IGOEUREEC", "IGOBUS")]
    assert [(c.code, c.sector) for c in codes] == [("UNO", "REF"), ("EUR", ""), ("IGO", "BUS")]
