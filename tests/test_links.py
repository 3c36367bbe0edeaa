from rse_build.links import Mentionable, RefKind, find_references, rewrite
from rse_build.logins import host_logins, login, login_table


def targets(body, kind=None):
    return [r.target for r in find_references(body) if kind is None or r.kind is kind]


def test_mentions_and_wiki_links_with_positions():
    refs = find_references("Ask @ada-lovelace about [[kafka-tuning|Kafka]].", body_line=7)
    assert [(r.kind, r.target, r.label, r.line, r.column) for r in refs] == [
        (RefKind.MENTION, "ada-lovelace", None, 7, 5),
        (RefKind.WIKI, "kafka-tuning", "Kafka", 7, 25),
    ]


def test_emails_decorators_and_code_are_not_mentions():
    body = (
        "Mail ada@acme.example or `@inline`.\n"
        "```python\n@pytest.fixture\n[[not-a-link]]\n```\n"
        "~~~\n@also-code\n~~~\n"
        "Then @bob, (@carl) and @dan's idea; not path/@x.\n"
    )
    assert targets(body) == ["bob", "carl", "dan"]


def test_rewrite_replaces_only_resolved_references():
    body = "Hi @ada and @nobody"
    refs = find_references(body)
    out = rewrite(body, refs, lambda r: "[Ada](ada.md)" if r.target == "ada" else None)
    assert out == "Hi [Ada](ada.md) and @nobody"


def test_indented_code_html_and_existing_links_are_not_prose():
    body = (
        "Paragraph.\n\n    indented code @ada [[n]]\n\n"
        "- item\n\n    continued item @bob\n\n"
        "[link text with @carl](https://example.org/) and ![img @x](a.png)\n"
        '<a title="@dan">x</a> <pre>one-line @eve</pre>\n'
        "<pre>\nblock @fay\n</pre>\n"
        "Lazy\n    continuation @gus\n"
    )
    assert targets(body) == ["bob", "gus"]


# Real-shaped text: a handbook page as companies write them.
HANDBOOK = """\
@ada-lovelace runs onboarding; ask @Ada-Lovelace or @Octo-Cat on GitHub.
Questions go to @cs-leadership, @handbook-support or "@company"; GitHub teams
(@sourcegraph/people-ops) and npm scopes (@types/node, @babel/core@7) are not people.
- Ping @channel or @Here, never @everyone or @all.
- Retina logos: logo@2x.png, icon@3x.png; export at @2x or @1.5x.
- Mail ada@x.example, first.last+hr@corp.example, foo@bar, <ada@x.example>.
1. Thanks @grace-hopper!
(@carl), @dan's idea; _@emma_ and **@fay**; @jean.dupont and @j_doe on GitLab.
See [@gus on the wiki](https://wiki.example/@gus) and https://medium.com/@hal.
Use `@inline-code`, @dataclass(frozen=True) and <span title="@ivy">@jo</span>.

```python
@decorated
```

    @indented
"""


def test_real_text_mentions_only_what_may_name_a_person():
    assert targets(HANDBOOK) == [
        "ada-lovelace",
        "Ada-Lovelace",
        "Octo-Cat",
        "cs-leadership",
        "handbook-support",
        "company",
        "grace-hopper",
        "carl",
        "dan",
        "emma",
        "fay",
        "jean.dupont",
        "j_doe",
        "jo",
    ]


def test_a_mention_is_located_at_its_at_sign():
    body = "Intro.\n\n- item for @cs-leadership\n"
    refs = find_references(body, body_line=5)
    assert [(r.target, r.line, r.column) for r in refs] == [("cs-leadership", 7, 12)]
    assert body[refs[0].start : refs[0].end] == "@cs-leadership"


def test_logins_from_links():
    assert login("https://github.com/Octo-Cat/") == "octo-cat"
    assert login(" @Octo-Cat ") == "octo-cat"
    assert login("gitlab.com/jean.dupont") == "jean.dupont"
    links = {"github": "https://github.com/Octo-Cat", "gitlab": "jdupont", "linkedin": "https://x/in/y"}
    assert list(host_logins(links)) == [("github", "octo-cat"), ("gitlab", "jdupont")]
    assert list(host_logins({"github": "", "gitlab": 12})) == []
    # A login two profiles claim goes to the first handle, whatever the order given.
    assert login_table([("zoe", {"github": "shared"}), ("bob", {"gitlab": "Shared"})]) == {"shared": "bob"}


def test_mentionable_resolves_handles_then_logins_without_case():
    people = Mentionable(frozenset({"ada-lovelace", "octo"}), {"octo-cat": "ada-lovelace", "octo": "grace"})
    assert people.person("ada-lovelace") == "ada-lovelace"
    assert people.person("Ada-Lovelace") == "ada-lovelace"
    assert people.person("OCTO-CAT") == "ada-lovelace"
    # A handle wins over someone else's login.
    assert people.person("octo") == "octo"
    assert people.person("cs-leadership") is None
    assert people.names() == ("ada-lovelace", "octo", "octo-cat")
