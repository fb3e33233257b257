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
    """A GFMD meeting the texts name; else a process a table heading names ("contributions to the Colombo Process
    Regional Fund"); else the document's own meeting."""
    for t in texts:
        found = gfmd_meetings_in(ex, t)
        if found:
            return ensure_meeting(ex, found[0][2])
    for t in texts:
        m = re.search(r"\b(?:to|for)\s+(?:the\s+)?", t)
        process = [mm.id for mm in ex.mentions(_Text(t[m.end():])) if mm.start == 0
                   and ex.entity(mm.id).type == "Process"] if m else []
        if process and process[0] != "process:gfmd":
            return process[0]
    return doc_event(ex, doc)


COLUMN_KEYS = ("currency_column", "amount_column", "purpose_column", "status_column")


def _header(cells) -> dict:
    """Which column is which in a contributions table's header row, and the currency an "Amount (USD)" header gives."""
    cols = {}
    for k, c in enumerate(cells):
        for key in COLUMN_KEYS:
            m = re.fullmatch(R[key], c.strip(), re.I)
            if m and key not in cols:
                cols[key] = k
                if key == "amount_column" and (m.group("cur") or m.group("cur2")):
                    cols["currency"] = m.group("cur") or m.group("cur2")
    return cols if "amount_column" in cols or "currency_column" in cols else {}


def _row_amount(cells, cols):
    """The amount of a row: written with its currency, or a bare number in the amount column whose currency is in the
    currency column or the header."""
    cell = lambda key: cells[cols[key]].strip() if key in cols and cols[key] < len(cells) else ""
    if "amount_column" in cols and re.fullmatch(NUM, cell("amount_column")):
        currency = cell("currency_column") or cols.get("currency", "")
        m = AMOUNT_RX.fullmatch(f"{currency} {cell('amount_column')}")
        if m:
            return m
    return AMOUNT_RX.search(" ".join(cells[1:])) if len(cells) > 1 else None


def _purpose(cells, cols, amount_text: str) -> str | None:
    if "purpose_column" in cols:
        k = cols["purpose_column"]
        return cells[k].strip() or None if k < len(cells) else None
    used = {cols.get(k) for k in COLUMN_KEYS}
    rest = [c.strip() for k, c in enumerate(cells[1:], 1) if k not in used and c.strip() and c.strip() not in amount_text]
    return rest[0] if rest and not re.fullmatch(r"[\d.,' ]+", rest[0]) else None


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


SECONDED_RX = re.compile(R["seconded"], re.I)


def _seconded(ex, doc, s):
    """'IOM seconded a staff member to the GFMD Support Unit': staff support to the body (or its process)."""
    m = SECONDED_RX.search(s.text)
    if not m:
        return
    givers = actors_in(ex, _Text(re.split(r"[;:]|,\s", s.text[:m.start()])[-1]))
    target = [mm.id for mm in ex.mentions(_Text(s.text[m.end():])) if mm.start == 0
              and ex.entity(mm.id).type in ("Process", "Organization", "Event")]
    if len(givers) == 1 and target:
        ex.emit(givers[0], "funds", target[0], doc, s, rule="funds.seconded-staff", confidence=0.85,
                qualifiers={"support": "staff", "status": status_of(s.text)})


def extract(doc, ex):
    table = {"obj": None, "non_financial": False, "age": 99, "cols": {}}
    for i, s in enumerate(doc.sentences):
        text = s.text.strip()
        table["age"] += 1
        if s.kind != "table_row" and (" by " in text or " support of " in text):
            _funded_by(ex, doc, i, s)
        if s.kind != "table_row" and "seconded" in text:
            _seconded(ex, doc, s)
        if s.kind != "table_row" and CUE_RX.search(text) and len(text) < 160 and not AMOUNT_RX.search(text):
            table.update(obj=_object(ex, doc, [text]), non_financial=False, age=0, cols={})   # a table's heading
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
            table["cols"] = _header(cells) or table["cols"] if s.kind == "table_row" else table["cols"]
            continue
        table["age"] = 0
        cols = table["cols"]
        amount = _row_amount(cells, cols)
        if amount and not table["non_financial"]:
            value, currency = parse_amount(amount)
            status_cell = cells[cols["status_column"]] if "status_column" in cols and cols["status_column"] < len(cells) else ""
            quals = {"amount": value, "currency": currency, "support": "financial",
                     "purpose": _purpose(cells, cols, amount.group(0)),
                     "status": "planned" if re.search(R["pledged"], status_cell, re.I) else "actual"}
            ex.emit(donors[0], "funds", table["obj"], doc, s, rule="funds.contribution-table", qualifiers=quals)
        elif table["non_financial"] and cells[0].strip() and not AMOUNT_RX.search(text):
            detail = " ".join(cells[1:]) or (doc.sentences[i + 1].text if i + 1 < len(doc.sentences) else "")
            if re.fullmatch(r"[\w ,/&().-]+", cells[0]) and len(cells[0]) < 60:
                for d in donors:
                    ex.emit(d, "funds", table["obj"], doc, s, rule="funds.contribution-table-in-kind",
                            qualifiers={"support": _support(detail), "purpose": detail.strip() or None})
