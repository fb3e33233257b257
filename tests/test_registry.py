"""Reference registries (ontology/registry/*.csv) and the mention matcher (ontology/registry.py)."""
import csv
import shutil
from dataclasses import FrozenInstanceError
from importlib import resources
from pathlib import Path

import pytest

from migkg.graph.errors import RegistryError
from migkg.ontology import make_states
from migkg.ontology.registry import INVERTED_RX, Mention, Registry, default_registry, normalize

REGISTRY_DIR = Path(str(resources.files("migkg.ontology") / "registry"))
CORPUS = sorted(Path(str(resources.files("migkg.loaders") / "corpus")).glob("*.txt"))
CASES = Path(__file__).parent / "data" / "registry_cases.tsv"
ENTITY_FILES = ("states.csv", "organizations.csv", "processes.csv")

# Everything the task names must be in the registry (ids, so a rename shows up here).
REQUIRED = """
org:ilo org:iom org:ohchr org:unctad org:un-desa org:un-desa-population-division org:undp org:unesco org:unfpa
org:unhcr org:unicef org:unitar org:unodc org:un-regional-commissions org:eca org:ece org:eclac org:escap org:escwa
org:unifem org:un-women org:who org:world-bank org:fao org:ifad org:unep org:gmg org:oecd org:icmpd org:idb org:acp
org:eu org:european-commission org:au org:asean org:ecowas org:sadc org:igad org:gcc org:caricom org:mercosur
org:league-of-arab-states org:segib org:g77 org:ldcs
process:colombo-process process:abu-dhabi-dialogue process:bali-process process:budapest-process
process:prague-process process:rabat-process process:rcm process:sacm process:midsa process:midwa process:igad-rcp
process:igc process:5-plus-5-dialogue process:mtm process:almaty-process process:pidc
process:gfmd process:hld process:gcim process:berne-initiative
state:PHL state:KOR state:PRK state:HKG state:MAC state:TWN state:PSE state:VAT
""".split()


@pytest.fixture(scope="module")
def reg():
    return default_registry()


