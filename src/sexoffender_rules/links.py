"""Links from citations to the text of the law on legislation.gov.uk.

A :class:`~sexoffender_rules.law.Citation` names an instrument and a provision in words
(``Sexual Offences Act 2003`` ``s.83(1), (6)``). :func:`legislation_urls` turns it into the
addresses of the provisions on legislation.gov.uk, as the law stood on a date:

- An Act (``ukpga``) has revised text for any day from its Royal Assent (and not before
  1 February 1991, the base date of the revised statute book): the point-in-time view of a
  section is ``https://www.legislation.gov.uk/ukpga/2003/42/section/83/2012-08-13``; of a
  schedule paragraph ``.../schedule/5/paragraph/2/2014-10-20``.
- A statutory instrument (``uksi``) or Northern Ireland statutory rule (``nisr``) cited here is
  linked to its text as made (``https://www.legislation.gov.uk/uksi/2012/1876/regulation/10/made``):
  legislation.gov.uk does not carry every instrument in revised form, and a point-in-time
  address for one it does not carry shows nothing. The text as made is what the rules cite.

A link names the whole section (or regulation, article, schedule paragraph):
legislation.gov.uk gives subsections no address of their own. A citation of a range of
sections or regulations (``regs 3-8``, ``ss.103A-103K``) is linked to each one in the range.
An instrument not in :data:`INSTRUMENTS` (a Home Office publication) has no link.

>>> from datetime import date
>>> from sexoffender_rules.law import Citation
>>> cite = Citation(instrument="Sexual Offences Act 2003", provision="s.83(1), (6)",
...                 checked=date(2026, 11, 29))
>>> legislation_urls(cite, date(2012, 8, 13))
('https://www.legislation.gov.uk/ukpga/2003/42/section/83/2012-08-13',)
"""

from __future__ import annotations

import functools
import re
from datetime import date
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .assessment import Reason
    from .law import Citation, Rule

__all__ = [
    "BASE_DATE",
    "INSTRUMENTS",
    "Instrument",
    "Link",
    "instrument_named",
    "legislation_urls",
    "provision_paths",
    "reason_links",
    "rule_links",
]

SITE = "https://www.legislation.gov.uk"

BASE_DATE = date(1991, 2, 1)
"""The base date of the revised statute book on legislation.gov.uk: no point-in-time view of
primary legislation is earlier.

>>> BASE_DATE.isoformat()
'1991-02-01'
"""


@attrs.frozen(kw_only=True)
class Instrument:
    """An instrument as legislation.gov.uk files it: its type (``ukpga`` for an Act of the UK
    Parliament, ``uksi`` for a UK statutory instrument, ``nisr`` for a Northern Ireland statutory
    rule), year and number (the chapter of an Act). ``revised`` says whether its
    point-in-time views are linked (see the module text); ``first_view`` is the first day one
    exists (its Royal Assent or commencement, or :data:`BASE_DATE`).

    >>> Instrument(title="Sexual Offences Act 2003", type="ukpga", year=2003, number=42,
    ...            first_view=date(2003, 11, 20)).address
    'https://www.legislation.gov.uk/ukpga/2003/42'
    """

    title: str
    type: str
    year: int
    number: int
    revised: bool = True
    first_view: date = BASE_DATE

    @property
    def address(self) -> str:
        """The instrument's address on legislation.gov.uk, without a version.

        >>> INSTRUMENTS[0].address
        'https://www.legislation.gov.uk/ukpga/2003/42'
        """
        return f"{SITE}/{self.type}/{self.year}/{self.number}"


