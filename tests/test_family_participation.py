"""participation family: panel lines, participant lists, rapporteurs, session teams, 'on behalf of'."""
import pytest

from genre import DEBATE_2011, GFMD_2010, extract_text


FIRST_META = {"title": "Report of the first meeting of the Global Forum on Migration and Development, Belgium, July 9-11, 2007",
              "date": "2008", "subject_date": "2007-07"}
SERIES = {"title": "Connecting the Dots. A report of the Conversations on the Global Governance of Migration, Phase 1",
          "date": "2010", "subject_date": "2009-12"}


def run(text, meta=GFMD_2010):
    ex = extract_text(text, meta)
    return {(s.subject, s.predicate, s.object, s.qualifiers.get("role"), s.qualifiers.get("status"))
            for s in ex.statements.values()}, ex


def test_corpus_panel_of_a_provisional_program_is_planned():
    facts, _ = run("**Provisional Program**\n\n**10:20 – 13:00**      **Panel one: *The Contribution of migrants*\n\n"
                   "**Panelists:**\n\n- **H.E. Ms. Lorena Escudero** National Secretary for Migrants, Ecuador\n"
                   "- **Mr. Driss El Yazami** President, National Human Rights Council, Morocco\n", DEBATE_2011)
    panel = {f for f in facts if f[1] == "participates_in" and f[0].startswith("person:")}
    assert {(f[0], f[3], f[4]) for f in panel} == {("person:lorena-escudero", "panellist", "planned"),
                                                   ("person:driss-el-yazami", "panellist", "planned")}
    assert ("state:ECU", "participates_in") in {(f[0], f[1]) for f in facts}


def test_participant_list_names_a_new_academic_organisation():
    facts, ex = run("Participants List\n\n"
                    "Dr. Jerome ELIE\tResearcher and Coordinator of Activities, Lakeside Policy Institute, Geneva\n"
                    "Dr. Ana LOPEZ\tProfessor and Director of the Migration Programme Lakeside Policy Institute, Geneva\n", SERIES)
    org = next(e for e in ex.entities.values() if e.label == "Lakeside Policy Institute")
    assert org.kind == "academic"
    affiliated = {f[0] for f in facts if f[1] == "affiliated_with" and f[2] == org.id}
    assert affiliated == {"person:jerome-elie", "person:ana-lopez"}


def test_rapporteurs_of_whole_roundtables():
    facts, ex = run("Ms Maria Santos (Minister of Labour of Ecuador) presented the general report on Roundtable 1.\n\n"
                    "Mr Jan Novak (Director of the Migration Office, Czech Republic) was the General rapporteur on the "
                    "horizontal issues (211).\n", FIRST_META)
    assert ("person:maria-santos", "participates_in", "event:gfmd-2007-rt-1", "rapporteur", "actual") in facts
    assert ("state:ECU", "participates_in", "event:gfmd-2007-rt-1", "rapporteur", "actual") in facts
    horizontal = next(e for e in ex.entities.values() if "horizontal issues" in e.label.lower())
    assert ("person:jan-novak", "participates_in", horizontal.id, "rapporteur", "actual") in facts


def test_reports_by_list_for_each_roundtable():
    facts, _ = run("The closing session began with the reports on the three Roundtables by: Mr. Manuel Imson, Labour Attache, "
                   "The Philippines, for Roundtable 1; Mr. Azzouz Samri, Plenipotentiary Minister, Morocco, for Roundtable 2.\n")
    got = {(f[0], f[2]) for f in facts if f[3] == "rapporteur"}
    assert {("person:manuel-imson", "event:gfmd-2010-rt-1"), ("state:PHL", "event:gfmd-2010-rt-1"),
            ("person:azzouz-samri", "event:gfmd-2010-rt-2"), ("state:MAR", "event:gfmd-2010-rt-2")} <= got


def test_session_team_table_keeps_columns():
    facts, _ = run("Co-chairs and Government teams for round table sessions\n\n"
                   "CO-CHAIRS\tGOVERNMENT TEAM MEMBERS\t\t\tINTERNATIONAL ORGANIZATIONS\n"
                   "RT 2.2\t<i>Migration, gender and family</i>\t\t\t\n"
                   "Mexico\tArmenia\tIsrael\tSudan\tIFAD\n"
                   "\tChile\tPhilippines\tUkraine\tUNICEF\n"
                   "\t\t\t\tWHO\n")
    session = "event:gfmd-2010-rt-2-2"
    assert {f[0] for f in facts if f[1] == "chairs" and f[2] == session} == {"state:MEX"}
    team = {f[0] for f in facts if f[1] == "participates_in" and f[2] == session}
    assert team == {"state:ARM", "state:ISR", "state:SDN", "org:ifad", "state:CHL", "state:PHL", "state:UKR",
                    "org:unicef", "org:who"}


