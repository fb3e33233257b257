"""Generate ontology/registry/states.csv from pycountry: one row per ISO 3166-1 country or territory.

Labels are UN short names (UN Terminology / M49) where they differ from pycountry's; `kind` is `state` for UN
member and observer states and `territory` otherwise. Wikidata QIDs are listed only where checked.
Run: python -m migkg.ontology.make_states  (or python ontology/make_states.py). Output is sorted and stable.
"""
from __future__ import annotations

import csv
import sys
from pathlib import Path

import pycountry

OUT = Path(__file__).resolve().parent / "registry" / "states.csv"
COLUMNS = ("id", "type", "label", "kind", "acronym", "iso3", "wikidata")

# UN short names that differ from pycountry's `name` (the contract: "UN short name for states").
UN_SHORT_NAMES = {
    "BOL": "Bolivia (Plurinational State of)",
    "COD": "Democratic Republic of the Congo",
    "FSM": "Micronesia (Federated States of)",
    "GBR": "United Kingdom",
    "HKG": "China, Hong Kong SAR",
    "IRN": "Iran (Islamic Republic of)",
    "KOR": "Republic of Korea",
    "MAC": "China, Macao SAR",
    "MDA": "Republic of Moldova",
    "PRK": "Democratic People's Republic of Korea",
    "PSE": "State of Palestine",
    "TWN": "Taiwan Province of China",
    "TZA": "United Republic of Tanzania",
    "USA": "United States",
    "VAT": "Holy See",
    "VEN": "Venezuela (Bolivarian Republic of)",
    "VGB": "British Virgin Islands",
    "VIR": "United States Virgin Islands",
    "FLK": "Falkland Islands (Malvinas)",
    "MAF": "Saint Martin (French Part)",
    "SXM": "Sint Maarten (Dutch part)",
    "SHN": "Saint Helena",
}

# Codes that are not UN member or observer states (dependent territories, special areas, uninhabited lands).
TERRITORIES = frozenset("""
ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF GUM HKG HMD IMN IOT
JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM SXM TCA TKL TWN UMI VGB VIR WLF
""".split())

