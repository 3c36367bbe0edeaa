"""Contributing without git: `rse new reply|answer|kudos|rsvp NOTE-ID` in a terminal, and the
compose page (compose/index.html) in a browser, whose file passes `rse check` and whose link is
the git host's new-file page with that file in it."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import html5lib
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from rse_build.frontmatter import split
from rse_build.scaffold import response_name
from rse_build.schemas import schema
from rse_build.site import PageRole, view_for
from rse_build.views.compose import CREATE, RESPOND, compose_url
from rse_build.views.edit import RepoLinks
from rse_build.views.urls import Urls
from tests.conftest import MKDOCS_YML, SMALL, TWO_AUDIENCES, Community, new_community, rse
from tests.sitecheck import served
from tests.test_browser import AXE_OPTIONS, AXE_RESULT, AXE_START, VIEWS, Watched, show, size
from tests.test_new import run
from tests.test_site import plan_of

GITHUB_YML = MKDOCS_YML + "extra:\n  rse:\n    repo_url: https://github.com/acme/community\n"
# The demo's light and dark schemes, with Material's toggle: the accessibility check uses both.
PALETTE = """\
  palette:
    - media: "(prefers-color-scheme: light)"
      scheme: default
      toggle: {icon: material/weather-night, name: Switch to dark mode}
    - media: "(prefers-color-scheme: dark)"
      scheme: slate
      toggle: {icon: material/weather-sunny, name: Switch to light mode}
"""
SITE_YML = GITHUB_YML.replace("  name: material\n", "  name: material\n" + PALETTE, 1)
QUESTION = "---\ntitle: Which compatibility mode?\ntype: question\nauthors: [grace-hopper]\n---\nFULL?\n"
EVENT = (
    "---\ntitle: Winter demo day\ntype: event\nstart: 2026-12-10T14:00\nauthors: [ada-lovelace]\n---\nCome.\n"
)
IDEA = "---\ntitle: Badges\ntype: idea\nauthors: [grace-hopper]\n---\nFor everyone.\n"
ANSWER = "---\nkind: answer\nauthors: [ada-lovelace]\n---\nFULL_TRANSITIVE.\n"
KUDOS = "---\nkind: kudos\nauthors: [grace-hopper]\n---\n"
DAY_NAME = re.compile(r"^\d{4}-\d{2}-\d{2}-(?P<handle>[a-z0-9-]+?)(?:-(?P<n>\d+))?\.md$")


def files(**more: str) -> dict[str, str]:
    made = dict(SMALL)
    made["content/groups/data-platform/compat.md"] = QUESTION
    made["content/notes/demo-day.md"] = EVENT
    made["content/notes/badges.md"] = IDEA
    made["content/responses/compat/2026-10-03-ada.md"] = ANSWER
    made["content/responses/kafka-tuning/2026-10-05-grace.md"] = KUDOS
    made.update(more)
    return made


def written(community: Community, folder: str) -> list[Path]:
    return sorted((community.root / "content/responses" / folder).glob("*.md"))


def new_files(community: Community, folder: str, before: list[Path]) -> list[Path]:
    return [path for path in written(community, folder) if path not in before]


@pytest.fixture
def community(make_community) -> Community:
    return make_community(files())


# --- RepoLinks: the host's new-file pages -----------------------------------------------------


def test_github_and_gitlab_fill_a_new_file_in_from_its_address():
    github = RepoLinks("https://github.com/acme/network", "main", "content/")
    text = "---\nkind: reply\n---\nC'est *fait* (100% & #1) — ok?\n"
    assert github.new_file("responses/compat/2026-10-06-ada.md", text) == (
        "https://github.com/acme/network/new/main?filename=content%2Fresponses%2Fcompat%2F2026-10-06-ada.md"
        "&value=---%0Akind%3A%20reply%0A---%0AC'est%20*fait*%20(100%25%20%26%20%231)%20%E2%80%94%20ok%3F%0A"
    )
    gitlab = RepoLinks("https://gitlab.example.com/acme/network", "release/2026", "docs/")
    assert gitlab.new_file("people/ada.md", "name: Ada\n") == (
        "https://gitlab.example.com/acme/network/-/new/release/2026"
        "?file_name=docs%2Fpeople%2Fada.md&content=name%3A%20Ada%0A"
    )
    assert (
        github.new_file_in("responses/compat")
        == "https://github.com/acme/network/new/main/content/responses/compat"
    )
    assert (
        gitlab.new_file_in("people")
        == "https://gitlab.example.com/acme/network/-/new/release/2026/docs/people"
    )
    assert (github.host, gitlab.host) == ("github.com", "gitlab.example.com")


def test_a_host_that_cannot_fill_a_file_in_gets_the_folders_new_file_page_only():
    gitea = RepoLinks("https://git.acme.example/acme/network", "main", "content/")
    assert gitea.new_file_page is None
    assert gitea.new_file("people/ada.md", "x") is None
    assert gitea.new_file_in("people") == "https://git.acme.example/acme/network/new/main/content/people"


# --- the view ---------------------------------------------------------------------------------


def test_compose_url_prefills_the_form_for_a_response_to_a_note():
    assert compose_url("reply", "compat") == "compose/?kind=reply&note=compat"
    assert compose_url("rsvp", "notes/demo-day") == "compose/?kind=rsvp&note=notes/demo-day"
    assert compose_url("kudos", "x", Urls(directory_urls=False)) == "compose/index.html?kind=kudos&note=x"


class _Script(HTMLParser):
    """The JSON of `<script type="application/json">`, as a browser would hand it to the page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._inside = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._inside = tag == "script" and ("type", "application/json") in attrs

    def handle_endtag(self, tag: str) -> None:
        self._inside = False

    def handle_data(self, data: str) -> None:
        if self._inside:
            self.found.append(data)


