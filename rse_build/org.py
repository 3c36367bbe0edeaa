"""Reporting lines: who reports to whom, from profiles' `manager:`.

Built once per audience from everyone's profiles and the audience's own people. The chart holds
the people the audience sees who are on a reporting line (they have a manager, or manage someone
it sees), employees or the extended community's own teams; alumni are not in it, nor whoever
has no reporting line yet (the chart says how to start one). A person whose manager is not in the chart
reports to the nearest one above who is; when that line passes someone the audience may not see
and reaches nobody it sees, they hang under a node with no name, so the chart neither names a
hidden person nor pretends the person reports to no one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rse_build.model import Community, PersonKind

# The chart's node for managers this audience may not see (never a handle: handles have no '/').
NOT_SHOWN = "/not-shown"


@dataclass(frozen=True, slots=True)
class Org:
    """The chart: each person's manager in it, each manager's direct reports (by name), the
    people at the top, and how many people each branch holds (its head included)."""

    manager_of: Mapping[str, str]
    reports: Mapping[str, tuple[str, ...]]
    roots: tuple[str, ...]
    branch_size: Mapping[str, int]

    @classmethod
    def of(cls, everyone: Community, visible: Community) -> Org:
        present = {h: p for h, p in visible.people.items() if p.fields.kind is not PersonKind.ALUMNI}
        # Managers of someone this audience charts: managing only hidden people charts nobody.
        managers = {p.fields.manager for p in present.values()}
        charted = {h for h, p in present.items() if p.fields.manager in everyone.people or h in managers}
        manager_of = _nearest_in_chart(everyone, charted, set(visible.people))
        name = {h: (p.name.casefold(), h) for h, p in visible.people.items()}
        reports_lists: dict[str, list[str]] = defaultdict(list)
        for handle, above in manager_of.items():
            reports_lists[above].append(handle)
        reports = {m: tuple(sorted(r, key=name.__getitem__)) for m, r in sorted(reports_lists.items())}
        branch_size = _branch_sizes(charted, manager_of, reports)
        tops = [h for h in charted if h not in manager_of]
        if NOT_SHOWN in reports:
            branch_size[NOT_SHOWN] = sum(branch_size[h] for h in reports[NOT_SHOWN])
            tops.append(NOT_SHOWN)

        def order(handle: str) -> tuple[int, tuple[str, str]]:
            return -branch_size[handle], name.get(handle, ("", handle))

        return cls(manager_of, reports, tuple(sorted(tops, key=order)), branch_size)

    def chain(self, handle: str) -> tuple[str, ...]:
        """The person's managers from the top of the chart down to their own (NOT_SHOWN
        included where the line goes through people this site does not show)."""
        line: list[str] = []
        seen = {handle}
        while (handle := self.manager_of.get(handle, "")) and handle not in seen:
            line.append(handle)
            seen.add(handle)
        return tuple(reversed(line))

    def walk(self) -> Iterator[tuple[str, int]]:
        """Every node of the chart with its depth, depth first, each branch's head first."""
        stack = [(root, 0) for root in reversed(self.roots)]
        while stack:
            handle, depth = stack.pop()
            yield handle, depth
            stack.extend((child, depth + 1) for child in reversed(self.reports.get(handle, ())))


def _nearest_in_chart(everyone: Community, charted: set[str], visible: set[str]) -> dict[str, str]:
    """Each charted person's first manager above who is in the chart; NOT_SHOWN when the line
    passes someone the audience may not see and finds nobody charted above; absent at the top.

    Linear: what lies above each person is worked out once, whatever the depth."""

    def manager(handle: str) -> str | None:
        value = everyone.people[handle].fields.manager if handle in everyone.people else None
        return value if value in everyone.people else None

    # Above a person: the first charted manager (or None), and whether the line passes someone
    # hidden on the way there.
    up: dict[str, tuple[str | None, bool]] = {}
    for start in sorted(charted):
        path: list[str] = []
        seen: set[str] = set()
        handle: str | None = start
        while handle is not None and handle not in up and handle not in seen:
            boss = manager(handle)
            if boss is None or boss in charted:
                up[handle] = (boss, False)
                break
            seen.add(handle)
            path.append(handle)
            handle = boss
        # Back down: each passes on what is above their manager, noting a hidden manager. (A
        # loop, which `rse check` refuses, ends at nobody.)
        for walked in reversed(path):
            boss = manager(walked)
            assert boss is not None
            found, hidden = up.get(boss, (None, False))
            up[walked] = (found, hidden or boss not in visible)
    found_above = {}
    for handle in charted:
        found, hidden = up[handle]
        if found is not None:
            found_above[handle] = found
        elif hidden:
            found_above[handle] = NOT_SHOWN
    return found_above


def _branch_sizes(
    charted: set[str], manager_of: Mapping[str, str], reports: Mapping[str, tuple[str, ...]]
) -> dict[str, int]:
    """People in each branch, its head included: leaves first, each person counted once."""
    size = dict.fromkeys(charted, 1)
    pending = {h: len(reports.get(h, ())) for h in charted}
    ready = [h for h, n in pending.items() if n == 0]
    while ready:
        handle = ready.pop()
        above = manager_of.get(handle)
        if above is None or above == NOT_SHOWN:
            continue
        size[above] += size[handle]
        pending[above] -= 1
        if pending[above] == 0:
            ready.append(above)
    return size


def manager_cycles(managers: Mapping[str, str | None]) -> list[tuple[str, ...]]:
    """Each loop of reporting lines once, starting at its first handle in sort order
    (`ada → grace → ada` is the loop ('ada', 'grace')); a person managing themselves is one."""
    loops: list[tuple[str, ...]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for start in sorted(managers):
        path: list[str] = []
        handle: str | None = start
        while handle is not None and handle in managers and handle not in state:
            state[handle] = 1
            path.append(handle)
            handle = managers[handle]
        if handle is not None and state.get(handle) == 1:
            loop = path[path.index(handle) :]
            first = loop.index(min(loop))
            loops.append(tuple(loop[first:] + loop[:first]))
        for visited in path:
            state[visited] = 2
    return loops
