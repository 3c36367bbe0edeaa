"""Every translation key that code and templates name literally exists in the one table, in both
languages: a misspelt `rse.t.membres` in a template would otherwise render as empty text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rse_build.i18n import STRINGS

PACKAGE = Path(__file__).resolve().parent.parent / "rse_build"

# Literal keys as templates name them: rse.t.key, rse.t("key"), rse_t("key"), t.key in macros.
TEMPLATE_KEYS = re.compile(
    r"""\brse\.t\.([a-z_][a-z0-9_]*)\b|\b(?:rse\.t|rse_t|t)\(\s*["']([a-z_][a-z0-9_.-]*)["']"""
)
# Literal keys as Python names them: a translator called with a key, a plural, a problem.
PYTHON_KEYS = re.compile(
    r"""\b(?:t|translator|self\.t|refs\.t|self\.translator)\(\s*["']([a-z_][a-z0-9_.-]*)["']"""
)
PLURAL_KEYS = re.compile(r"""\.plural\((?:[^()]|\([^()]*\))*?,\s*["']([a-z_][a-z0-9_.-]*)["']""")
PROBLEM_KEYS = re.compile(r"""\bProblem\.of\((?:[^()]|\([^()]*\))*?["'](problem\.[a-z0-9_.-]+)["']""", re.S)
# Attribute names of the Translator's own API, never keys.
API = {"plural", "number", "date", "language", "count"}


def _uses() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix not in (".html", ".py") or path.name == "i18n.py":
            continue
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(PACKAGE).as_posix()
        if path.suffix == ".html":
            for match in TEMPLATE_KEYS.finditer(text):
                key = match.group(1) or match.group(2)
                if key not in API:
                    found.append((where, key))
        else:
            found += [(where, m.group(1)) for m in PYTHON_KEYS.finditer(text)]
            found += [(where, m.group(1)) for m in PROBLEM_KEYS.finditer(text)]
        found += [(where, f"{m.group(1)}.one") for m in PLURAL_KEYS.finditer(text)]
        found += [(where, f"{m.group(1)}.other") for m in PLURAL_KEYS.finditer(text)]
    return found


def test_the_scan_finds_the_keys_it_is_meant_to_find():
    """The patterns are what this test rests on: they must see templates, calls and plurals."""
    keys = {key for _, key in _uses()}
    assert {"contributors", "site.colon", "site.not_found", "person.one", "check.nothing_built"} <= keys
    assert any(key.startswith("problem.") for key in keys)
    assert len(keys) > 150


def _entries(key: str) -> list[dict[str, str]]:
    """A key's entries: itself, or its two plural forms (a call with `n=` picks one)."""
    if key in STRINGS:
        return [STRINGS[key]]
    return [STRINGS[form] for form in (f"{key}.one", f"{key}.other") if form in STRINGS]


@pytest.mark.parametrize(("where", "key"), sorted(set(_uses())))
def test_every_key_named_in_code_or_templates_exists_in_both_languages(where, key):
    entries = _entries(key)
    assert entries, f"{where} names '{key}', which the translation table does not have"
    assert all(e.get("en") and e.get("fr") for e in entries), f"'{key}' needs English and French"
