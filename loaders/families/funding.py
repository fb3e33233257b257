"""`funds`: contribution lists ("the Kingdom of Norway (80,636 €)", "The budget allocated by the Government of Belgium
was of 890,000 €") and contribution tables (donor | amount | purpose; a "Non-Financial" part gives in-kind support
and secondments). The object is the meeting the list is about: a GFMD meeting the text names, else the
document's own meeting."""
from __future__ import annotations

import re

from migkg.loaders.cues import status_of
from migkg.loaders.families.chairs import DOC_MEETING_RX, actors_in, doc_meeting_meant
from migkg.loaders.families.entities import _Text, doc_event, ensure_meeting, gfmd_meetings_in, names_doc_event, rules

R = rules("funding")
CUR = "|".join(sorted(R["currencies"], key=len, reverse=True))
NUM = r"\d{1,3}(?:[.,'’ ]\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
AMOUNT_RX = re.compile(rf"(?P<c1>{CUR})\s*(?P<n1>{NUM})(?![\d])|(?P<n2>{NUM})\s*(?P<c2>{CUR})(?![\w])")
CUE_RX = re.compile(R["contribution_cues"], re.I)
CONTEXT_WINDOW = 6


def parse_amount(m) -> tuple[float, str]:
    raw, cur = (m.group("n1"), m.group("c1")) if m.group("n1") else (m.group("n2"), m.group("c2"))
    code = next(v for k, v in R["currencies"].items() if re.fullmatch(k, cur))
    digits = re.sub(r"[’' ]", "", raw)
    if re.search(r"[.,]\d{1,2}$", digits):            # decimals: the last separator
        whole, dec = digits[:-3 if digits[-3] in ".," else -2], digits[-2:] if digits[-3] in ".," else digits[-1:]
        digits = re.sub(r"[.,]", "", whole) + "." + dec
    else:
        digits = re.sub(r"[.,]", "", digits)
    value = float(digits)
    return (int(value) if value.is_integer() else value), code


def _object(ex, doc, texts) -> str | None:
    for t in texts:
        found = gfmd_meetings_in(ex, t)
        if found:
            return ensure_meeting(ex, found[0][2])
    return doc_event(ex, doc)


def _support(text: str) -> str:
    for cue, kind in R["in_kind_cues"].items():
        if re.search(rf"\b{cue}", text, re.I):
            return kind
    return "in_kind"


def _prose(ex, doc, i, s):
    if not any(c.isdigit() for c in s.text):
        return
    amounts = list(AMOUNT_RX.finditer(s.text))
    if not amounts:
        return
    if not CUE_RX.search(s.text):
        return
    context = [s.text] + [p.text for p in doc.sentences[max(0, i - 2):i]]
    obj = _object(ex, doc, context)
    last = 0
    for m in amounts:
        seg = s.text[last:m.start()]
        last = m.end()
        if re.search(r"\b(?:total|budget devoted|spent|including)\b", seg[-60:], re.I) and not re.search(r"allocated by", seg):
            continue
        funders = actors_in(ex, _Text(seg))[-2:] if re.search(r"\band\b", seg[-80:]) else actors_in(ex, _Text(seg))[-1:]
        if len(funders) == 2 and not re.search(re.escape(ex.entity(funders[0]).label.split()[0]) + r"|\band\b", seg):
            funders = funders[-1:]
        amount, currency = parse_amount(m)
        for f in funders:
            ex.emit(f, "funds", obj, doc, s, rule="funds.contribution-list", confidence=0.9,
                    qualifiers={"amount": amount, "currency": currency, "support": "financial",
                                "shared_with": next((o for o in funders if o != f), None)})


FUNDED_BY_RX = re.compile(R["funded_by"], re.I)


def _funded_by(ex, doc, i, s):
    """'The meeting was funded by the European Union': the funders of the document's own meeting."""
    m = FUNDED_BY_RX.search(s.text)
    if not m:
        return
    before = s.text[:m.start()]
    if not ((DOC_MEETING_RX.match(before + " was ") and doc_meeting_meant(ex, doc, i)) or names_doc_event(ex, doc, before)):
        return
    event = doc_event(ex, doc)
    span = re.split(r"[;(]|,\s*(?:which|with|through)\b|\.(?:\s|$)|\s+(?:through|via|under)\s", s.text[m.end():])[0]
    if not event:
        return
    for a in actors_in(ex, _Text(span)):
        ex.emit(a, "funds", event, doc, s, rule="funds.doc-meeting-funded-by", confidence=0.9,
                qualifiers={"support": "financial", "status": status_of(s.text[:m.end() + len(span)])})


def extract(doc, ex):
    table = {"obj": None, "non_financial": False, "age": 99}
    for i, s in enumerate(doc.sentences):
        text = s.text.strip()
        table["age"] += 1
        if s.kind != "table_row" and " by " in text:
            _funded_by(ex, doc, i, s)
        if s.kind != "table_row" and CUE_RX.search(text) and len(text) < 160 and not AMOUNT_RX.search(text):
            table.update(obj=_object(ex, doc, [text]), non_financial=False, age=0)   # a table's heading
            continue
        if re.match(r"^(?:Appendix|Annex)\b", text, re.I):
            table.update(obj=None, age=99)
            continue
        if re.match(R["non_financial_heading"], text, re.I) and table["obj"] is not None and table["age"] <= 40:
            table["non_financial"] = True
            continue
        if s.kind != "table_row" and (len(text) > 160 or s.kind == "prose"):
            _prose(ex, doc, i, s)
            continue
        if table["obj"] is None or table["age"] > 40:
            continue
        cells = [c for c in (s.cells or [text])]
        if re.search(r"\b(?:total|subtotal|expenditure)\b", cells[0], re.I):
            continue
        donors = actors_in(ex, _Text(cells[0])) if cells else []
        if not donors:
            continue
        table["age"] = 0
        amount = AMOUNT_RX.search(" ".join(cells[1:])) if len(cells) > 1 else None
        if amount and not table["non_financial"]:
            value, currency = parse_amount(amount)
            quals = {"amount": value, "currency": currency, "support": "financial",
                     "purpose": cells[2].strip() if len(cells) > 2 and cells[2].strip() else None}
            ex.emit(donors[0], "funds", table["obj"], doc, s, rule="funds.contribution-table", qualifiers=quals)
        elif table["non_financial"] and cells[0].strip() and not AMOUNT_RX.search(text):
            detail = " ".join(cells[1:]) or (doc.sentences[i + 1].text if i + 1 < len(doc.sentences) else "")
            if re.fullmatch(r"[\w ,/&().-]+", cells[0]) and len(cells[0]) < 60:
                for d in donors:
                    ex.emit(d, "funds", table["obj"], doc, s, rule="funds.contribution-table-in-kind",
                            qualifiers={"support": _support(detail), "purpose": detail.strip() or None})
