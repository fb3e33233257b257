"""Read a text or markdown document into clean sentences that keep an exact map back to the original.

The corpus is PDF-to-text/markdown conversions: emphasis and tags, footnote markers glued to words, footnote
bodies and running headers interrupting sentences at page breaks, tables of contents, tab tables, pull quotes and
repeated paragraphs. The reader works in three passes:

1. lines -> clean lines: contact details are cut first (loaders/contacts.py), then markup; every clean character
   keeps the offset of the original character it came from;
2. lines -> units (heading, prose paragraph, list item, table row, footnote, short line, or skipped);
   paragraphs broken by a page break are re-joined across the lines that interrupt them;
3. units -> sentences, each with its section path, footnote references and duplicate link.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from migkg.graph.errors import InputError
from migkg.loaders.contacts import find_contacts

# --------------------------------------------------------------------------------------------- data kept as data
# Tokens that end with "." without ending a sentence (case-sensitive; single capital initials are handled apart).
ABBREVIATIONS = frozenset("""
Mr Mrs Ms Mme Mlle Dr Prof Amb Sr Sra Jr St Hon Rev Gen Col Lt Capt Sen Rep Gov Pres Min Dept Univ
No Nos no nos Art art Vol vol Ch ch Sec sec Para para Fig fig p pp ed eds approx ca cf vs viz al Inc Ltd Co Corp Bros
e.g i.e Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Rs Mt Ft Sto Sta Ste Messrs Mmes Dra
Msgr Mgr Fr Atty Engr Usec Asec Cong Dir Supt Maj Sgt Adm Cdr Esq Drs Pty Plc Assn Govt Ave Blvd
MR MRS MS DR PROF AMB SR JR HON ST STO Ma
""".split())
HONORIFIC = re.compile(r"^(?:MR|MS|MRS|DR|PROF|H\.E|HE|SIR|AMB)\b\.?", re.I)
ORDINAL_SUP = frozenset({"st", "nd", "rd", "th", "er", "re", "e", "o", "a", "ème", "eme"})
FUNCTION_WORDS = frozenset("""a an the and or nor but of for to in on at by with from as that which who whom whose
its their his her our your this these those than into onto upon between among including such is are was were be
been has have had will would can could should may must not also both either neither per via de la le des du et""".split())
# Words a sentence does not end on, besides the function words (quantifiers, number words).
MID_CLAUSE_WORDS = frozenset("""some any all each every several many most few more less other another no
hundred hundreds thousand thousands million millions billion over under about around nearly almost
two three four five six seven eight nine ten twelve twenty fifty""".split())
# Capitalised words that open a sentence: after a page break, a paragraph starting with one is a new paragraph
# even when the previous one stopped mid-clause ("... focused on promoting a" / "As a prelude to ...").
SENTENCE_OPENERS = frozenset(w.capitalize() for w in FUNCTION_WORDS) | frozenset("""
It They We He She There Here Some Many Most All Each Every Other Others Several One Another Both
However Also Finally Moreover Furthermore Additionally Nevertheless Meanwhile Thus Therefore Hence Instead
Since While When Where Although Though After Before During Following Given If Once Despite Among Under
Through Over Within Without Regarding Concerning Participants Delegates Speakers Panellists Panelists
""".split())
# PDF content-stream operators leaked into the text ("…iMarch(n)-8()TJ0.120", "BDC Tc 0.00-u8t…"): a strong
# signature, and the shapes of the garbage tokens around it (backed over to find where the real text stops).
PDF_OPERATOR = re.compile(r"[\])]\s*T[Jj]|\bT[Jj]-?\.?\d|\bT[JjcwdDfzLm]\s+-?\.?\d|\d\s+T[cwdDfzLm*]\b|\bBDC\b|\bEMC\b"
                          r"|\bBT\s*/\w|\)-?\d+(?:\.\d+)?\(|<[0-9A-Fa-f]{12,}>")
PDF_HINT = re.compile(r"T[JjcwdDfzLm*]|BDC|EMC|\)-?\d|BT|<[0-9A-Fa-f]{12}")   # cheap test before PDF_OPERATOR
PDF_TOKEN = re.compile(r"^(?:T[JjcwdDfzLm*]|BT|ET|BDC|EMC|-?\d*\.\d+|-?\d+)$|[()\[\]{}\\/<>].*\d|\d.*[()\[\]{}\\/<>]"
                       r"|[a-z]\d+[a-z(]|\d[a-z]{2,}|\)[a-z]|^[a-z]+[A-Z]|[A-Z][a-z][A-Z][a-z]|T[Jj]\d")
# Converter artefacts that are not document text.
ARTEFACT = re.compile(r"^(?:ISBN\b|©|Copyright\b)|^(?:An?|The) (?:handwritten signature|image|logo|photograph|picture|stamp)\b", re.I)
PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–—]?\s*(?:\d{1,3}|[ivxlc]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,3})?$", re.I)
DOC_SYMBOL = re.compile(r"^[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.()-]*){2,}$")
TOC_TITLE = re.compile(r"^(?:table of )?(?:contents|overview|summary of contents|sommaire)(?:\s*\((?:continued|cont'?d\.?)\))?$", re.I)
TOC_ENTRY = re.compile(r"\t\s*(?:\d{1,3}(?:\s*[-–]\s*\d{1,3})?|[ivxlc]{1,6})\s*$|\.{4,}\s*\d{1,3}\s*$", re.I)
PAGE_COLUMN = re.compile(r"^\s*(?:<i>)?\s*(?:pages?|p\.)\s*(?:</i>)?\s*$", re.I)

# Line-start markers (on the raw line).
MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+")
BULLET = re.compile(r"^\s*(?:(?:[-•▪◦·●‣]|\*(?=\s))\s+|[-•](?=[A-ZÀ-Ý“\"]))")
ENUMERATOR = re.compile(r"^\s*(?:\(?[a-z]\)|\(?[ivx]{1,4}\)|\(\d{1,2}\)|\d{1,2}\))\s+")
FOOTNOTE_START = re.compile(
    r"^\s*(?:[-•]\s+)?(?:(?P<u>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|ⁱ{1,3}|ⁱᵛ|ᵛ)|<sup>\s*(?P<s>[0-9ivx*]{1,5})\s*</sup>"
    r"|\$?\^\{\^?(?P<l>[0-9ivx]{1,5})\}\$?|\((?P<p>\d{1,3})\)(?=\s+[A-Z<*“\"'(]))\s*")
NUMBERED = re.compile(r"^(?:(?P<roman>[IVXL]{1,6})\.|(?P<letter>[A-H])\.|(?P<num>\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}\.))"
                      r"(?:\s+[–—-])?\s+(?=\S*[A-Za-z])")
PART_TITLE = re.compile(r"^(?:Appendix|APPENDIX|Annex|ANNEX|Part|PART|Chapter|CHAPTER)\s+(?:[IVXL]+|\d{1,2}|[A-Z]|[A-Z][a-z]+|[A-Z]+)\.?$")
COUNTED = re.compile(r"^(?:[A-Z][\w-]*\s+){1,2}\d+(?:\.\d+)*\b")       # "RT Session 1.2", "Panel 1", "Annex 3"
COUNTED_TITLE = re.compile(COUNTED.pattern + r"(?:\.\d|\s*[:–—-]\s*\S)")  # "RT Session 1.2: Joint strategies ..."
PERSON_AFTER_LABEL = re.compile(r":\s*(?:Mr|Ms|Mrs|Dr|H\.E|Prof|Professor|Ambassador|Amb|Sir|Mme)\b")
LABEL_LINE = re.compile(r"^\(?[A-Z][A-Za-z0-9/&.'-]*(?: [A-Za-z0-9/&.'-]+){0,3}\s?:\s*\S")      # "Chair: ...", "(Co-Chairs: ...)"

# Inline markup (on the raw line). Order matters: escapes before emphasis, tags before everything else.
INLINE = re.compile(r"""
 (?P<sup><sup>\s*(?P<supc>[^<]{0,12}?)\s*</sup>)
