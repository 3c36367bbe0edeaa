"""French communities are French: the translation table, plurals, and a whole French site
walked page by page for English left in what a reader sees."""

from __future__ import annotations

import ast
import json
import re
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from importlib import import_module
from pathlib import Path

import git
import pytest
import yaml

from rse_build.errors import ENGLISH as IN_ENGLISH
from rse_build.errors import EnvironmentProblem
from rse_build.i18n import STRINGS, Translator
from rse_build.model import GroupFields, NoteFields, PersonFields
from tests.conftest import MKDOCS_YML, SMALL, Community, init, rse

# Material's English interface (its partials/languages/en.html), as a reader meets it.
MATERIAL_ENGLISH = (
    "Made with",
    "Permanent link",
    "Back to top",
    "Skip to content",
    "Search",
    "Share",
    "Clear",
    "Copy to clipboard",
    "Copied to clipboard",
    "Previous",
    "Next",
    "Page not found",
    "Not found",
    "Type to start searching",
    "Initializing search",
    "No matching documents",
    "matching document",
    "matching documents",
    "more on this page",
    "Missing",
    "Table of contents",
    "Header",
    "Footer",
    "Tabs",
    "Edit this page",
    "View source of this page",
    "Go to repository",
    "Last update",
    "Select language",
    "Select version",
    "Switch to dark mode",
    "Switch to light mode",
    "Don't show this again",
)


def _literal_parts(text: str) -> Iterator[str]:
    """The words of a table entry between its placeholders ('{n} members' → 'members')."""
    for literal, *_ in string.Formatter().parse(text):
        part = literal.strip(" .,:;()%·—→“”'«»\u00a0")
        if sum(c.isalpha() for c in part) >= 4:
            yield part


# Front-matter keys ("add it to groups: in your profile") are written the same in both languages.
FIELD_NAMES = (
    frozenset(PersonFields.model_fields) | set(GroupFields.model_fields) | set(NoteFields.model_fields)
)


def english_ui() -> tuple[str, ...]:
    """Every English string of rse's table that French says differently (and French itself
    never writes, like "commits"), and Material's own."""
    french = " ".join(entry["fr"] for entry in STRINGS.values())
    ours = {
        part
        for entry in STRINGS.values()
        if entry["en"] != entry["fr"]
        for part in _literal_parts(entry["en"])
        if not re.search(rf"(?<!\w){re.escape(part)}(?!\w)", french)
    }
    return tuple(sorted((ours - FIELD_NAMES) | set(MATERIAL_ENGLISH), key=lambda s: (-len(s), s)))


ENGLISH = english_ui()
ENGLISH_PATTERN = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in ENGLISH))


# --- the table ---------------------------------------------------------------------------


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_string_has_english_and_french_with_the_same_placeholders():
    for key, entry in STRINGS.items():
        assert set(entry) == {"en", "fr"}, key
        assert entry["en"].strip() and entry["fr"].strip(), key
        assert _placeholders(entry["en"]) == _placeholders(entry["fr"]), key


def test_a_count_has_both_forms_and_counts_with_n():
    counts = {key.rsplit(".", 1)[0] for key in STRINGS if key.endswith((".one", ".other"))}
    assert {"person", "member", "note", "supporter"} <= counts
    for key in counts:
        assert f"{key}.one" in STRINGS and f"{key}.other" in STRINGS, key
        for form in ("one", "other"):
            assert "n" in _placeholders(STRINGS[f"{key}.{form}"]["en"]), key


def test_plurals_follow_each_language():
    en, fr = Translator("en"), Translator("fr")
    assert [en.plural(n, "person") for n in (0, 1, 2)] == ["0 people", "1 person", "2 people"]
    assert [fr.plural(n, "person") for n in (0, 1, 2)] == ["0 personne", "1 personne", "2 personnes"]
    assert [fr.plural(n, "note") for n in (0, 2)] == ["0 note", "2 notes"]
    assert en.plural(0, "note") == "0 notes"
    assert [en.plural(n, "member") for n in (1, 3)] == ["1 member", "3 members"]
    assert en("share_of", share="40", n=1) == "40 % (1 person)"
    assert fr("share_of", share="40", n=1) == "40 % (1 personne)"
    assert en.plural(5000, "person") == "5,000 people"
    assert fr.plural(5000, "person") == "5\u202f000 personnes"


