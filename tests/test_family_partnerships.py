"""partnerships family: partners_with (symmetric, with context) and supports (secretariat, technical support,
implementing, lead)."""

from migkg.loaders.pipeline import extract
from migkg.loaders.reader import read_text

META = {"title": "Report of a coordination meeting", "date": "2009"}


def facts(text, predicate):
    ex = extract([read_text(text, "t", META)])
    return {(s.subject, s.object, s.qualifiers.get("role"), s.rule) for s in ex.statements.values()
            if s.predicate == predicate}


def pairs(text):
    return {frozenset((a, b)) for a, b, _, _ in facts(text, "partners_with")}


def test_partnership_between_three_gives_every_pair():
    assert pairs("Health worker migration is also being dealt with by a partnership between WHO, ILO and IOM.\n") == {
        frozenset(("org:who", "org:ilo")), frozenset(("org:who", "org:iom")), frozenset(("org:ilo", "org:iom"))}


def test_collaboration_with_list_and_context_programme():
    ex = extract([read_text("Ms. Thouez said that UNITAR supported follow-up through its collaborative work with ILO, "
                            "IOM and the United Nations Population Fund (UNFPA) in carrying out the International "
                            "Migration Policy Programme.\n", "t", META)])
    got = [s for s in ex.statements.values() if s.predicate == "partners_with"]
    assert len(got) == 3 and all(s.qualifiers.get("context", "").startswith("agreement:") for s in got)


def test_both_refers_to_previous_subjects():
    got = facts("Philippines and Sri Lanka are also using IT to bridge distances. Both have partnered with UNICEF "
                "to train migrant workers.\n", "partners_with")
    assert {frozenset((a, b)) for a, b, _, _ in got} == {frozenset(("state:PHL", "org:unicef")),
                                                         frozenset(("state:LKA", "org:unicef"))}
    assert {r for _, _, _, r in got} == {"partners_with.partnership+previous-subject"}


def test_fronted_cooperation_takes_the_following_subject():
    got = pairs("In close cooperation with the African Union Commission, the Netherlands is looking for partner "
                "countries.\n")
    assert len(got) == 1 and "state:NLD" in next(iter(got))


def test_assisted_by_supports_the_event():
    got = facts("Since 2007, the ASEAN Secretariat, assisted by the ILO, IOM and UNIFEM, has been convening the ASEAN "
                "Forum on Migrant Labour to encourage dialogue.\n", "supports")
    assert {a for a, _, role, _ in got if role == "technical_support"} >= {"org:ilo", "org:iom"}


def test_secretariat_and_own_genre():
    got = facts("The Regional Conference on Migration (RCM), whose members include Mexico, meets yearly; "
                "IOM, which together with UNHCR serves as the secretariat of the Regional Conference on Migration, "
                "reported.\n", "supports")
    assert {(a, role) for a, _, role, _ in got} >= {("org:iom", "secretariat"), ("org:unhcr", "secretariat")}
    got = facts("The workshop was organized by Ghana with the support of the ICMPD in its capacity as the secretariat "
                "of the Rabat Process.\n", "supports")
    assert ("org:icmpd", "process:rabat-process", "secretariat") in {(a, o, role) for a, o, role, _ in got}


def test_no_partner_without_a_named_actor():
    assert pairs("Governments, where appropriate in cooperation with non-state actors, are invited to act.\n") == set()


OWN_MEETING = "**Second Meeting of the Budapest Process Working Group**\n\nAnkara, Turkey, 5 May 2012\n\n"


def own_meeting_doc(text):
    """A document without catalogue entry: its meeting comes from the front matter, as in a build."""
    from migkg.loaders.doc_meta import infer_meta
    doc = read_text(OWN_MEETING + text, "t", None)
    doc.meta = infer_meta(doc)
    return doc


def test_with_the_technical_support_of_supports_the_meeting():
    ex = extract([own_meeting_doc("The meeting was hosted by the Government of Turkey, with the technical support of "
                                  "ICMPD and IOM.\n")])
    got = {(s.subject, s.qualifiers.get("role")) for s in ex.statements.values() if s.predicate == "supports"}
    assert got == {("org:icmpd", "technical_support"), ("org:iom", "technical_support")}
    # a programme or a country "with the support of" names no event: nothing
    assert facts("Farmers in the region, with the support of IOM, planted trees.\n", "supports") == set()


def test_joint_action_of_a_coordinated_subject():
    got = {(frozenset((a, b)), r) for a, b, _, r in facts("- UNFPA and UNHCR will prepare a joint protection framework "
                                                           "for unaccompanied children.\n", "partners_with")}
    assert got == {(frozenset(("org:unfpa", "org:unhcr")), "partners_with.joint-action")}
    assert pairs("Representatives of IOM and ILO will prepare a joint report.\n") == set()


def test_working_with_the_government_of_and_a_body_named_after_an_actor():
    assert pairs("The representative of IOM said that the organization had assisted returned children in 2015 and "
                 "was working with the Government of Honduras on reception centres.\n") == {
        frozenset(("org:iom", "state:HND"))}
    # "the ASEAN Task Force on Migration" is not ASEAN
    assert pairs("UNIFEM, in collaboration with the ASEAN Task Force on Migration, ensured that gender concerns were "
                 "mainstreamed.\n") == set()


def test_together_with_after_a_comma_and_financial_support():
    assert pairs("IOM, together with UNHCR, organized a workshop on mixed migration.\n") == {
        frozenset(("org:iom", "org:unhcr"))}
    assert pairs("Representatives attended, together with officials of the Governments of Guatemala and "
                 "Honduras.\n") == set()
    ex = extract([own_meeting_doc("The meeting was organized by Turkey with the financial support of the European "
                                  "Union.\n")])
    got = {(s.subject, s.predicate, s.qualifiers.get("support")) for s in ex.statements.values()
           if s.rule.startswith(("funds.financial", "supports.with"))}
    assert got == {("org:eu", "funds", "financial")}


def test_in_cooperation_with_after_the_agent_of_a_passive():
    assert pairs("The workshop was organized by the OSCE in cooperation with IOM and UNHCR.\n") == {
        frozenset(("org:osce", "org:iom")), frozenset(("org:osce", "org:unhcr"))}
    assert pairs("A study of return migration in cooperation with UNHCR was discussed.\n") == set()
