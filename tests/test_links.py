"""Links from citations to legislation.gov.uk: the address of each provision the rulesets cite,
in the point-in-time form for an Act and the as-made form for a statutory instrument."""

from __future__ import annotations

import re
from datetime import date

import pytest

from sexoffender_rules import Case, Notification, Person, Trigger, assess
from sexoffender_rules.calendar import END_OF_TIME, DateInterval
from sexoffender_rules.documents import assessment_to_data
from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
from sexoffender_rules.law import Citation, Rule
from sexoffender_rules.links import (
    BASE_DATE,
    instrument_named,
    legislation_urls,
    provision_paths,
    reason_links,
)

SITE = "https://www.legislation.gov.uk"
CHECKED = date(2026, 12, 2)
POINT_IN_TIME = re.compile(
    r"^https://www\.legislation\.gov\.uk/ukpga/\d{4}/\d+/"
    r"(?:section/\d+[A-Z]*|schedule/\d+/paragraph/\d+)/\d{4}-\d{2}-\d{2}$"
)
AS_MADE = re.compile(
    r"^https://www\.legislation\.gov\.uk/(?:uksi|nisr)/\d{4}/\d+/"
    r"(?:(?:regulation|article)/\d+/made|contents/made)$"
)


def _urls(instrument: str, provision: str, on: date) -> tuple[str, ...]:
    return legislation_urls(
        Citation(instrument=instrument, provision=provision, checked=CHECKED), on
    )


# One citation of each instrument the England and Wales ruleset cites, and its address.
@pytest.mark.parametrize(
    ("instrument", "provision", "on", "expected"),
    [
        (
            "Sexual Offences Act 2003",
            "s.83(1), (6)",
            date(2012, 8, 13),
            ("/ukpga/2003/42/section/83/2012-08-13",),
        ),
        (
            "Sexual Offences Act 2003",
            "s.103G(1), (4)",
            date(2016, 1, 4),
            ("/ukpga/2003/42/section/103G/2016-01-04",),
        ),
        (
            "Sentencing Act 2020",
            "s.265(2), s.278(2)",
            date(2022, 5, 3),
            ("/ukpga/2020/17/section/265/2022-05-03", "/ukpga/2020/17/section/278/2022-05-03"),
        ),
        (
            "Criminal Justice Act 2003",
            "s.189(6)",
            date(2010, 1, 1),
            ("/ukpga/2003/44/section/189/2010-01-01",),
        ),
        (
            "Powers of Criminal Courts (Sentencing) Act 2000",
            "s.14(1)",
            date(2005, 6, 1),
            ("/ukpga/2000/6/section/14/2005-06-01",),
        ),
        (
            "Powers of Criminal Courts Act 1973",
            "s.1C(1)",
            date(1995, 1, 1),
            ("/ukpga/1973/62/section/1C/1995-01-01",),
        ),
        (
            "Family Law Reform Act 1969",
            "s.9",
            date(2004, 5, 1),
            ("/ukpga/1969/46/section/9/2004-05-01",),
        ),
        (
            "Anti-social Behaviour, Crime and Policing Act 2014",
            "Sch. 5 para. 2 (inserting ss.103A-103K)",
            date(2015, 3, 8),
            ("/ukpga/2014/12/schedule/5/paragraph/2/2015-03-08",),
        ),
        (
            "SI 2004/1220 (Sexual Offences Act 2003 (Travel Notification Requirements) "
            "Regulations 2004)",
            "regs 3, 5-7",
            date(2010, 1, 1),
            tuple(f"/uksi/2004/1220/regulation/{n}/made" for n in (3, 5, 6, 7)),
        ),
        (
            "SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and "
            "Wales) Regulations 2012)",
            "regs 2, 10 and the regulations on accounts, cards and documents",
            date(2013, 1, 1),
            ("/uksi/2012/1876/regulation/2/made", "/uksi/2012/1876/regulation/10/made"),
        ),
        (
            "SI 2012/1876 (Sexual Offences Act 2003 (Notification Requirements) (England and "
            "Wales) Regulations 2012)",
            "",
            date(2013, 1, 1),
            ("/uksi/2012/1876/contents/made",),
        ),
        (
            "SI 2012/1883 (Sexual Offences Act 2003 (Remedial) Order 2012)",
            "art. 1(1), art. 3",
            date(2013, 1, 1),
            ("/uksi/2012/1883/article/1/made", "/uksi/2012/1883/article/3/made"),
        ),
        (
            "SR 2014/185 (Northern Ireland amendment of the 2004 Regulations)",
            "reg 7",
            date(2015, 1, 1),
            ("/nisr/2014/185/regulation/7/made",),
        ),
    ],
)
def test_address_of_each_instrument_cited(
    instrument: str, provision: str, on: date, expected: tuple[str, ...]
) -> None:
    assert _urls(instrument, provision, on) == tuple(SITE + path for path in expected)


