"""The reference registries (identity only): states, organisations and processes with their aliases, and the
matcher that finds their mentions in text.

Data lives in ontology/registry/: `states.csv` (made by make_states.py), `organizations.csv`, `processes.csv`
(columns id,type,label,kind,acronym,iso3,wikidata), `aliases.csv` (id,alias,kind,lang) and `matching.yaml`
(phrases that are never mentions, context exclusions, aliases shared by several ids on purpose).

Matching works on tokens (`\\w+` runs and single punctuation marks), so word boundaries come for free ("Niger" is
not in "Nigeria") and names may break across lines. At each token the longest registry name wins, scanning left
to right. Acronyms match with their exact case; names and demonyms match as written or in ALL CAPS; accents and
curly apostrophes are ignored.
"""
from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pycountry
import yaml

from migkg.graph.errors import RegistryError
from migkg.graph.model import Entity

ENTITY_FILES = ("states.csv", "organizations.csv", "processes.csv")
ALIAS_FILE = "aliases.csv"
MATCHING_FILE = "matching.yaml"
ENTITY_COLUMNS = ("id", "type", "label", "kind", "acronym", "iso3", "wikidata")
ALIAS_COLUMNS = ("id", "alias", "kind", "lang")
KINDS = {
    "State": ("state", "territory"),
    "Organization": ("un_entity", "igo", "regional_org", "inter_agency_group", "state_group", "government_body",
                     "ngo", "academic", "foundation", "private"),
    "Process": ("rcp", "interregional_forum", "global_process", "body"),
}
PREFIX = {"State": "state", "Organization": "org", "Process": "process"}
ALIAS_KINDS = ("acronym", "short", "former", "translation", "demonym", "variant")
ID_RX = {"State": re.compile(r"state:[A-Z]{3}"), "Organization": re.compile(r"org:[a-z0-9]+(?:-[a-z0-9]+)*"),
         "Process": re.compile(r"process:[a-z0-9]+(?:-[a-z0-9]+)*")}
QID_RX = re.compile(r"Q[1-9][0-9]*")
TOKEN_RX = re.compile(r"\w+|[^\w\s]")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2010": "-", "\u2011": "-"})
INVERTED_RX = re.compile(r",.*\bof(?: the)?$")
AMBIGUOUS = object()


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    id: str
    surface: str
    via: str  # "name", "acronym" or "demonym"


@dataclass(frozen=True)
class _Surface:
    tokens: tuple[str, ...]
    id: str | None          # None: a `never` phrase or a shared alias, which hides what is inside it
    via: str
    alias: str              # the registry form, for context rules


def _fold_accents(text: str) -> str:
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(QUOTES))
    return "".join(c for c in text if not unicodedata.combining(c))


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_fold_accents(t) for t in TOKEN_RX.findall(text))


def _strip_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def normalize(name: str) -> str:
    """The lookup form of a name: accents and curly quotes folded, spaces collapsed, a leading "the " dropped."""
    name = " ".join(_fold_accents(name).split())
    name = re.sub(r"'s$", "", name)
    return _strip_the(name).strip()


def _case_sensitive(alias: str) -> bool:
    """Short all-caps acronyms ("US", "WHO", "DESA") only match in capitals; longer ones ("UNESCO") do not need to."""
    letters = re.sub(r"[^A-Za-z]", "", alias)
    return letters.isupper() and len(letters) <= 5


def _plural(demonym: str) -> str | None:
    """English plural of a demonym ("Peruvian" -> "Peruvians", "Filipino" -> "Filipinos"), None when invariant."""
    if demonym.endswith(("s", "sh", "ch", "x", "z", "ese")):
        return None
    return demonym + "s"


