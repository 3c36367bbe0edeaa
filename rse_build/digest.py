"""A digest as text people read where they are: Markdown (a merge request, a wiki, a chat),
plain text, or HTML with inline styles only (mail clients drop style sheets). rse never sends
it: a community's own CI step mails or posts it."""

from __future__ import annotations

from collections.abc import Callable

from markupsafe import escape

from rse_build.i18n import Translator
from rse_build.views.digest import Digest
from rse_build.views.refs import NoteRef

FORMATS = ("md", "txt", "html")


def _sections(d: Digest, t: Translator) -> list[tuple[str, list[tuple[NoteRef | None, str, str]]]]:
    """Each non-empty section: its heading, and items as (note, text, detail)."""
    sections = [
        (t("digest.new_notes"), [(n, n.title, ", ".join(a.name for a in n.authors)) for n in d.new_notes]),
        (t("digest.discussed"), [(x.note, x.note.title, x.count_label) for x in d.discussed]),
        (t("digest.new_members"), [(None, p.name, p.caption) for p in d.new_members]),
        (
            t("digest.waiting"),
            [(x.note, x.note.title, x.waiting_label) for x in d.waiting] + _more(d.waiting_more),
        ),
        (t("digest.ideas"), [(x.note, x.note.title, x.count_label) for x in d.ideas]),
        *(
            (f"{t('digest.events')} · {site.site}", [(e.note, e.note.title, e.when) for e in site.events])
            for site in d.events
        ),
        (t("digest.review"), [(n, n.title, n.date_label) for n in d.review] + _more(d.review_more)),
    ]
    return [(heading, items) for heading, items in sections if items]


def _more(label: str) -> list[tuple[NoteRef | None, str, str]]:
    """The line that ends a list cut short ("and 12 more"), or none."""
    return [(None, label, "")] if label else []


def render(d: Digest, fmt: str, t: Translator, site_url: str = "") -> str:
    """`fmt` one of FORMATS; links absolute when `site_url` is known, else from the site's root."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    return _RENDERERS[fmt](d, t, lambda note: base + note.url)


def _markdown(d: Digest, t: Translator, link: Callable[[NoteRef], str]) -> str:
    lines = [f"# {d.title}", "", f"*{d.period_label}*", ""]
    for heading, items in _sections(d, t) or [(t("digest.quiet"), [])]:
        lines += [f"## {heading}", ""]
        for note, text, detail in items:
            label = f"[{_md(text)}]({link(note)})" if note else _md(text)
            lines.append(f"- {label}" + (f" — {_md(detail)}" if detail else ""))
        lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    for char in "\\[]*_`<>":
        text = text.replace(char, "\\" + char)
    return text


def _text(d: Digest, t: Translator, link: Callable[[NoteRef], str]) -> str:
    lines = [d.title, "=" * len(d.title), d.period_label, ""]
    for heading, items in _sections(d, t) or [(t("digest.quiet"), [])]:
        lines += [heading, "-" * len(heading)]
        for note, text, detail in items:
            lines.append(
                f"* {text}" + (f" ({detail})" if detail else "") + (f"\n  {link(note)}" if note else "")
            )
        lines.append("")
    return "\n".join(lines)


_H1 = "font:bold 22px/1.3 sans-serif;margin:0 0 4px"
_H2 = "font:bold 16px/1.3 sans-serif;margin:20px 0 6px;color:#1a237e"
_P = "font:14px/1.5 sans-serif;margin:0 0 12px;color:#333"
_LI = "font:14px/1.5 sans-serif;margin:0 0 4px"
_A = "color:#1a237e"


def _html(d: Digest, t: Translator, link: Callable[[NoteRef], str]) -> str:
    out = [
        f'<div lang="{t.language}">',
        f'<h1 style="{_H1}">{escape(d.title)}</h1>',
        f'<p style="{_P}">{escape(d.period_label)}</p>',
    ]
    for heading, items in _sections(d, t) or [(t("digest.quiet"), [])]:
        out.append(f'<h2 style="{_H2}">{escape(heading)}</h2>')
        if items:
            out.append(
                "<ul>"
                + "".join(_html_item(note, text, detail, link) for note, text, detail in items)
                + "</ul>"
            )
    out.append("</div>")
    return "\n".join(out) + "\n"


def _html_item(note: NoteRef | None, text: str, detail: str, link: Callable[[NoteRef], str]) -> str:
    label = f'<a style="{_A}" href="{escape(link(note))}">{escape(text)}</a>' if note else str(escape(text))
    more = f" — {escape(detail)}" if detail else ""
    return f'<li style="{_LI}">{label}{more}</li>'


_RENDERERS: dict[str, Callable[[Digest, Translator, Callable[[NoteRef], str]], str]] = {
    "md": _markdown,
    "txt": _text,
    "html": _html,
}