def test_the_view_gives_the_script_the_schemas_the_notes_and_the_host(make_community):
    tricky = '---\ntitle: "Ends </script><b>here</b> & more"\n---\nX\n'
    community = make_community(files(**{"content/notes/tricky.md": tricky}), mkdocs_yml=GITHUB_YML)
    view = view_for(plan_of(community.root), PageRole("compose"))
    data = json.loads(view.data_json)
    assert data["schemas"] == {kind: schema(kind) for kind in ("person", "note", "response")}
    assert data["notes"]["compat"] == [
        "question",
        "Which compatibility mode?",
        "groups/data-platform/compat.md",
        ["2026-10-03-ada"],
    ]
    # Thanks and RSVPs are no reply_to target, and their file names hold handles: left out.
    assert data["notes"]["kafka-tuning"][3] == []
    assert "secret-draft" not in data["notes"]
    assert data["people"] == ["ada-lovelace", "grace-hopper", "pat-partner"]
    assert data["repo"] == {
        "newFile": {
            "base": "https://github.com/acme/community/new/main",
            "path": "filename",
            "text": "value",
        },
        "newFileIn": "https://github.com/acme/community/new/main/content/",
        "edit": "https://github.com/acme/community/edit/main/content/",
    }
    assert data["prefix"] == "content/"
    # A title cannot end the script element that carries it.
    parser = _Script()
    parser.feed(f'<script type="application/json">{view.data_json}</script>')
    assert json.loads("".join(parser.found))["notes"]["tricky"][1] == "Ends </script><b>here</b> & more"
    assert "</script>" not in view.data_json
    assert view.host == "github.com" and view.open_label == "Propose it on github.com"