def test_on_behalf_of():
    facts, _ = run("Ghana, speaking on behalf of the African Union, welcomed the report.\n")
    assert any(f[0] == "state:GHA" and f[1] == "speaks_for" for f in facts)


@pytest.mark.parametrize("text", [
    "Panelists:\n\n- Mr. John Smith, Director, IOM\n",                      # no session heading above
    "Ms Maria Santos read the report of the Secretary-General.\n",         # a report, not of a round table
])
def test_no_participation(text):
    facts, _ = run(text)
    assert not [f for f in facts if f[1] == "participates_in"]


# --- acting-for only for people who act for a government or an intergovernmental body (audit pattern 1) -----------
def _session(lines: str):
    return run("RT Session 1.1: Skills and mobility\n\n" + lines)


def test_academic_rapporteur_does_not_act_for_the_universitys_country():
    facts, _ = _session("Rapporteur: Dr. Maria Keller, Senior Researcher, Centre for Migration Law, University of Graz, Austria\n")
    assert ("person:maria-keller", "participates_in", "event:gfmd-2010-rt-1-1", "rapporteur", "actual") in facts
    assert not any(f[0] == "state:AUT" for f in facts)


def test_embassy_counsellor_acts_for_the_state():
    facts, _ = _session("Rapporteur: Mr. Jon Berg, Counsellor, Permanent Mission of Sweden to the United Nations Office at Geneva\n")
    assert ("state:SWE", "participates_in", "event:gfmd-2010-rt-1-1", "rapporteur", "actual") in facts
    assert ("person:jon-berg", "affiliated_with", "state:SWE") in {f[:3] for f in facts}


def test_consultant_and_former_official_act_for_no_one():
    facts, _ = _session("Panellists: Mr. Pedro Ruiz, independent consultant, Quito, Ecuador; Mr. Paul Otieno, Former Minister of "
                        "Labour, Kenya; Ms. Ana Silva, Vice Minister of Labour, Paraguay\n")
    panel = {f[0] for f in facts if f[1] == "participates_in"}
    assert {"person:pedro-ruiz", "person:paul-otieno", "person:ana-silva", "state:PRY"} <= panel
    assert "state:ECU" not in panel and "state:KEN" not in panel


def test_demonym_acts_only_inside_a_government_office_name():
    facts, _ = _session("Panellists: Mr. Hedi Ben Salah, President of the Council for the Tunisian Community Abroad; "
                        "Mr. Karim Jaziri, Technical Adviser at the Ministry of the Tunisians Abroad\n")
    assert ("state:TUN", "participates_in", "event:gfmd-2010-rt-1-1", "panellist", "actual") in facts
    tunisia = [f for f in facts if f[0] == "state:TUN"]
    assert len(tunisia) == 1     # only the ministry adviser's copy


def test_un_agency_staff_act_for_it_ngo_staff_only_work_there():
    facts, _ = _session("Panellists: Ms. Lea Haddad, Child Protection Specialist, United Nations Children's Fund (UNICEF); "
                        "Mr. Ivo Marek, Director, Caritas Internationalis\n")
    assert ("org:unicef", "participates_in", "event:gfmd-2010-rt-1-1", "panellist", "actual") in facts
    assert not any(f[0].startswith("org:") and f[1] == "participates_in" and "unicef" not in f[0] for f in facts)


# --- titles (audit pattern 2) ----------------------------------------------------------------------------------
def test_participant_table_title_comes_from_the_title_column():
    _, ex = run("List of participants\n\nName\tTitle\tOrganization\tE-mail\n"
                "Ms. Lucia Ferrer\tSenior Protection Officer\tUNHCR\tlferrer@example.org\n"
                "Mr. Omar Said\tDeputy Director, Consular Affairs\tMinistry of Foreign Affairs of Jordan\tos@example.org\n", SERIES)
    titles = {(s.subject, s.object): s.qualifiers.get("title") for s in ex.statements.values() if s.predicate == "affiliated_with"}
    assert titles[("person:lucia-ferrer", "org:unhcr")] == "Senior Protection Officer"
    assert titles[("person:omar-said", "state:JOR")] == "Deputy Director, Consular Affairs"


