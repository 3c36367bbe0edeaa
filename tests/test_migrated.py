"""Pages written for other tools (a handbook, an RFC collection): titles from `# H1` lines,
folder notes (`notes/**/index.md`), GitHub-style alerts, built as a migrating company would."""

from __future__ import annotations

import json
import re
import struct
import zlib

import pytest

from rse_build.heading import leading_heading, without_heading
from rse_build.load import load_content
from rse_build.sanitize import Sanitizer
from tests.conftest import SMALL, new_community, rse
from tests.sitecheck import hrefs, parse, resolve


def _png() -> bytes:
    """A real 1x1 PNG: the diagram a handbook page shows beside its index.md."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0\0\0"))
        + chunk(b"IEND", b"")
    )


DIAGRAM = _png()
ALERTS = {"NOTE": "note", "TIP": "tip", "IMPORTANT": "important", "WARNING": "warning", "CAUTION": "danger"}
# A folder note with the diagram beside it and one GitHub-style alert of each kind.
ENGINEERING = "# Engineering\n\nHow we build: ![Architecture](diagram.png)\n\n" + "\n".join(
    f"> [!{kind}]\n> The {kind.lower()} alert text.\n" for kind in ALERTS
)

HANDBOOK = {
    **SMALL,
    # A hand-written page and the notes section's landing page, both with their own `# Title`.
    "content/guide.md": "# Contributor guide\n\nHow we write here.\n",
    "content/notes/index.md": """\
        # Handbook and RFCs

        Start with [engineering](handbook/engineering/index.md).
        """,
    # Pure Markdown from another tool: no front matter at all.
    "content/notes/handbook/onboarding.md": """\
        # Onboarding at *Acme*

        Your first week. Ask @ada-lovelace.
        """,
    # Front matter without a title, and the title as the first line of the text.
    "content/notes/handbook/values.md": """\
        ---
        authors: [ada-lovelace]
        date: 2026-02-01
        tags: [culture]
        ---

        # Our values

        Be kind.
        """,
    # Both: the front matter's title wins, and the page still shows one title.
    "content/notes/handbook/security.md": """\
        ---
        title: Security policy
        tags: [culture]
        ---
        # Security (imported from the old wiki)

        Lock your screen.
        """,
    "content/notes/rfcs/rfc-0001.md": """\
        RFC 1: Markdown everywhere
        ==========================

        Plain text wins.
        """,
    "content/notes/handbook/engineering/index.md": ENGINEERING,
    "content/notes/handbook/sales/index.md": """\
        # Sales

        Read [how engineering works](../engineering/index.md), [[engineering]] and
        [[notes/rfcs/faq]].
        """,
    # Two folders of one name: the id 'faq' is shared, so each is named by its path.
    "content/notes/handbook/faq/index.md": "# Handbook FAQ\n\nSee [[notes/rfcs/faq]].\n",
    "content/notes/rfcs/faq/index.md": "# RFC FAQ\n\nWhat an RFC is.\n",
    "content/groups/data-platform/index.md": """\
        ---
        title: Data Platform
        kind: project
        animators: [ada-lovelace]
        ---
        # Data Platform

        Kafka and friends.
        """,
}

_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.DOTALL)
_TAGS = re.compile(r"<[^>]+>")


def h1s(html: str) -> list[str]:
    return [" ".join(_TAGS.sub("", inner).split()) for inner in _H1.findall(html)]


@pytest.fixture(scope="module")
def handbook(tmp_path_factory):
    community = new_community(tmp_path_factory.mktemp("migrated") / "handbook")
    for path, text in HANDBOOK.items():
        community.write(path, text)
    community.write("content/notes/handbook/engineering/diagram.png", DIAGRAM)
    community.commit("Import the handbook")
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    return community


def test_every_page_of_the_site_has_exactly_one_h1(handbook):
    pages = sorted(handbook.site.rglob("*.html"))
    assert len(pages) > 20
    counts = {p.relative_to(handbook.site).as_posix(): len(h1s(p.read_text())) for p in pages}
    assert {page: n for page, n in counts.items() if n != 1} == {}


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("notes/handbook/onboarding/index.html", "Onboarding at Acme"),
        ("notes/handbook/values/index.html", "Our values"),
        ("notes/handbook/security/index.html", "Security policy"),
        ("notes/rfcs/rfc-0001/index.html", "RFC 1: Markdown everywhere"),
        ("notes/handbook/engineering/index.html", "Engineering"),
        ("notes/handbook/sales/index.html", "Sales"),
        ("notes/handbook/faq/index.html", "Handbook FAQ"),
        ("notes/rfcs/faq/index.html", "RFC FAQ"),
        ("groups/data-platform/index.html", "Data Platform"),
        ("guide/index.html", "Contributor guide"),
        ("notes/index.html", "Handbook and RFCs"),
    ],
)
def test_the_title_comes_from_front_matter_or_the_first_line(handbook, page, title):
    html = handbook.page(page)
    assert h1s(html) == [title]
    assert f"<title>{title} - Test community</title>" in html
    assert "(imported from the old wiki)" not in html


def test_folder_notes_are_notes_named_by_their_folder(handbook):
    loaded = load_content(handbook.root / "content")
    assert loaded.problems == []
    notes = {n.key: (n.id, n.path, n.title) for n in loaded.notes}
    assert notes["notes/handbook/engineering"] == (
        "engineering",
        "notes/handbook/engineering/index.md",
        "Engineering",
    )
    assert notes["notes/handbook/faq"][0] == notes["notes/rfcs/faq"][0] == "faq"
    assert "notes" not in notes and "notes/index" not in notes
    assert "notes/index.md" in {p.path for p in loaded.pages}
    # A note page has rse's byline; the section's landing page is a page like any other.
    assert 'class="rse-byline"' in handbook.page("notes/handbook/sales/index.html")
    assert 'class="rse-byline"' not in handbook.page("notes/index.html")
    # Folder notes are listed with their titles where notes are listed.
    assert "Our values" in handbook.page("tags/culture/index.html")


def test_links_between_folder_notes_resolve_and_nothing_is_broken(handbook):
    site = handbook.site
    sales = hrefs(site, "notes/handbook/sales/index.html")
    assert {"notes/handbook/engineering/index.html", "notes/rfcs/faq/index.html"} <= sales
    assert "notes/rfcs/faq/index.html" in hrefs(site, "notes/handbook/faq/index.html")
    assert "notes/handbook/engineering/index.html" in hrefs(site, "notes/index.html")
    broken = [
        f"{page} -> {target}"
        for file in sorted(site.rglob("*.html"))
        for page in [file.relative_to(site).as_posix()]
        for target in hrefs(site, page)
        if not (site / target).is_file()
    ]
    assert broken == []
    referenced_by = handbook.page("notes/handbook/engineering/index.html").split("rse-backlinks", 1)[1]
    assert "Sales" in referenced_by


def test_an_image_beside_a_folder_note_is_published_and_shown(handbook):
    page = handbook.site / "notes/handbook/engineering/index.html"
    images = [src for src in parse(page.read_text()).requests if src.endswith("diagram.png")]
    assert images, "the diagram is on the page"
    assert {resolve(handbook.site, page, src).read_bytes() for src in images} == {DIAGRAM}


def test_github_alerts_are_admonitions_that_survive_the_sanitiser(handbook):
    html = handbook.page("notes/handbook/engineering/index.html")
    for kind, css in ALERTS.items():
        block = re.search(rf'<div class="admonition {css}">\s*<p class="admonition-title">(.*?)</p>', html)
        assert block is not None, kind
        assert block.group(1) == kind.title()
        assert f"The {kind.lower()} alert text." in html
    assert "[!" not in html
    raw = '<div class="admonition warning">\n<p class="admonition-title">Warning</p>\n<p>x</p>\n</div>'
    assert Sanitizer.create()(raw) == raw


def test_search_indexes_each_note_once_under_its_title(handbook):
    docs = json.loads(handbook.page("search/search_index.json"))["docs"]
    for title, location in (
        ("Onboarding at Acme", "notes/handbook/onboarding/"),
        ("Engineering", "notes/handbook/engineering/"),
        ("Contributor guide", "guide/"),
    ):
        assert [d["location"] for d in docs if d["title"] == title] == [location]


def test_check_passes_and_a_change_to_a_folder_note_is_checked(handbook):
    result = rse(handbook, "check")
    assert result.exit_code == 0, result.output
    assert " 0 errors," in result.output
    assert "note id 'faq' is also notes/rfcs/faq: link to it as [[notes/handbook/faq]]" in result.output
    handbook.write(
        "content/notes/handbook/sales/index.md",
        "# Sales\n\nSee [[enginering]] and @grace-hoper.\n",
    )
    try:
        result = rse(handbook, "check", "--changed-since", "HEAD")
        assert result.exit_code == 1, result.output
        assert "content/notes/handbook/sales/index.md:3:5: unknown note '[[enginering]]'" in result.output
        assert "content/notes/handbook/sales/index.md:3:24: unknown person '@grace-hoper'" in result.output
    finally:
        handbook.repo.git.checkout("--", "content/notes/handbook/sales/index.md")
    engineering = handbook.root / "content/notes/handbook/engineering/index.md"
    text = engineering.read_text()
    engineering.unlink()
    try:
        result = rse(handbook, "check", "--changed-since", "HEAD")
        assert result.exit_code == 1, result.output
        assert "content/notes/handbook/sales/index.md:3:56: unknown note '[[engineering]]'" in result.output
    finally:
        engineering.write_text(text)


def test_a_note_without_title_or_heading_and_a_clash_are_located(tmp_path):
    content = tmp_path / "content"
    for path, text in {
        "notes/untitled.md": "---\ntags: [x]\n---\nJust text, no heading.\n",
        "notes/sub-heading.md": "## Not a title\n",
        "notes/team.md": "# Team\n",
        "notes/team/index.md": "# Team, again\n",
    }.items():
        (content / path).parent.mkdir(parents=True, exist_ok=True)
        (content / path).write_text(text)
    messages = {(p.path, p.line, p.column): p.message for p in load_content(content).problems}
    hint = "'title' is required: add a title: line or start the text with '# Title'"
    assert messages == {
        ("notes/untitled.md", 1, 1): hint,
        ("notes/sub-heading.md", 1, 1): hint,
        ("notes/team/index.md", 1, 1): (
            "'notes/team/index.md' and 'notes/team.md' would be the same page, notes/team/: "
            "rename the folder or the file"
        ),
    }


@pytest.mark.parametrize(
    ("body", "title"),
    [
        ("# Title\nbody", "Title"),
        ("\n\n#Title #\n", "Title"),
        ("Title\n=====\n\nbody", "Title"),
        ("Title\r\n===\r\nbody", "Title"),
        ("# The `rse` **tool**, [docs](x.md) {#top}\n", "The rse tool, docs"),
        ("## Section\n", None),
        ("    # indented code\n", None),
        ("Text first\n\n# Later\n", None),
        (" # not a heading to Python-Markdown\n", None),
    ],
)
def test_leading_heading_reads_what_python_markdown_renders_as_h1(body, title):
    heading = leading_heading(body)
    assert (heading.title if heading else None) == title
    rest, removed = without_heading(body)
    assert removed == title
    assert rest == (body if title is None else body[: heading.start] + body[heading.end :])


def test_without_heading_keeps_the_rest_of_the_text():
    assert without_heading("\n# T\r\nbody\n# Later\n") == ("\nbody\n# Later\n", "T")
    assert without_heading("Title\n===\n\nText.") == ("\nText.", "Title")
