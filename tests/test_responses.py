"""Responses (content/responses/<note-id>/<id>.md): read, checked, dated by git, cut per audience,
and never pages of their own. Their display on note pages is tested with the views."""

from __future__ import annotations

import datetime as dt
import json

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
