"""rse_build/mkdocs_adapter/html.py: the rewrites of written HTML, each a pure function.

The security-relevant ones (the content security policy, links to what an audience may not
see) are checked against the HTML Material writes and against what a page's author could write.
"""

from __future__ import annotations

import re

from rse_build.mkdocs_adapter import html

PAGE = """<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <title>Ada</title>
  </head>
  <body>
    <div class="md-search" data-md-component="search" role="dialog"></div>
    <article class="md-content__inner md-typeset"><p>Hello</p></article>
  </body>
</html>
"""


def test_every_page_gets_the_content_security_policy_right_after_its_charset():
    out = html.secured(PAGE, "Search", indexable=True)
    head = out.split("</head>")[0]
    assert head.index(html.CHARSET_META) < head.index("Content-Security-Policy") < head.index("<title>")
    policy = re.search(r'content="(default-src[^"]*)"', out).group(1)
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["connect-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "https:" not in policy and "*" not in policy
    assert html.NOINDEX_META not in out


def test_only_the_public_site_may_be_indexed():
    assert html.NOINDEX_META in html.secured(PAGE, "Search", indexable=False)


def test_a_head_without_a_charset_still_gets_the_policy_first():
    page = "<html><head><title>x</title></head><body></body></html>"
    out = html.secured(page, "Search", indexable=True)
    assert out.startswith("<html><head>\n    " + html.CONTENT_SECURITY_POLICY)


def test_fragments_pass_unchanged():
    fragment = "<p>no head here</p>"
    assert html.secured(fragment, "Search", indexable=False) == fragment


def test_the_search_dialog_is_named_and_the_name_escaped():
    out = html.secured(PAGE, 'Chercher "ici" <b>', indexable=True)
    assert 'role="dialog" aria-label="Chercher &#34;ici&#34; &lt;b&gt;">' in out
    assert out.count("aria-label=") == 1


def test_links_to_hidden_pages_become_plain_text_whatever_their_spelling():
    hidden = frozenset({"people/eve/", "groups/secret/"})
    body = (
        '<a href="../eve/">Eve</a> '
        "<a class='x' href='../eve/#bio'>bio</a> "
        '<a href="../eve/?q=1">query</a> '
        '<a href="../../groups/secret/">group</a> '
        '<a href="../ada/">Ada</a> '
        '<a href="https://example.org/people/eve/">outside</a> '
        '<a href="/people/eve/">absolute</a> '
        '<a name="anchor">no href</a>'
    )
    out = html.unlink_hidden(body, "people/bob/", hidden)
    assert out.count("<a>") == 4
    assert '<a href="../ada/">Ada</a>' in out
    assert '<a href="https://example.org/people/eve/">' in out
    assert '<a href="/people/eve/">' in out
    assert '<a name="anchor">' in out


def test_links_resolve_from_a_page_that_is_a_file():
    """With use_directory_urls: false, a page's URL is a file: links resolve from its folder."""
    out = html.unlink_hidden('<a href="eve.html">Eve</a>', "people/bob.html", frozenset({"people/eve.html"}))
    assert out == "<a>Eve</a>"


def test_nothing_hidden_changes_nothing():
    body = '<a href="../eve/">Eve</a>'
    assert html.unlink_hidden(body, "people/bob/", frozenset()) is body


def test_wide_tables_become_named_keyboard_regions_nested_ones_once():
    body = (
        "<table><tr><td><table><tr><td>inner</td></tr></table></td></tr></table>"
        '<table class="highlighttable"><tr><td>code</td></tr></table>'
        "<TABLE><tr><td>second</td></tr></TABLE>"
    )
    out = html.scrollable_tables(body, lambda n: f"Table {n} <wide>")
    assert out.count('role="region"') == 2
    assert 'aria-label="Table 1 &lt;wide&gt;"' in out and 'aria-label="Table 2 &lt;wide&gt;"' in out
    assert out.count("</div>") == 2
    assert out.index("</table></td></tr></table></div>") > 0
    assert '<table class="highlighttable">' in out and "code</td></tr></table><div" in out


def test_text_without_tables_is_returned_as_it_is():
    assert html.scrollable_tables("<p>none</p>", lambda n: "x") == "<p>none</p>"


def test_a_listing_is_left_out_of_pagefind_once():
    out = html.not_searched(PAGE + html.ARTICLE)
    assert out.count('data-pagefind-ignore="all"') == 1
    assert '<article class="md-content__inner md-typeset" data-pagefind-ignore="all">' in out
