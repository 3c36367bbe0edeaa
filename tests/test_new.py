"""`rse new` and `rse init` as a contributor meets them: every note type, what is asked at a
terminal, the refusals that say what would be right, and the community's language."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from rse_build.cli import main
from rse_build.frontmatter import split
from rse_build.i18n import STRINGS
from tests.conftest import MKDOCS_YML, Community, rse

FILES = {
    "content/index.md": "---\ntitle: Welcome\n---\nHello.\n",
    "content/people/ada-lovelace.md": """\
        ---
        name: Ada Lovelace
        skills: [kafka]
        groups: [data]
        ---
        """,
    "content/people/grace-hopper.md": """\
        ---
        name: Grace Hopper
        skills: [cobol]
        ---
        """,
    "content/groups/data/index.md": "---\ntitle: Data\nanimators: [ada-lovelace]\n---\n",
    "content/groups/design/index.md": "---\ntitle: Design\n---\n",
}
FRENCH_YML = MKDOCS_YML + "extra:\n  rse:\n    language: fr\n"
HINTS = [key for key in STRINGS if key.startswith("new.hint.")]


def run(community: Community, *args: str, answers: str | None = None):
    """`rse ARGS` from the community's root; `answers` are typed at the prompts."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(community.root)
        return CliRunner().invoke(main, list(args), input=answers, catch_exceptions=False)


def front_matter(community: Community, path: str) -> tuple[dict, str, str]:
    text = (community.root / path).read_text(encoding="utf-8")
    parsed = split(text)
    return parsed.data, parsed.body, text


def problem_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("content/")]


@pytest.fixture
def community(make_community) -> Community:
    return make_community(FILES)


def test_every_note_type_makes_a_file_rse_check_accepts(community):
    made = [
        ("notes/plain.md", ["plain", "--title", "Plain", "--author", "ada-lovelace", "--tag", "kafka"]),
        ("groups/data/tuning.md", ["tuning", "--title", "Tuning", "--type", "howto", "--group", "data"]),
        ("notes/ideas/badges.md", ["badges", "--title", "Badges", "--type", "idea", "--folder", "ideas"]),
        ("groups/design/why.md", ["why", "--title", "Why?", "--type", "question", "--group", "design"]),
        (
            "groups/data/demo-day.md",
            [
                "demo-day",
                "--title",
                "Demo day",
                "--type",
                "event",
                "--group",
                "data",
                "--group",
                "design",
                "--start",
                "2026-12-03T18:00",
                "--end",
                "2026-12-03T20:30",
                "--timezone",
                "Europe/Paris",
                "--place",
                "Lyon, Salle Confluence",
                "--online",
                "https://meet.example/demo-day",
                "--site",
                "Lyon",
                "--capacity",
                "40",
            ],
        ),
        ("notes/offsite.md", ["offsite", "--title", "Offsite", "--type", "event", "--start", "2027-03-01"]),
    ]
    for path, args in made:
        result = run(community, "new", "note", *args)
        assert result.exit_code == 0, result.output
        assert result.output == f"created content/{path}\n"
    expected = {
        "notes/plain.md": {"title": "Plain", "authors": ["ada-lovelace"], "tags": ["kafka"]},
        "groups/data/tuning.md": {"title": "Tuning", "type": "howto"},
        "notes/ideas/badges.md": {"title": "Badges", "type": "idea", "state": "proposed"},
        "groups/design/why.md": {"title": "Why?", "type": "question"},
        "groups/data/demo-day.md": {
            "title": "Demo day",
            "type": "event",
            "groups": ["design"],
            "start": "2026-12-03T18:00",
            "end": "2026-12-03T20:30",
            "timezone": "Europe/Paris",
            "place": "Lyon, Salle Confluence",
            "online": "https://meet.example/demo-day",
            "site": "Lyon",
            "capacity": 40,
        },
        "notes/offsite.md": {"title": "Offsite", "type": "event", "start": dt.date(2027, 3, 1)},
    }
    for path, data in expected.items():
        written, body, text = front_matter(community, f"content/{path}")
        assert written == data, path
        assert body == "", path
        assert "\n# " in text, path
    checked = run(community, "check", "--strict")
    assert checked.exit_code == 0, checked.output
    assert problem_lines(checked.output) == []