def test_dates_read_as_each_language_writes_them():
    import datetime as dt

    en, fr = Translator("en"), Translator("fr")
    assert en.date(dt.date(2026, 12, 1)) == "1 December 2026"
    assert fr.date(dt.date(2026, 12, 1)) == "1er décembre 2026"
    assert fr.date(dt.date(2026, 3, 12)) == "12 mars 2026"
    assert en.date(dt.datetime(2026, 3, 12, 18, 0)) == "12 March 2026, 18:00"
    assert fr.date(dt.datetime(2026, 3, 12, 18, 0)) == "12 mars 2026 à 18:00"


def test_the_english_list_holds_what_it_must():
    for english in (
        "Permanent link",
        "Made with",
        "Page not found",
        "No notes yet",
        "Skills",
        "Everyone in the community",
    ):
        assert english in ENGLISH
    # Words French writes the same are never looked for.
    assert "Notes" not in ENGLISH and "Questions" not in ENGLISH


# --- a French community, built ---------------------------------------------------------

AMELIE = "Amélie Dubois <amelie@acme.example>"
BASTIEN = "Bastien Roux <bastien@acme.example>"
CHLOE = "Chloé Martin <chloe@acme.example>"

PEOPLE = {
    "content/people/bastien-roux.md": """\
        ---
        name: Bastien Roux
        role: Ingénieur données
        team: Plateforme données
        site: Lyon
        emails: [bastien@acme.example]
        skills: [kafka, python]
        interests: [course à pied]
        languages: [fr, en]
        groups: [plateforme-donnees, course-a-pied]
        links: {github: "https://github.com/bastien-exemple"}
        joined: 2025-02-01
        manager: amelie-dubois
        ---
        Je règle des flux de données toute la journée ; demandez-moi pour Kafka.
        """,
    "content/people/chloe-martin.md": """\
        ---
        name: Chloé Martin
        site: Grenoble
        emails: [chloe@acme.example]
        groups: [plateforme-donnees]
        joined: 2025-09-01
        ---
        """,
    "content/people/damien-petit.md": """\
        ---
        name: Damien Petit
        kind: partner
        organisation: Partenaire SA
        role: Intégrateur
        groups: [espace-partenaire]
        ---
        """,
    "content/people/elise-bernard.md": """\
        ---
        name: Élise Bernard
        kind: alumni
        role: Ancienne cheffe de projet
        ---
        Partie vers de nouvelles aventures.
        """,
}

GROUPS = {
    "content/groups/plateforme-donnees/index.md": """\
        ---
        title: Plateforme données
        kind: project
        description: Kafka, entrepôt et tableaux de bord.
        animators: [bastien-roux]
        members: [amelie-dubois]
        tags: [données]
        created: 2025-01-10
        ---
        Le projet qui fait circuler les données de l'entreprise.
        """,
    "content/groups/course-a-pied/index.md": """\
        ---
        title: Course à pied
        kind: hobby
        description: On court le jeudi midi.
        animators: [bastien-roux]
        ---
        """,
    "content/groups/site-lyon/index.md": """\
        ---
        title: Site de Lyon
        kind: site
        animators: [amelie-dubois]
        ---
        """,
    "content/groups/espace-partenaire/index.md": """\
        ---
        title: Espace Partenaire SA
        kind: partner
        animators: [amelie-dubois]
        audience: internal
        ---
        """,
}