INSTRUMENTS: tuple[Instrument, ...] = (
    Instrument(
        title="Sexual Offences Act 2003",
        type="ukpga",
        year=2003,
        number=42,
        first_view=date(2003, 11, 20),
    ),
    # Royal Assent 22 October 2020; the Sentencing Code came into force on 1 December 2020, and
    # a view before that shows its provisions as prospective.
    Instrument(
        title="Sentencing Act 2020",
        type="ukpga",
        year=2020,
        number=17,
        first_view=date(2020, 12, 1),
    ),
    Instrument(
        title="Criminal Justice Act 2003",
        type="ukpga",
        year=2003,
        number=44,
        first_view=date(2003, 11, 20),
    ),
    Instrument(
        title="Powers of Criminal Courts (Sentencing) Act 2000",
        type="ukpga",
        year=2000,
        number=6,
        first_view=date(2000, 5, 25),
    ),
    Instrument(title="Powers of Criminal Courts Act 1973", type="ukpga", year=1973, number=62),
    Instrument(title="Family Law Reform Act 1969", type="ukpga", year=1969, number=46),
    Instrument(
        title="Anti-social Behaviour, Crime and Policing Act 2014",
        type="ukpga",
        year=2014,
        number=12,
        first_view=date(2014, 3, 13),
    ),
)
"""The Acts the rulesets cite, as legislation.gov.uk files them. Statutory instruments and
rules need no entry: their citation names them (``SI 2012/1876``, ``SR 2014/185``).

>>> [i.number for i in INSTRUMENTS if i.year == 2003]
[42, 44]
"""

_NUMBERED = re.compile(r"^(SI|SR) (\d{4})/(\d+)\b")


@functools.lru_cache(maxsize=256)
def instrument_named(name: str) -> Instrument | None:
    """The instrument a citation names: an Act of :data:`INSTRUMENTS` by its title, or a
    statutory instrument or rule by its number (``SI 2012/1876 (...)``, ``SR 2014/185 (...)``);
    ``None`` for anything else.

    >>> instrument_named("SI 2004/1220 (Sexual Offences Act 2003 (Travel Notification "
    ...                  "Requirements) Regulations 2004)").address
    'https://www.legislation.gov.uk/uksi/2004/1220'
    >>> instrument_named("Home Office") is None
    True
    """
    for instrument in INSTRUMENTS:
        if name == instrument.title:
            return instrument
    match = _NUMBERED.match(name)
    if match is None:
        return None
    kind, year, number = match.groups()
    return Instrument(
        title=name,
        type="uksi" if kind == "SI" else "nisr",
        year=int(year),
        number=int(number),
        revised=False,
    )


# A note in brackets that holds a space ("(inserting ss.103A-103K)"), unlike a subsection "(1)".
_NOTE = re.compile(r"\s*\([^()]*\s[^()]*\)")
_PROVISION = re.compile(
    r"(?:(?P<kind>ss?\.|regs?\.?|arts?\.?|Sch\.)\s*)?"
    r"(?P<number>\d+[A-Z]*)(?:\s*-\s*(?P<last>\d+[A-Z]*))?"
    r"(?:(?:\([^()]*\))*)"
    r"(?:\s*para\.?\s*(?P<paragraph>\d+[A-Z]*))?"
)
_KINDS = {"s": "section", "reg": "regulation", "art": "article", "Sch": "schedule"}


def _expand(first: str, last: str | None) -> list[str]:
    """The numbers of a range: ``3-8``; ``103A-103K`` (one section's lettered successors)."""
    if last is None:
        return [first]
    if first.isdigit() and last.isdigit() and int(first) <= int(last):
        return [str(n) for n in range(int(first), int(last) + 1)]
    base, start, end = first.rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), first[-1:], last[-1:]
    if last.startswith(base) and start.isalpha() and end.isalpha() and start <= end:
        return [f"{base}{chr(c)}" for c in range(ord(start), ord(end) + 1)]
    return [first, last]