# Wikidata QIDs of the country items, only those checked against a published ISO/IOC-to-QID table (others left empty).
WIKIDATA = {
    "AFG": "Q889", "AGO": "Q916", "ALB": "Q222", "AND": "Q228", "ARE": "Q878", "ARG": "Q414", "ARM": "Q399",
    "ASM": "Q16641", "ATG": "Q781", "AUS": "Q408", "AUT": "Q40", "AZE": "Q227", "BDI": "Q967", "BEL": "Q31",
    "BEN": "Q962", "BFA": "Q965", "BGD": "Q902", "BGR": "Q219", "BHR": "Q398", "BHS": "Q778", "BIH": "Q225",
    "BLR": "Q184", "BLZ": "Q242", "BMU": "Q23635", "BOL": "Q750", "BRA": "Q155", "BRB": "Q244", "BRN": "Q921",
    "BTN": "Q917", "BWA": "Q963", "CAF": "Q929", "CAN": "Q16", "CHE": "Q39", "CHL": "Q298", "CHN": "Q148",
    "CIV": "Q1008", "CMR": "Q1009", "COD": "Q974", "COG": "Q971", "COK": "Q26988", "COL": "Q739", "COM": "Q970",
    "CPV": "Q1011", "CRI": "Q800", "CUB": "Q241", "CUW": "Q25279", "CYM": "Q5785", "CYP": "Q229", "CZE": "Q213",
    "DEU": "Q183", "DJI": "Q977", "DMA": "Q784", "DNK": "Q35", "DOM": "Q786", "DZA": "Q262", "ECU": "Q736",
    "EGY": "Q79", "ERI": "Q986", "ESP": "Q29", "EST": "Q191", "ETH": "Q115", "FIN": "Q33", "FJI": "Q712",
    "FRA": "Q142", "FRO": "Q4628", "GAB": "Q1000", "GBR": "Q145", "GEO": "Q230", "GHA": "Q117", "GIB": "Q1410",
    "GIN": "Q1006", "GLP": "Q17012", "GMB": "Q1005", "GNB": "Q1007", "GNQ": "Q983", "GRC": "Q41", "GRD": "Q769",
    "GTM": "Q774", "GUF": "Q3769", "GUM": "Q16635", "GUY": "Q734", "HKG": "Q8646", "HND": "Q783", "HRV": "Q224",
    "HTI": "Q790", "HUN": "Q28", "IDN": "Q252", "IND": "Q668", "IRL": "Q27", "IRN": "Q794", "IRQ": "Q796",
    "ISL": "Q189", "ISR": "Q801", "ITA": "Q38", "JAM": "Q766", "JOR": "Q810", "JPN": "Q17", "KAZ": "Q232",
    "KEN": "Q114", "KGZ": "Q813", "KHM": "Q424", "KNA": "Q763", "KOR": "Q884", "KWT": "Q817", "LAO": "Q819",
    "LBN": "Q822", "LBR": "Q1014", "LBY": "Q1016", "LCA": "Q760", "LIE": "Q347", "LKA": "Q854", "LSO": "Q1013",
    "LTU": "Q37", "LUX": "Q32", "LVA": "Q211", "MAC": "Q14773", "MAR": "Q1028", "MCO": "Q235", "MDA": "Q217",
    "MDG": "Q1019", "MDV": "Q826", "MEX": "Q96", "MKD": "Q221", "MLI": "Q912", "MLT": "Q233", "MMR": "Q836",
    "MNE": "Q236", "MNG": "Q711", "MOZ": "Q1029", "MRT": "Q1025", "MTQ": "Q17054", "MUS": "Q1027",
    "MWI": "Q1020", "MYS": "Q833", "NAM": "Q1030", "NCL": "Q33788", "NER": "Q1032", "NGA": "Q1033",
    "NIC": "Q811", "NLD": "Q55", "NOR": "Q20", "NPL": "Q837", "NZL": "Q664", "OMN": "Q842", "PAK": "Q843",
    "PAN": "Q804", "PER": "Q419", "PHL": "Q928", "PNG": "Q691", "POL": "Q36", "PRI": "Q1183", "PRK": "Q423",
    "PRT": "Q45", "PRY": "Q733", "PSE": "Q219060", "PYF": "Q30971", "QAT": "Q846", "REU": "Q17070",
    "ROU": "Q218", "RUS": "Q159", "RWA": "Q1037", "SAU": "Q851", "SDN": "Q1049", "SEN": "Q1041", "SGP": "Q334",
    "SLB": "Q685", "SLE": "Q1044", "SLV": "Q792", "SMR": "Q238", "SOM": "Q1045", "SRB": "Q403", "SSD": "Q958",
    "SUR": "Q730", "SVK": "Q214", "SVN": "Q215", "SWE": "Q34", "SWZ": "Q1050", "SYC": "Q1042", "SYR": "Q858",
    "TCD": "Q657", "TGO": "Q945", "THA": "Q869", "TJK": "Q863", "TKM": "Q874", "TLS": "Q574", "TON": "Q678",
    "TTO": "Q754", "TUN": "Q948", "TUR": "Q43", "TWN": "Q865", "TZA": "Q924", "UGA": "Q1036", "UKR": "Q212",
    "URY": "Q77", "USA": "Q30", "UZB": "Q265", "VAT": "Q237", "VCT": "Q757", "VEN": "Q717", "VNM": "Q881",
    "VUT": "Q686", "WSM": "Q683", "YEM": "Q805", "ZAF": "Q258", "ZMB": "Q953", "ZWE": "Q954",
}


def state_rows() -> list[dict]:
    rows = []
    for c in pycountry.countries:
        iso3 = c.alpha_3
        rows.append({
            "id": f"state:{iso3}", "type": "State", "label": UN_SHORT_NAMES.get(iso3, c.name),
            "kind": "territory" if iso3 in TERRITORIES else "state", "acronym": "", "iso3": iso3,
            "wikidata": WIKIDATA.get(iso3, ""),
        })
    return sorted(rows, key=lambda r: r["id"])


def write(path: Path = OUT) -> int:
    rows = state_rows()
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


if __name__ == "__main__":
    n = write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
    print(f"wrote {n} rows to {sys.argv[1] if len(sys.argv) > 1 else OUT}")
