"""Responses (content/responses/<note-id>/<id>.md): read, checked, dated by git, cut per audience,
and never pages of their own. Their display on note pages is tested with the views."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from rse_build.check import check_community
from rse_build.enrich import enrich
from rse_build.model import ResponseKind, RsvpValue
from rse_build.settings import Settings
from tests.conftest import SMALL, TWO_AUDIENCES_YML, rse

QUESTION = """\
    ---
    title: Which compatibility mode?
    type: question
    authors: [grace-hopper]
    date: 2026-10-01
    groups: [data-platform]
    accepted: 2026-10-03-ada
    ---
    BACKWARD or FULL?
    """
EVENT = """\
    ---
    title: Winter demo day
    type: event
    start: 2026-12-10T14:00
    audience: public
    authors: [ada-lovelace]
    ---
    Come.
    """


def responses_files(**extra: str) -> dict[str, str]:
    files = dict(SMALL)
    files["content/groups/data-platform/compat.md"] = QUESTION
    files["content/notes/demo-day.md"] = EVENT
    files["content/responses/compat/2026-10-03-ada.md"] = """\
        ---
        kind: answer
        authors: [ada-lovelace]
        ---
        FULL_TRANSITIVE on consumer-facing topics, ask @grace-hopper.
        """
    files["content/responses/compat/2026-10-04-grace.md"] = """\
        ---
        reply_to: 2026-10-03-ada
        ---
        Thanks, that settles it.
        """
    files["content/responses/demo-day/2026-11-02-ada.md"] = """\
        ---
        kind: rsvp
        rsvp: going
        authors: [ada-lovelace]
        audience: public
        ---
        """
    files["content/responses/demo-day/2026-11-03-grace.md"] = """\
        ---
        kind: rsvp
        rsvp: remote
        authors: [grace-hopper]
        audience: internal
        ---
        """
    files["content/responses/kafka-tuning/2026-10-05-grace.md"] = """\
        ---
        kind: kudos
        authors: [grace-hopper]
        ---
        """
    files.update(extra)
    return files


def check(community):
    root = community.root
    return check_community(root / "mkdocs.yml", root / "content", {}, None)


def test_responses_are_read_into_their_notes_threads_oldest_first(make_community):
    community = make_community(responses_files())
    checked = check(community)
    assert checked.errors == []
    threads = checked.community.responses
    answer, reply = threads["groups/data-platform/compat"]
    assert (answer.id, answer.fields.kind) == ("2026-10-03-ada", ResponseKind.ANSWER)
    assert reply.fields.reply_to == "2026-10-03-ada"
    [kudos] = threads["groups/data-platform/kafka-tuning"]
    assert kudos.fields.kind is ResponseKind.KUDOS and kudos.body.strip() == ""
    rsvps = threads["notes/demo-day"]
    assert [r.fields.rsvp for r in rsvps] == [RsvpValue.GOING, RsvpValue.REMOTE]


def test_git_gives_a_response_its_author_and_its_time(make_community):
    community = make_community(responses_files())
    checked = check(community)
    enriched = enrich(community.root, community.root / "content", checked.community, Settings())
    reply = enriched.community.responses["groups/data-platform/compat"][1]
    # The commit's author (Ada Lovelace <ada@acme.example>) and its time, in UTC.
    assert reply.fields.authors == ("ada-lovelace",)
    assert reply.fields.date == dt.datetime(2026, 1, 15, 10, 0)


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        (
            "content/responses/compt/2026-10-06-x.md",
            "---\nkind: reply\n---\nHello\n",
            "content/responses/compt/2026-10-06-x.md:1:1: responses/compt/ names no note: "
            "did you mean 'compat'?",
        ),
        (
            "content/responses/kafka-tuning/2026-10-06-x.md",
            "---\nkind: answer\n---\nHello\n",
            "content/responses/kafka-tuning/2026-10-06-x.md:2:1: an answer responds to a question, and "
            "'kafka-tuning' is of type howto: make it kind: reply",
        ),
        (
            "content/responses/demo-day/2026-10-06-x.md",
            "---\nkind: rsvp\nrsvp: perhaps\n---\n",
            "content/responses/demo-day/2026-10-06-x.md:3:1: 'rsvp': Input should be 'going', 'maybe', "
            "'remote' or 'declined'",
        ),
        (
            "content/responses/demo-day/2026-10-06-x.md",
            "---\nkind: rsvp\n---\n",
            "content/responses/demo-day/2026-10-06-x.md:2:1: an rsvp says whether you come: add "
            "'rsvp: going' (going, maybe, remote or declined)",
        ),
        (
            "content/responses/compat/2026-10-06-x.md",
            "---\nreply_to: 2026-10-03-adda\n---\nYes\n",
            "content/responses/compat/2026-10-06-x.md:2:1: reply_to '2026-10-03-adda' is no response "
            "to this note: did you mean '2026-10-03-ada'?",
        ),
        (
            "content/responses/compat/2026-10-06-x.md",
            "---\nkind: answer\n---\n",
            "content/responses/compat/2026-10-06-x.md:2:1: this answer has no text: write it below the "
            "front matter",
        ),
        (
            "content/responses/demo-day/2026-10-06-x.md",
            "---\nkind: kudos\naudience: internal\n---\n",
            None,
        ),
        # rse check reads drafts as notes: thanks for a draft are fine (a build warns, below).
        ("content/responses/secret-draft/2026-10-06-x.md", "---\nkind: kudos\n---\n", None),
        (
            "content/responses/2026-10-06-x.md",
            "---\nkind: kudos\n---\n",
            "content/responses/2026-10-06-x.md:1:1: a response lives in "
            "responses/<note-id>/<response-id>.md: move it into the folder named after its note",
        ),
    ],
)
def test_a_wrong_response_gets_a_located_problem(make_community, path, text, expected):
    community = make_community(responses_files(**{path: text}))
    result = rse(community, "check")
    lines = [line for line in result.output.splitlines() if line.startswith("content/responses")]
    if expected is None:
        assert lines == [], result.output
    else:
        assert expected in lines, result.output
        assert "Traceback" not in result.output


def test_a_build_waits_for_a_draft_to_publish_its_responses(make_community):
    files = responses_files(**{"content/responses/secret-draft/2026-10-06-x.md": "---\nkind: kudos\n---\n"})
    result = rse(make_community(files), "build")
    assert result.exit_code == 0, result.output
    assert (
        "content/responses/secret-draft/2026-10-06-x.md:1:1: warning: the note 'secret-draft' is a draft: "
        "its responses are published with it"
    ) in result.output


def test_a_response_may_narrow_its_note_audience_never_widen_it(make_community):
    files = responses_files()
    files["content/responses/compat/2026-10-06-x.md"] = "---\naudience: public\n---\nSee the docs.\n"
    community = make_community(files, mkdocs_yml=TWO_AUDIENCES_YML)
    result = rse(community, "check")
    assert (
        "content/responses/compat/2026-10-06-x.md:2:1: audience 'public' would show this response to "
        "more people than its note ('internal'): a response may narrow its note's audience, never widen it"
    ) in result.output


def test_accepted_names_an_answer_of_this_question(make_community):
    files = responses_files()
    files["content/groups/data-platform/compat.md"] = QUESTION.replace("2026-10-03-ada", "2026-10-04-grace")
    community = make_community(files)
    result = rse(community, "check")
    assert (
        "content/groups/data-platform/compat.md:7:1: accepted '2026-10-04-grace' is of kind reply: only an "
        "answer (kind: answer) can be accepted"
    ) in result.output


def test_a_merge_request_adding_a_response_checks_it_against_its_thread(make_community):
    community = make_community(responses_files())
    community.write("content/responses/compat/2026-10-07-pat.md", "---\nreply_to: 2026-10-03-adda\n---\nOk\n")
    community.write("content/responses/compat/2026-10-08-pat.md", "---\nreply_to: 2026-10-03-ada\n---\nOk\n")
    result = rse(community, "check", "--changed-since", "HEAD", "--format", "json")
    problems = json.loads(result.output)["problems"]
    assert [(p["path"], p["key"]) for p in problems] == [
        ("content/responses/compat/2026-10-07-pat.md", "problem.reply_to_close")
    ]


def test_removing_a_note_breaks_its_responses_and_the_check_says_so(make_community):
    community = make_community(responses_files())
    (community.root / "content/notes/demo-day.md").unlink()
    result = rse(community, "check", "--changed-since", "HEAD")
    assert result.exit_code == 1
    assert (
        "content/responses/demo-day/2026-11-02-ada.md:1:1: responses/demo-day/ names no note" in result.output
    )


def test_responses_are_never_pages_and_hidden_ones_stay_on_their_audience_site(make_community):
    community = make_community(responses_files(), mkdocs_yml=TWO_AUDIENCES_YML)
    result = rse(community, "build", "--all-audiences")
    assert result.exit_code == 0, result.output
    for audience in ("public", "internal"):
        site = community.site / audience
        assert not (site / "responses").exists()
        assert not list(site.rglob("*2026-11-02-ada*"))


@pytest.fixture(scope="module")
def built_responses(tmp_path_factory):
    """The responses fixture with two audiences, a person who opted out of statistics, and
    people on two sites, built for every audience."""
    from tests.conftest import new_community

    files = responses_files()
    files["content/people/pat-partner.md"] = files["content/people/pat-partner.md"].replace(
        "role: Integrator", "role: Integrator\n        stats: false"
    )
    kudos = "---\nkind: kudos\nauthors: [{}]\n---\n"
    files["content/responses/kafka-tuning/2026-10-06-pat.md"] = kudos.format("pat-partner")
    files["content/responses/kafka-tuning/2026-10-07-ada.md"] = kudos.format("ada-lovelace")
    files["content/responses/compat/2026-10-05-ada.md"] = (
        "---\nreply_to: 2026-10-04-grace\nauthors: [ada-lovelace]\n---\n"
        "See [[welcome-note]], mail ada@acme.example.\n"
    )
    files["content/responses/compat/2026-10-02-grace.md"] = (
        "---\nkind: answer\nauthors: [grace-hopper]\n---\nBACKWARD is enough for most topics.\n"
    )
    files["content/notes/demo-day.md"] = EVENT.replace(
        "audience: public", "audience: public\n    site: Lyon\n    capacity: 40"
    )
    community = new_community(tmp_path_factory.mktemp("responses") / "c", TWO_AUDIENCES_YML)
    for path, text in files.items():
        community.write(path, text)
    community.commit("Responses", "Grace Hopper <grace@acme.example>", "2026-10-08T09:00:00+00:00")
    result = rse(community, "build", "--all-audiences")
    assert result.exit_code == 0, result.output
    return community


def _page(community, audience: str, path: str) -> str:
    return (community.site / audience / path).read_text(encoding="utf-8")


def test_the_thread_shows_the_accepted_answer_first_and_replies_under_their_parent(built_responses):
    page = _page(built_responses, "internal", "groups/data-platform/compat/index.html")
    thread = page[page.index('class="rse-thread"') :]
    order = re.findall(r'id="response-([0-9a-z-]+)"', thread)
    # Anchors count the thread's replies and answers oldest first (a file name holds a handle):
    # Grace's answer 1, Ada's answer 2, Grace's reply 3, Ada's reply to that reply 4. Ada's
    # answer is accepted: first; the replies under it (one level of threading); then Grace's.
    assert order == ["2", "3", "4", "1"]
    start, end = thread.index('id="response-2"'), thread.index('id="response-1"')
    accepted = thread[start:end]
    assert "rse-response--accepted" in thread[:start][-200:]
    assert "Accepted answer" in accepted and 'id="response-4"' in accepted
    assert "FULL_TRANSITIVE" in accepted
    assert '<a href="../../../people/grace-hopper/">Grace Hopper</a>' in accepted
    assert '<a href="../../../notes/welcome-note/">Welcome note</a>' in accepted
    assert "ada@acme.example" not in page and "(e-mail hidden)" in accepted
    assert "4 replies" in page


def test_thanks_are_counted_and_named_only_for_people_who_allow_it(built_responses):
    page = _page(built_responses, "internal", "groups/data-platform/kafka-tuning/index.html")
    kudos = page[page.index('class="rse-kudos"') :].split("</p>")[0]
    assert "Thanked by 3 people" in kudos
    assert "Grace Hopper" in kudos and "Ada Lovelace" in kudos and "Pat Partner" not in kudos


def test_rsvps_are_counted_by_answer_and_by_site_on_each_audience_site(built_responses):
    internal = _page(built_responses, "internal", "notes/demo-day/index.html")
    assert "1 in Lyon of 40 places, 1 remote" in internal
    going = internal[internal.index("rse-rsvp--going") :].split("</div>")[0]
    assert "Ada Lovelace" in going
    public = _page(built_responses, "public", "notes/demo-day/index.html")
    # Grace's RSVP is internal: the public site neither names nor counts it.
    assert "rse-rsvp--remote" not in public and "1 remote" not in public
    for file in (built_responses.site / "public").rglob("*.html"):
        assert "2026-11-03-grace" not in file.read_text(encoding="utf-8"), file


def test_lists_count_responses_and_a_question_with_an_accepted_answer_is_answered(built_responses):
    questions = _page(built_responses, "internal", "questions/index.html")
    answered = questions[questions.index('id="answered"') :] if 'id="answered"' in questions else questions
    assert "Which compatibility mode?" in answered
    assert "4 replies" in questions
    events = _page(built_responses, "internal", "events/index.html")
    assert "2 coming" in events


def test_a_mention_in_a_response_is_a_mention_by_its_note(built_responses):
    grace = _page(built_responses, "internal", "people/grace-hopper/index.html")
    mentioned = grace[grace.index("rse-mentions") :] if "rse-mentions" in grace else grace
    assert "Which compatibility mode?" in mentioned
    welcome = _page(built_responses, "internal", "notes/welcome-note/index.html")
    assert "Which compatibility mode?" in welcome[welcome.index("rse-backlinks") :]


def test_responses_are_searched_with_their_note_and_counted_on_the_dashboard(built_responses):
    index = json.loads(_page(built_responses, "internal", "search/search_index.json"))
    texts = [d["text"] for d in index["docs"] if d["location"].startswith("groups/data-platform/compat/")]
    assert any("FULL_TRANSITIVE" in text for text in texts)
    assert not any(d["location"].startswith("responses/") for d in index["docs"])
    stats = _page(built_responses, "internal", "stats/index.html")
    assert "Responses per month" in stats
    # Grace made the commit: she has figures, and four responses among them.
    grace = _page(built_responses, "internal", "people/grace-hopper/index.html")
    assert "<dt>Responses</dt><dd>4</dd>" in grace


def test_a_reply_by_someone_an_audience_may_not_see_keeps_its_words_not_their_name(make_community):
    files = responses_files()
    files["content/notes/open-question.md"] = (
        "---\ntitle: Where to test a schema?\ntype: question\naudience: public\n---\n"
    )
    files["content/responses/open-question/2026-10-09-grace-hopper.md"] = (
        "---\nauthors: [grace-hopper]\n---\nTry the staging registry first.\n"
    )
    community = make_community(files, mkdocs_yml=TWO_AUDIENCES_YML)
    assert rse(community, "build", "--audience", "public").exit_code == 0
    page = community.page("notes/open-question/index.html")
    assert "Try the staging registry first." in page
    assert "Someone not shown on this site" in page
    assert "grace" not in page.lower()
    compose = community.page("compose/index.html")
    assert "grace" not in compose.lower()


def test_a_response_links_from_its_own_file_and_its_attachments_follow_its_audience(make_community):
    files = responses_files()
    files["content/notes/open-question.md"] = (
        "---\ntitle: Where to test?\ntype: question\naudience: public\n---\n"
    )
    files["content/notes/secret-plan.md"] = "---\ntitle: Secret plan\n---\nInternal.\n"
    files["content/responses/open-question/2026-10-09-ada.md"] = (
        "---\nauthors: [ada-lovelace]\naudience: public\n---\n"
        "See [the plan](../../notes/secret-plan.md) and [the welcome](../../notes/welcome-note.md), "
        "and ![the bench](bench.png).\n"
    )
    files["content/responses/secret-plan/2026-10-09-grace-budget.txt"] = "budget"
    community = make_community(files, mkdocs_yml=TWO_AUDIENCES_YML)
    (community.root / "content/responses/open-question/bench.png").write_bytes(b"\x89PNG\r\n")
    community.commit("Attachment")
    assert rse(community, "build", "--all-audiences").exit_code == 0
    internal = (community.site / "internal/notes/open-question/index.html").read_text(encoding="utf-8")
    assert '<a href="../secret-plan/">the plan</a>' in internal
    assert 'src="../../responses/open-question/bench.png"' in internal
    assert (community.site / "internal/responses/open-question/bench.png").is_file()
    public = (community.site / "public/notes/open-question/index.html").read_text(encoding="utf-8")
    # The public site hides the plan: its link is plain text, and no file under responses/
    # but the public response's own image is published.
    assert "secret-plan" not in public and "<a>the plan</a>" in public
    published = sorted(
        p.relative_to(community.site / "public").as_posix()
        for p in (community.site / "public").rglob("*")
        if "responses" in p.parts
    )
    assert published == ["responses", "responses/open-question", "responses/open-question/bench.png"]
