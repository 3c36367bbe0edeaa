"""Reports and summaries as pure functions: crowds of one warning or advice told once."""

from __future__ import annotations

import json
from pathlib import Path

from rse_build.errors import Problem, Severity
from rse_build.i18n import Translator
from rse_build.report import relocated, render
from rse_build.summary import THRESHOLD, summarize

NO_SKILLS = "no skills yet: add skills: [...] so colleagues can find you"


def _no_skills(count: int) -> list[Problem]:
    return [
        Problem(f"content/people/p{i:04d}.md", 2, 1, NO_SKILLS, Severity.ADVICE, "skills")
        for i in range(count)
    ]


def test_a_crowd_is_counted_with_the_languages_thousands_separator():
    problems = _no_skills(4999)
    english = render(problems, "text", Translator("en"))
    assert english == (
        "advice: 4,999 profiles have no skills yet, e.g. content/people/p0000.md, "
        "content/people/p0001.md, content/people/p0002.md (rse check --verbose lists them all)\n"
    )
    french = render(problems, "text", Translator("fr"))
    assert french.startswith("advice: 4\u202f999 profils n'ont pas encore de compétences, p. ex. ")


def test_up_to_the_threshold_each_problem_stays_located():
    located = summarize(_no_skills(THRESHOLD))
    assert located.summaries == () and len(located.located) == THRESHOLD
    crowd = summarize(_no_skills(THRESHOLD + 1))
    assert [s.count for s in crowd.summaries] == [THRESHOLD + 1] and crowd.located == ()
    assert len(summarize(_no_skills(THRESHOLD + 1), verbose=True).located) == THRESHOLD + 1


def test_errors_are_never_grouped_and_warnings_group_by_message():
    errors = [Problem(f"content/notes/n{i}.md", 3, 11, "unknown author 'x'") for i in range(20)]
    warnings = [
        Problem(f"content/people/p{i}.md", 4, 1, "unknown key 'dept'", Severity.WARNING) for i in range(7)
    ]
    other = Problem("content/people/p0.md", 5, 1, "unknown key 'floor'", Severity.WARNING)
    grouped = summarize([*errors, *warnings, other])
    assert grouped.located == tuple(sorted([*errors, other]))
    [summary] = grouped.summaries
    assert (summary.severity, summary.count, summary.message) == (Severity.WARNING, 7, "unknown key 'dept'")
    text = render([*warnings], "text", Translator("en"))
    assert text.startswith("warning: 7 times “unknown key 'dept'”, e.g. content/people/p0.md, ")


def test_warnings_are_summarised_before_advice():
    warnings = [Problem(f"z/{i}.md", 1, 1, "w", Severity.WARNING) for i in range(6)]
    grouped = summarize([*_no_skills(6), *warnings])
    assert [s.severity for s in grouped.summaries] == [Severity.WARNING, Severity.ADVICE]


def test_json_keeps_every_problem_and_adds_the_summary():
    report = json.loads(render(_no_skills(12), "json", Translator("en")))
    assert report["advice"] == 12 and len(report["problems"]) == 12
    assert report["problems"][0]["rule"] == "skills"
    assert report["summaries"][0]["count"] == 12


def test_paths_are_shown_from_where_rse_runs(tmp_path: Path):
    root = tmp_path / "community"
    problem = Problem("content/notes/a.md", 1, 1, "x")
    assert relocated([problem], root, root) == [problem]
    [inside] = relocated([problem], root, root / "content" / "people")
    assert inside.path == "../notes/a.md"
    [above] = relocated([problem], root, tmp_path)
    assert above.path == "community/content/notes/a.md"
    assert relocated([problem], root, tmp_path / "elsewhere") == [problem]