def test_every_citation_of_the_ruleset_has_a_well_formed_address_or_none() -> None:
    without = set()
    for rule in ENGLAND_AND_WALES.rules:
        for citation in rule.citations:
            urls = legislation_urls(citation, date(2020, 1, 1))
            if not urls:
                without.add(citation.instrument)
            for url in urls:
                assert POINT_IN_TIME.match(url) or AS_MADE.match(url), url
    # Only the Home Office's published answers have no address on legislation.gov.uk.
    assert without == {"Home Office"}


def test_no_view_before_an_act_existed_or_before_the_base_date() -> None:
    [url] = _urls("Sentencing Act 2020", "s.254", date(2015, 1, 1))
    assert url.endswith("/section/254/2020-12-01")  # the Sentencing Code came into force then
    [old] = _urls("Family Law Reform Act 1969", "s.9", date(1985, 1, 1))
    assert old.endswith(f"/section/9/{BASE_DATE.isoformat()}")


def test_an_unknown_instrument_has_no_link() -> None:
    assert instrument_named("Home Office") is None
    assert _urls("Some Other Act 1999", "s.1", date(2020, 1, 1)) == ()


@pytest.mark.parametrize(
    ("provision", "paths"),
    [
        ("s.84(2)-(4)(a)", ("section/84",)),
        ("ss.226A, 226B, 227, 228", ("section/226A", "section/226B", "section/227", "section/228")),
        ("ss.103A-103C", ("section/103A", "section/103B", "section/103C")),
        ("regs 3-5", ("regulation/3", "regulation/4", "regulation/5")),
        ("notification requirements questions and answers", ()),
    ],
)
def test_provision_paths(provision: str, paths: tuple[str, ...]) -> None:
    assert provision_paths(provision) == paths


def test_a_reason_links_for_the_day_its_rule_applied_never_before_it_was_in_force() -> None:
    weekly = ENGLAND_AND_WALES.rule("ew.s85.weekly")  # in force from 13 August 2012
    reason = weekly.reason("Weekly.")
    urls = [link.url for link in reason_links(reason, date(2011, 5, 1))]
    assert urls[0] == f"{SITE}/ukpga/2003/42/section/85/2012-08-13"
    later = [link.url for link in reason_links(reason, date(2019, 2, 28))]
    assert later[0] == f"{SITE}/ukpga/2003/42/section/85/2019-02-28"


def test_provisions_of_one_section_share_one_link() -> None:
    [link] = reason_links(ENGLAND_AND_WALES.rule("ew.s83.initial").reason("x"), date(2020, 1, 1))
    assert link.citation == "Sexual Offences Act 2003 s.83(1), s.83(6)"


def test_result_reasons_link_for_the_duty_date_beside_the_citation() -> None:
    case = Case(
        person=Person(reference="FICTIONAL-0901", date_of_birth=date(1980, 1, 1)),
        triggers=(Trigger(id="t1", kind="caution", date=date(2016, 3, 7)),),
        notifications=(Notification(id="n1", date=date(2016, 3, 8), kind="initial"),),
    )
    data = assessment_to_data(assess(case, date(2016, 4, 1)))
    initial = data["duties"][0]
    assert initial["kind"] == "initial"
    reason = initial["reasons"][0]
    assert reason["citation"] == "Sexual Offences Act 2003 s.83(1), s.83(6)"
    assert reason["links"] == [
        {
            "citation": "Sexual Offences Act 2003 s.83(1), s.83(6)",
            "url": f"{SITE}/ukpga/2003/42/section/83/2016-03-07",
        }
    ]
    # The registration's reasons link for the assessment date.
    registration = data["registration"]["reasons"][0]["links"][0]["url"]
    assert registration == f"{SITE}/ukpga/2003/42/section/80/2016-04-01"