def read_csv(name):
    with open(REGISTRY_DIR / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_cases():
    for line in CASES.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        text, expected = line.split("\t")
        yield pytest.param(text.replace("\\n", "\n"), expected.split(), id=text[:50])


# --- the data ---------------------------------------------------------------------------------------------------
def test_states_cover_every_iso_country_with_un_labels(reg):
    states = [e for e in reg.entities.values() if e.type == "State"]
    assert len([s for s in states if s.kind == "state" and s.iso3]) >= 190
    assert all(s.id == f"state:{s.iso3}" for s in states)
    labels = {s.id: s.label for s in states}
    assert labels["state:KOR"] == "Republic of Korea" and labels["state:VNM"] == "Viet Nam"
    assert labels["state:GBR"] == "United Kingdom" and labels["state:USA"] == "United States"
    assert labels["state:HKG"] == "China, Hong Kong SAR" and labels["state:TWN"] == "Taiwan Province of China"
    assert reg.entities["state:HKG"].kind == "territory" and reg.entities["state:PSE"].kind == "state"


def test_contract_example_entity(reg):
    phl = reg.entities["state:PHL"]
    assert (phl.type, phl.label, phl.kind, phl.iso3, phl.wikidata) == ("State", "Philippines", "state", "PHL", "Q928")
    assert "Filipino" in phl.aliases and "Republic of the Philippines" in phl.aliases
    iom = reg.entities["org:iom"]
    assert (iom.type, iom.kind, iom.acronym) == ("Organization", "un_entity", "IOM") and "IOM" in iom.aliases


def test_registry_holds_everything_the_field_needs(reg):
    missing = [i for i in REQUIRED if i not in reg.entities]
    assert missing == []
    assert reg.entities["org:gmg"].kind == "inter_agency_group"
    assert reg.entities["process:rcm"].kind == "rcp" and reg.entities["process:gfmd"].kind == "global_process"


def test_ids_unique_and_files_sorted_by_id():
    all_ids = []
    for name in ENTITY_FILES:
        ids = [r["id"] for r in read_csv(name)]
        assert ids == sorted(ids), name
        all_ids += ids
    assert len(all_ids) == len(set(all_ids))
    alias_ids = [r["id"] for r in read_csv("aliases.csv")]
    assert alias_ids == sorted(alias_ids)


def test_make_states_reproduces_states_csv(tmp_path):
    out = tmp_path / "states.csv"
    make_states.write(out)
    assert out.read_bytes() == (REGISTRY_DIR / "states.csv").read_bytes()


def test_wikidata_qids_are_unique(reg):
    qids = [e.wikidata for e in reg.entities.values() if e.wikidata]
    assert len(qids) == len(set(qids))


# --- lookups -------------------------------------------------------------------------------------------------------
def test_every_name_resolves_to_its_own_id(reg):
    shared = {normalize(a).casefold() for a in ("Congolese", "Dominican")}
    for e in reg.entities.values():
        for name in [e.label, e.acronym, *e.aliases]:
            if not name:
                continue
            expected = None if normalize(name).casefold() in shared else e.id
            assert reg.resolve(name) == expected, (name, e.id)


def test_every_name_standing_alone_is_one_mention_of_its_id(reg):
    shared = {"Congolese", "Dominican"}
    for e in reg.entities.values():
        for name in {e.label, e.acronym, *e.aliases} - {None, *shared}:
            if INVERTED_RX.search(normalize(name)):
                continue  # "Korea, Republic of" is a lookup form only
            got = reg.find_mentions(f"{name} officials")
            start = 4 if name.lower().startswith("the ") else 0  # a leading "the" is not part of the mention
            assert [(m.id, m.start, m.end) for m in got] == [(e.id, start, len(name))], (name, got)


def test_resolve_normalises_and_respects_acronym_case(reg):
    assert reg.resolve("  the   Netherlands ") == "state:NLD"
    assert reg.resolve("Cote d’Ivoire") == "state:CIV"
    assert reg.resolve("MEXICO") == reg.resolve("méxico") == "state:MEX"
    assert reg.resolve("Mexico's") == "state:MEX"
    assert reg.resolve("US") == "state:USA" and reg.resolve("us") is None
    assert reg.resolve("WHO") == "org:who" and reg.resolve("who") is None
    assert reg.resolve("Unesco") == "org:unesco"
    assert reg.resolve("Korea, Republic of") == "state:KOR"
    assert reg.resolve("Puebla Process") == reg.resolve("RCM") == "process:rcm"
    assert reg.resolve("INM") == reg.resolve("NMI") == "org:mexico-inm"
    assert reg.resolve("state:PHL") == "state:PHL"
    assert reg.resolve("Steering Group") is None and reg.resolve("") is None
    assert reg.resolve("Congolese") is None  # shared by two states on purpose


# --- mentions ------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", list(load_cases()))
def test_mention_cases(reg, text, expected):
    got = reg.find_mentions(text)
    assert [m.id for m in got] == expected
    for m in got:
        assert text[m.start:m.end] == m.surface


def test_mention_record_and_vias(reg):
    text = "Filipino nurses in Mexico's IOM office"
    got = reg.find_mentions(text)
    assert got == [Mention(0, 8, "state:PHL", "Filipino", "demonym"), Mention(19, 25, "state:MEX", "Mexico", "name"),
                   Mention(28, 31, "org:iom", "IOM", "acronym")]
    with pytest.raises(FrozenInstanceError):
        got[0].id = "x"


def test_demonym_inside_a_longer_registry_name_is_not_a_mention(reg):
    got = reg.find_mentions("the Mexican Ministry of Foreign Affairs and the Philippine Overseas Employment Administration")
    assert [(m.id, m.via) for m in got] == [("org:mexico-sre", "name"), ("org:philippines-poea", "name")]


def test_corpus_scan_finds_many_states(reg):
    texts = [p.read_text(encoding="utf-8") for p in CORPUS]
    assert len(texts) == 5 and sum(map(len, texts)) > 1_000_000
    found = [reg.find_mentions(t) for t in texts]
    states = {m.id for ms in found for m in ms if m.id.startswith("state:")}
    assert len(states) >= 60
    for text, ms in zip(texts, found):
        assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))
        assert all(text[m.start:m.end] == m.surface and m.via in ("name", "acronym", "demonym") for m in ms)


def test_default_registry_is_cached():
    assert default_registry() is default_registry()


# --- validation of broken registries --------------------------------------------------------------------------------
HEADER = "id,type,label,kind,acronym,iso3,wikidata\n"


def small_registry(tmp_path, states="", orgs="", processes="", aliases="", matching=None):
    d = tmp_path / "reg"
    d.mkdir(exist_ok=True)
    (d / "states.csv").write_text(HEADER + "state:FRA,State,France,state,,FRA,Q142\n" + states, encoding="utf-8")
    (d / "organizations.csv").write_text(HEADER + "org:iom,Organization,International Organization for Migration,"
                                         "un_entity,IOM,,\n" + orgs, encoding="utf-8")
    (d / "processes.csv").write_text(HEADER + processes, encoding="utf-8")
    (d / "aliases.csv").write_text("id,alias,kind,lang\nstate:FRA,French,demonym,en\n" + aliases, encoding="utf-8")
    if matching is not None:
        (d / "matching.yaml").write_text(matching, encoding="utf-8")
    return d


def test_small_valid_registry_loads(tmp_path):
    r = Registry.load(small_registry(tmp_path))
    assert sorted(r.entities) == ["org:iom", "state:FRA"]
    assert [m.id for m in r.find_mentions("French IOM staff in France")] == ["state:FRA", "org:iom", "state:FRA"]