def test_every_field_has_a_label_an_id_of_its_own_and_kinds_the_form_knows(community):
    view = view_for(plan_of(community.root), PageRole("compose"))
    ids = [f.id for f in view.fields]
    assert len(ids) == len(set(ids))
    known = set(RESPOND) | set(CREATE)
    for field in view.fields:
        assert field.label.strip(), field.id
        assert set(field.kinds.split()) <= known, field.id
        assert set(field.required_for.split()) <= set(field.kinds.split()), field.id
    assert [o.value for o in view.respond] == ["reply", "answer", "kudos", "rsvp", "support"]
    assert [o.value for o in view.create] == ["person", "note", "howto", "idea", "question", "event"]
    # Every kind asks for the handle; a response for its note.
    for kind in known:
        shown = {f.key for f in view.fields if kind in f.kinds.split()}
        assert "handle" in shown, kind
        assert ("note" in shown) == (kind in RESPOND), kind


def test_a_response_to_a_note_whose_id_is_shared_goes_in_the_folder_of_its_path(make_community):
    twin = "---\ntitle: Other badges\n---\nX\n"
    community = make_community(files(**{"content/groups/data-platform/badges.md": twin}))
    view = view_for(plan_of(community.root), PageRole("compose"))
    notes = json.loads(view.data_json)["notes"]
    assert "badges" not in notes
    assert notes["groups/data-platform/badges"][2] == "groups/data-platform/badges.md"
    assert notes["notes/badges"][2] == "notes/badges.md"
    assert notes["compat"][2] == "groups/data-platform/compat.md"


def test_the_examples_are_files_rse_reads_at_the_places_they_name(community):
    view = view_for(plan_of(community.root), PageRole("compose"))
    person, note, reply = view.examples
    assert person.path == "content/people/alex-martin.md"
    assert note.path == "content/groups/data-platform/what-we-learned.md"
    for example, keys in ((person, {"name"}), (note, {"title", "authors"}), (reply, {"kind", "authors"})):
        parsed = split(example.text)
        assert keys <= set(parsed.data), example.path
        assert parsed.body.strip(), example.path
    # Without a repository, no link to a host, and the page says what to do instead.
    assert all(e.create_url == "" and e.folder_url == "" for e in view.examples)
    data = json.loads(view.data_json)
    assert data["repo"] is None
    assert data["messages"]["paste"].startswith("This site names no repository (extra.rse.repo_url)")


def test_the_example_of_a_response_names_the_newest_note_this_site_shows(community):
    reply = view_for(plan_of(community.root), PageRole("compose")).examples[2]
    # Drafts are not on the site: the newest published note is the howto of 2026-10-01.
    assert reply.path == "content/responses/kafka-tuning/2026-01-15-alex-martin.md"
    assert "“Tuning Kafka consumers”" in reply.explanation


def test_an_audience_is_offered_only_its_own_labels(make_community):
    yml = MKDOCS_YML + "extra:\n  rse:\n" + TWO_AUDIENCES
    community = make_community(files(), mkdocs_yml=yml)
    public = view_for(plan_of(community.root, audience="public"), PageRole("compose"))
    [audience] = [f for f in public.fields if f.key == "audience"]
    assert [o.value for o in audience.options] == ["", "public"]
    internal = view_for(plan_of(community.root, audience="internal"), PageRole("compose"))
    [audience] = [f for f in internal.fields if f.key == "audience"]
    assert [o.value for o in audience.options] == ["", "internal", "public"]


# --- rse new reply|answer|kudos|rsvp ------------------------------------------------------------


