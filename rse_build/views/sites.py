"""The sites page: where people work, from their profiles' `site`, each with its people."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from rse_build.model import tag_slug
from rse_build.views.refs import PersonRef, Refs


@dataclass(frozen=True, slots=True)
class SiteEntry:
    name: str
    anchor: str
    count_label: str
    people: tuple[PersonRef, ...]
    # The people directory filtered on this site: its `?site=` address.
    directory_url: str


@dataclass(frozen=True, slots=True)
class SitesDirectory:
    sites: tuple[SiteEntry, ...]


def sites_directory(refs: Refs) -> SitesDirectory:
    """Every site someone names, the largest first, as the directory's site filter spells it."""
    people: dict[str, list[str]] = {}
    for handle, person in refs.community.people.items():
        if person.fields.site:
            people.setdefault(person.fields.site, []).append(handle)
    directory = refs.urls.page("people/index.md")
    ordered = sorted(people.items(), key=lambda item: (-len(item[1]), item[0].casefold(), item[0]))
    anchors: set[str] = set()
    entries = []
    for name, handles in ordered:
        # "Lyon" and "LYON" (an export's spellings) are two entries, and need two anchors.
        anchor = base = f"site-{tag_slug(name)}"
        while anchor in anchors:
            anchor = f"{base}-{len(anchors)}"
        anchors.add(anchor)
        entries.append(
            SiteEntry(
                name=name,
                anchor=anchor,
                count_label=refs.t.plural(len(handles), "person"),
                people=refs.people(handles),
                directory_url=f"{directory}?site={quote(name)}",
            )
        )
    return SitesDirectory(tuple(entries))
