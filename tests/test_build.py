"""End to end: real git repositories, real `rse build` and `mkdocs build`, assertions on HTML."""

from __future__ import annotations

import subprocess
import sys

import pytest
from click.testing import CliRunner

from rse_build.cli import main
from tests.conftest import rse
from tests.sitecheck import external_requests, hrefs, text_files, tree_bytes


@pytest.fixture
def built(make_community):
    community = make_community()
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    return community


def test_every_person_group_and_published_note_has_a_page(built):
    site = built.site
    for path in [
        "index.html",
        "people/index.html",
        "people/ada-lovelace/index.html",
        "people/grace-hopper/index.html",
        "people/pat-partner/index.html",
        "groups/index.html",
        "groups/data-platform/index.html",
        "groups/running/index.html",
        "groups/data-platform/kafka-tuning/index.html",
        "notes/welcome-note/index.html",
        "tags/index.html",
        "tags/kafka/index.html",
        "tags/data/index.html",
        "tags/community/index.html",
        "search/search_index.json",
    ]:
        assert (site / path).is_file(), path
    assert not (site / "notes/secret-draft").exists()
    assert not (site / "tags/draft-only").exists()
    assert "Secret draft" not in (site / "search/search_index.json").read_text()


def test_profile_shows_the_card(built):
    html = built.page("people/ada-lovelace/index.html")
    for text in ["Ada Lovelace", "Data engineer", "Data Platform", "Lyon", "kafka", "running"]:
        assert text in html
    assert "https://github.com/ada-example" in html
    assert "mailto:" not in html
    assert 'src="../../avatars/ada-lovelace.svg"' in html
    svg = (built.site / "avatars/ada-lovelace.svg").read_text()
    assert ">AL</text>" in svg
    links = hrefs(built.site, "people/ada-lovelace/index.html")
    assert "groups/data-platform/index.html" in links
    assert "groups/data-platform/kafka-tuning/index.html" in links
    partner = built.page("people/pat-partner/index.html")
    assert "Partner" in partner and "Partnerco" in partner


def test_note_links_its_authors_groups_and_tags(built):
    page = "groups/data-platform/kafka-tuning/index.html"
    html = built.page(page)
    links = hrefs(built.site, page)
    assert "people/ada-lovelace/index.html" in links
    assert "groups/data-platform/index.html" in links
    assert {"tags/kafka/index.html", "tags/data/index.html"} <= links
    assert "1 October 2026" in html
    # @grace-hopper became a link to her profile, [[welcome-note]] a link to the note.
    assert "people/grace-hopper/index.html" in links
    assert "notes/welcome-note/index.html" in links
    assert "Welcome note</a>" in html
    # A link to a draft stays text (a warning); a decorator in code stays code.
    assert "[[secret-draft]]" in html
    assert "@decorator" in html


def test_directories_and_tag_pages_list_what_they_should(built):
    people = hrefs(built.site, "people/index.html")
    assert {f"people/{h}/index.html" for h in ("ada-lovelace", "grace-hopper", "pat-partner")} <= people
    groups_html = built.page("groups/index.html")
    assert groups_html.index("Projects") < groups_html.index("Data Platform")
    assert groups_html.index("Clubs and hobbies") < groups_html.index("Running club")
    group = built.page("groups/data-platform/index.html")
    assert "3 members" not in group  # ada (profile) + grace (members:) = 2
    assert "2 members" in group
    group_links = hrefs(built.site, "groups/data-platform/index.html")
    assert {"people/ada-lovelace/index.html", "people/grace-hopper/index.html"} <= group_links
    # Members of the group and notes filed under it (including a note listing it in groups:).
    assert "groups/data-platform/kafka-tuning/index.html" in group_links
    kafka = hrefs(built.site, "tags/kafka/index.html")
    assert "groups/data-platform/kafka-tuning/index.html" in kafka
    data = hrefs(built.site, "tags/data/index.html")
    assert "groups/data-platform/index.html" in data  # the group is tagged too
    tags = hrefs(built.site, "tags/index.html")
    assert {"tags/kafka/index.html", "tags/community/index.html"} <= tags


def test_drafts_are_built_only_when_asked(make_community):
    community = make_community()
    result = rse(community, "build", "--drafts")
    assert result.exit_code == 0, result.output
    assert (community.site / "notes/secret-draft/index.html").is_file()
    assert "Draft" in community.page("notes/secret-draft/index.html")


def test_two_builds_of_one_commit_are_identical_and_equal_plain_mkdocs(make_community):
    community = make_community()
    assert rse(community, "build", "--site-dir", "one").exit_code == 0
    assert rse(community, "build", "--site-dir", "two").exit_code == 0
    one, two = tree_bytes(community.root / "one"), tree_bytes(community.root / "two")
    assert one == two
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-d", "plain"],
        cwd=community.root,
        check=True,
    )
    assert tree_bytes(community.root / "plain") == one


def test_no_page_asks_another_host(built):
    assert external_requests(built.site) == []
    html = built.page("index.html")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html


def test_no_email_address_reaches_the_site(built):
    addresses = ["ada@acme.example", "grace@acme.example"]
    for file, text in text_files(built.site):
        for address in addresses:
            assert address not in text.lower(), f"{address} in {file}"
    assert "(e-mail hidden)" in built.page("people/ada-lovelace/index.html")