def test_each_kind_of_response_makes_a_file_rse_check_accepts(community):
    made = [
        ("compat", ["answer", "compat", "--author", "grace-hopper", "--text", "Use FULL.", "--no-prompt"]),
        ("compat", ["reply", "compat", "--author", "grace-hopper", "--reply-to", "2026-10-03-ada", "--text",
                    "Thanks, @ada-lovelace.", "--no-prompt"]),
        ("kafka-tuning", ["kudos", "kafka-tuning", "--author", "ada-lovelace", "--no-prompt"]),
        ("demo-day", ["rsvp", "demo-day", "--author", "grace-hopper", "--rsvp", "remote", "--no-prompt"]),
        ("demo-day", ["rsvp", "demo-day", "--author", "ada-lovelace", "--no-prompt"]),
    ]  # fmt: skip
    found, paths = [], []
    for folder, args in made:
        before = written(community, folder)
        result = run(community, "new", *args)
        assert result.exit_code == 0, result.output
        [path] = new_files(community, folder, before)
        assert result.output == f"created content/responses/{folder}/{path.name}\n"
        match = DAY_NAME.match(path.name)
        assert match and match["handle"] == args[3], path.name
        found.append(split(path.read_text(encoding="utf-8")))
        paths.append(path)
    answer, reply, kudos, going_remote, going = found
    assert answer.data == {"kind": "answer", "authors": ["grace-hopper"]}
    assert answer.body == "Use FULL.\n"
    assert reply.data == {"kind": "reply", "authors": ["grace-hopper"], "reply_to": "2026-10-03-ada"}
    assert kudos.data == {"kind": "kudos", "authors": ["ada-lovelace"]} and kudos.body == ""
    assert going_remote.data["rsvp"] == "remote" and going.data["rsvp"] == "going"
    # The guidance is a comment, in the file only.
    assert "# Thanks need no text" in paths[2].read_text(encoding="utf-8")
    checked = run(community, "check", "--strict")
    assert checked.exit_code == 0, checked.output


def test_a_second_response_the_same_day_takes_the_next_name(community):
    args = ["new", "kudos", "badges", "--author", "ada-lovelace", "--no-prompt"]
    assert run(community, *args).exit_code == 0
    assert run(community, *args).exit_code == 0
    names = [DAY_NAME.match(p.name) for p in written(community, "badges")]
    assert all(names) and len(names) == 2
    if names[0]["n"] is None and names[1]["n"] is None:
        pytest.skip("the day changed between the two commands")
    assert sorted(m["n"] or "1" for m in names) == ["1", "2"]


def test_the_file_name_rule_skips_names_taken():
    day = dt.date(2026, 10, 6)
    assert response_name(day, "ada", set()) == "2026-10-06-ada"
    assert response_name(day, "ada", {"2026-10-06-ada", "2026-10-06-ada-2"}) == "2026-10-06-ada-3"


def test_the_author_is_found_from_git_s_user_email(community):
    with community.repo.config_writer() as config:
        config.set_value("user", "email", "Grace@ACME.example")
    before = written(community, "compat")
    result = run(community, "new", "reply", "compat", "--text", "Agreed.", "--no-prompt")
    assert result.exit_code == 0, result.output
    [path] = new_files(community, "compat", before)
    assert DAY_NAME.match(path.name)["handle"] == "grace-hopper"
    # The commit will say who wrote it: the front matter does not repeat it.
    assert split(path.read_text(encoding="utf-8")).data == {"kind": "reply"}
    with community.repo.config_writer() as config:
        config.set_value("user", "email", "someone@else.example")
    nobody = run(community, "new", "reply", "compat", "--text", "Agreed.", "--no-prompt")
    assert nobody.exit_code == 2
    assert nobody.output.startswith("who is responding? git's user.email is in no profile's emails")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["reply", "compt"], "no note has the id 'compt': did you mean 'compat'?"),
        (["reply", "zzzzzz"], "no note has the id 'zzzzzz': give the note's file name (without .md)"),
        (
            ["answer", "kafka-tuning"],
            "'kafka-tuning' is of type howto, not a question: reply to it instead "
            "(rse new reply kafka-tuning)",
        ),
        (
            ["rsvp", "compat"],
            "'compat' is of type question, not an event: there is nothing to come to (rse new reply or "
            "rse new kudos instead)",
        ),
        (["kudos", "compat", "--author", "ada-lovelac"],
         "no profile has the handle 'ada-lovelac': did you mean 'ada-lovelace'?"),
        (["reply", "compat", "--author", "ada-lovelace"],
         "missing --text (run at a terminal, or with --prompt, to be asked for it)"),
    ],
)  # fmt: skip
def test_what_cannot_be_written_is_refused_before_anything_is_asked(community, args, message):
    before = sorted((community.root / "content").rglob("*.md"))
    result = run(community, "new", *args, "--no-prompt")
    assert result.exit_code == 2, result.output
    assert result.output == message + "\n"
    assert sorted((community.root / "content").rglob("*.md")) == before


