"""Sites (offices, plants, cities) from profiles' `site`: the directory of sites, each site's
page (its people, groups, events, notes and work with other sites) and the home page's list.

'Lyon' and 'LYON' are one site: sites are keyed by `tag_slug`, named as most people spell them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from rse_build.model import Community, GroupKind, NoteType, tag_slug
from rse_build.views.agenda import EventItem, upcoming_and_past
from rse_build.views.refs import GroupRef, NoteRef, PersonRef, Refs

# A site page lists the newest notes of its people, and the sites it worked with most.
SITE_NOTES = 20
TOP_PARTNERS = 5
# The home page lists the largest sites, then links to the others.
HOME_SITES = 12


@dataclass(frozen=True, slots=True)
class SiteIndex:
    """What every site page needs, made once per audience in one pass over groups and notes
    (each note's authors once), so a site's page never walks the whole community again."""

    # The site (slug) of each person who names one.
    site_of: dict[str, str]
    notes: dict[str, tuple[str, ...]]
    events: dict[str, tuple[str, ...]]
    # Groups of kind site that match the site, and groups of other kinds that name it.
    site_groups: dict[str, tuple[str, ...]]
    other_groups: dict[str, tuple[str, ...]]
    # Notes written together with people of other sites, and with which: partner sites of at
    # least `min_group` people by name (most shared notes first), smaller ones pooled.
    cross: dict[str, int]
    partners: dict[str, tuple[tuple[str, int], ...]]
    pooled: dict[str, int]

    @classmethod
    def of(cls, community: Community, min_group: int) -> SiteIndex:
        site_of = {h: slug for slug, handles in community.people_by_site.items() for h in handles}
        named = {slug for slug, handles in community.people_by_site.items() if len(handles) >= min_group}
        site_groups: dict[str, list[str]] = defaultdict(list)
        other_groups: dict[str, list[str]] = defaultdict(list)
        for group in community.groups.values():
            named_site = group.fields.site
            if group.fields.kind is GroupKind.SITE:
                site_groups[tag_slug(named_site or group.title)].append(group.slug)
            elif named_site:
                other_groups[tag_slug(named_site)].append(group.slug)
        notes: dict[str, list[str]] = defaultdict(list)
        events: dict[str, list[str]] = defaultdict(list)
        cross: Counter[str] = Counter()
        partners: dict[str, Counter[str]] = defaultdict(Counter)
        pooled: Counter[str] = Counter()
        for note in community.notes.values():
            if note.fields.type is NoteType.EVENT and note.fields.site:
                events[tag_slug(note.fields.site)].append(note.key)
            sites = {site_of[h] for h in note.fields.authors if h in site_of}
            for site in sites:
                notes[site].append(note.key)
                others = sites - {site}
                if not others:
                    continue
                cross[site] += 1
                partners[site].update(others & named)
                pooled[site] += bool(others - named)
        return cls(
            site_of=site_of,
            notes={slug: tuple(keys) for slug, keys in notes.items()},
            events={slug: tuple(keys) for slug, keys in events.items()},
            site_groups={slug: tuple(slugs) for slug, slugs in site_groups.items()},
            other_groups={slug: tuple(slugs) for slug, slugs in other_groups.items()},
            cross=dict(cross),
            partners={
                site: tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_PARTNERS])
                for site, counts in partners.items()
            },
            pooled=dict(pooled),
        )


@dataclass(frozen=True, slots=True)
class SiteRef:
    """A site as lists show it: its name, its page and how many people work there."""

    slug: str
    name: str
    url: str
    count_label: str


@dataclass(frozen=True, slots=True)
class SiteEntry:
    site: SiteRef
    anchor: str
    people: tuple[PersonRef, ...]
    # The people directory filtered on this site: its `?site=` address.
    directory_url: str


@dataclass(frozen=True, slots=True)
class SitesDirectory:
    sites: tuple[SiteEntry, ...]


@dataclass(frozen=True, slots=True)
class Partner:
    """A site this one wrote notes with; an unnamed one (url "") pools the small sites."""

    name: str
    url: str
    shared_label: str


@dataclass(frozen=True, slots=True)
class SitePage:
    site: SiteRef
    people: tuple[PersonRef, ...]
    directory_url: str
    site_groups: tuple[GroupRef, ...]
    other_groups: tuple[GroupRef, ...]
    events: tuple[EventItem, ...]
    notes: tuple[NoteRef, ...]
    cross_label: str
    partners: tuple[Partner, ...]


@dataclass(frozen=True, slots=True)
class HomeSites:
    sites: tuple[SiteRef, ...]
    # The sites page, when it lists more than the home page does.
    more_url: str


def site_ref(refs: Refs, slug: str) -> SiteRef:
    count = len(refs.community.people_by_site.get(slug, ()))
    return SiteRef(
        slug, refs.community.site_names[slug], refs.urls.site(slug), refs.t.plural(count, "person")
    )


def _largest_first(community: Community) -> list[str]:
    names = community.site_names
    return sorted(
        community.people_by_site,
        key=lambda slug: (-len(community.people_by_site[slug]), names[slug].casefold(), slug),
    )


def _directory_url(refs: Refs, slug: str) -> str:
    return f"{refs.urls.people()}?site={quote(refs.community.site_names[slug])}"


def sites_directory(refs: Refs) -> SitesDirectory:
    """Every site someone names, the largest first, each linked to its page."""
    return SitesDirectory(
        tuple(
            SiteEntry(
                site=site_ref(refs, slug),
                anchor=f"site-{slug}",
                people=refs.people(refs.community.people_by_site[slug]),
                directory_url=_directory_url(refs, slug),
            )
            for slug in _largest_first(refs.community)
        )
    )


def home_sites(refs: Refs) -> HomeSites:
    """The largest sites for the home page; the sites page when there are more."""
    slugs = _largest_first(refs.community)
    more = refs.urls.page("sites/index.md") if len(slugs) > HOME_SITES else ""
    return HomeSites(tuple(site_ref(refs, slug) for slug in slugs[:HOME_SITES]), more)


def site_page(refs: Refs, index: SiteIndex, slug: str, today: dt.date | None) -> SitePage:
    """One site's page; `today` (the build commit's day) separates upcoming events."""
    community = refs.community
    events = [community.notes[key] for key in index.events.get(slug, ())]
    partners = [
        Partner(community.site_names[other], refs.urls.site(other), refs.t.plural(n, "sitepage.shared"))
        for other, n in index.partners.get(slug, ())
    ]
    if pooled := index.pooled.get(slug, 0):
        partners.append(Partner(refs.t("sitepage.other_sites"), "", refs.t.plural(pooled, "sitepage.shared")))
    return SitePage(
        site=site_ref(refs, slug),
        people=refs.people(community.people_by_site[slug]),
        directory_url=_directory_url(refs, slug),
        site_groups=refs.groups(index.site_groups.get(slug, ())),
        other_groups=refs.groups(index.other_groups.get(slug, ())),
        events=upcoming_and_past(refs, events, today)[0],
        notes=refs.notes(index.notes.get(slug, ()), limit=SITE_NOTES),
        cross_label=refs.t.plural(index.cross.get(slug, 0), "sitepage.cross"),
        partners=tuple(partners),
    )
