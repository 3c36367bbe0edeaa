"""Whatever a contributor writes, the loader answers with records or located problems."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rse_build.check import check_community
from rse_build.frontmatter import FrontMatterError, Parsed, split
from rse_build.links import find_references

KEYS = [
    "name",
    "title",
    "authors",
    "groups",
    "tags",
    "date",
    "type",
    "kind",
    "status",
    "emails",
    "skills",
    "links",
    "joined",
    "start",
    "audience",
    "stats",
    "members",
    "animators",
    "reply_to",
    "rsvp",
    "accepted",
]
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(
        [
            "2026-10-01",
            "2026-13-45",
            "note",
            "idea",
            "[a, b",
            "{x: 1}",
            "'",
            "&a *a",
            "answer",
            "rsvp",
            "going",
            "r1",
        ]
    ),
)
values = st.recursive(
    scalars,
    lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=5), c, max_size=3),
    max_leaves=6,
)
yaml_lines = st.lists(
    st.tuples(st.sampled_from(KEYS) | st.text(max_size=8), values).map(lambda kv: f"{kv[0]}: {kv[1]!r}")
    | st.text(max_size=30),
    max_size=8,
)
documents = st.one_of(
    st.text(max_size=300),
    yaml_lines.map(lambda lines: "---\n" + "\n".join(lines) + "\n---\nbody @ada [[x]]\n"),
)


@settings(max_examples=300, deadline=None)
@given(documents)
def test_split_never_raises_and_locates_errors(text):
    result = split(text)
    assert isinstance(result, Parsed | FrontMatterError)
    if isinstance(result, FrontMatterError):
        assert result.line >= 1 and result.column >= 1 and result.message


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_references_never_raise(body):
    for ref in find_references(body, 3):
        assert ref.line >= 3 and ref.column >= 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "people/ada.md",
                "people/bob.md",
                "groups/g/index.md",
                "groups/g/n.md",
                "notes/a.md",
                "notes/deep/b.md",
                "responses/a/r1.md",
                "responses/a/r2.md",
                "responses/b/r1.md",
                "responses/stray.md",
            ]
        ),
        documents | st.binary(max_size=80),
        max_size=6,
    )
)
def test_check_never_raises_and_every_problem_is_located(files):
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        for path, data in files.items():
            target = content / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
        checked = check_community(None, content, {}, None)
        for problem in checked.problems:
            assert problem.path and problem.line >= 1 and problem.column >= 1 and problem.message
            assert str(problem).startswith(f"{problem.path}:{problem.line}:{problem.column}: ")