def test_a_shared_note_id_asks_for_the_note_s_path(make_community):
    twin = "---\ntitle: Other badges\n---\nX\n"
    community = make_community(files(**{"content/groups/data-platform/badges.md": twin}))
    shared = run(community, "new", "kudos", "badges", "--author", "ada-lovelace", "--no-prompt")
    assert shared.exit_code == 2
    assert shared.output == (
        "'badges' is the id of several notes (groups/data-platform/badges, notes/badges): give the note's "
        "path instead, e.g. groups/data-platform/badges\n"
    )
    by_path = run(community, "new", "kudos", "notes/badges", "--author", "ada-lovelace", "--no-prompt")
    assert by_path.exit_code == 0, by_path.output
    [path] = written(community, "notes/badges")
    assert DAY_NAME.match(path.name)
    checked = run(community, "check")
    assert checked.exit_code == 0, checked.output


def test_what_the_thread_refuses_is_a_located_problem_and_nothing_is_written(make_community):
    yml = MKDOCS_YML + "extra:\n  rse:\n" + TWO_AUDIENCES
    community = make_community(files(), mkdocs_yml=yml)
    typo = run(community, "new", "reply", "compat", "--author", "ada-lovelace",
               "--reply-to", "2026-10-03-adda", "--text", "Yes", "--no-prompt")  # fmt: skip
    assert typo.exit_code == 1
    [line, outcome] = typo.output.splitlines()
    assert re.fullmatch(
        r"content/responses/compat/\d{4}-\d{2}-\d{2}-ada-lovelace\.md:4:1: reply_to '2026-10-03-adda' is no "
        r"response to this note: did you mean '2026-10-03-ada'\?",
        line,
    ), line
    assert outcome == "nothing was written."
    wider = run(community, "new", "reply", "compat", "--author", "ada-lovelace", "--audience", "public",
                "--text", "Yes", "--no-prompt")  # fmt: skip
    assert wider.exit_code == 1
    assert "a response may narrow its note's audience, never widen it" in wider.output
    assert written(community, "compat") == [community.root / "content/responses/compat/2026-10-03-ada.md"]


def test_a_note_that_cannot_be_read_is_said_where_it_breaks(make_community):
    broken = "---\ntitle: [unclosed\n---\nX\n"
    community = make_community(files(**{"content/notes/broken.md": broken}))
    result = run(community, "new", "kudos", "broken", "--author", "ada-lovelace", "--no-prompt")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/notes/broken.md:3:1: invalid YAML in front matter: did not find expected ',' or ']'",
        "nothing was written.",
    ]
    assert not (community.root / "content/responses/broken").exists()


def test_the_text_of_a_reply_is_asked_at_a_terminal(community):
    before = written(community, "compat")
    result = run(community, "new", "answer", "compat", "--author", "ada-lovelace", "--prompt",
                 answers="\nBACKWARD, for consumers first.\n")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Your text (one paragraph; the file takes more):" in result.output
    [path] = new_files(community, "compat", before)
    assert split(path.read_text(encoding="utf-8")).body == "BACKWARD, for consumers first.\n"