class Registry:
    """Entities of the reference registries and a matcher over their names."""

    def __init__(self, entities: dict[str, Entity], surfaces: list[tuple[str, str, str]],
                 never: list[str], context: list[dict], shared: dict[str, list[str]]):
        self.entities = entities
        self._context = {}
        for rule in context:
            after = re.compile(rule["not_followed_by"]) if rule.get("not_followed_by") else None
            before = re.compile(rule["not_preceded_by"]) if rule.get("not_preceded_by") else None
            for alias in rule["aliases"]:
                self._context[normalize(alias)] = (after, before)
        shared_keys = {normalize(a).casefold() for a in shared}
        self._exact: dict[str, object] = {}     # case-sensitive lookup forms
        self._folded: dict[str, object] = {}    # case-insensitive lookup forms
        index: dict[str, dict[tuple, _Surface]] = {}

        def add_match(tokens: tuple, surface: _Surface):
            if not tokens:
                return
            slot = index.setdefault(tokens[0], {})
            known = slot.get(tokens)
            if known is not None and known.id == surface.id:
                return  # the first registration wins: a label stays "name" even if a demonym's plural equals it
            if known is not None:
                surface = _Surface(tokens, None, surface.via, surface.alias)
            slot[tokens] = surface

        for alias, eid, via in surfaces:
            form = normalize(alias)
            folded = form.casefold()
            target = None if folded in shared_keys else eid
            table, key = (self._exact, form) if _case_sensitive(form) else (self._folded, folded)
            if target is None or table.get(key, eid) != eid:
                table[key] = AMBIGUOUS
            else:
                table[key] = eid
            if INVERTED_RX.search(form):
                continue  # "Korea, Republic of" is for lookups only: in a list it would swallow "Republic of Moldova"
            forms = [form] if via == "acronym" else [form, form.upper()]
            if via == "demonym" and _plural(form):
                forms += [_plural(form), _plural(form).upper()]
                if target:
                    self._folded.setdefault(_plural(form).casefold(), eid)
            for f in forms:
                add_match(_tokens(f), _Surface(_tokens(f), target, via, form))
        for phrase in never:
            for f in (phrase, phrase.upper()):
                index.setdefault(_tokens(f)[0], {})[_tokens(f)] = _Surface(_tokens(f), None, "never", phrase)
        # Longest first, so the first candidate that fits at a token is the longest match there.
        self._index = {first: sorted(cands.values(), key=lambda s: -len(s.tokens)) for first, cands in index.items()}

    # --- loading --------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, path: str | Path | None = None) -> "Registry":
        """Read and validate the registry folder (default: the one shipped in migkg.ontology)."""
        folder = Path(path) if path is not None else Path(str(resources.files("migkg.ontology") / "registry"))
        entities: dict[str, Entity] = {}
        surfaces: list[tuple[str, str, str]] = []
        for name in ENTITY_FILES:
            for line, row in _rows(folder / name, ENTITY_COLUMNS):
                ent = _entity(row, f"{folder / name}, line {line}")
                if ent.id in entities:
                    raise RegistryError(f"{folder / name}, line {line}: duplicate id {ent.id}")
                entities[ent.id] = ent
                surfaces.append((ent.label, ent.id, "name"))
                if ent.acronym:
                    surfaces.append((ent.acronym, ent.id, "acronym"))
        matching = _matching(folder / MATCHING_FILE)
        shared = {normalize(a).casefold(): set(ids) for a, ids in matching["shared"].items()}
        owner: dict[str, str] = {}
        for eid, ent in entities.items():
            for form in filter(None, (ent.label, ent.acronym)):
                other = owner.setdefault(normalize(form).casefold(), eid)
                if other != eid and not {eid, other} <= shared.get(normalize(form).casefold(), set()):
                    raise RegistryError(f"{folder}: {form!r} names both {other} and {eid}")
        seen: set[tuple[str, str]] = set()
        for line, row in _rows(folder / ALIAS_FILE, ALIAS_COLUMNS):
            where = f"{folder / ALIAS_FILE}, line {line}"
            eid, alias, kind = row["id"], row["alias"].strip(), row["kind"]
            if eid not in entities:
                raise RegistryError(f"{where}: alias {alias!r} points to unknown id {eid!r}")
            if kind not in ALIAS_KINDS:
                raise RegistryError(f"{where}: unknown alias kind {kind!r} (expected one of {', '.join(ALIAS_KINDS)})")
            if not alias:
                raise RegistryError(f"{where}: empty alias for {eid}")
            key = normalize(alias).casefold()
            if (eid, key) in seen or key == normalize(entities[eid].label).casefold():
                raise RegistryError(f"{where}: alias {alias!r} repeats a name of {eid}")
            seen.add((eid, key))
            other = owner.setdefault(key, eid)
            if other != eid and not {eid, other} <= shared.get(key, set()):
                raise RegistryError(f"{where}: alias {alias!r} of {eid} already names {other} "
                                    f"(list it under 'shared' in {MATCHING_FILE} if that is intended)")
            entities[eid].aliases.append(alias)
            surfaces.append((alias, eid, {"acronym": "acronym", "demonym": "demonym"}.get(kind, "name")))
        for ent in entities.values():
            ent.aliases = sorted(set(ent.aliases + ([ent.acronym] if ent.acronym else [])) - {ent.label})
        return cls(entities, surfaces, matching["never"], matching["context"], matching["shared"])

    # --- lookups --------------------------------------------------------------------------------------------
    def resolve(self, name: str) -> str | None:
        """The id a name, acronym, demonym or alias stands for; None when unknown or ambiguous."""
        if not name or not name.strip():
            return None
        if name in self.entities:
            return name
        form = normalize(name)
        hit = self._exact.get(form)
        if hit is None:
            hit = self._folded.get(form.casefold())
        return None if hit is AMBIGUOUS else hit

    def find_mentions(self, text: str) -> list[Mention]:
        """Registry mentions in `text`: non-overlapping, left to right, the longest name winning at each place."""
        spans = [(m.start(), m.end()) for m in TOKEN_RX.finditer(text)]
        keys = [_fold_accents(text[s:e]) for s, e in spans]
        out: list[Mention] = []
        i, n = 0, len(keys)
        while i < n:
            step = 1
            for cand in self._index.get(keys[i], ()):
                size = len(cand.tokens)
                if i + size > n or tuple(keys[i:i + size]) != cand.tokens:
                    continue
                start, end = spans[i][0], spans[i + size - 1][1]
                if cand.via != "never" and not self._context_allows(cand.alias, text, start, end):
                    continue
                if cand.id is not None:
                    out.append(Mention(start, end, cand.id, text[start:end], cand.via))
                step = size
                break
            i += step
        return out

    def _context_allows(self, alias: str, text: str, start: int, end: int) -> bool:
        rule = self._context.get(alias)
        if rule is None:
            return True
        after, before = rule
        if after is not None and after.match(text, end, min(len(text), end + 80)):
            return False
        return not (before is not None and before.search(text[max(0, start - 80):start]))


