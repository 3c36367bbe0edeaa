import datetime as dt

from rse_build.frontmatter import FrontMatterError, Parsed, split, tab_error
from rse_build.model import Position


def test_keys_and_items_keep_their_file_positions():
    parsed = split("---\ntitle: Hello\nauthors:\n  - ada\n  - bob\n---\nBody line\n")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"title": "Hello", "authors": ["ada", "bob"]}
    assert parsed.keys["title"] == Position(2, 1)
    assert parsed.keys["authors"] == Position(3, 1)
    assert parsed.items["authors"] == (Position(4, 5), Position(5, 5))
    assert parsed.body == "Body line\n"
    assert parsed.body_line == 7


def test_flow_list_items_have_columns():
    parsed = split("---\ntags: [a, bb]\n---\n")
    assert parsed.items["tags"] == (Position(2, 8), Position(2, 11))


def test_dates_are_dates():
    parsed = split("---\ndate: 2026-10-01\n---\n")
    assert parsed.data["date"] == dt.date(2026, 10, 1)


def test_no_front_matter_is_a_body():
    parsed = split("# Just text\n")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {} and parsed.body_line == 1


def test_unterminated_front_matter():
    error = split("---\ntitle: x\nno end\n")
    assert error == FrontMatterError(1, 1, "front matter is not closed: add a line '---' after it")


def test_yaml_error_points_into_the_file():
    error = split("---\ntitle: ok\ntags: [a, b\n---\n")
    assert isinstance(error, FrontMatterError)
    assert error.line >= 3
    assert "invalid YAML" in error.message


def test_bad_indentation_is_located():
    error = split("---\ntitle: a\n  bad: b\n---\n")
    assert isinstance(error, FrontMatterError)
    assert error.line == 3


def test_not_a_mapping():
    error = split("---\n- a\n- b\n---\n")
    assert error == FrontMatterError(2, 1, "front matter must be a mapping of 'key: value' lines")


def test_empty_front_matter():
    error = split("---\n---\nbody\n")
    assert isinstance(error, FrontMatterError) and "empty" in error.message


def test_duplicate_key():
    error = split("---\ntitle: a\ntitle: b\n---\n")
    assert error == FrontMatterError(3, 1, "key 'title' appears twice (first on line 2); keep one")


def test_bom_and_crlf():
    parsed = split("\ufeff---\r\ntitle: x\r\n---\r\nbody\r\n")
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"title": "x"} and parsed.body == "body\n"


def test_a_tab_that_starts_a_line_is_named():
    error = split("---\ntitle: a\ntags:\n\t- x\n---\n")
    assert error == FrontMatterError(4, 1, "line 4 starts with a tab: indent with spaces")


def test_a_tab_after_spaces_in_the_indentation_is_named():
    error = split("---\nlinks:\n  github: x\n \tmail: y\n---\n")
    assert error == FrontMatterError(4, 1, "line 4 starts with a tab: indent with spaces")


def test_a_tab_inside_a_block_scalar_indentation_is_named():
    error = split("---\ntitle: a\nsummary: |\n  one\n\ttwo\n---\n")
    assert error == FrontMatterError(5, 1, "line 5 starts with a tab: indent with spaces")


def test_a_tab_after_content_where_yaml_forbids_it():
    error = split("---\ntitle: a\ntags:\n- x\n-\ty\n---\n")
    assert error == FrontMatterError(5, 2, "line 5 has a tab where YAML needs a space: use spaces")


def test_tabs_yaml_allows_stay_allowed():
    parsed = split('---\ntitle:\t"a\tb"\ntags: [x,\ty]\n---\n')
    assert isinstance(parsed, Parsed)
    assert parsed.data == {"title": "a\tb", "tags": ["x", "y"]}


def test_a_tab_in_a_whole_yaml_file_is_located():
    assert tab_error("site_name: x\ntheme:\n\tname: material\n") == FrontMatterError(
        3, 1, "line 3 starts with a tab: indent with spaces"
    )
    assert tab_error("site_name: x\ntheme:\n  name: material\n") is None
    assert tab_error("site_name: [x\n") is None