def test_a_french_community_is_answered_in_french(make_community):
    community = make_community(files(), mkdocs_yml=MKDOCS_YML + "extra:\n  rse:\n    language: fr\n")
    wrong = run(community, "new", "answer", "kafka-tuning", "--author", "ada-lovelace", "--no-prompt")
    assert wrong.output == (
        "'kafka-tuning' est de type howto, pas une question : répondez-y plutôt avec "
        "rse new reply kafka-tuning\n"
    )
    made = run(community, "new", "kudos", "kafka-tuning", "--author", "ada-lovelace", "--no-prompt")
    assert made.exit_code == 0
    assert made.output.startswith("créé : content/responses/kafka-tuning/")
    [path] = [p for p in written(community, "kafka-tuning") if "ada-lovelace" in p.name]
    assert "# Un merci se passe de texte" in path.read_text(encoding="utf-8")


# --- the page in Chromium ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def compose_site(tmp_path_factory) -> Iterator[tuple[Community, str]]:
    """A small community on GitHub, built and served."""
    community = new_community(tmp_path_factory.mktemp("compose") / "c", SITE_YML)
    tricky = "---\ntitle: \"Ends </script><!-- & 'here'\"\ndate: 2020-01-01\n---\nX\n"
    for path, text in files(**{"content/notes/tricky.md": tricky}).items():
        community.write(path, text)
    community.commit("The community")
    built = rse(community, "build")
    assert built.exit_code == 0, built.output
    with served(community.site) as url:
        yield community, url


@pytest.fixture
def tab(browser, compose_site) -> Iterator[Page]:
    watched = Watched(browser, compose_site[1], viewport={"width": 1280, "height": 900})
    yield watched.page
    watched.close()


def test_a_reply_written_in_the_form_passes_rse_check_and_opens_github_with_it(tab, compose_site):
    community, base = compose_site
    tab.goto(f"{base}{compose_url('reply', 'compat')}")
    expect(tab.get_by_label("What do you want to write?")).to_have_value("reply")
    expect(tab.get_by_label("Note id")).to_have_value("compat")
    expect(tab.locator("[data-rse-target]")).to_have_text("Responding to: Which compatibility mode?")
    tab.get_by_label("Your handle").fill("grace-hopper")
    tab.get_by_label("In reply to (optional)").fill("2026-10-03-ada")
    tab.get_by_label("Your text (Markdown)").fill(
        "Agreed: FULL_TRANSITIVE, thanks @ada-lovelace!\n\nAnd: #2 too."
    )
    expect(tab.locator("[data-rse-problems]")).to_have_text("Ready: nothing to fix.")
    text = tab.get_by_label("Its text").input_value()
    path = tab.locator("[data-rse-path]").inner_text()
    assert re.fullmatch(r"content/responses/compat/\d{4}-\d{2}-\d{2}-grace-hopper\.md", path), path
    assert text == (
        "---\nkind: reply\nauthors: [grace-hopper]\nreply_to: 2026-10-03-ada\n---\n"
        "Agreed: FULL_TRANSITIVE, thanks @ada-lovelace!\n\nAnd: #2 too.\n"
    )
    target = community.root / path
    target.write_text(text, encoding="utf-8")
    try:
        checked = rse(community, "check", "--strict")
        assert checked.exit_code == 0, checked.output
    finally:
        target.unlink()
    link = tab.get_by_role("link", name="Propose it on github.com")
    repo = RepoLinks("https://github.com/acme/community", "main", "content/")
    assert link.get_attribute("href") == repo.new_file(path.removeprefix("content/"), text)


def test_a_note_named_by_its_path_is_found_and_answered_in_its_id_s_folder(tab, compose_site):
    _community, base = compose_site
    tab.goto(f"{base}{compose_url('answer', 'groups/data-platform/compat')}")
    expect(tab.locator("[data-rse-target]")).to_have_text("Responding to: Which compatibility mode?")
    tab.get_by_label("Your handle").fill("ada-lovelace")
    tab.get_by_label("Your text (Markdown)").fill("FULL.")
    expect(tab.locator("[data-rse-problems]")).to_have_text("Ready: nothing to fix.")
    assert tab.locator("[data-rse-path]").inner_text().startswith("content/responses/compat/")


