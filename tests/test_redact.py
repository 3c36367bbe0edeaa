"""E-mail addresses: every known one is hidden wherever and however it is written, in every
audience's site; addresses that belong to nobody (documentation examples) stay readable."""

from __future__ import annotations

import gzip
import html
import textwrap
from urllib.parse import unquote

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rse_build.redact import Redactor
from tests.conftest import TWO_AUDIENCES_YML, rse

HIDDEN = "(hidden)"
KNOWN = [
    "Ada@Acme.example",
    "o'brien@sub.acme.fr",
    "bob+news@gmail.com",
    "12345+octo@users.noreply.github.com",
]


@pytest.fixture(scope="module")
def redact() -> Redactor:
    return Redactor.for_addresses(KNOWN, HIDDEN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Write to ada@acme.example.", "Write to (hidden)."),
        ("ADA@ACME.EXAMPLE", HIDDEN),
        ("<ada@acme.example>", f"<{HIDDEN}>"),
        ("&lt;ada@acme.example&gt;", f"&lt;{HIDDEN}&gt;"),
        ("&quot;ada@acme.example&quot;", f"&quot;{HIDDEN}&quot;"),
        ('<a href="mailto:ada%40acme.example">', f'<a href="mailto:{HIDDEN}">'),
        ("ada&#64;acme.example and ada&#x40;acme.example", f"{HIDDEN} and {HIDDEN}"),
        ("ada&commat;acme.example", HIDDEN),
        # Markdown's automatic links write every letter as an entity.
        ("&#97;&#100;&#97;&#64;&#97;&#99;&#109;&#101;.&#101;xample", HIDDEN),
        ("'o'brien@sub.acme.fr'", HIDDEN),
        ("(bob+news@gmail.com)", f"({HIDDEN})"),
        ("by 12345+octo@users.noreply.github.com,", f"by {HIDDEN},"),
        # Text that holds a known address is hidden whole.
        ("xada@acme.example", HIDDEN),
        ("ada@acme.example.org", HIDDEN),
        # Not someone's address: another person's, a documentation example.
        ("eve@acme.example", "eve@acme.example"),
        ("you@example.com", "you@example.com"),
        ("@ada and @channel", "@ada and @channel"),
    ],
)
def test_known_addresses_are_hidden_however_written(redact, text, expected):
    assert redact(text) == expected


def test_nobody_known_leaves_text_alone():
    assert Redactor.for_addresses([], HIDDEN)("ada@acme.example") == "ada@acme.example"


@given(
    st.lists(
        st.sampled_from(["a", "%41", "&#97;", "&lt;", "@", "&#64;", ";", ".", " ", "-", "ada@acme.example"])
    ),
)
def test_any_mix_of_address_characters_never_shows_a_known_address(pieces):
    text = "".join(pieces)
    assert "ada@acme.example" not in Redactor.for_addresses(KNOWN, HIDDEN)(text).lower()


def test_long_runs_of_address_characters_are_read_once():
    """A data URI or an entity-heavy page is scanned in one pass: no quadratic backtracking
    (this input took 27 s before tokens were anchored at the start of a run)."""
    text = "&#97;" * 20_000 + "a" * 200_000 + "%41" * 30_000 + " ada@acme.example"
    assert Redactor.for_addresses(KNOWN, HIDDEN)(text).endswith(f" {HIDDEN}")


FILES = {
    "content/index.md": """\
        ---
        title: Welcome
        audience: public
        ---
        Hello. Examples in guides stay readable: you@example.com.
        """,
    "content/people/pia-public.md": """\
        ---
        name: Pia Public
        emails: [pia@acme.example]
        skills: [writing]
        audience: public
        ---
        """,
    "content/people/ivy-internal.md": """\
        ---
        name: Ivy Internal
        emails: [ivy.internal@corp-mail.example]
        skills: [secrets]
        ---
        """,
    "content/notes/open-note.md": """\
        ---
        title: Open note
        authors: [pia-public]
        date: 2026-01-10
        audience: public
        ---
        Ask Ivy at ivy.internal@corp-mail.example, or <IVY.INTERNAL@corp-mail.example>, or
        [mail the admin](mailto:admin%40ops.example). The tool wrote admin@ops.example too.

        ```
        git config user.email ivy.internal@corp-mail.example
        ```

        Inline: `pia@acme.example`, and <b>ivy.internal&#64;corp-mail.example</b>.
        """,
}


def test_no_site_of_any_audience_holds_a_known_address(make_community):
    """A public note quoting an internal person's address, and the address of a commit author
    who has no profile: hidden in every audience's pages, search index and feeds."""
    community = make_community(FILES, mkdocs_yml=TWO_AUDIENCES_YML)
    note = "content/notes/open-note.md"
    community.write(note, textwrap.dedent(FILES[note]) + "\nEdited.\n")
    community.commit(
        "An edit by the admin", author="Admin <admin@ops.example>", date="2026-02-01T10:00:00+00:00"
    )
    result = rse(community, "build", "--all-audiences", "--site-dir", "out")
    assert result.exit_code == 0, result.output
    for audience in ("public", "internal"):
        site = community.root / "out" / audience
        seen = ""
        for file in sorted(site.rglob("*")):
            if file.is_file():
                raw = file.read_bytes()
                seen += (gzip.decompress(raw) if file.suffix == ".gz" else raw).decode("utf-8", "replace")
        # Decoded as a browser or a crawler would read it: an entity or a %40 hides nothing.
        lowered = unquote(html.unescape(seen)).lower()
        for address in ("ivy.internal@corp-mail.example", "admin@ops.example", "pia@acme.example"):
            assert address not in lowered, (audience, address)
        assert "you@example.com" in seen
        assert "Ask Ivy at" in (site / "notes/open-note/index.html").read_text(encoding="utf-8")
