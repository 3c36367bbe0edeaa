"""Every translation key that code and templates name literally exists in the one table, in both
languages: a misspelt `rse.t.membres` in a template would otherwise render as empty text. And the
reverse: every entry of the table is used somewhere, so that no string is translated for nothing."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
import pytest
from jinja2 import nodes

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
    assert {"contributors", "site.colon", "site.not_found", "person.one", "import.known_aliases"} <= keys
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


# The reverse. An entry is used when the package's Python or templates hold a string equal to it
# (a call, a data table such as `PageKind(..., "people", ...)`, a tuple of keys), read it as an
# attribute of a translator (`t.people`, `rse.t.members`), or hold the literal start of keys made at
# run time (`f"import.field.{c.field}"`); a count's `.one` and `.other` go with their key. What it
# cannot tell: a one-word key that some unrelated string equals (front matter's "links" kept a dead
# `links` entry alive), and a key its prefix reaches that no value can complete. Those are read by
# hand.
# Names a translator goes by, in code and in templates.
TRANSLATORS = {"t", "translator", "ENGLISH", "rse_t"}
# What follows a dynamic prefix (`f"import.field.{c.field}"`): one more segment, perhaps a count's form.
REST_OF_KEY = re.compile(r"[^.]+(\.(one|other))?")


@dataclass(frozen=True, slots=True)
class Uses:
    """What the package says that could name an entry: literal strings, attributes read on a
    translator (`t.people`, `rse.t.members`), and the literal start of keys built at run time."""

    literals: frozenset[str]
    attributes: frozenset[str]
    prefixes: frozenset[str]

    def use(self, key: str) -> bool:
        base = re.sub(r"\.(one|other)$", "", key)
        if {key, base} & (self.literals | self.attributes):
            return True
        return any(key.startswith(p) and REST_OF_KEY.fullmatch(key[len(p) :]) for p in self.prefixes)


def _is_translator(node: ast.expr) -> bool:
    """`t`, `translator`, and a translator held by something else (`self.t`, `refs.t`)."""
    return (isinstance(node, ast.Name) and node.id in TRANSLATORS) or (
        isinstance(node, ast.Attribute) and node.attr in TRANSLATORS
    )


def _is_the_table(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.AnnAssign) and ast.unparse(statement.target) == "STRINGS"


def _python_uses(path: Path, literals: set[str], attributes: set[str], prefixes: set[str]) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if path.name == "i18n.py":  # the table names every key; the Translator's own code counts
        tree.body = [n for n in tree.body if not _is_the_table(n)]
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            literals.add(node.value)
        elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
            prefixes.add(str(node.values[0].value))
        elif isinstance(node, ast.Attribute) and _is_translator(node.value):
            attributes.add(node.attr)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "hinted":
            # errors.hinted(key, close) says `{key}_close` when a typo has a likely meaning.
            first = node.args[0] if node.args else None
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                literals.add(f"{first.value}_close")


def _template_uses(path: Path, literals: set[str], attributes: set[str], prefixes: set[str]) -> None:
    tree = jinja2.Environment().parse(path.read_text(encoding="utf-8"))
    literals.update(n.value for n in tree.find_all(nodes.Const) if isinstance(n.value, str))
    for read in tree.find_all(nodes.Getattr):
        held = read.node
        if (isinstance(held, nodes.Name) and held.name in TRANSLATORS) or (
            isinstance(held, nodes.Getattr) and held.attr in TRANSLATORS
        ):
            attributes.add(read.attr)
    for joined in tree.find_all(nodes.Concat):  # "import.field." ~ c.field
        first = joined.nodes[0] if joined.nodes else None
        if isinstance(first, nodes.Const) and isinstance(first.value, str):
            prefixes.add(first.value)


def _package_uses() -> Uses:
    literals: set[str] = set()
    attributes: set[str] = set()
    prefixes: set[str] = set()
    for path in sorted(PACKAGE.rglob("*")):
        if path.suffix == ".py":
            _python_uses(path, literals, attributes, prefixes)
        elif path.suffix == ".html":
            _template_uses(path, literals, attributes, prefixes)
    # A prefix names a family of keys only when it ends where a key's segment does.
    return Uses(frozenset(literals), frozenset(attributes), frozenset(p for p in prefixes if p.endswith(".")))


def test_the_reverse_scan_sees_each_way_a_key_is_used():
    """Attributes in templates and code, literal calls, prefixes of keys made at run time, counts,
    `hinted`'s `_close` variants and the Translator's own key; and a key nothing names is not used."""
    uses = _package_uses()
    assert {"members", "animators", "people"} <= uses.attributes
    assert {"state.", "type.", "new.hint.", "problem.bad_id."} <= uses.prefixes
    for key in (
        "members",
        "site.not_found",
        "person.one",
        "new.hint.howto",
        "problem.bad_id.note_folder_rename",
        "summary.skills.other",
        "problem.unknown_key_close",
        "problem.unknown.member_close",
        "site.date_time",
    ):
        assert uses.use(key), key
    for key in ("zz_never_named", "new.hint", "new.hint.note.extra", "problem.unknown_key_far"):
        assert not uses.use(key), key


def test_every_entry_of_the_table_is_used():
    """A key no template or code can reach is dead text to translate and keep: delete it."""
    uses = _package_uses()
    unused = [key for key in STRINGS if not uses.use(key)]
    assert unused == [], f"rse_build/i18n.py holds entries nothing uses: {unused}"