def test_the_form_says_what_to_fix_and_offers_no_link_until_then(tab, compose_site):
    _community, base = compose_site
    tab.goto(f"{base}compose/?kind=answer&note=kafka-tuning")
    tab.get_by_label("Your handle").fill("Ada Lovelace")
    expect(tab.locator("[data-rse-problems] li")).to_have_text(
        [
            "Your text (Markdown): required.",
            "Your handle: lowercase letters, digits and - only.",
            "'kafka-tuning' is not a question: reply to it instead.",
        ]
    )
    expect(tab.locator("[data-rse-open]")).to_be_hidden()
    expect(tab.get_by_label("Your handle")).to_have_attribute("aria-invalid", "true")
    # An event: the schema's own rules (capacity of at least 1) are checked in the page.
    tab.goto(f"{base}compose/?kind=event")
    tab.get_by_label("Your handle").fill("ada-lovelace")
    tab.get_by_label("Title").fill("Soirée d'hiver: Lyon")
    expect(tab.get_by_label("File name (the note's id)")).to_have_value("soiree-d-hiver-lyon")
    tab.get_by_label("Start").fill("2026-12-10T18:00")
    tab.get_by_label("Places").fill("0")
    expect(tab.locator("[data-rse-problems] li")).to_have_text(["Places: this value does not fit here."])
    tab.get_by_label("Places").fill("40")
    expect(tab.locator("[data-rse-problems]")).to_have_text("Ready: nothing to fix.")
    assert tab.locator("[data-rse-path]").inner_text() == "content/notes/soiree-d-hiver-lyon.md"
    text = tab.get_by_label("Its text").input_value()
    assert split(text).data == {
        "title": "Soirée d'hiver: Lyon",
        "type": "event",
        "authors": ["ada-lovelace"],
        "start": "2026-12-10T18:00",
        "capacity": 40,
    }


def test_supporting_an_idea_opens_the_idea_to_edit(tab, compose_site):
    _community, base = compose_site
    tab.goto(f"{base}{compose_url('support', 'badges')}")
    tab.get_by_label("Your handle").fill("ada-lovelace")
    expect(tab.locator("[data-rse-support-text]")).to_contain_text(
        "add ada-lovelace to its supporters: [...]"
    )
    link = tab.get_by_role("link", name="Open the idea on github.com")
    assert link.get_attribute("href") == "https://github.com/acme/community/edit/main/content/notes/badges.md"
    expect(tab.locator("[data-rse-file]")).to_be_hidden()


def test_without_javascript_the_page_explains_the_file_to_add(browser, compose_site):
    _community, base = compose_site
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{base}compose/?kind=reply&note=compat")
    expect(page.locator("form[data-rse-compose]")).to_be_hidden()
    manual = page.locator(".rse-compose__manual")
    expect(manual.get_by_role("heading", name="The file, by hand")).to_be_visible()
    expect(manual.locator("code", has_text="content/responses/")).to_be_visible()
    expect(manual.locator("pre code").nth(2)).to_contain_text("kind: reply")
    create = manual.get_by_role("link", name="Create it on github.com").nth(2)
    assert create.get_attribute("href").startswith(
        "https://github.com/acme/community/new/main?filename=content%2Fresponses%2F"
    )
    context.close()


def test_the_page_has_no_serious_accessibility_violation_in_any_view(browser, compose_site):
    """axe-core on the form as a reader leaves it: fields shown, problems listed, then the link."""
    _community, base = compose_site
    watched = Watched(browser, base, color_scheme="light")
    watched.context.add_init_script(Axe().axe_script)
    page = watched.page
    for query, handle in (
        ("?kind=answer&note=kafka-tuning", "x y"),
        ("?kind=reply&note=compat", "ada-lovelace"),
    ):
        page.set_viewport_size(size(VIEWS[0]))
        page.goto(f"{base}compose/{query}")
        page.get_by_label("Your handle").fill(handle)
        page.get_by_label("Your text (Markdown)").fill("Yes.")
        for view in VIEWS:
            show(page, view)
            page.evaluate(AXE_START, AXE_OPTIONS)
            result = page.evaluate(AXE_RESULT)
            assert result["passes"], "axe ran no rule"
            assert result["violations"] == [], (query, view.name)
    watched.close()