def test_a_new_profile_and_note_publish_no_placeholder_and_the_event_reaches_its_calendars(community):
    assert (
        run(community, "new", "person", "alan-turing", "--name", "Alan Turing", "--skill", "maths").exit_code
        == 0
    )
    assert (
        run(community, "new", "note", "draft-free", "--title", "Nothing yet", "--group", "data").exit_code
        == 0
    )
    event = run(
        community,
        "new",
        "note",
        "demo-day",
        "--title",
        "Demo day",
        "--type",
        "event",
        "--group",
        "data",
        "--start",
        "2026-12-03T18:00",
        "--end",
        "2026-12-03T20:30",
        "--timezone",
        "Europe/Paris",
        "--place",
        "Lyon, Salle Confluence",
        "--online",
        "https://meet.example/demo-day",
    )
    assert event.exit_code == 0, event.output
    community.commit("New files, as rse new made them")
    built = rse(community, "build")
    assert built.exit_code == 0, built.output

    pages = [
        community.page(p) for p in ("people/alan-turing/index.html", "groups/data/draft-free/index.html")
    ]
    pages.append(community.page("search/search_index.json"))
    for hint in HINTS:
        for language in ("en", "fr"):
            opening = STRINGS[hint][language][:30]
            assert all(opening not in page for page in pages), hint
    assert "Alan Turing" in pages[0] and "Nothing yet" in pages[1]

    page = community.page("groups/data/demo-day/index.html")
    for shown in (
        "Lyon, Salle Confluence",
        "Europe/Paris",
        "https://meet.example/demo-day",
        "3 December 2026",
    ):
        assert shown in page
    calendar = Calendar.from_ical(community.page("events.ics"))
    [vevent] = calendar.walk("VEVENT")
    paris = zoneinfo.ZoneInfo("Europe/Paris")
    assert vevent.decoded("dtstart") == dt.datetime(2026, 12, 3, 18, 0, tzinfo=paris)
    assert vevent.decoded("dtend") == dt.datetime(2026, 12, 3, 20, 30, tzinfo=paris)
    assert vevent["dtstart"].params["TZID"] == "Europe/Paris"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert str(vevent["location"]) == "Lyon, Salle Confluence"
    assert str(vevent["conference"]) == "https://meet.example/demo-day"


def test_an_invalid_id_gets_the_id_its_text_suggests(community):
    cases = [
        (
            ["person", "Théo-Durand", "--name", "Théo Durand"],
            "'Théo-Durand' is not a valid id (lowercase letters, digits and -): try 'theo-durand'",
        ),
        (
            ["group", "Équipe Data", "--title", "Équipe"],
            "'Équipe Data' is not a valid id (lowercase letters, digits and -): try 'equipe-data'",
        ),
        (
            ["note", "Œuvre_Straße", "--title", "Œuvre"],
            "'Œuvre_Straße' is not a valid id (lowercase letters, digits and -): try 'oeuvre-strasse'",
        ),
        (["note", "§§", "--title", "X"], "'§§' is not a valid id: use lowercase letters, digits and -"),
        (
            ["note", "fine", "--title", "X", "--folder", "../Mes Notes"],
            "'../Mes Notes' is not a valid folder (ids separated by /): try 'mes-notes'",
        ),
    ]
    before = sorted(community.root.rglob("*.md"))
    for args, message in cases:
        result = run(community, "new", *args)
        assert result.exit_code == 2, args
        assert result.output == message + "\n"
    assert sorted(community.root.rglob("*.md")) == before


def test_an_unknown_group_is_shown_the_groups_there_are(community):
    typo = run(community, "new", "note", "x", "--title", "X", "--group", "dta")
    assert typo.exit_code == 2
    assert typo.output == "unknown group 'dta': did you mean 'data'? Groups: data, design\n"
    far = run(community, "new", "person", "bob", "--name", "Bob", "--group", "data", "--group", "zzz")
    assert far.exit_code == 2
    assert far.output == "unknown group 'zzz'. Groups: data, design\n"
    assert not (community.root / "content/notes/x.md").exists()
    assert not (community.root / "content/people/bob.md").exists()