@functools.lru_cache(maxsize=1024)
def provision_paths(provision: str) -> tuple[str, ...]:
    """The legislation.gov.uk paths of the provisions a citation names, in order, each once:
    ``section/N``, ``regulation/N``, ``article/N``, ``schedule/N/paragraph/P``. Subsections
    and paragraphs in brackets fall to their section; a bare number continues the kind before it
    (``ss.266, 279``); a note in brackets and words are passed over.

    >>> provision_paths("s.84(2)-(4)(a)")
    ('section/84',)
    >>> provision_paths("s.265(2), s.278(2)")
    ('section/265', 'section/278')
    >>> provision_paths("regs 3, 5-7")
    ('regulation/3', 'regulation/5', 'regulation/6', 'regulation/7')
    >>> provision_paths("Sch. 5 para. 2 (inserting ss.103A-103K)")
    ('schedule/5/paragraph/2',)
    >>> provision_paths("art. 1(1), art. 3"), provision_paths("")
    (('article/1', 'article/3'), ())
    """
    text = _NOTE.sub("", provision)
    paths: list[str] = []
    kind: str | None = None
    for part in re.split(r",|;|\band\b", text):
        match = _PROVISION.search(part.strip())
        if match is None or match.start() != 0:
            continue
        if match.group("kind"):
            kind = _KINDS[match.group("kind").rstrip(".").rstrip("s") or "s"]
        if kind is None:
            continue
        for number in _expand(match.group("number"), match.group("last")):
            path = f"{kind}/{number}"
            if kind == "schedule" and match.group("paragraph"):
                path += f"/paragraph/{match.group('paragraph')}"
            if path not in paths:
                paths.append(path)
    return tuple(paths)


def legislation_urls(citation: Citation, on: date) -> tuple[str, ...]:
    """The addresses on legislation.gov.uk of the provisions ``citation`` names, as they stood on
    ``on`` (for an Act; never before its :attr:`~Instrument.first_view`), or as made (for a
    statutory instrument or rule). A citation that names no provision links to the whole
    instrument; an instrument not known has none.

    >>> from sexoffender_rules.law import Citation
    >>> legislation_urls(Citation(instrument="Sentencing Act 2020", provision="ss.266, 279",
    ...                           checked=date(2026, 11, 29)), date(2019, 1, 1))
    ('https://www.legislation.gov.uk/ukpga/2020/17/section/266/2020-12-01', 'https://www.legislation.gov.uk/ukpga/2020/17/section/279/2020-12-01')
    >>> legislation_urls(Citation(instrument="SI 2012/1876 (The 2012 Regulations)",
    ...                           provision="regs 2, 10", checked=date(2026, 11, 29)),
    ...                  date(2020, 1, 1))[1]
    'https://www.legislation.gov.uk/uksi/2012/1876/regulation/10/made'
    """
    addresses, first_view = _addresses(citation)
    if first_view is None:
        return addresses
    version = max(on, first_view).isoformat()
    return tuple(address + version for address in addresses)


@functools.lru_cache(maxsize=1024)
def _addresses(citation: Citation) -> tuple[tuple[str, ...], date | None]:
    """The addresses of the provisions ``citation`` names without their version, and the first
    day a version may name: for an Act, each address ends where the version goes
    (``.../section/83/``); for a statutory instrument or rule, each is whole (the text as made)
    and the day is ``None``."""
    instrument = instrument_named(citation.instrument)
    if instrument is None:
        return (), None
    paths = provision_paths(citation.provision)
    if instrument.revised:
        if not paths:
            return (f"{instrument.address}/",), instrument.first_view
        return tuple(f"{instrument.address}/{path}/" for path in paths), instrument.first_view
    if not paths:
        return (f"{instrument.address}/contents/made",), None
    return tuple(f"{instrument.address}/{path}/made" for path in paths), None


@attrs.frozen(kw_only=True)
class Link:
    """A provision as cited (``Sexual Offences Act 2003 s.83(1)``) and its address on
    legislation.gov.uk.

    >>> Link(citation="Sexual Offences Act 2003 s.83(1)",
    ...      url="https://www.legislation.gov.uk/ukpga/2003/42/section/83/2026-03-06").url[-10:]
    '2026-03-06'
    """

    citation: str
    url: str