def test_the_page_is_reached_by_keyboard_alone(tab, compose_site):
    _community, base = compose_site
    tab.goto(f"{base}compose/?kind=kudos&note=kafka-tuning")
    tab.get_by_label("What do you want to write?").focus()
    tab.keyboard.press("Tab")
    expect(tab.get_by_label("Note id")).to_be_focused()
    tab.keyboard.press("Tab")
    expect(tab.get_by_label("Your handle")).to_be_focused()
    tab.keyboard.type("ada-lovelace")
    link = tab.get_by_role("link", name="Propose it on github.com")
    for _ in range(10):
        tab.keyboard.press("Tab")
        if link.evaluate("a => a === document.activeElement"):
            break
    expect(link).to_be_focused()


def test_the_page_is_well_formed_html_whatever_the_titles_hold(compose_site):
    community, _base = compose_site
    parser = html5lib.HTMLParser(strict=False)
    parser.parse((community.site / "compose/index.html").read_bytes())
    assert parser.errors == []


@pytest.fixture(scope="module")
def other_host_site(tmp_path_factory) -> Iterator[str]:
    """A community whose host fills no file in from an address (a Gitea, say), built and served."""
    yml = MKDOCS_YML + "extra:\n  rse:\n    repo_url: https://git.acme.example/acme/community\n"
    community = new_community(tmp_path_factory.mktemp("other") / "c", yml)
    for path, text in files().items():
        community.write(path, text)
    community.commit("The community")
    built = rse(community, "build")
    assert built.exit_code == 0, built.output
    with served(community.site) as url:
        yield url


def test_where_the_host_cannot_fill_the_file_in_the_page_says_so_and_copies_it(browser, other_host_site):
    watched = Watched(browser, other_host_site, viewport={"width": 1280, "height": 900})
    watched.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = watched.page
    page.goto(f"{other_host_site}{compose_url('kudos', 'kafka-tuning')}")
    page.get_by_label("Your handle").fill("grace-hopper")
    name = page.locator("[data-rse-path]").inner_text().rsplit("/", 1)[1]
    expect(page.locator("[data-rse-how]")).to_have_text(
        f"git.acme.example cannot fill the file in from a link: copy the text, open the folder's new-file "
        f"page, name the file {name} and paste the text."
    )
    link = page.get_by_role("link", name="Open the folder's new-file page on git.acme.example")
    assert link.get_attribute("href") == (
        "https://git.acme.example/acme/community/new/main/content/responses/kafka-tuning"
    )
    page.get_by_role("button", name="Copy the text").click()
    expect(page.locator("[data-rse-copied]")).to_have_text("Copied.")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == "---\nkind: kudos\nauthors: [grace-hopper]\n---\n"
    assert copied == page.get_by_label("Its text").input_value()
    watched.close()


def test_a_response_file_named_after_someone_hidden_is_left_out_of_the_page_data():
    from rse_build.views.compose import _names_nobody_hidden

    hidden = {"grace-hopper", "p-007"}
    assert _names_nobody_hidden("2026-10-03-ada-lovelace", hidden)
    assert _names_nobody_hidden("my-own-name", hidden)
    assert not _names_nobody_hidden("2026-10-03-grace-hopper", hidden)
    assert not _names_nobody_hidden("2026-10-03-grace-hopper-2", hidden)
    assert not _names_nobody_hidden("2026-10-03-p-007", hidden)