NOTES = {
    "content/notes/bienvenue.md": """\
        ---
        title: Bienvenue aux nouveaux
        authors: [amelie-dubois]
        date: 2026-01-10
        tags: [accueil]
        summary: Par où commencer.
        ---
        Saluez @bastien-roux et lisez [[regler-kafka]].
        """,
    "content/groups/plateforme-donnees/regler-kafka.md": """\
        ---
        title: Régler les consommateurs Kafka
        type: howto
        authors: [bastien-roux]
        date: 2026-01-12
        tags: [kafka, données]
        summary: Moins de rééquilibrages.
        ---
        ## Première étape

        Augmentez le délai de session.

        ```python
        delai = 45
        ```
        """,
    "content/notes/idee-cafe.md": """\
        ---
        title: Un café partagé le vendredi
        type: idea
        authors: [chloe-martin]
        date: 2026-01-12
        state: accepted
        supporters: [bastien-roux, amelie-dubois]
        ---
        Pour se croiser entre équipes.
        """,
    "content/notes/idee-velo.md": """\
        ---
        title: Des vélos de service
        type: idea
        authors: [bastien-roux]
        date: 2026-01-13
        ---
        Entre les deux bâtiments.
        """,
    "content/notes/question-vpn.md": """\
        ---
        title: Comment se connecter au réseau privé ?
        type: question
        authors: [chloe-martin]
        date: 2026-01-11
        ---
        Depuis la maison, le client refuse.

        ## Réponse

        Mettez à jour le client, puis redémarrez.
        """,
    "content/notes/question-parking.md": """\
        ---
        title: Où garer son vélo à Grenoble ?
        type: question
        authors: [chloe-martin]
        date: 2026-01-14
        ---
        Le local est plein.
        """,
    "content/notes/atelier-python.md": """\
        ---
        title: Atelier Python du printemps
        type: event
        authors: [bastien-roux]
        date: 2026-01-12
        start: 2026-03-12T18:00
        end: 2026-03-12T20:00
        timezone: Europe/Paris
        place: Salle Lovelace
        summary: Deux heures pour écrire son premier script.
        tags: [python]
        ---
        Apportez votre ordinateur.
        """,
    "content/notes/soiree-decembre.md": """\
        ---
        title: Soirée de décembre
        type: event
        authors: [amelie-dubois]
        date: 2025-11-20
        start: 2025-12-01
        place: Cafétéria
        ---
        Merci à tous d'être venus.
        """,
    "content/notes/brouillon-charte.md": """\
        ---
        title: Charte de la communauté
        status: draft
        authors: [amelie-dubois]
        date: 2026-01-14
        ---
        À relire ensemble.
        """,
    "content/notes/ancienne-procedure.md": """\
        ---
        title: Ancienne procédure d'accueil
        status: archived
        authors: [amelie-dubois]
        date: 2025-06-01
        ---
        Remplacée par la note de bienvenue.
        """,
}


def _write(community: Community, files: dict[str, str]) -> None:
    for path, text in files.items():
        community.write(path, text)


@pytest.fixture(scope="module")
def french(tmp_path_factory) -> Community:
    """`rse init --language fr`, then people, groups and notes of every kind, written and
    committed in French by three people, built with drafts."""
    root = tmp_path_factory.mktemp("fr") / "reseau"
    made = init(root, "--name", "Réseau Acme", "--language", "fr")
    assert made.exit_code == 0, made.output
    community = Community(root, git.Repo.init(root, initial_branch="main"))
    community.commit("Notre communauté", author=AMELIE, date="2026-01-10T09:00:00+01:00")
    _write(community, PEOPLE)
    _write(community, GROUPS)
    community.commit("Les premiers membres", author=BASTIEN, date="2026-01-12T09:00:00+01:00")
    _write(community, NOTES)
    community.commit("Les premières notes", author=CHLOE, date="2026-01-14T09:00:00+01:00")
    bienvenue = NOTES["content/notes/bienvenue.md"].replace("lisez", "lisez sans tarder")
    community.write("content/notes/bienvenue.md", bienvenue)
    community.commit("Relu", author=CHLOE, date="2026-01-15T09:00:00+01:00")
    built = rse(community, "build", "--drafts")
    assert built.exit_code == 0, built.output
    return community