def reason_links(reason: Reason, on: date) -> tuple[Link, ...]:
    """The links of a reason's citations, each address once (with every provision cited that it
    holds: ``s.83(1), s.83(6)`` share section 83's address), for the law as it stood on ``on``
    (the day the rule applied: a duty's trigger date, a source's relevant date, the assessment
    date for the registration), and never before the rule came into force. A reason from no
    rule of a ruleset (a police-policy profile, a recorded fact) has none.

    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
    >>> reason = ENGLAND_AND_WALES.rule("ew.s85.weekly").reason("Weekly.")
    >>> [link.url for link in reason_links(reason, date(2010, 1, 1))][0]
    'https://www.legislation.gov.uk/ukpga/2003/42/section/85/2012-08-13'
    """
    rule = reason.rule
    if rule is None:
        return ()
    return tuple(Link(citation=citation, url=url) for citation, url in rule_links(rule, on))


def rule_links(rule: Rule, on: date) -> tuple[tuple[str, str], ...]:
    """The links of ``rule``'s citations as (citation, address) pairs, for the law as it stood on
    ``on`` and never before the rule came into force: what :func:`reason_links` gives a reason
    of the rule. Which addresses a rule links, and under which words, is worked out once per
    rule; only the version (the day of the point-in-time view) depends on ``on``.

    >>> from sexoffender_rules.england_and_wales import ENGLAND_AND_WALES
    >>> rule_links(ENGLAND_AND_WALES.rule("ew.s83.initial"), date(2026, 3, 6))
    (('Sexual Offences Act 2003 s.83(1), s.83(6)', 'https://www.legislation.gov.uk/ukpga/2003/42/section/83/2026-03-06'),)
    """
    entry = _LINK_TEMPLATES.get(id(rule))
    if entry is None or entry[0] is not rule:
        entry = (rule, _link_template(rule), {})
        if len(_LINK_TEMPLATES) < _KEPT:
            _LINK_TEMPLATES[id(rule)] = entry  # the entry holds the rule: its id is not reused
    _, template, by_day = entry
    links = by_day.get(on)
    if links is None:
        day = on if rule.in_force.is_empty else max(on, rule.in_force.start)
        links = tuple(
            (
                citation,
                address if first_view is None else address + max(day, first_view).isoformat(),
            )
            for citation, address, first_view in template
        )
        if len(by_day) >= _KEPT:
            by_day.clear()
        by_day[on] = links
    return links


# A rule's links without their version: (citation, address, first view), the address ending
# where the version goes (``.../section/83/``), or whole with ``None`` (text as made).
_LinkTemplate = tuple[tuple[str, str, date | None], ...]
# Each rule's template and the links last made from it by day (at most _KEPT of each).
_LINK_TEMPLATES: dict[int, tuple[Rule, _LinkTemplate, dict[date, tuple[tuple[str, str], ...]]]] = {}
_KEPT = 4096


def _link_template(rule: Rule) -> _LinkTemplate:
    """Each address ``rule`` links once, without the version (the same for every address of an
    instrument on a day, so addresses that differ on one day differ on every day), with the
    provisions cited that it holds."""
    cited: dict[str, tuple[str, list[str], date | None]] = {}
    for citation in rule.citations:
        addresses, first_view = _addresses(citation)
        if not addresses:
            continue
        paths = provision_paths(citation.provision)
        # A citation of several provisions is named, link by link, by the provision linked.
        labels = [citation.provision] if len(addresses) == 1 else [_label(p) for p in paths]
        for address, label in zip(addresses, labels, strict=True):
            provisions = cited.setdefault(address, (citation.instrument, [], first_view))[1]
            if label not in provisions:
                provisions.append(label)
    return tuple(
        (f"{instrument} {', '.join(p for p in provisions if p)}".strip(), address, first_view)
        for address, (instrument, provisions, first_view) in cited.items()
    )


_ABBREVIATIONS = {"section": "s.", "regulation": "reg ", "article": "art. ", "schedule": "Sch. "}


def _label(path: str) -> str:
    """A path in the words of a citation: ``section/266`` is ``s.266``; ``schedule/5/paragraph/2``
    is ``Sch. 5 para. 2``.

    >>> _label("regulation/5"), _label("schedule/5/paragraph/2")
    ('reg 5', 'Sch. 5 para. 2')
    """
    parts = path.split("/")
    text = f"{_ABBREVIATIONS[parts[0]]}{parts[1]}"
    return f"{text} para. {parts[3]}" if len(parts) == 4 else text
