from pathlib import Path

from rse_build.settings import DEFAULT_AUDIENCES, load_settings


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
    import yaml

    class Loose(yaml.SafeLoader):
        pass

    Loose.add_multi_constructor("", lambda loader, suffix, node: None)
    extra = yaml.load(config.read_text(), Loader=Loose)["extra"]
    settings, problems = load_settings(extra, config)
    assert settings.language == "en"
    assert [str(p) for p in problems] == [
        "mkdocs.yml:4:5: extra.rse.language: 'de' is not supported; use one of en, fr",
        "mkdocs.yml:7:5: extra.rse.audiences: must map each audience to a list of labels, "
        "e.g. internal: [public, internal]",
        "mkdocs.yml:6:7: extra.rse.privacy.min_group: must be a whole number of at least 1",
    ]