class _Reader(HTMLParser):
    """What a reader sees of a page: its text, and the attributes browsers show or speak."""

    # data-template*: the texts a page's script writes (the directory's "3 of 12 people").
    SHOWN = ("title", "aria-label", "placeholder", "alt", "data-template")

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.config: dict = {}
        self._hidden = 0
        self._config = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag in ("script", "style"):
            self._hidden += 1
            self._config = a.get("id") == "__config"
        self.seen += [value for name, value in attrs if value and name.startswith(self.SHOWN)]
        is_button = tag == "button" or a.get("type") in ("button", "submit", "reset")
        if is_button and a.get("value"):
            self.seen.append(a["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._hidden -= 1
            self._config = False

    def handle_data(self, data: str) -> None:
        if self._config:
            self.config = json.loads(data)
        elif not self._hidden and data.strip():
            self.seen.append(data)


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


class OwnWords:
    """The community's own words (names, titles, bodies), taken out before looking for English:
    a text found whole in a content file is the community's, and any front-matter value is
    removed from the texts that quote it."""

    def __init__(self, content: Path) -> None:
        sources = [p.read_text(encoding="utf-8") for p in sorted(content.rglob("*.md"))]
        self.corpus = " ".join(" ".join(sources).split())
        values = set()
        for text in sources:
            front = yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}
            values |= {v for v in _strings(front or {}) if len(v) >= 3}
        self.values = sorted(values, key=len, reverse=True)

    def without(self, text: str) -> str:
        text = " ".join(text.split())
        if text in self.corpus:
            return ""
        for value in self.values:
            text = text.replace(value, " ")
        return text


def english_in(text: str, own: OwnWords) -> list[str]:
    return ENGLISH_PATTERN.findall(own.without(text))


def test_a_french_site_has_no_english_on_any_page(french):
    site, own = french.site, OwnWords(french.root / "content")
    pages = sorted(site.rglob("*.html"))
    found = {}
    for page in pages:
        reader = _Reader()
        reader.feed(page.read_text(encoding="utf-8"))
        texts = reader.seen + list(_strings(reader.config.get("translations", {})))
        english = sorted({word for text in texts for word in english_in(text, own)})
        if english:
            found[page.relative_to(site).as_posix()] = english
    assert found == {}
    walked = {page.relative_to(site).as_posix() for page in pages}
    for kind in (
        "index.html",
        "404.html",
        "people/index.html",
        "people/bastien-roux/index.html",
        "people/chloe-martin/index.html",
        "people/damien-petit/index.html",
        "groups/index.html",
        "groups/plateforme-donnees/index.html",
        "groups/espace-partenaire/index.html",
        "groups/plateforme-donnees/regler-kafka/index.html",
        "notes/atelier-python/index.html",
        "notes/brouillon-charte/index.html",
        "notes/ancienne-procedure/index.html",
        "notes/question-vpn/index.html",
        "notes/idee-cafe/index.html",
        "tags/index.html",
        "tags/kafka/index.html",
        "skills/index.html",
        "skills/kafka/index.html",
        "ideas/index.html",
        "events/index.html",
        "questions/index.html",
        "stats/index.html",
    ):
        assert kind in walked


def test_the_english_finder_finds_english(french):
    """The walk above proves something only if the same reading catches English."""
    own = OwnWords(french.root / "content")
    assert english_in("Made with Material for MkDocs", own) == ["Made with"]
    assert english_in("Bastien Roux · Skills", own) == ["Skills"]
    assert english_in("Atelier Python du printemps", own) == []
    assert english_in("Régler les consommateurs Kafka - Permanent link", own) == ["Permanent link"]


def _text(page: str) -> str:
    reader = _Reader()
    reader.feed(page)
    return " ".join(" ".join(reader.seen).split())


def test_a_french_site_speaks_french_where_it_counts(french):
    home = french.page("index.html")
    assert '<html lang="fr"' in home
    people = _text(french.page("people/index.html"))
    assert "5 personnes" in people
    platform = _text(french.page("groups/plateforme-donnees/index.html"))
    assert "3 membres" in platform
    partner = _text(french.page("groups/espace-partenaire/index.html"))
    assert "1 membre" in partner and "Pas encore de note." in partner
    hobby = _text(french.page("groups/course-a-pied/index.html"))
    assert "1 membre" in hobby and "Club" in hobby
    ideas = _text(french.page("ideas/index.html"))
    assert "2 soutiens" in ideas and "0 soutien" in ideas and "Acceptée" in ideas
    events = _text(french.page("events/index.html"))
    assert "12 mars 2026 à 18:00" in events and "1er décembre 2025" in events
    questions = _text(french.page("questions/index.html"))
    assert "Comment se connecter au réseau privé ?" in questions
    assert _text(french.page("notes/brouillon-charte/index.html")).count("Brouillon") == 1
    assert "archivée" in _text(french.page("notes/ancienne-procedure/index.html"))
    howto = french.page("groups/plateforme-donnees/regler-kafka/index.html")
    assert 'title="Lien permanent"' in howto and "Tutoriel" in howto
    missing = _text(french.page("404.html"))
    assert "Page introuvable" in missing and "Réalisé avec" in missing
    assert "<title>Page introuvable - Réseau Acme</title>" in french.page("404.html")
    # French quotes and colons keep their no-break spaces.
    assert "Qui connaît «\u00a0kafka\u00a0»" in french.page("skills/kafka/index.html")
    assert "Soutiens\u00a0:" in french.page("notes/idee-cafe/index.html")
    profile = _text(french.page("people/amelie-dubois/index.html"))
    assert "animation-de-communauté" in profile


def test_init_names_the_first_group_in_french(french):
    group = (french.root / "content/groups/communaute/index.md").read_text(encoding="utf-8")
    assert "title: Communauté" in group
    founder = (french.root / "content/people/amelie-dubois.md").read_text(encoding="utf-8")
    assert "groups: [communaute]" in founder
    assert "/content/groups/communaute/" in (french.root / "CODEOWNERS").read_text(encoding="utf-8")
    assert "Communauté" in _text(french.page("groups/communaute/index.html"))


def test_feeds_and_calendar_are_french(french):
    atom = "{http://www.w3.org/2005/Atom}"
    feed = ET.fromstring(french.page("feed.xml"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert feed.findtext(f"{atom}title") == "Réseau Acme"
    group = ET.fromstring(french.page("groups/plateforme-donnees/feed.xml"))
    assert group.findtext(f"{atom}title") == "Plateforme données · Réseau Acme"
    calendar = french.page("events.ics")
    assert "X-WR-CALNAME:Réseau Acme · Événements" in calendar
    assert "PRODID:-//rse//events//FR" in calendar
    assert "SUMMARY:Atelier Python du printemps" in calendar
    own = OwnWords(french.root / "content")
    for text in (feed.findtext(f"{atom}title") or "", calendar):
        assert english_in(text, own) == []


def test_a_community_that_only_says_extra_rse_language_fr_gets_a_french_theme(make_community):
    """No theme.language: Material's default (English) follows the community's language,
    and so does the search index's stemmer."""
    mkdocs_yml = MKDOCS_YML + (
        "markdown_extensions:\n  - toc:\n      permalink: true\nextra:\n  rse:\n    language: fr\n"
    )
    steps = "---\ntitle: Étapes\n---\n## Première étape\n\nCommencer.\n"
    community = make_community({**SMALL, "content/notes/etapes.md": steps}, mkdocs_yml=mkdocs_yml)
    built = rse(community, "build")
    assert built.exit_code == 0, built.output
    note = community.page("notes/etapes/index.html")
    assert '<html lang="fr"' in note
    assert 'title="Lien permanent"' in note and "Réalisé avec" in note
    assert "Permanent link" not in note and "Made with" not in note
    index = json.loads(community.page("search/search_index.json"))
    assert index["config"]["lang"] == ["fr"]


# --- environment failures, said in the community's language --------------------------------

PACKAGE = Path(__file__).resolve().parent.parent / "rse_build"
# The modules that define EnvironmentProblem's subclasses, imported so that all of them are known.
PROBLEM_MODULES = ("audience", "history", "output", "search", "starter", "mkdocs_adapter.run")


def _environment_problems() -> dict[str, type[EnvironmentProblem]]:
    for module in PROBLEM_MODULES:
        import_module(f"rse_build.{module}")
    found, pending = {}, list(EnvironmentProblem.__subclasses__())
    while pending:
        problem = pending.pop()
        found[problem.__name__] = problem
        pending += problem.__subclasses__()
    return found


def _made_with_keys(classes: dict[str, type]) -> Iterator[tuple[str, ast.Call]]:
    """Every `SomeEnvironmentProblem(...)` the package writes, where it writes it."""
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in classes:
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", node


def test_every_environment_problem_is_said_in_french_from_the_table():
    """Each place the package makes an environment problem names a key of the table and gives
    it exactly its placeholders; French says it differently from English, except MkDocs' own
    refusal of mkdocs.yml, which the table passes through in both languages."""
    fr = Translator("fr")
    classes = _environment_problems()
    made, same = set(), set()
    for where, call in _made_with_keys(classes):
        key = call.args[0].value if call.args and isinstance(call.args[0], ast.Constant) else None
        assert isinstance(key, str) and key in STRINGS, f"{where}: not a key of the table"
        names = {keyword.arg for keyword in call.keywords}
        assert names == _placeholders(STRINGS[key]["en"]), f"{where}: {key} takes other params"
        problem = classes[call.func.id](key, **{name: f"<{name}>" for name in names})
        english, french = problem.said(IN_ENGLISH), problem.said(fr)
        assert str(problem) == english, where
        assert ENGLISH_PATTERN.findall(french) == [], f"{where}: {french}"
        if french == english:
            assert STRINGS[key]["en"] == STRINGS[key]["fr"] and not problem.frame, where
            same.add(call.func.id)
        made.add(call.func.id)
    assert made == set(classes) and len(classes) >= 9
    assert same == {"ConfigRefused"}


def test_frames_wrap_the_message_in_the_same_language():
    from rse_build.mkdocs_adapter.run import BuildFailed

    failed = BuildFailed("environment.mkdocs", error="Aborted with 1 warnings in strict mode!")
    assert str(failed) == (
        "the build failed: Aborted with 1 warnings in strict mode!; the previous site is unchanged"
    )
    assert failed.said(Translator("fr")) == (
        "la construction a échoué : Aborted with 1 warnings in strict mode! ; le site précédent est inchangé"
    )


@pytest.fixture(scope="module")
def starter_fr(tmp_path_factory) -> Community:
    """A French community as `rse init` makes it, in two commits."""
    root = tmp_path_factory.mktemp("starter-fr") / "reseau"
    assert init(root, "--name", "Réseau", "--language", "fr").exit_code == 0
    community = Community(root, git.Repo.init(root, initial_branch="main"))
    community.commit("Notre communauté", author=AMELIE)
    community.write("content/notes/suite.md", "---\ntitle: Suite\n---\nLa suite.\n")
    community.commit("La suite", author=BASTIEN)
    return community


def test_an_unknown_audience_is_refused_in_french(starter_fr):
    result = rse(starter_fr, "build", "--audience", "nobody")
    assert result.exit_code == 2, result.output
    assert (
        "audience inconnue 'nobody' : extra.rse.audiences, dans mkdocs.yml, définit public, internal"
        in result.output
    )
    assert "unknown audience" not in result.output and "Traceback" not in result.output
    assert not starter_fr.site.exists()


def test_a_shallow_clone_is_refused_in_french_by_rse_and_by_plain_mkdocs(starter_fr, tmp_path):
    shallow = tmp_path / "shallow"
    clone = ["git", "clone", "-q", "--depth", "1", f"file://{starter_fr.root}", str(shallow)]
    subprocess.run(clone, check=True)
    fix = (
        "ceci est un clone superficiel : les statistiques et les dates des pages ont besoin de tout "
        "l'historique. Récupérez-le avec 'git fetch --unshallow' (en CI : actions/checkout avec "
        "fetch-depth: 0, ou GIT_DEPTH: 0 sur GitLab)."
    )
    result = rse(Community(shallow, git.Repo(shallow)), "build")
    assert result.exit_code == 2, result.output
    assert fix in result.output
    assert "shallow clone" not in result.output and "Traceback" not in result.output
    plain = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=shallow, capture_output=True, text=True
    )
    assert plain.returncode == 1
    assert f"{fix} (ou définissez RSE_NO_HISTORY=1)" in plain.stderr
    assert "Traceback" not in plain.stderr
