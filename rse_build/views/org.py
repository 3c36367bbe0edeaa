"""The org chart (org/) and a profile's place in it: its manager chain and direct reports.

The chart is a flat list of rows in depth-first order, each saying how many branches close
after it: the template nests lists without recursion, so no depth of hierarchy can exhaust a
stack, and the page reads as plain nested lists without JavaScript.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from rse_build.ids import SPELLED_OUT
from rse_build.org import NOT_SHOWN, Org
from rse_build.views.refs import PersonRef, Refs

# Branches open down to this depth when the page loads (the top and the people reporting to it:
# an overview at any size); deeper ones open on a click.
OPEN_DEPTH = 1


@dataclass(frozen=True, slots=True)
class OrgRow:
    """One person of the chart (None: the node of managers this site does not show)."""

    person: PersonRef | None
    anchor: str
    role: str
    # Managers only: how many people their branch holds, them included.
    branch_label: str
    has_reports: bool
    open: bool
    # How many branches end after this row (and so how many lists the template closes).
    closes: int


@dataclass(frozen=True, slots=True)
class OrgLinks:
    """The pages that show the organisation's shape, linked from the directory and the chart."""

    people: str
    org: str
    teams: str
    sites: str


def org_links(refs: Refs) -> OrgLinks:
    page = refs.urls.page
    return OrgLinks(refs.urls.people(), page("org/index.md"), page("teams/index.md"), page("sites/index.md"))


@dataclass(frozen=True, slots=True)
class OrgChart:
    rows: tuple[OrgRow, ...]
    count_label: str
    links: OrgLinks
    # The letter table of `fold`, as JSON, for the find box to fold a query as names are.
    fold_letters: str


@dataclass(frozen=True, slots=True)
class PlaceInOrg:
    """A profile's reporting line: managers from the top down, then its direct reports."""

    chain: tuple[PersonRef | None, ...]
    reports: tuple[PersonRef, ...]
    # The chart, and the person's place in it ("" for who is not in it, e.g. alumni): MkDocs'
    # `url` filter takes a page's path alone, so the anchor is apart.
    chart_url: str
    chart_anchor: str


def org_anchor(handle: str) -> str:
    return "org-not-shown" if handle == NOT_SHOWN else f"org-{handle}"


def org_chart(refs: Refs, org: Org) -> OrgChart:
    t = refs.t
    walked = list(org.walk())
    rows = []
    for index, (handle, depth) in enumerate(walked):
        reports = org.reports.get(handle, ())
        following = walked[index + 1][1] if index + 1 < len(walked) else 0
        person = None if handle == NOT_SHOWN else refs.person(handle)
        role = "" if person is None else refs.community.people[handle].fields.role or ""
        rows.append(
            OrgRow(
                person=person,
                anchor=org_anchor(handle),
                role=role,
                branch_label=t.plural(org.branch_size[handle], "org.branch") if reports else "",
                has_reports=bool(reports),
                open=depth < OPEN_DEPTH,
                # A manager's list closes after its last descendant, counted there.
                closes=0 if reports else depth - following,
            )
        )
    charted = sum(1 for handle, _ in walked if handle != NOT_SHOWN)
    letters = json.dumps(SPELLED_OUT, ensure_ascii=False, sort_keys=True)
    return OrgChart(tuple(rows), t.plural(charted, "person"), org_links(refs), letters)


def place_in_org(refs: Refs, org: Org, handle: str) -> PlaceInOrg:
    chain = tuple(None if h == NOT_SHOWN else refs.person(h) for h in org.chain(handle))
    reports = refs.people(org.reports.get(handle, ()))
    charted = handle in org.branch_size
    chart = org_links(refs).org if charted else ""
    return PlaceInOrg(chain, reports, chart, "#" + org_anchor(handle) if charted else "")