def test_french_community(make_community):
    from tests.conftest import MKDOCS_YML

    community = make_community(mkdocs_yml=MKDOCS_YML + "extra:\n  rse:\n    language: fr\n")
    assert rse(community, "build").exit_code == 0
    assert "Personnes" in community.page("people/index.html")
    assert "1er octobre 2026" in community.page("groups/data-platform/kafka-tuning/index.html")
    assert "Clubs et loisirs" in community.page("groups/index.html")


def test_bad_content_is_located_and_nothing_is_built(make_community):
    from tests.conftest import SMALL

    files = dict(SMALL)
    files["content/notes/broken.md"] = (
        "---\ntitle: Broken\nauthors: [ada-lovelac]\ntype: essay\n---\n"
        "Ask @grace-hoper about [[kafka-tunning]].\n"
    )
    community = make_community(files)
    result = rse(community, "build")
    assert result.exit_code == 1
    assert (
        "content/notes/broken.md:3:11: unknown author 'ada-lovelac'; did you mean 'ada-lovelace'?"
        in result.output
    )
    assert "notes/broken.md:4:1: 'type': Input should be" in result.output
    assert (
        "notes/broken.md:6:5: unknown person '@grace-hoper'; did you mean '@grace-hopper'?" in result.output
    )
    assert (
        "notes/broken.md:6:24: unknown note '[[kafka-tunning]]'; did you mean 'kafka-tuning'?"
        in result.output
    )
    assert "Traceback" not in result.output
    assert not community.site.exists()


def test_outside_a_community_exits_2(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["build"])
    assert result.exit_code == 2
    assert "no mkdocs.yml here" in result.output


def test_help_explains_every_command():
    runner = CliRunner()
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for command in ("build", "serve", "check"):
        assert command in top.output
        sub = runner.invoke(main, [command, "--help"])
        assert sub.exit_code == 0 and "Usage:" in sub.output


def test_plain_mkdocs_build_reports_the_same_located_problems(make_community):
    from tests.conftest import SMALL

    files = dict(SMALL)
    files["content/people/bad.md"] = "---\nname: Bad\ngroups: [no-such-group]\n---\n"
    community = make_community(files)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=community.root, capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "content/people/bad.md:3:10: unknown group 'no-such-group'" in result.stderr
    assert "Traceback" not in result.stderr


HOSTILE = {
    "content/people/eve.md": """\
        ---
        name: "<script>alert('name')</script>"
        role: "mail eve@evil.example <img src=x onerror=alert(1)>"
        emails: [eve@evil.example]
        skills: ["<b>bold</b>"]
        links: {site: "javascript:alert(1)"}
        ---
        Hi, I am eve@EVIL.example.
        """,
    "content/groups/g/index.md": """\
        ---
        title: "</title><script>alert('group')</script>"
        description: "contact eve@evil.example"
        tags: ["<script>tag</script>", "C++", "C#", "C"]
        animators: [eve]
        ---
        """,
    "content/groups/g/n.md": """\
        ---
        title: "Q&A <script>alert('note')</script>"
        summary: "<script>alert('summary')</script> eve@evil.example"
        authors: [eve]
        ---
        Thanks @eve, see [[n]].
        """,
}


def test_front_matter_never_becomes_markup_and_addresses_never_leak(make_community):
    community = make_community(HOSTILE)
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    for file, text in text_files(community.site):
        assert "eve@evil.example" not in text.lower(), file
        if file.suffix == ".ics":
            # iCalendar is plain text, which calendars show as written: a title is its text.
            continue
        assert "<script>alert" not in text, file
        assert "<img src=x" not in text, file
        assert "<b>bold" not in text, file
        assert "javascript:alert" not in text, file
    note = community.page("groups/g/n/index.html")
    assert "Q&amp;A &lt;script&gt;" in note
    assert "(e-mail hidden)" in community.page("people/eve/index.html")
    tags = hrefs(community.site, "tags/index.html")
    assert {"tags/c-plus-plus/index.html", "tags/c-sharp/index.html", "tags/c/index.html"} <= tags


def test_skills_directory_and_who_knows_what(built):
    index = hrefs(built.site, "skills/index.html")
    assert {"skills/kafka/index.html", "skills/python/index.html", "skills/cobol/index.html"} <= index
    kafka = hrefs(built.site, "skills/kafka/index.html")
    assert "people/ada-lovelace/index.html" in kafka
    assert "people/grace-hopper/index.html" not in kafka
    assert "groups/data-platform/kafka-tuning/index.html" in kafka  # a note tagged kafka
    assert "skills/kafka/index.html" in hrefs(built.site, "people/ada-lovelace/index.html")


def test_backlinks_and_mentions(built):
    welcome = built.page("notes/welcome-note/index.html")
    assert "Referenced by" in welcome
    assert "groups/data-platform/kafka-tuning/index.html" in hrefs(
        built.site, "notes/welcome-note/index.html"
    )
    grace = built.page("people/grace-hopper/index.html")
    assert "Mentioned in" in grace
    assert "groups/data-platform/kafka-tuning/index.html" in hrefs(
        built.site, "people/grace-hopper/index.html"
    )
    assert "Mentioned in" not in built.page("people/pat-partner/index.html")