def test_event_values_are_checked_before_anything_is_written(community):
    event = ["new", "note", "party", "--title", "Party", "--type", "event", "--no-prompt"]
    cases = [
        (
            ["--start", "tomorrow"],
            "'tomorrow' is not a date or a date and time: write 2026-12-03 or 2026-12-03T18:00",
        ),
        (
            ["--start", "2026-12-03T18:00", "--timezone", "europe/paris"],
            "'europe/paris' is not a known time zone: did you mean 'Europe/Paris'?",
        ),
        (
            ["--start", "2026-12-03T18:00", "--online", "meet.example/party"],
            "'meet.example/party' is not a web link: write the whole address, https://…",
        ),
        (["--start", "2026-12-03", "--capacity", "0"], "'0' is not a number of people (1 or more)"),
        ([], "missing --start (run at a terminal, or with --prompt, to be asked for it)"),
    ]
    for args, message in cases:
        result = run(community, *event, *args)
        assert result.exit_code == 2, args
        assert result.output == message + "\n"
    not_an_event = run(community, "new", "note", "party", "--title", "Party", "--place", "Lyon")
    assert not_an_event.exit_code == 2
    assert not_an_event.output == "--place is for events: add --type event\n"
    backwards = run(community, *event, "--start", "2026-12-03", "--end", "2026-12-02")
    assert backwards.exit_code == 1
    assert backwards.output.splitlines() == [
        "content/notes/party.md:5:1: 'end' is before 'start'",
        "nothing was written.",
    ]
    assert not (community.root / "content/notes/party.md").exists()


def test_the_same_rules_hold_for_an_event_written_by_hand(community):
    community.write(
        "content/notes/by-hand.md",
        """\
        ---
        title: By hand
        type: event
        start: 2026-12-03T18:00
        end: 2026-12-03T20:00+01:00
        timezone: Mars/Olympus_Mons
        online: meet.example/x
        capacity: 0
        ---
        """,
    )
    checked = run(community, "check")
    assert checked.exit_code == 1
    assert problem_lines(checked.output) == [
        "content/notes/by-hand.md:6:1: 'timezone': unknown time zone 'Mars/Olympus_Mons': write a name "
        "such as Europe/Paris",
        "content/notes/by-hand.md:7:1: 'online': 'meet.example/x' is not a web link: write it as https://…",
        "content/notes/by-hand.md:8:1: 'capacity': Input should be greater than or equal to 1",
    ]


def test_what_is_missing_is_asked_at_a_terminal(community):
    answers = "\n".join(
        [
            "Party",  # title
            "tomorrow",  # start: refused, asked again
            "2026-12-03T18:00",
            "",  # end: skipped
            "Europe/Paris",
            "",  # place: skipped
            "meet.example",  # online: refused, asked again
            "https://meet.example/party",
        ]
    )
    result = run(community, "new", "note", "party", "--type", "event", "--prompt", answers=answers + "\n")
    assert result.exit_code == 0, result.output
    assert "Title: Party" in result.output
    assert "'tomorrow' is not a date or a date and time" in result.output
    assert "'meet.example' is not a web link" in result.output
    data, _body, _text = front_matter(community, "content/notes/party.md")
    assert data == {
        "title": "Party",
        "type": "event",
        "start": "2026-12-03T18:00",
        "timezone": "Europe/Paris",
        "online": "https://meet.example/party",
    }
    person = run(community, "new", "person", "bob", "--prompt", answers="\nBob Martin\n")
    assert person.exit_code == 0, person.output
    assert front_matter(community, "content/people/bob.md")[0] == {"name": "Bob Martin"}
    for flag in ((), ("--no-prompt",)):
        missing = run(community, "new", "group", "chess", *flag, answers="Chess\n")
        assert missing.exit_code == 2
        assert missing.output == "missing --title (run at a terminal, or with --prompt, to be asked for it)\n"