def test_a_link_is_named_by_the_provision_it_links() -> None:
    rule = _rule_citing(
        ("Sentencing Act 2020", "ss.266, 279"),
        ("Some Other Act 1999", "s.1"),
        ("SI 2012/1876 (The 2012 Regulations)", ""),
    )
    links = reason_links(rule.reason("S."), date(2022, 1, 1))
    assert [(k.citation, k.url.removeprefix(SITE)) for k in links] == [
        ("Sentencing Act 2020 s.266", "/ukpga/2020/17/section/266/2022-01-01"),
        ("Sentencing Act 2020 s.279", "/ukpga/2020/17/section/279/2022-01-01"),
        ("SI 2012/1876 (The 2012 Regulations)", "/uksi/2012/1876/contents/made"),
    ]


def _rule_citing(*citations: tuple[str, str]) -> Rule:
    """A rule in force from 1 May 2004 citing each (instrument, provision)."""
    return Rule(
        id="x",
        title="X",
        statement="S.",
        citations=tuple(
            Citation(instrument=instrument, provision=provision, checked=CHECKED)
            for instrument, provision in citations
        ),
        in_force=DateInterval(date(2004, 5, 1), END_OF_TIME),
    )


def _links_as_first_written(rule: Rule, on: date) -> tuple[tuple[str, str], ...]:
    """The links of a rule's reasons as reason_links first worked them out, citation by
    citation through legislation_urls: the reference for the links now made from a template per
    rule."""
    day = on if rule.in_force.is_empty else max(on, rule.in_force.start)
    cited: dict[str, tuple[str, list[str]]] = {}
    for citation in rule.citations:
        urls = legislation_urls(citation, day)
        if not urls:
            continue
        labels = (
            [citation.provision]
            if len(urls) == 1
            else [
                {"section": "s.", "regulation": "reg ", "article": "art. ", "schedule": "Sch. "}[
                    path.split("/")[0]
                ]
                + path.split("/")[1]
                + (f" para. {path.split('/')[3]}" if path.count("/") == 3 else "")
                for path in provision_paths(citation.provision)
            ]
        )
        for url, label in zip(urls, labels, strict=True):
            provisions = cited.setdefault(url, (citation.instrument, []))[1]
            if label not in provisions:
                provisions.append(label)
    return tuple(
        (f"{instrument} {', '.join(p for p in provisions if p)}".strip(), url)
        for url, (instrument, provisions) in cited.items()
    )


def _every_rule() -> list[Rule]:
    from sexoffender_rules.rulesets import jurisdictions, reform_named, reforms, ruleset_for

    rulesets = [ruleset_for(j) for j in jurisdictions()] + [reform_named(n) for n in reforms()]
    return [rule for ruleset in rulesets for rule in ruleset.rules]


def test_every_rules_links_are_those_worked_out_citation_by_citation() -> None:
    # Days before and after each Act's first view and the rules' commencements, and today.
    days = [date(1990, 1, 1), date(2003, 11, 19), date(2003, 11, 20), date(2004, 5, 1)]
    days += [date(2012, 8, 13), date(2020, 11, 30), date(2020, 12, 1), date(2026, 12, 2)]
    rules = _every_rule()
    assert len(rules) > 50
    for rule in rules:
        reason = rule.reason("S.")
        for day in days:
            expected = _links_as_first_written(rule, day)
            assert tuple((k.citation, k.url) for k in reason_links(reason, day)) == expected
    # Citations of several provisions, of statutory instruments, of the whole of an Act, and of
    # no known instrument, in one rule.
    odd = _rule_citing(
        ("Sentencing Act 2020", "ss.266, 279"),
        ("SI 2012/1876 (Regs)", "regs 2, 10"),
        ("SI 2012/1876 (Regs)", "reg 10(1)"),
        ("Sexual Offences Act 2003", ""),
        ("SR 2014/185 (Rules)", ""),
        ("Home Office", "guidance"),
        ("Sentencing Act 2020", "s.266(2)"),
    )
    for day in days:
        expected = _links_as_first_written(odd, day)
        # ss.266 and 279, regs 2 and 10 (reg 10(1) joins reg 10), the whole Act, the whole rule;
        # the guidance has no address and s.266(2) joins s.266.
        assert len(expected) == 6
        assert tuple((k.citation, k.url) for k in reason_links(odd.reason("S."), day)) == expected