|(?P<texnote>\$?\^\{\^?(?P<texn>[^}]{1,6})\}\$?)
|(?P<texcmd>\\[A-Za-z]+\{|\\[A-Za-z]+\b|\\\s)
|(?P<tag></?(?:i|u|b|em|strong|sub|span|br|small)\s*/?>)
|(?P<auto><(?=https?://|www\.)|(?<=[^\s<])>(?=[\s.,;)]|$))
|(?P<esc>\\(?P<escc>[$%&_#*\[\]()\\-]))
|(?P<dollar>\$(?=[A-Za-z\\])|(?<=[A-Za-z}])\$(?!\d))
|(?P<brace>[{}])
|(?P<emph>\*+|(?<!\w)__|__(?!\w))
|(?P<usup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|[ⁱᵛ]+(?![A-Za-z]))
|(?P<glued>(?<=[A-Za-z)\]”"’][.,;:])\d{1,3}(?=[\s)]|$))
""", re.X)
TERMINAL = ".!?:;…"
CLOSERS = "”\"’')]*_»"
OPENERS = "“\"‘'(¿¡«["


# ---------------------------------------------------------------------------------------------- public records
@dataclass
class Sentence:
    text: str                 # clean text (markup removed, whitespace collapsed, footnote markers removed)
    start: int                # offset into the ORIGINAL file text of the first char of the sentence
    end: int                  # offset into the ORIGINAL file text just after the last char
    line: int                 # 1-based line of the original file where the sentence starts
    section: tuple[str, ...]  # heading path
    kind: str                 # "prose" | "heading" | "list_item" | "table_row" | "footnote" | "line"
    offsets: list[int]        # len(offsets) == len(text); original offset of each clean char
    cells: list[str] | None = None
    cell_spans: list[tuple[int, int]] | None = None
    footnote: str | None = None
    notes: tuple[str, ...] = ()
    duplicate_of: int | None = None

    def span(self, i: int, j: int) -> tuple[int, int]:
        """Original (start, end) of clean text[i:j]."""
        if not 0 <= i < j <= len(self.text):
            raise ValueError(f"span [{i}:{j}] outside the sentence (length {len(self.text)})")
        while i < j - 1 and self.text[i] == " ":
            i += 1
        while j - 1 > i and self.text[j - 1] == " ":
            j -= 1
        return self.offsets[i], self.offsets[j - 1] + 1


@dataclass
class Document:
    doc_id: str
    path: str
    original: str
    sentences: list[Sentence]
    meta: dict
    _line_starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def line_of(self, offset: int) -> int:
        """1-based line of an original offset."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        return bisect.bisect_right(self._line_starts, offset)


# -------------------------------------------------------------------------------------------------- decoding
def decode(data: bytes, path) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else the encoding charset-normalizer detects, else InputError."""
    if not data.strip():
        raise InputError(f"{path}: empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _non_empty(data.decode("utf-16"), path)
        except UnicodeDecodeError:
            raise InputError(f"{path}: undecodable text (UTF-16 byte-order mark, invalid UTF-16)") from None
    if _looks_binary(data):
        raise InputError(f"{path}: binary file, not text")
    try:
        return _non_empty(data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"), path)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}: undecodable text (not UTF-8, and no other encoding fits)")
    return _non_empty(str(best), path)


def _non_empty(text: str, path) -> str:
    if not text.strip():
        raise InputError(f"{path}: empty file")
    return text


def _looks_binary(data: bytes) -> bool:
    head = data[:65536]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > 0.05 * len(head)


# ------------------------------------------------------------------------------------------------ entry points
def read_document(path, doc_id=None, meta=None) -> Document:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory, not a document")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot read ({e.strerror or e})") from None
    return read_text(decode(data, p), doc_id or p.stem, meta, str(p))


def read_text(text: str, doc_id: str, meta=None, path="") -> Document:
    if meta is None:
        from migkg.loaders.sources import catalogue
        meta = dict(catalogue().get(doc_id) or {})
    lines = _clean_lines(text)
    units = _units(lines)
    doc = Document(doc_id, str(path), text, _sentences(units), dict(meta))
    for s in doc.sentences:
        s.line = doc.line_of(s.start)
    return doc


# ------------------------------------------------------------------------------------------ pass 1: clean lines
@dataclass
class Clean:
    """Clean text with the original offset of every character."""
    text: str = ""
    offs: list[int] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)   # (clean position, marker)

    def add_char(self, ch: str, off: int) -> None:
        self.text += ch
        self.offs.append(off)

    def extend(self, other: "Clean", sep_at: int | None = None) -> None:
        if sep_at is not None and self.text and other.text:
            self.add_char(" ", sep_at)
        base = len(self.text)
        self.notes.extend((base + p, m) for p, m in other.notes)
        self.text += other.text
        self.offs.extend(other.offs)

    def squeeze(self) -> "Clean":
        """Collapse whitespace runs to one space (at the first blank's offset) and strip both ends."""
        if not ODD_BLANKS.search(self.text):
            return Clean(self.text, list(self.offs), list(self.notes))
        parts: list[str] = []
        offs: list[int] = []
        keep_map: dict[int, int] = {}
        n = 0
        src = self.offs
        for m in NONBLANK.finditer(self.text):
            a, b = m.span()
            if parts:
                parts.append(" ")
                offs.append(src[a - 1])
                n += 1
            keep_map[a] = n
            parts.append(m.group())
            offs.extend(src[a:b])
            n += b - a
            keep_map[b] = n
        out = Clean("".join(parts), offs)
        if self.notes:
            ends = sorted(keep_map)
            for p, mk in self.notes:
                k = bisect.bisect_right(ends, p) - 1
                out.notes.append((keep_map[ends[k]] if k >= 0 else 0, mk))
        return out


NONBLANK = re.compile(r"\S+")
ODD_BLANKS = re.compile(r"^\s|\s$|\s\s|[^\S ]")
MARKUP_HINT = re.compile(r"[<>*\\$^{}_⁰¹²³⁴⁵⁶⁷⁸⁹ⁱᵛ]|[.,;:]\d")


@dataclass
class Line:
    no: int                # 0-based line index
    start: int             # original offset of the line
    raw: str               # original line text (no newline)
    clean: Clean
    blank: bool
    dropped: bool = False  # only contact details: yields nothing and does not separate paragraphs
    garbled: bool = False  # PDF operator garbage was cut off its end: the paragraph stops here


def _clean_lines(text: str) -> list[Line]:
    contacts = find_contacts(text)
    mask = bytearray(len(text) + 1)
    for s, e in contacts:
        mask[s:e] = b"\x01" * (e - s)
    lines, pos = [], 0
    for no, raw in enumerate(text.split("\n")):
        raw_noreturn = raw[:-1] if raw.endswith("\r") else raw
        clean = _clean_inline(raw_noreturn, 0, len(raw_noreturn), pos)
        dropped = False
        if any(mask[pos:pos + len(raw)]):
            before = sum(c.isalnum() for c in clean.text)
            keep = [k for k, o in enumerate(clean.offs) if not mask[o]]
            kept = Clean("".join(clean.text[k] for k in keep), [clean.offs[k] for k in keep],
                         [(p, m) for p, m in clean.notes])
            after = sum(c.isalnum() for c in kept.text)
            clean = kept
            dropped = after < 0.4 * before or not any(c.isalnum() for c in kept.text)
        clean = clean.squeeze()
        cut = _garbage_start(clean.text)
        if cut is not None:
            clean = Clean(clean.text[:cut], clean.offs[:cut], [(p, m) for p, m in clean.notes if p <= cut]).squeeze()
        blank = not raw.strip()
        lines.append(Line(no, pos, raw_noreturn, clean, blank, dropped and not blank, garbled=cut is not None))
        pos += len(raw) + 1
    return lines


def _garbage_start(text: str) -> int | None:
    """Where leaked PDF operators begin in a clean line (they run to its end), or None. The cut goes back from the
    first operator over the garbage tokens before it, to the last word that looks like text."""
    m = PDF_HINT.search(text) and PDF_OPERATOR.search(text)
    if not m:
        return None
    tokens = list(re.finditer(r"\S+", text[:m.start()]))
    cut = tokens[-1].start() if tokens and not text[m.start() - 1:m.start()].isspace() else m.start()
    for t in reversed(tokens[:-1] if cut != m.start() else tokens):
        if not PDF_TOKEN.search(t.group()):
            break
        cut = t.start()
    return cut if len(text[:cut].split()) >= 3 else 0    # a word or two before the garbage is garbage too


def _clean_inline(raw: str, i: int, j: int, base: int) -> Clean:
    """Markup removed from raw[i:j]; footnote markers become notes. Offsets are base + index in raw."""
    parts: list[str] = []
    offs: list[int] = []
    notes: list[tuple[int, str]] = []
    n = 0

    def keep(a: int, b: int) -> None:
        nonlocal n
        parts.append(raw[a:b])
        offs.extend(range(base + a, base + b))
        n += b - a

    if not MARKUP_HINT.search(raw, i, j):
        return Clean(raw[i:j], list(range(base + i, base + j)))
    pos = i
    for m in INLINE.finditer(raw, i, j):
        if m.start() > pos:
            keep(pos, m.start())
        pos = m.end()
        if m.group("sup") is not None:
            content = (m.group("supc") or "").strip()
            if content.lower() in ORDINAL_SUP or not content:
                keep(m.start("supc"), m.end("supc"))
            else:
                notes.append((n, content))
        elif m.group("texnote") is not None:
            notes.append((n, m.group("texn").strip("^ ")))
        elif m.group("texcmd") is not None:
            if m.group()[1:2].isspace():
                parts.append(" ")
                offs.append(base + m.start())
                n += 1
        elif m.group("esc") is not None:
            keep(m.start("escc"), m.end("escc"))
        elif m.group("usup") is not None:
            notes.append((n, unicodedata.normalize("NFKC", m.group())))
        elif m.group("glued") is not None:
            notes.append((n, m.group()))
        # tags, emphasis, autolink brackets, TeX dollars and braces: dropped
    if pos < j:
        keep(pos, j)
    return Clean("".join(parts), offs, notes)


# ----------------------------------------------------------------------------------------------- pass 2: units
@dataclass
class Unit:
    kind: str                       # prose heading list_item table_row footnote line skip
    clean: Clean
    block: int                      # index of the blank-separated block
    first_line: int
    raw: str = ""                   # raw text of the first line (for shape tests)
    level: int | None = None        # heading level (None: decided from context)
    numbering: str | None = None    # "roman" "letter" "num" "markdown" for headings
    footnote: str | None = None
    cells: list[Clean] | None = None
    plain: bool = False             # no structural marker (may be heading, line, prose or pull quote)
    pull_quote: bool = False
    consumed: bool = False
    terminated: bool = True
    garbled: bool = False           # ends where PDF garbage was cut: never continued
    after_garbage: bool = False     # starts right after PDF garbage: its true predecessor is unknown


def _units(lines: list[Line]) -> list[Unit]:
    toc = _toc_lines(lines)
    units: list[Unit] = []
    block, prev_blank = 0, True
    current: Unit | None = None
    emphasis_open = False
    garbage_marks: list[list] = []  # [len(units) right after a line cut at PDF garbage, did a unit take its text]
    for ln in lines:
        if garbage_marks and garbage_marks[-1][0] is None:
            garbage_marks[-1][0] = len(units)
            current = None
        if ln.dropped:
            continue
        if ln.garbled:
            garbage_marks.append([None, bool(ln.clean.text) and not ln.blank])
        if ln.blank:
            if not prev_blank:
                block += 1
            prev_blank, current, emphasis_open = True, None, False
            continue
        prev_blank = False
        raw = ln.raw
        if ln.no in toc or not ln.clean.text:
            current = None
            continue
        if "\t" in raw.strip(" "):
            units.append(_table_row(ln, block))
            current = None
            continue
        fn = FOOTNOTE_START.match(raw)
        if fn:
            marker = fn.group("u") or fn.group("s") or fn.group("l") or fn.group("p")
            marker = unicodedata.normalize("NFKC", marker)
            body = _line_clean_from(ln, fn.end())
            current = Unit("footnote", body, block, ln.no, raw, footnote=marker)
            units.append(current)
            continue
        md = MD_HEADING.match(raw)
        if md:
            body = _line_clean_from(ln, md.end())
            units.append(Unit("heading", body, block, ln.no, raw, level=len(md.group(1)), numbering="markdown"))
            current = None
            continue
        bullet = BULLET.match(raw) or ENUMERATOR.match(raw)
        if bullet:
            end = bullet.end()
            inner = ENUMERATOR.match(raw, end) if BULLET.match(raw) else None
            if inner:
                end = inner.end()
            current = Unit("list_item", _line_clean_from(ln, end), block, ln.no, raw)
            units.append(current)
            emphasis_open = _emphasis_toggles(raw, emphasis_open)
            continue
        if current is not None and _continues(current, ln, emphasis_open):
            current.clean.extend(ln.clean, sep_at=ln.start - 1)
            emphasis_open = _emphasis_toggles(raw, emphasis_open)
            continue
        current = Unit("prose", _copy(ln.clean), block, ln.no, raw, plain=True)
        units.append(current)
        emphasis_open = _emphasis_toggles(raw, False)
    for k, taken in garbage_marks:
        k = len(units) if k is None else k
        if k > 0 and taken:
            units[k - 1].garbled = True
        if k < len(units):
            units[k].after_garbage = True
    _classify(units)
    _mark_pull_quotes(units)
    _promote_titles(units)
    _mark_running_lines(units)
    _join_page_breaks(units)
    return [u for u in units if u.kind != "skip" and not u.consumed and u.clean.text]


def _copy(c: Clean) -> Clean:
    return Clean(c.text, list(c.offs), list(c.notes))


def _line_clean_from(ln: Line, raw_index: int) -> Clean:
    """The line's clean text from a raw index on (markers before it dropped)."""
    cut = ln.start + raw_index
    k = bisect.bisect_left(ln.clean.offs, cut)
    # a note at the cut comes from the dropped marker itself ("¹ The GFMD ..."), not from the text
    c = Clean(ln.clean.text[k:], ln.clean.offs[k:], [(p - k, m) for p, m in ln.clean.notes if p > k])
    return c.squeeze()


def _emphasis_toggles(raw: str, state: bool) -> bool:
    stars = re.sub(r"\\\*", "", raw)
    runs = re.findall(r"\*+", re.sub(r"^\s*\*\s+", "", stars))
    return state ^ (len(runs) % 2 == 1)


def _continues(current: Unit, ln: Line, emphasis_open: bool) -> bool:
    """Is this line a soft-wrapped continuation of the current unit (same block, no marker)?"""
    if current.kind == "footnote":
        return True
    if current.kind not in ("prose", "list_item"):
        return False
    prev = current.clean.text.rstrip()
    nxt = ln.clean.text
    if emphasis_open:
        return True
    if not prev or not nxt:
        return False
    if prev.endswith("  "):
        return False
    if _is_terminated(prev):
        return False
    last_word = re.sub(r"\W+$", "", prev.split()[-1]).lower() if prev.split() else ""
    return nxt[0].islower() or prev.endswith((",", "-", "–")) or last_word in FUNCTION_WORDS


def _table_row(ln: Line, block: int) -> Unit:
    raw = ln.raw
    alive = set(ln.clean.offs)        # characters that survived contact removal (blanks were squeezed out)
    cells: list[Clean] = []
    pos = 0
    for part in raw.split("\t"):
        c = _clean_inline(raw, pos, pos + len(part), ln.start)
        keep = [i for i, o in enumerate(c.offs) if o in alive or c.text[i].isspace()]
        notes = c.notes if len(keep) == len(c.offs) else []
        cells.append(Clean("".join(c.text[i] for i in keep), [c.offs[i] for i in keep], notes).squeeze())
        pos += len(part) + 1
    row = Clean()
    for c in cells:
        if c.text:
            row.extend(c, sep_at=(c.offs[0] - 1) if row.text else None)
    return Unit("table_row", row, block, ln.no, raw, cells=cells)


def _toc_lines(lines: list[Line]) -> set[int]:
    """Lines of tables of contents: a "Contents" title or a page-column header, then entries ending in page numbers."""
    skip: set[int] = set()
    i, n = 0, len(lines)
    while i < n:
        ln = lines[i]
        text = ln.clean.text
        starts = (TOC_TITLE.match(text) or PAGE_COLUMN.match(ln.raw)
                  or (TOC_ENTRY.search(ln.raw) and _entries_follow(lines, i)))
        if not starts or ln.blank:
            i += 1
            continue
        entries: set[str] = set()
        j, last_entry = i, i
        while j < n:
            lj = lines[j]
            if lj.blank or lj.dropped:
                j += 1
                continue
            t = lj.clean.text
            if TOC_ENTRY.search(lj.raw) or PAGE_COLUMN.match(lj.raw) or (j == i):
                entries.add(_norm(re.sub(r"\s+\S+$", "", t)) if TOC_ENTRY.search(lj.raw) else _norm(t))
                last_entry = j
                skip.add(j)
                j += 1
                continue
            if (TOC_TITLE.match(t) or (_norm(t) not in entries and not _proselike(t)
                                       and j - last_entry <= 12)):
                skip.add(j)
                j += 1
                continue
            break
        # lines after the last entry that were taken provisionally are kept if a real text line follows them
        for k in range(last_entry + 1, j):
            skip.discard(k)
        i = max(j, i + 1)
    return skip


def _entries_follow(lines: list[Line], i: int) -> bool:
    count = 0
    for ln in lines[i:i + 8]:
        if TOC_ENTRY.search(ln.raw):
            count += 1
    return count >= 3


def _proselike(text: str) -> bool:
    return len(text) > 120 or (len(text.split()) >= 8 and _is_terminated(text))


def _is_terminated(text: str) -> bool:
    t = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(t) and t[-1] in TERMINAL


def _ends_with_function_word(text: str) -> bool:
    words = text.rstrip().split()
    return bool(words) and words[-1].lower().strip("*_") in FUNCTION_WORDS


def _classify(units: list[Unit]) -> None:
    """Decide what each marker-less unit is: heading, short line, prose; flag artefacts to skip."""
    per_block: dict[int, int] = {}
    for u in units:
        per_block[u.block] = per_block.get(u.block, 0) + 1
    for idx, u in enumerate(units):
        text = u.clean.text
        u.terminated = _is_terminated(text)
        if not re.search(r"[A-Za-z0-9À-ÿ]", text) or ARTEFACT.match(text):
            u.kind = "skip"
            continue
        if PAGE_NUMBER.match(text) or DOC_SYMBOL.match(text):
            if u.kind in ("prose", "line") and u.plain:
                u.kind = "skip"
                continue
        if _gibberish(text):
            u.kind = "skip"
            continue
        if u.kind == "heading":
            continue
        if not u.plain:
            continue
        words = len(text.split())
        raw = u.raw.strip()
        alone = per_block[u.block] == 1
        bold = _wrapped_in_bold(u)
        num = NUMBERED.match(text)
        caps = _all_caps(text)
        if LABEL_LINE.match(text) and words <= 40 and not (u.terminated and words > 25):
            u.kind = "line"
        elif text.startswith("(") and text.rstrip(CLOSERS.replace(")", "")).endswith(")") and words <= 25:
            u.kind = "line"
        elif bold and words <= 25 and not (u.terminated and words > 12) and not text.endswith(":"):
            _heading(u, num)
        elif PART_TITLE.match(text) and alone:
            u.kind, u.numbering, u.level = "heading", "part", 1
        elif num and alone and not text.rstrip().endswith((".", ";", ",", ":")) and (
                words <= 12 or (caps or _multilevel(num)) and words <= 30):
            _heading(u, num)
        elif num and (num.group("num") or num.group("letter")) and not _multilevel(num):
            u.kind, u.plain = "list_item", False       # "1. Governments must ..." among its siblings
            u.clean = _drop_prefix(u.clean, num.end())
        elif _ends_with_function_word(text) or len(_split(text)) > 1 or re.search(r"[a-zà-ÿ]-$", text):
            u.kind = "prose"           # a paragraph cut by a page break, not a title
        elif caps and words <= 20 and alone and not HONORIFIC.match(text) and not u.terminated:
            _heading(u, None)
        elif raw.startswith(("–", "—")) and words <= 12 and not u.terminated:
            u.clean = _strip_leading_dash(u.clean)
            _heading(u, None)
        elif not u.terminated and (words <= 12 or words <= 20 and COUNTED.match(text)):
            u.kind = "line"            # title-like: promoted to heading below when prose follows it
        elif not u.terminated and words <= 20 and not alone:
            u.kind = "line"
        else:
            u.kind = "prose"
    # short lines in blocks of several short lines stay lines (signatures, addresses, participant lists)
    for u in units:
        if u.kind == "heading" and u.numbering is None and per_block[u.block] > 1 and not _wrapped_in_bold(u):
            u.kind = "line"


def _promote_titles(units: list[Unit]) -> None:
    """A title-like line followed by prose (possibly after a "(Chair: ...)" line) is a minor heading."""
    per_block: dict[int, int] = {}
    for u in units:
        per_block[u.block] = per_block.get(u.block, 0) + 1
    for idx, u in enumerate(units):
        if u.pull_quote:
            continue
        if u.kind != "line" or not u.plain or per_block[u.block] > 1 or u.terminated:
            continue
        text = u.clean.text
        if COUNTED_TITLE.match(text) and not PERSON_AFTER_LABEL.search(text):
            _heading(u, None)
            continue
        if LABEL_LINE.match(text) or text.startswith("(") or not (text[0].isupper() or text[0].isdigit()):
            continue
        if text.rstrip().endswith((",", ";")) or len(re.findall(r"[A-Za-zÀ-ÿ]{2,}", text)) < 2:
            continue
        if HONORIFIC.match(text):
            continue
        prev = _neighbour(units, idx, -1)
        if prev is not None and prev.kind == "line" and per_block[prev.block] == 1 and not prev.terminated \
                and not LABEL_LINE.match(prev.clean.text):
            continue
        nxt = _neighbour(units, idx, 1)
        k = idx
        while nxt is not None and nxt.kind == "line" and (LABEL_LINE.match(nxt.clean.text) or nxt.clean.text.startswith("(")):
            k = units.index(nxt, k + 1)
            nxt = _neighbour(units, k, 1)
        if nxt is not None and nxt.kind in ("prose", "list_item"):
            _heading(u, None)


def _neighbour(units: list[Unit], idx: int, step: int) -> Unit | None:
    k = idx + step
    while 0 <= k < len(units):
        if units[k].kind not in ("skip", "footnote"):
            return units[k]
        k += step
    return None


def _heading(u: Unit, num) -> None:
    u.kind = "heading"
    if num:
        if num.group("roman"):
            u.numbering, u.level = "roman", 1
        elif num.group("letter"):
            u.numbering, u.level = "letter", 1
        else:
            u.numbering, u.level = "num", num.group("num").rstrip(".").count(".") + 1


def _multilevel(num) -> bool:
    return bool(num.group("num") and re.search(r"\.\d", num.group("num")))


def _drop_prefix(c: Clean, n: int) -> Clean:
    return Clean(c.text[n:], c.offs[n:], [(p - n, x) for p, x in c.notes if p > n])


def _strip_leading_dash(c: Clean) -> Clean:
    m = re.match(r"^[–—-]\s*", c.text)
    return Clean(c.text[m.end():], c.offs[m.end():], [(p - m.end(), x) for p, x in c.notes]) if m else c


def _wrapped_in_bold(u: Unit) -> bool:
    raw = u.raw.strip().lstrip("#").strip()
    return raw.startswith("**") and (raw.count("**") == 1 or (raw.endswith("**") and raw.count("**") == 2)) \
        or (raw.startswith("***") and raw.endswith("***"))


def _all_caps(text: str) -> bool:
    letters = len(LETTER.findall(text))
    return letters >= 3 and len(UPPER.findall(text)) >= 0.85 * letters


LETTER = re.compile(r"[^\W\d_]")
UPPER = re.compile(r"[A-ZÀ-ÖØ-Þ]")
WORDLIKE = re.compile(r"[(\"“'‘]*[A-Za-zÀ-ÿ][a-zà-ÿ'’-]*[.,;:!?)\"”'’]*|[A-Z]{2,}[.,;:)]*|\d[\d.,%/-]*[.,;:)]*")


def _gibberish(text: str) -> bool:
    tokens = text.split()[:60]
    if len(tokens) < 6:
        return False
    wordlike = sum(1 for t in tokens if WORDLIKE.fullmatch(t))
    return wordlike < 0.5 * len(tokens)


def _mark_running_lines(units: list[Unit]) -> None:
    """Short lines repeated across the document that interrupt broken paragraphs are running headers/footers."""
    groups: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        if u.kind in ("line", "heading") and u.plain and len(u.clean.text.split()) <= 10:
            groups.setdefault(_norm(u.clean.text), []).append(i)
    for key, idxs in groups.items():
        if len(idxs) < 3 or not key:
            continue
        interrupts = 0
        for i in idxs:
            prev = next((units[k] for k in range(i - 1, -1, -1) if units[k].kind not in ("skip", "footnote")
                         and _norm(units[k].clean.text) != key), None)
            if prev is not None and prev.kind == "prose" and not prev.terminated:
                interrupts += 1
        if interrupts:
            for i in idxs:
                units[i].kind = "skip"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.lower()).split())


def _mark_pull_quotes(units: list[Unit]) -> None:
    """An unterminated plain unit whose words recur inside a nearby paragraph is a pull quote or a cut repeat."""
    norms = [_norm(u.clean.text) if u.kind in ("prose", "line", "heading", "list_item") else "" for u in units]
    for i, u in enumerate(units):
        if not u.plain or u.kind not in ("prose", "line") or u.terminated:
            continue
        key = norms[i]
        if len(key.split()) < 8:      # shorter lines inside a paragraph are headings, not pull quotes
            continue
        for k in range(max(0, i - 8), min(len(units), i + 9)):
            if k != i and units[k].kind in ("prose", "list_item") and len(norms[k]) >= len(key) and key in norms[k]:
                u.kind, u.pull_quote = "line", True
                break


def _join_page_breaks(units: list[Unit]) -> None:
    """A paragraph that stops mid-sentence continues in the next prose paragraph, across the footnotes, running
    lines and pull quotes that a page break put between them. Only when the continuation starts in lower case,
    or the paragraph stops mid-clause (on a function word, comma or hyphen) and the continuation starts with a
    word that does not open sentences ("an agreement with" / "Spain that allows ..."). A paragraph cut at PDF
    garbage is never continued."""
    for i, u in enumerate(units):
        if u.consumed or u.kind not in ("prose", "list_item") or u.pull_quote or u.garbled:
            continue
        last = i
        while not _is_terminated(u.clean.text):
            target = _continuation(units, u.clean.text, last, list_item=u.kind == "list_item")
            if target is None:
                break
            nxt = units[target]
            hyphen = re.search(r"[a-zà-ÿ]-$", u.clean.text) and nxt.clean.text[:1].islower()
            if hyphen:
                u.clean.text = u.clean.text[:-1]
                u.clean.offs.pop()
                u.clean.extend(nxt.clean)
            else:
                u.clean.extend(nxt.clean, sep_at=u.clean.offs[-1] + 1)
            nxt.consumed = True
            last = target
            if nxt.garbled:
                break


def _mid_clause(text: str, in_name: bool = True) -> bool:
    """Does the paragraph stop where a sentence cannot end: on a function word or quantifier, a comma, a hyphen,
    or inside a name (a capitalised last word: "Mr. Felipe" / "Calderón", "the Middle" / "East")?"""
    t = text.rstrip()
    words = t.split()
    last = words[-1].strip("*_\"”’'") if words else ""
    return (_ends_with_function_word(t) or last.lower() in MID_CLAUSE_WORDS or t.endswith((",", "-", "–", "—"))
            or (in_name and last[:1].isupper() and last.isalpha() and len(words) > 1))


def _may_continue(text: str, nxt: str, list_item: bool = False) -> bool:
    """Can `nxt` (the start of the next paragraph) continue the unterminated paragraph `text`? A list item that
    ends on a capitalised word is usually a complete name, not a name cut in two."""
    if nxt[:1].islower():
        return True
    if not _mid_clause(text, in_name=not list_item):
        return False
    first = re.sub(r"^[“\"‘'(]+|[^\w’'-]+$", "", nxt.split()[0]) if nxt.split() else ""
    return bool(first) and first not in SENTENCE_OPENERS


def _continuation(units: list[Unit], text: str, i: int, list_item: bool = False) -> int | None:
    """Index of the unit that continues the paragraph `text`, whose last piece is units[i]."""
    hyphenated = bool(re.search(r"[a-zà-ÿ]-$", text))
    window = 10 if hyphenated else 6
    candidates: list[int] = []
    lines_skipped = 0
    for k in range(i + 1, min(len(units), i + 1 + window)):
        v = units[k]
        if v.consumed or v.kind in ("skip", "footnote") or v.pull_quote:
            continue
        if v.after_garbage:
            break
        if v.kind == "line" and lines_skipped < 3 and not text.rstrip().endswith(":"):
            lines_skipped += 1
            continue
        if v.kind == "prose" and v.plain:
            candidates.append(k)
            if len(candidates) == 2:
                break
            continue
        break
    lower = [k for k in candidates if units[k].clean.text[:1].islower()]
    if lower:
        return lower[0]
    if hyphenated or not candidates or not _may_continue(text, units[candidates[0]].clean.text, list_item):
        return None
    return candidates[0]


# ------------------------------------------------------------------------------------------- pass 3: sentences
def _sentences(units: list[Unit]) -> list[Sentence]:
    roman = sum(1 for u in units if u.numbering == "roman") >= 2
    letter = sum(1 for u in units if u.numbering == "letter") >= 2
    out: list[Sentence] = []
    stack: list[tuple[int, str]] = []
    base = 0
    pull_sentences: list[int] = []
    for idx, u in enumerate(units):
        c = u.clean
        if not c.text:
            continue
        if u.kind == "heading":
            level = _level(u, roman, letter, base)
            nxt = units[idx + 1] if idx + 1 < len(units) else None
            if not u.numbering and _all_caps(c.text) and (not stack or nxt is None or nxt.kind in ("heading", "line")):
                level = 1              # the title of a part or of a contributed paper (title, then its author line)
            if u.numbering or level == 1:
                base = level
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, c.text))
            pieces = [(0, len(c.text))]
        elif u.kind in ("prose", "list_item", "footnote"):
            pieces = _split(c.text)
        else:
            pieces = [(0, len(c.text))]
        section = tuple(t for _, t in stack)
        for a, b in pieces:
            s = _make_sentence(u, c, a, b, section)
            if s is None:
                continue
            if u.pull_quote:
                pull_sentences.append(len(out))
            out.append(s)
    _link_duplicates(out, pull_sentences)
    return out


def _level(u: Unit, roman: bool, letter: bool, base: int) -> int:
    if u.numbering == "markdown":
        return u.level or 1
    if u.numbering in ("roman", "part"):
        return 1
    if u.numbering == "letter":
        return 2 if roman else 1
    if u.numbering == "num":
        return (u.level or 1) + int(roman) + int(letter)
    return base + (1 if COUNTED.match(u.clean.text) or _all_caps(u.clean.text) else 2)


def _make_sentence(u: Unit, c: Clean, a: int, b: int, section) -> Sentence | None:
    while a < b and c.text[a] == " ":
        a += 1
    while b > a and c.text[b - 1] == " ":
        b -= 1
    if a >= b:
        return None
    text = c.text[a:b]
    offs = c.offs[a:b]
    notes = tuple(dict.fromkeys(m for p, m in c.notes if a < p <= b or (a == 0 and p == 0)))
    cells = spans = None
    if u.kind == "table_row":
        cells, spans, pos = [], [], 0
        for cell in u.cells:
            if cell.text:
                k = text.find(cell.text, pos)
                spans.append((k, k + len(cell.text)))
                pos = k + len(cell.text)
            else:
                spans.append((pos, pos))
            cells.append(cell.text)
        notes = tuple(dict.fromkeys(m for cell in u.cells for _, m in cell.notes))
    return Sentence(text, offs[0], offs[-1] + 1, 0, section, u.kind, offs, cells, spans,
                    u.footnote if u.kind == "footnote" else None, notes)


SPLIT_POINT = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[A-Z0-9“\"‘'(¿¡À-Ý])")


def _split(text: str) -> list[tuple[int, int]]:
    """Sentence boundaries that survive abbreviations, initials and dotted acronyms."""
    cuts, last = [], 0
    for m in SPLIT_POINT.finditer(text):
        if m.group()[0] == ".":
            before = text[last:m.start()].split()
            token = before[-1] if before else ""
            token = token.lstrip("(“\"'‘[")
            if token in ABBREVIATIONS or re.fullmatch(r"[A-Z]", token) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", token):
                continue
            if re.fullmatch(r"\d{1,2}|[ivxIVX]{1,4}|[a-z]", token) and len(before) == 1:
                continue   # an enumerator at the start ("1. To send ...")
        cuts.append(m.end())
        last = m.end()
    bounds, start = [], 0
    for cut in cuts:
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _link_duplicates(sentences: list[Sentence], pulls: list[int]) -> None:
    seen: dict[str, int] = {}
    norms = [_norm(s.text) for s in sentences]
    for i, s in enumerate(sentences):
        if s.kind == "heading" or len(norms[i].split()) < 5:
            continue
        if norms[i] in seen:
            s.duplicate_of = seen[norms[i]]
        else:
            seen[norms[i]] = i
    for i in pulls:
        if sentences[i].duplicate_of is not None:
            continue
        key = norms[i]
        near = sorted(range(max(0, i - 40), min(len(sentences), i + 40)), key=lambda k: abs(k - i))
        for k in near:
            if k != i and sentences[k].kind in ("prose", "list_item") and key in norms[k] and len(norms[k]) > len(key):
                sentences[i].duplicate_of = sentences[k].duplicate_of if sentences[k].duplicate_of is not None else k
                break
