"""Contact details are found (phones, faxes, e-mails, contact-block web lines, postal addresses) and prose is not."""
import re

from migkg.loaders.contacts import find_contacts
from migkg.loaders.sources import corpus_dir

EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
PHONE = re.compile(r"\+\s?\d{1,3}[\s(]+\d[\d\s()/.-]{5,}\d")


def covered(text):
    return [text[s:e] for s, e in find_contacts(text)]


def test_letterhead_address_phone_fax_web_and_mail():
    text = ("1, rue de Varembe, P.O. Box 96, CH-1211 Geneva 20, Switzerland • TEL. +41 (0)22 919 10 20 • "
            "FAX +41 (0)22 919 10 48\nwebsite: www.icmc.net • e-mail: info@icmc.net\n")
    spans = covered(text)
    assert "1, rue de Varembe, P.O. Box 96, CH-1211 Geneva 20, Switzerland" in spans
    assert "TEL. +41 (0)22 919 10 20" in spans and "FAX +41 (0)22 919 10 48" in spans
    assert "website: www.icmc.net" in spans and "e-mail: info@icmc.net" in spans


def test_street_first_address_and_directory_cell():
    assert covered("Rue de la Régence 67, 1000 Bruxelles.\n") == ["Rue de la Régence 67, 1000 Bruxelles"]
    cell = ("Plaza Juárez 20, 18 th floor, Col. Centro, Mexico City, 06010 T: +52 55 3686-5804 "
            "F: +52 55 3686-5605 Email Foreign Affairs : jventurav@sre.gob.mx")
    spans = covered(cell)
    assert spans[0] == "Plaza Juárez 20, 18 th floor, Col. Centro, Mexico City, 06010"
    assert "T: +52 55 3686-5804" in spans and "Email Foreign Affairs : jventurav@sre.gob.mx" in spans


def test_labelled_numbers_with_extensions_and_alternates():
    spans = covered("T: +52 55 5387-2400 ext. 18712 and T : + 41 22 788 49 46 or 47 and M USA: +1 703 6009136")
    assert "T: +52 55 5387-2400 ext. 18712" in spans
    assert "T : + 41 22 788 49 46 or 47" in spans
    assert "M USA: +1 703 6009136" in spans


def test_prose_is_left_alone():
    prose = ("The Forum took place in Brussels on 9-11 July 2007, attended by 800 delegates from 156 States; "
             "the budget was 1,592,195 €. Rue barriers were discussed (see www.gfmd.org) at 10:30.")
    assert find_contacts(prose) == []


def test_e_mail_inside_a_sentence():
    text = "Please contact us, by email if you would like, at GGM@icmc.net."
    assert covered(text) == ["GGM@icmc.net"]


def test_every_phone_and_mail_of_the_corpus_is_covered():
    found = 0
    for path in sorted(corpus_dir().glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        spans = find_contacts(text)
        for rx in (EMAIL, PHONE):
            for m in rx.finditer(text):
                found += 1
                assert any(s <= m.start() and m.end() <= e for s, e in spans), (path.name, m.group())
    assert found > 20