def test_participant_row_without_header_cuts_the_title_at_the_organisation():
    _, ex = run("Participants List\n\nMr. John DOE\tHead of Policy United Nations High Commissioner for Refugees (UNHCR)\n"
                "Mr. Jan KOWAL\tMigration Ambassador Poland\n", SERIES)
    titles = {(s.subject, s.object): s.qualifiers.get("title") for s in ex.statements.values() if s.predicate == "affiliated_with"}
    assert titles[("person:john-doe", "org:unhcr")] == "Head of Policy"
    assert titles[("person:jan-kowal", "state:POL")] == "Migration Ambassador"


# --- speaks_for (audit pattern 7) -------------------------------------------------------------------------------
def test_aligning_with_a_statement_is_not_speaking_for():
    facts, _ = run("Austria aligned itself with the statement made on behalf of the European Union.\n\n"
                   "Hungary spoke on behalf of the European Union.\n")
    speakers = {f[0] for f in facts if f[1] == "speaks_for"}
    assert speakers == {"state:HUN"}


def test_statement_made_by_x_on_behalf_of_y():
    facts, _ = run("The statement made by Finland on behalf of the European Union stressed return policies.\n")
    assert ("state:FIN", "speaks_for", "org:eu", None, "actual") in facts


def test_on_behalf_of_a_body_the_registry_does_not_know():
    facts, ex = run("Brazil spoke on behalf of the Community of Lusophone Cooperation Countries.\n\n"
                    "Chile spoke on behalf of its Chilean delegation.\n")
    got = {(f[0], f[2]) for f in facts if f[1] == "speaks_for"}
    org = next(e.id for e in ex.entities.values() if e.label == "Community of Lusophone Cooperation Countries")
    assert got == {("state:BRA", org)}


def test_aligning_with_a_statement_made_by_someone_names_that_speaker():
    facts, _ = run("Austria aligns itself with the statement made by Slovenia on behalf of the European Union.\n")
    assert {(f[0], f[2]) for f in facts if f[1] == "speaks_for"} == {("state:SVN", "org:eu")}


RCP_META = {"title": "Second Ministerial Conference of the Abu Dhabi Dialogue", "date": "2014-11"}


def test_attendance_listed_after_a_colon_with_observers():
    facts, ex = run("The Second Ministerial Conference of the Abu Dhabi Dialogue was held in Kuwait City.\n\n"
                    "The following countries of destination attended as observers: Oman, Bahrain and Malaysia.\n\n"
                    "Senior officials from the following member States participated: Nepal, India and Sri Lanka.\n",
                    RCP_META)
    meeting = next(e for e in ex.entities if e.startswith("event:second-ministerial-conference"))
    observers = {s for s, p, o, role, _ in facts if p == "participates_in" and o == meeting and role == "observer"}
    participants = {s for s, p, o, role, _ in facts if p == "participates_in" and o == meeting and role == "participant"}
    assert observers == {"state:OMN", "state:BHR", "state:MYS"}
    assert participants == {"state:NPL", "state:IND", "state:LKA"}


def test_negated_attendance_list_gives_nothing():
    facts, _ = run("The following member States were unable to attend: Oman and Bahrain.\n", RCP_META)
    assert not {f for f in facts if f[1] == "participates_in"}


def test_participant_table_with_a_country_first_column():
    facts, _ = run("List of participants\n\nCountry/Organization\tName\tDesignation\tE-mail\n"
                   "Nepal\tMr. Hari Prasad Adhikari\tUnder Secretary, Ministry of Labour\thpa@example.org\n"
                   "ILO\tMs. Grete Sundby\tMigration Specialist\tsundby@example.org\n", RCP_META)
    assert ("person:hari-prasad-adhikari", "affiliated_with", "state:NPL", None, "actual") in facts
    assert ("person:grete-sundby", "affiliated_with", "org:ilo", None, "actual") in facts


def test_presenters_of_a_numbered_session_of_an_rcp_meeting():
    facts, ex = run("Session 2: Pre-departure orientation\n\nPresenters: Ms. Dewi Lestari, Director, Ministry of Manpower, "
                    "Indonesia; Dr. Paolo Rinaldi, Lecturer, University of Bologna, Italy\n", RCP_META)
    session = next(e for e in ex.entities if "session-2-pre-departure" in e)
    assert ("person:dewi-lestari", "participates_in", session, "speaker", "actual") in facts
    assert ("state:IDN", "participates_in", session, "speaker", "actual") in facts
    assert not any(s == "state:ITA" for s, *_ in facts)            # a lecturer does not act for Italy
