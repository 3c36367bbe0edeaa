from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import settings as settings_
from hypothesis import strategies as st

from rse_build.i18n import Translator
from rse_build.settings import DEFAULT_AUDIENCES, Settings, docs_dir_named, load_settings


class Loose(yaml.SafeLoader):
    """Reads mkdocs.yml whatever its !!python tags."""


Loose.add_multi_constructor("", lambda loader, suffix, node: None)


def yaml_load(path: Path):
    return yaml.load(path.read_text(), Loader=Loose)["extra"]


def test_defaults_with_nothing_set():
    settings, problems = load_settings({}, None)
    assert problems == []
    assert settings.language == "en"
    assert settings.default_audience == "internal"
    assert settings.audiences == DEFAULT_AUDIENCES
    assert settings.privacy.min_group == 3


def test_theme_language_is_the_fallback():
    settings, _ = load_settings({}, None, theme_language="fr")
    assert settings.language == "fr"


def test_bad_values_are_located_in_mkdocs_yml(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nextra:\n  rse:\n    language: de\n    privacy:\n      min_group: -1\n"
        "    audiences: nope\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    settings, problems = load_settings(yaml_load(config), config)
    assert settings.language == "en"
    assert [str(p) for p in problems] == [
        "mkdocs.yml:4:5: extra.rse.language: Input should be 'en' or 'fr'",
        "mkdocs.yml:6:7: extra.rse.privacy.min_group: Input should be greater than or equal to 1",
        "mkdocs.yml:7:5: extra.rse.audiences: Input should be a valid dictionary",
    ]


def test_unknown_settings_are_warnings_with_a_suggestion(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  rse:\n    langage: fr\n    default_audience: [internal]\n")
    settings, problems = load_settings(yaml_load(config), config)
    assert [str(p) for p in problems] == [
        "mkdocs.yml:3:5: warning: extra.rse.langage: unknown setting; did you mean 'language'?",
        "mkdocs.yml:4:5: extra.rse.default_audience: Input should be a valid string",
    ]
    assert settings.default_audience == "internal"


def test_default_audience_must_be_an_audience(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  rse:\n    default_audience: partners\n")
    _, problems = load_settings(yaml_load(config), config)
    assert len(problems) == 1 and "'partners' is not one of the audiences" in problems[0].message


def test_a_bad_time_zone_is_located_and_falls_back_to_floating_times(tmp_path: Path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\nextra:\n  rse:\n    language: fr\n    timezone: Europe/Pariss\n")
    settings, problems = load_settings(yaml_load(config), config)
    assert settings.timezone is None and settings.language == "fr"
    assert [str(p) for p in problems] == [
        "mkdocs.yml:5:5: extra.rse.timezone: unknown time zone 'Europe/Pariss': write a name such as "
        "Europe/Paris"
    ]
    assert problems[0].located(Translator("fr")) == (
        "mkdocs.yml:5:5: extra.rse.timezone : fuseau horaire 'Europe/Pariss' inconnu : écrivez un nom "
        "comme Europe/Paris"
    )
    good, problems = load_settings({"rse": {"timezone": "America/Toronto"}}, None)
    assert good.timezone == "America/Toronto" and problems == []


@settings_(max_examples=150, deadline=None)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(max_size=8),
        lambda c: (
            st.lists(c, max_size=3)
            | st.dictionaries(
                st.sampled_from(
                    [
                        "language",
                        "audiences",
                        "privacy",
                        "min_group",
                        "bots",
                        "default_audience",
                        "repo_url",
                        "timezone",
                        "x",
                    ]
                )
                | st.text(max_size=4),
                c,
                max_size=4,
            )
        ),
        max_leaves=10,
    )
)
def test_any_extra_rse_gives_settings_or_located_problems(raw):
    settings, problems = load_settings({"rse": raw}, None)
    assert isinstance(settings, Settings)
    assert all(p.line >= 1 and p.message for p in problems)


def test_audiences_that_never_see_internal_are_warned_about(tmp_path):
    from rse_build.settings import load_settings

    config = tmp_path / "mkdocs.yml"
    config.write_text("extra:\n  rse:\n    default_audience: all\n    audiences:\n      all: [everyone]\n")
    settings, problems = load_settings(
        {"rse": {"default_audience": "all", "audiences": {"all": ["everyone"]}}}, config
    )
    assert settings.audiences == {"all": ("everyone",)}
    assert [str(p) for p in problems] == [
        "mkdocs.yml:4:5: warning: extra.rse.audiences: no audience sees 'internal', the label of every page "
        "without an audience: those pages are in no site"
    ]


def test_docs_dir_is_read_without_mkdocs(tmp_path):
    """`rse stats` starts git before MkDocs reads mkdocs.yml: docs_dir alone, tags and all."""
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: X\ndocs_dir: content\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
        encoding="utf-8",
    )
    assert docs_dir_named(config) == tmp_path / "content"
    config.write_text("site_name: X\n", encoding="utf-8")
    assert docs_dir_named(config) == tmp_path / "docs"
    assert docs_dir_named(tmp_path / "missing.yml") == tmp_path / "docs"


@settings_(max_examples=200, deadline=None)
@given(st.text())
def test_docs_dir_never_fails_on_any_text(tmp_path_factory, text):
    config = tmp_path_factory.mktemp("c") / "mkdocs.yml"
    config.write_text(text, encoding="utf-8", errors="surrogatepass")
    assert isinstance(docs_dir_named(config), Path)
