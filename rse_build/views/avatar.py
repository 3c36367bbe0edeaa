"""Initials avatars drawn locally as SVG, so no page asks another host for a face."""

from __future__ import annotations

import hashlib
from html import escape

# Material-like hues dark enough for white text (contrast >= 4.5:1).
_PALETTE = (
    "#1565c0",
    "#2e7d32",
    "#6a1b9a",
    "#ad1457",
    "#00695c",
    "#4e342e",
    "#283593",
    "#c62828",
    "#37474f",
    "#5d4037",
    "#0d47a1",
    "#1b5e20",
)


def initials(name: str) -> str:
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][:2].upper()
    return (words[0][0] + words[-1][0]).upper()


def colour(handle: str) -> str:
    digest = hashlib.sha256(handle.encode("utf-8")).digest()
    return _PALETTE[digest[0] % len(_PALETTE)]


def initials_svg(handle: str, name: str) -> str:
    """A 96×96 disc with the person's initials; the same handle always gets the same colour."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96" '
        f'role="img" aria-label="{escape(name)}">'
        f'<circle cx="48" cy="48" r="48" fill="{colour(handle)}"/>'
        '<text x="48" y="48" dy=".35em" text-anchor="middle" fill="#fff" '
        'font-family="system-ui,-apple-system,Segoe UI,Roboto,sans-serif" font-size="38" '
        f'font-weight="600">{escape(initials(name))}</text></svg>\n'
    )
