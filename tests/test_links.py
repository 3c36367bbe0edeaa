from rse_build.links import RefKind, find_references, rewrite


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
        "Then @bob, (@carl) and @dan's idea; not @e.f or path/@x.\n"
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
