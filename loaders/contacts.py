"""Find contact details (phone and fax numbers, e-mail addresses, contact-block web lines, postal addresses).

The reader removes these spans before anything else sees the text, so no output can carry them. Rules are
patterns of the genre (directories, letterheads, imprints), not of one document.
"""
from __future__ import annotations

import re

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# A label before an e-mail address ("Email Foreign Affairs :", "Personal Email:", "e-mail:") goes with it.
EMAIL_LABEL = re.compile(r"(?:\b(?:Personal|Work|Office|Private)\s+)?\b[Ee]-?[Mm]ail\b(?:\s+[A-Z][\w.]*){0,3}\s*:?\s*$")

# A number: optional "+", digits with spaces, brackets, dots, slashes or dashes; extensions and alternates
# ("ext. 18712", "/ 88", "or 47") belong to it. Spaces only, never line breaks.
_NUMBER = r"\+?[ ]?\(?\d[\d ()/.\-]{5,}\d(?:[ ]*(?:ext\.?|x)[ ]*\d+)?(?:[ ]*(?:/|or)[ ]*\+?[ ]?\d[\d ()/.\-]*\d)*"
PHONE_LABELLED = re.compile(
    r"(?:\b(?:TEL|Tel|Telephone|Phone|Ph|FAX|Fax|Telefax|Mobile|Mob|Cell|Tél|Tel\.?/Fax)\b\.?(?:[ ]+[A-Z][A-Za-z]{1,15}){0,2}[ ]*:?"
    r"|\b[TFM](?:[ ]+[A-Z][A-Za-z]{1,15}){0,2}[ ]*:)[ ]*" + _NUMBER)
PHONE_INTERNATIONAL = re.compile(r"\+[ ]?\d{1,3}[ (]+\d[\d ()/.\-]{5,}\d(?:[ ]*(?:ext\.?|x)[ ]*\d+)?"
                                 r"(?:[ ]*(?:/|or)[ ]*\+?[ ]?\d[\d ()/.\-]*\d)*")
# The looser pattern the privacy test uses (it may span whitespace); kept so nothing it sees survives.
PHONE_ANY = re.compile(r"\+\s?\d{1,3}[\s(]+\d[\d\s()/.-]{5,}\d")
WEB_LABELLED = re.compile(r"(?i)\b(?:web-?site|web|internet|url)\s*:\s*\S+")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")

# Postal addresses: a street/box anchor near a postcode, within one line of comma- or bullet-separated parts.
ADDRESS_ANCHOR = re.compile(
    r"(?i)\b(?:P\.?\s?O\.?\s?Box|Postfach|Case\s+postale|B\.P\.)\s*\d+"
    r"|\b(?:rue|avenue|av\.|chemin|route|boulevard|blvd\.?|street|road|lane|plaza|calle|via|strasse|straße|"
    r"straat|laan|weg|piazza|platz)\b"
    r"|\b\d{1,3}\s?(?:st|nd|rd|th)\s+floor\b"
    r"|\bCol\.\s+[A-Z]")
POSTCODE = re.compile(r"^\s*(?:[A-Z]{1,2}-)?\d{4,6}\b(?:\s+[A-ZÀ-Ý][a-zà-ÿ]+){0,3}(?:\s+\d{1,2}\b)?")
STREET_PART = re.compile(r"^\s*[A-ZÀ-Ý][\w À-ÿ.'-]{1,40}\s\d{1,5}[A-Za-z]?\s*$")
PLACE_PART = re.compile(r"^\s*(?:Col\.\s+)?[A-ZÀ-Ý][\wÀ-ÿ.'-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ.'-]*){0,3}\s*\.?\s*$")
NUMBER_PART = re.compile(r"^\s*\d{1,5}\s*$")
SEPARATOR = re.compile(r"[,•\t;]")


def find_contacts(text: str) -> list[tuple[int, int]]:
    """Sorted, merged (start, end) spans of contact details in `text`."""
    spans: list[tuple[int, int]] = []
    for m in EMAIL.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        label = EMAIL_LABEL.search(text, line_start, m.start())
        spans.append((label.start() if label else m.start(), m.end()))
    for rx in (PHONE_LABELLED, PHONE_INTERNATIONAL, PHONE_ANY, WEB_LABELLED):
        spans.extend(m.span() for m in rx.finditer(text))
    line_start = 0
    for line in text.split("\n"):
        spans.extend((line_start + s, line_start + e) for s, e in _addresses(line))
        line_start += len(line) + 1
    merged = _merge(spans)
    # On a line that holds contact details, bare web addresses are part of the contact block too.
    extra = []
    for s, e in merged:
        ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)
        le = len(text) if le < 0 else le
        extra.extend((ls + m.start(), ls + m.end()) for m in URL.finditer(text[ls:le]))
    return _merge(merged + extra)


def _addresses(line: str) -> list[tuple[int, int]]:
    if not ADDRESS_ANCHOR.search(line):
        return []
    segs = []
    pos = 0
    for m in SEPARATOR.finditer(line):
        segs.append((pos, m.start()))
        pos = m.end()
    segs.append((pos, len(line)))
    found = []
    i = 0
    while i < len(segs):
        s, e = segs[i]
        part = line[s:e]
        anchor = ADDRESS_ANCHOR.search(part)
        if not anchor:
            i += 1
            continue
        first = i
        has_number = bool(re.search(r"\d", part))
        if i > 0 and NUMBER_PART.match(line[slice(*segs[i - 1])]):
            first, has_number = i - 1, True
        while first > 0 and first > i - 3 and STREET_PART.match(line[slice(*segs[first - 1])]):
            first, has_number = first - 1, True
        last_end, postcode, j = e, bool(re.search(r"(?i)box|postfach|postale", part)), i + 1
        while j < len(segs) and j <= i + 4:
            seg = line[slice(*segs[j])]
            pc = POSTCODE.match(seg)
            if pc:
                last_end, postcode = segs[j][0] + pc.end(), True
                if pc.end() >= len(seg.rstrip(" .")) and j + 1 < len(segs) and PLACE_PART.match(line[slice(*segs[j + 1])]):
                    nxt = line[slice(*segs[j + 1])]
                    if len(nxt.split()) <= 2:
                        j += 1
                        last_end = segs[j][0] + len(nxt.rstrip(" ."))
                break
            if ADDRESS_ANCHOR.search(seg) or PLACE_PART.match(seg):
                last_end, j = segs[j][1], j + 1
                postcode = postcode or bool(re.search(r"(?i)box", seg))
                continue
            break
        if postcode and has_number:
            start = segs[first][0]
            while start < last_end and line[start].isspace():
                start += 1
            while last_end > start and line[last_end - 1] in " .":
                last_end -= 1
            found.append((start, last_end))
            i = j + 1
        else:
            i += 1
    return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]