@functools.lru_cache(maxsize=1)
def default_registry() -> Registry:
    """The shipped registry, loaded once per process."""
    return Registry.load()


# --- file reading and validation ----------------------------------------------------------------------------
def _rows(path: Path, columns: tuple[str, ...]):
    """(line number, row) for each data row of a registry CSV, after checking its header."""
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as e:
        raise RegistryError(f"{path}: cannot read registry file ({e.strerror})") from None
    with f:
        reader = csv.DictReader(f)
        header = tuple(reader.fieldnames or ())
        missing = [c for c in columns if c not in header]
        if missing:
            raise RegistryError(f"{path}: missing column(s) {', '.join(missing)}")
        for row in reader:
            if None in row or any(row[c] is None for c in columns):
                raise RegistryError(f"{path}, line {reader.line_num}: expected {len(header)} fields")
            yield reader.line_num, {k: (v or "").strip() for k, v in row.items()}


def _entity(row: dict, where: str) -> Entity:
    eid, type_, kind, iso3, qid = row["id"], row["type"], row["kind"], row["iso3"], row["wikidata"]
    if type_ not in KINDS:
        raise RegistryError(f"{where}: unknown type {type_!r} (expected State, Organization or Process)")
    if kind not in KINDS[type_]:
        raise RegistryError(f"{where}: unknown kind {kind!r} for {type_} (expected one of {', '.join(KINDS[type_])})")
    if not ID_RX[type_].fullmatch(eid):
        raise RegistryError(f"{where}: bad id {eid!r} for {type_} (expected {PREFIX[type_]}:<key>)")
    if not row["label"]:
        raise RegistryError(f"{where}: empty label for {eid}")
    if type_ == "State":
        if not re.fullmatch(r"[A-Z]{3}", iso3) or pycountry.countries.get(alpha_3=iso3) is None:
            raise RegistryError(f"{where}: bad ISO 3166-1 alpha-3 code {iso3!r} for {eid}")
        if eid != f"state:{iso3}":
            raise RegistryError(f"{where}: id {eid} does not match its ISO3 code {iso3}")
    elif iso3:
        raise RegistryError(f"{where}: iso3 is only for states, not {eid}")
    if qid and not QID_RX.fullmatch(qid):
        raise RegistryError(f"{where}: bad Wikidata QID {qid!r} for {eid}")
    return Entity(eid, type_, row["label"], kind, [], iso3=iso3 or None, acronym=row["acronym"] or None,
                  wikidata=qid or None)


def _matching(path: Path) -> dict:
    """never / context / shared from matching.yaml (all optional; a missing file means none)."""
    if not path.exists():
        return {"never": [], "context": [], "shared": {}}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise RegistryError(f"{path}: not valid YAML ({str(e).splitlines()[0]})") from None
    if not isinstance(data, dict):
        raise RegistryError(f"{path}: expected a mapping with never, context and shared")
    out = {"never": data.get("never") or [], "context": data.get("context") or [], "shared": data.get("shared") or {}}
    if not isinstance(out["never"], list) or not all(isinstance(p, str) and p.strip() for p in out["never"]):
        raise RegistryError(f"{path}: 'never' must be a list of phrases")
    if not isinstance(out["shared"], dict) or not all(isinstance(v, list) for v in out["shared"].values()):
        raise RegistryError(f"{path}: 'shared' must map an alias to a list of ids")
    for i, rule in enumerate(out["context"], 1):
        if not isinstance(rule, dict) or not isinstance(rule.get("aliases"), list):
            raise RegistryError(f"{path}: context rule {i} needs a list of aliases")
        for key in ("not_followed_by", "not_preceded_by"):
            try:
                re.compile(rule.get(key) or "")
            except re.error as e:
                raise RegistryError(f"{path}: context rule {i}: bad {key} pattern ({e})") from None
    return out