@pytest.mark.parametrize("kwargs,file,line,words", [
    ({"states": "state:FRA,State,France again,state,,FRA,\n"}, "states.csv", 3, "duplicate id state:FRA"),
    ({"orgs": "org:x,Organization,X,club,,,\n"}, "organizations.csv", 3, "unknown kind 'club'"),
    ({"processes": "process:x,Thing,X,rcp,,,\n"}, "processes.csv", 2, "unknown type 'Thing'"),
    ({"states": "state:XYZ,State,Nowhere,state,,XYZ,\n"}, "states.csv", 3, "bad ISO 3166-1 alpha-3 code 'XYZ'"),
    ({"states": "state:DEU,State,Germany,state,,FRA,\n"}, "states.csv", 3, "does not match"),
    ({"orgs": "org:x,Organization,X,igo,,,Q12x\n"}, "organizations.csv", 3, "bad Wikidata QID"),
    ({"orgs": "org:Bad Id,Organization,X,igo,,,\n"}, "organizations.csv", 3, "bad id"),
    ({"aliases": "org:nope,Nope,variant,en\n"}, "aliases.csv", 3, "unknown id 'org:nope'"),
    ({"aliases": "org:iom,Frenchies,nickname,en\n"}, "aliases.csv", 3, "unknown alias kind 'nickname'"),
    ({"aliases": "org:iom,french,variant,en\n"}, "aliases.csv", 3, "already names state:FRA"),
    ({"aliases": "org:iom,France,variant,en\n"}, "aliases.csv", 3, "already names state:FRA"),
])
def test_broken_registry_names_file_and_line(tmp_path, kwargs, file, line, words):
    d = small_registry(tmp_path, **kwargs)
    with pytest.raises(RegistryError) as err:
        Registry.load(d)
    assert f"{file}, line {line}" in str(err.value) and words in str(err.value)


def test_alias_shared_on_purpose_is_allowed_but_never_resolves(tmp_path):
    extra = "state:BEL,State,Belgium,state,,BEL,\n"
    aliases = "org:iom,Francophone,variant,en\nstate:BEL,Francophone,variant,fr\n"
    with pytest.raises(RegistryError, match="already names"):
        Registry.load(small_registry(tmp_path, states=extra, aliases=aliases))
    shared = 'shared:\n  Francophone: ["org:iom", "state:BEL"]\n'
    r = Registry.load(small_registry(tmp_path, states=extra, aliases=aliases, matching=shared))
    assert r.resolve("Francophone") is None and r.find_mentions("Francophone states") == []
    assert "Francophone" in r.entities["state:BEL"].aliases


def test_missing_file_column_and_bad_matching(tmp_path):
    d = small_registry(tmp_path)
    (d / "processes.csv").unlink()
    with pytest.raises(RegistryError, match=r"processes\.csv: cannot read"):
        Registry.load(d)
    d = small_registry(tmp_path)
    (d / "processes.csv").write_text("id,type,label\n", encoding="utf-8")
    with pytest.raises(RegistryError, match=r"processes\.csv: missing column\(s\) kind, acronym, iso3, wikidata"):
        Registry.load(d)
    d = small_registry(tmp_path, matching="context:\n  - aliases: [France]\n    not_followed_by: '('\n")
    with pytest.raises(RegistryError, match=r"matching\.yaml: context rule 1: bad not_followed_by"):
        Registry.load(d)


def test_matching_rules_are_data(tmp_path):
    d = small_registry(tmp_path, matching="never:\n  - France Telecom\ncontext:\n  - aliases: [French]\n"
                                          "    not_followed_by: '\\s+fries'\n")
    r = Registry.load(d)
    assert [m.id for m in r.find_mentions("France Telecom sold French fries in France")] == ["state:FRA"]


def test_shipped_registry_copy_loads_from_a_path(tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(REGISTRY_DIR, copy)
    r = Registry.load(copy)
    assert len(r.entities) == len(default_registry().entities)


def test_field_organisations_have_identity_data(reg):
    kinds = {"org:samp": "academic", "org:university-of-sussex": "academic", "org:macarthur-foundation": "foundation",
             "org:graduate-institute": "academic", "org:wfp": "un_entity", "org:unrwa": "un_entity",
             "org:afdb": "igo", "org:saarc": "regional_org", "process:cmc": "rcp", "process:midcom": "rcp"}
    assert {i: reg.entities[i].kind for i in kinds} == kinds
    assert reg.resolve("Southern African Migration Project") == reg.resolve("SAMP") == "org:samp"
    assert reg.resolve("UN/DESA") == reg.resolve("UN DESA") == "org:un-desa"


def test_generic_un_is_not_the_head_of_an_unknown_longer_name(reg):
    ids = lambda text: [m.id for m in reg.find_mentions(text)]      # noqa: E731
    assert ids("the UN Statistics Division") == ["org:unsd"]
    assert ids("the United Nations Migration Agency Office") == []     # unknown office: no generic UN
    assert ids("the UN Special Rapporteur") == ["org:un"]              # a role of the UN, not another body
    assert ids("the UN-led process") == ["org:un"]
    [m] = reg.find_mentions("together with UN/DESA")
    assert (m.surface, m.id) == ("UN/DESA", "org:un-desa")