def test_rse_new_writes_valid_files_and_never_overwrites(make_community):
    community = make_community()
    made = rse(
        community,
        "new",
        "note",
        "kafka-faq",
        "--title",
        "Kafka: FAQ",
        "--type",
        "question",
        "--author",
        "ada-lovelace",
        "--group",
        "data-platform",
        "--tag",
        "kafka",
    )
    assert made.exit_code == 0, made.output
    path = community.root / "content/groups/data-platform/kafka-faq.md"
    parsed = split(path.read_text())
    assert parsed.data == {
        "title": "Kafka: FAQ",
        "type": "question",
        "authors": ["ada-lovelace"],
        "tags": ["kafka"],
    }
    again = rse(community, "new", "note", "kafka-faq", "--title", "Other", "--group", "data-platform")
    assert again.exit_code == 2
    assert again.output == (
        "content/groups/data-platform/kafka-faq.md already exists: edit it instead "
        "(rse new never overwrites)\n"
    )
    assert "Kafka: FAQ" in path.read_text()
    person = rse(
        community,
        "new",
        "person",
        "alan-turing",
        "--name",
        "Alan Turing",
        "--skill",
        "maths",
        "--group",
        "running",
    )
    assert person.exit_code == 0
    group = rse(
        community,
        "new",
        "group",
        "chess",
        "--title",
        "Chess club",
        "--kind",
        "hobby",
        "--animator",
        "alan-turing",
    )
    assert group.exit_code == 0
    assert rse(community, "check").exit_code == 0
    bad = rse(community, "new", "note", "x", "--title", "X", "--author", "nobody")
    assert bad.exit_code == 1 and "unknown author 'nobody'" in bad.output
    assert not (community.root / "content/notes/x.md").exists()


def test_a_french_community_is_answered_in_french(make_community):
    community = make_community(FILES, mkdocs_yml=FRENCH_YML)
    bad_id = run(community, "new", "person", "Théo-Durand", "--name", "Théo Durand")
    assert bad_id.exit_code == 2
    assert bad_id.output == (
        "'Théo-Durand' n'est pas un identifiant valide (lettres minuscules, chiffres et -) : "
        "essayez 'theo-durand'\n"
    )
    typo = run(community, "new", "note", "x", "--title", "X", "--group", "dta")
    assert typo.output == "groupe inconnu 'dta' : vouliez-vous dire 'data' ? Groupes : data, design\n"
    missing = run(community, "new", "note", "x", "--no-prompt")
    assert missing.output.startswith("il manque --title (")
    made = run(community, "new", "note", "question", "--title", "Pourquoi ?", "--type", "question")
    assert made.exit_code == 0
    assert made.output == "créé : content/notes/question.md\n"
    text = (community.root / "content/notes/question.md").read_text(encoding="utf-8")
    assert "# Votre question va sous le --- de fin" in text
    again = run(community, "new", "note", "question", "--title", "Encore")
    assert (
        again.output == "content/notes/question.md existe déjà : modifiez-le (rse new n'écrase jamais rien)\n"
    )


def test_init_speaks_the_language_it_is_given(tmp_path):
    runner = CliRunner()
    target = tmp_path / "reseau"
    args = [
        "init",
        str(target),
        "--name",
        "Réseau",
        "--founder",
        "Amélie Dubois",
        "--email",
        "a@acme.example",
    ]
    result = runner.invoke(main, [*args, "--language", "fr"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    written = sum(1 for p in target.rglob("*") if p.is_file())
    assert lines[0].startswith("Communauté « Réseau » créée dans ")
    assert lines[0].endswith(f"reseau/ ({written} fichiers).")
    assert lines[1].startswith("Votre profil est content/people/amelie-dubois.md ; vous animez le groupe « ")
    assert lines[2] == "Ensuite :"
    assert 'git commit -m "Lancement de notre communauté"' in result.output
    assert lines[-1].startswith("Puis poussez-le sur GitHub ou GitLab")
    again = runner.invoke(main, [*args, "--language", "fr"])
    assert again.exit_code == 2
    assert "n'est pas vide : rse init n'écrase jamais rien" in again.output
    english = runner.invoke(main, [*args[:1], str(tmp_path / "net"), *args[2:], "--no-prompt"])
    assert english.exit_code == 0
    assert english.output.startswith("Created the community 'Réseau' in ")
    assert "files).\n" in english.output
