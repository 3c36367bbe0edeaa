"""Problems in the community's language: `rse check`, `rse build`, `rse new` and the hooks say
every located problem in French for a French community, and exactly today's English for an
English one, from the one translation table."""

from __future__ import annotations

import json
import re
import string
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
import yaml
from pydantic import AnyUrl, BaseModel, ConfigDict, Field, ValidationError

from rse_build.check import check_config
from rse_build.errors import Problem, Severity, validation_problem
from rse_build.i18n import STRINGS, Translator
from rse_build.load import Layout, load_content
from rse_build.mkdocs_adapter.run import config_summary
from rse_build.model import NoteFields, PersonFields, PersonKind, ResponseFields
from rse_build.report import render
from rse_build.settings import load_settings
from tests.conftest import MKDOCS_YML, SMALL, Community, new_community, rse

EN, FR = Translator("en"), Translator("fr")


def mkdocs_yml(language: str) -> str:
    """Settings with problems of their own: two unknown keys, a value out of range, and a
    file size limit that one note passes."""
    return MKDOCS_YML + (
        f"extra:\n  rse:\n    language: {language}\n    lang: x\n    colour: blue\n"
        "    privacy: {min_group: 0}\n    max_file_mb: 0.002\n"
    )


GOOD = "---\ntitle: Fine\nauthors: [ada-lovelace]\n---\n"


def person(name: str, extra: str = "", body: str = "") -> str:
    return f"---\nname: {name}\nskills: [x]\n{extra}---\n{body}"


# One file (or two) for every problem a community's content can have.
FILES: dict[str, str | bytes] = {
    "content/index.md": "---\ntitle: Welcome\n---\nHello.\n",
    ".github/CODEOWNERS": "# rse: begin (old)\n/content/groups/gone/ @someone\n# rse: end\n",
    "content/people/ada-lovelace.md": person(
        "Ada Lovelace", "emails: [ada@acme.example]\ngroups: [data-platform]\n"
    ),
    "content/people/grace-hopper.md": person("Grace Hopper", "emails: [grace@acme.example]\n"),
    "content/people/sam-shared.md": person("Sam Shared", "emails: [sam@acme.example, ADA@acme.example]\n"),
    "content/people/no-skills.md": "---\nname: Noé Sans\n---\n",
    "content/people/no-name.md": "---\nrole: x\n---\n",
    "content/people/name-list.md": "---\nname: [a]\nskills: [x]\n---\n",
    "content/people/bad-stats.md": person("Bad Stats", "stats: maybe\n"),
    "content/people/bad-skills.md": "---\nname: Bad Skills\nskills: {a: 1}\n---\n",
    "content/people/bad-links.md": person("Bad Links", "links: [a]\n"),
    "content/people/bad-joined.md": person("Bad Joined", "joined: 2024-01-01T10:00\n"),
    "content/people/bad-joined-word.md": person("Bad Joined Word", "joined: nope\n"),
    "content/people/bad-kind.md": person("Bad Kind", "kind: robot\n"),
    "content/people/bad-refs.md": person(
        "Bad Refs", "manager: ada-lovelac\ngroups: [data-platfrom, zzqq-xxww]\n", "Thanks @grace-hoper.\n"
    ),
    "content/people/avatar-out.md": person("Avatar Out", "avatar: ../../secret.png\n"),
    "content/people/avatar-missing.md": person("Avatar Missing", "avatar: me.jpg\n"),
    "content/people/Bad_Person.md": person("Bad Person"),
    "content/groups/data-platform/index.md": "---\ntitle: Data Platform\nanimators: [ada-lovelace]\n---\n",
    "content/groups/bad-group/index.md": (
        "---\ntitle: Bad\nkind: club\nanimators: [ghost-x, ada-lovelce]\nmembers: [grace-hoper, nobody-zz]\n"
        "audience: publc\n---\n"
    ),
    "content/groups/Bad Group/index.md": "---\ntitle: Spaces\n---\n",
    "content/groups/orphan/lost.md": GOOD,
    "content/notes/unclosed.md": "---\ntitle: x\n",
    "content/notes/empty-fm.md": "---\n---\nbody\n",
    "content/notes/list-fm.md": "---\n- a\n---\n",
    "content/notes/bad-yaml.md": "---\ntitle: [x\n---\n",
    "content/notes/tab-yaml.md": "---\ntitle: a\n\tb: c\n---\n",
    "content/notes/tab-item.md": "---\ntitle: a\ntags:\n- x\n-\ty\n---\n",
    "content/notes/dup-key.md": "---\ntitle: a\ntitle: b\n---\n",
    "content/notes/complex-key.md": "---\ntitle: a\n? [a, b]\n: c\n---\n",
    "content/notes/bad-value.md": "---\ntitle: x\ndate: 2026-13-45\n---\n",
    "content/notes/latin1.md": b"---\ntitle: caf\xe9\n---\n",
    "content/notes/no-title.md": "---\ntype: note\n---\nNo heading.\n",
    "content/notes/empty-title.md": '---\ntitle: ""\n---\n',
    "content/notes/bad-type.md": "---\ntitle: x\ntype: essay\n---\n",
    "content/notes/event.md": (
        "---\ntitle: x\ntype: event\nstart: tomorrow\ntimezone: Paris\nonline: zoom\ncapacity: 0\n---\n"
    ),
    "content/notes/date-true.md": "---\ntitle: x\ndate: true\n---\n",
    "content/notes/start-true.md": "---\ntitle: x\ntype: event\nstart: true\n---\n",
    "content/notes/start-far.md": "---\ntitle: x\ntype: event\nstart: 1.0e+30\n---\n",
    "content/notes/capacity.md": "---\ntitle: x\ntype: event\nstart: 2026-12-03T18:00\ncapacity: many\n---\n",
    "content/notes/no-start.md": "---\ntitle: x\ntype: event\n---\n",
    "content/notes/end-first.md": (
        "---\ntitle: x\ntype: event\nstart: 2026-12-03T18:00\nend: 2026-12-03T17:00\n---\n"
    ),
    "content/notes/Bad_Name.md": GOOD,
    "content/notes/idea.md": "---\ntitle: x\ntype: idea\nsupporters: [nobody-here, ada-lovelce]\n---\n",
    "content/notes/not-idea.md": "---\ntitle: x\nstate: proposed\n---\n",
    "content/notes/typo-key.md": "---\ntilte: x\ncolour: red\n---\n# Heading\n",
    "content/notes/links.md": (
        "---\ntitle: Links\nauthors: [ada-lovelac, zorro-x]\n---\n"
        "See [[secret-draft]], [[welcom-note]], [[nothing-at-all-here]] and [[dup]].\n"
        "Thanks @grace-hoper, ping @cs-leadership.\n"
    ),
    "content/notes/secret-draft.md": "---\ntitle: Secret\nstatus: draft\n---\n",
    "content/notes/welcome-note.md": GOOD,
    "content/notes/a/dup.md": GOOD,
    "content/notes/b/dup.md": GOOD,
    "content/notes/widen.md": "---\ntitle: x\ngroups: [data-platform]\naudience: public\n---\n",
    "content/notes/bad-audience.md": "---\ntitle: x\naudience: zzzz-qq\n---\n",
    "content/notes/x.md": GOOD,
    "content/notes/x/index.md": GOOD,
    "content/notes/big.md": GOOD + "word " * 500,
    "content/people/_.md": person("Underscore"),
    "content/people/far-manager.md": person("Far Manager", "manager: qqq-www\n"),
    "content/people/own-manager.md": person("Own Manager", "manager: own-manager\n"),
    "content/people/follows-typo.md": person(
        "Fol Lows", "follows:\n  people: [ada-lovelce, qqq-zzz]\n  groups: [zzqq-nothing]\n"
    ),
    "content/groups/_/index.md": "---\ntitle: Underscore\n---\n",
    "content/notes/__.md": GOOD,
    "content/notes/_/index.md": GOOD,
    "content/notes/Folder Note/index.md": GOOD,
    # Responses: one of each mistake.
    "content/notes/ask.md": "---\ntitle: x\ntype: question\naccepted: r-reply\n---\n",
    "content/notes/ask-typo.md": "---\ntitle: x\ntype: question\naccepted: r-answr\n---\n",
    "content/notes/ask-none.md": "---\ntitle: x\ntype: question\naccepted: zzqq\n---\n",
    "content/notes/not-question.md": "---\ntitle: x\naccepted: r-reply\n---\n",
    "content/notes/meet.md": "---\ntitle: x\ntype: event\nstart: 2026-12-03T18:00\n---\n",
    "content/responses/ask/r-reply.md": "---\nkind: reply\nrsvp: going\n---\nText\n",
    "content/responses/ask/r-empty.md": "---\nkind: answer\n---\n",
    "content/responses/ask-typo/r-answer.md": "---\nkind: answer\n---\nAn answer\n",
    "content/responses/meet/r-rsvp.md": "---\nkind: rsvp\n---\n",
    "content/responses/meet/r-answer.md": "---\nkind: answer\n---\nHi\n",
    "content/responses/meet/r-reply.md": "---\nreply_to: r-rsvpp\n---\nHi\n",
    "content/responses/meet/r-reply-2.md": "---\nreply_to: zzqq\n---\nHi\n",
    "content/responses/meet/Bad_Resp.md": "---\nkind: kudos\n---\n",
    "content/responses/meet/__.md": "---\nkind: kudos\n---\n",
    "content/responses/welcome-note/r-rsvp.md": "---\nkind: rsvp\nrsvp: going\n---\n",
    "content/responses/welcome-note/r-pub.md": "---\naudience: public\n---\nHi\n",
    "content/responses/welcom-note/r-x.md": "---\nkind: kudos\n---\n",
    "content/responses/zzqq-nothing/r-x.md": "---\nkind: kudos\n---\n",
    "content/responses/dup/r-x.md": "---\nkind: kudos\n---\n",
    "content/responses/secret-draft/r-x.md": "---\nkind: kudos\n---\n",
    "content/responses/stray.md": "---\nkind: kudos\n---\n",
    "content/responses/ask-typo/r-two.md": "---\nkind: kudos\nauthors: [ada-lovelace, sam-shared]\n---\n",
}


# What `rse check` said of that community in English before messages had keys, word for word.
ENGLISH_REPORT = (
    ".github/CODEOWNERS:1:1: warning: out of date with the groups' animators: run 'rse codeowners --write'",
    "content/groups/Bad Group/index.md:1:1: group folder name 'Bad Group' must use lowercase letters, "
    "digits and '-' only; rename it 'bad-group'",
    "content/groups/_/index.md:1:1: group folder name '_' must use lowercase letters, digits and '-' only",
    "content/groups/bad-group/index.md:3:1: 'kind': Input should be 'project', 'practice', 'hobby', 'site' "
    "or 'partner'",
    "content/groups/bad-group/index.md:4:13: unknown animator 'ghost-x'",
    "content/groups/bad-group/index.md:4:22: unknown animator 'ada-lovelce'; did you mean 'ada-lovelace'?",
    "content/groups/bad-group/index.md:5:11: unknown member 'grace-hoper'; did you mean 'grace-hopper'?",
    "content/groups/bad-group/index.md:5:24: unknown member 'nobody-zz'",
    "content/groups/bad-group/index.md:6:1: unknown audience 'publc'; did you mean 'public'?; audiences in "
    "mkdocs.yml use: internal, public",
    "content/groups/orphan:1:1: group folder has no index.md: add one with at least a 'title'",
    "content/notes/Bad_Name.md:1:1: note file name 'Bad_Name' must use lowercase letters, digits and '-' "
    "only; rename it 'bad-name'",
    "content/notes/Folder Note/index.md:1:1: note folder name 'Folder Note' must use lowercase letters, "
    "digits and '-' only; rename it 'folder-note'",
    "content/notes/_/index.md:1:1: note folder name '_' must use lowercase letters, digits and '-' only",
    "content/notes/__.md:1:1: note file name '__' must use lowercase letters, digits and '-' only",
    "content/notes/a/dup.md:1:1: advice: note id 'dup' is also notes/b/dup: link to it as [[notes/a/dup]]",
    "content/notes/ask-none.md:4:1: accepted 'zzqq' is no answer in responses/ask-none/",
    "content/notes/ask-typo.md:4:1: accepted 'r-answr' is no answer in responses/ask-typo/: did you mean "
    "'r-answer'?",
    "content/notes/ask.md:4:1: accepted 'r-reply' is of kind reply: only an answer (kind: answer) can be "
    "accepted",
    "content/notes/b/dup.md:1:1: advice: note id 'dup' is also notes/a/dup: link to it as [[notes/b/dup]]",
    "content/notes/bad-audience.md:3:1: unknown audience 'zzzz-qq'; audiences in mkdocs.yml use: internal, "
    "public",
    "content/notes/bad-type.md:3:1: 'type': Input should be 'note', 'howto', 'idea', 'question' or 'event'",
    "content/notes/bad-value.md:3:7: invalid value for 'date': month must be in 1..12",
    "content/notes/bad-yaml.md:3:1: invalid YAML in front matter: did not find expected ',' or ']'",
    "content/notes/big.md:1:1: file is 0.00243 MB, over the 0.002 MB limit: keep large files out of "
    "content/ (or raise extra.rse.max_file_mb)",
    "content/notes/capacity.md:5:1: 'capacity': Input should be a valid integer, unable to parse string as "
    "an integer",
    "content/notes/complex-key.md:3:3: a key must be plain text",
    "content/notes/date-true.md:3:1: 'date': Input should be a valid date; write a date (2026-12-03) or a "
    "date and time (2026-12-03T18:00)",
    "content/notes/dup-key.md:3:1: key 'title' appears twice (first on line 2); keep one",
    "content/notes/empty-fm.md:1:1: front matter is empty: add at least a title or a name",
    "content/notes/empty-title.md:2:1: 'title' is required: add a title: line or start the text with '# "
    "Title'",
    "content/notes/empty-title.md:2:1: 'title': Value should have at least 1 item after validation, not 0",
    "content/notes/end-first.md:5:1: 'end' is before 'start'",
    "content/notes/escape.md:1:1: symbolic link leads outside the repository: copy the file in",
    "content/notes/event.md:3:1: an event needs 'start' (e.g. start: 2026-12-03T18:00)",
    "content/notes/event.md:4:1: 'start': Input should be a valid datetime or date; write a date "
    "(2026-12-03) or a date and time (2026-12-03T18:00)",
    "content/notes/event.md:5:1: 'timezone': unknown time zone 'Paris': write a name such as Europe/Paris",
    "content/notes/event.md:6:1: 'online': 'zoom' is not a web link: write it as https://…",
    "content/notes/event.md:7:1: 'capacity': Input should be greater than or equal to 1",
    "content/notes/idea.md:4:14: unknown supporter 'nobody-here'",
    "content/notes/idea.md:4:27: unknown supporter 'ada-lovelce'; did you mean 'ada-lovelace'?",
    "content/notes/latin1.md:2:11: file is not UTF-8 text: save it as UTF-8",
    "content/notes/links.md:3:11: unknown author 'ada-lovelac'; did you mean 'ada-lovelace'?",
    "content/notes/links.md:3:24: unknown author 'zorro-x'",
    "content/notes/links.md:5:23: unknown note '[[welcom-note]]'; did you mean 'welcome-note'?",
    "content/notes/links.md:5:40: unknown note '[[nothing-at-all-here]]'",
    "content/notes/links.md:5:68: '[[dup]]' is ambiguous: [[notes/a/dup]], [[notes/b/dup]] share that name; "
    "link with the path",
    "content/notes/links.md:6:8: unknown person '@grace-hoper'; did you mean '@grace-hopper'? (write "
    "`@grace-hoper` for a literal @)",
    "content/notes/links.md:6:27: advice: '@cs-leadership' names no profile (no handle, no login in links): "
    "it stays plain text",
    "content/notes/list-fm.md:2:1: front matter must be a mapping of 'key: value' lines",
    "content/notes/no-start.md:3:1: an event needs 'start' (e.g. start: 2026-12-03T18:00)",
    "content/notes/no-title.md:1:1: 'title' is required: add a title: line or start the text with '# Title'",
    "content/notes/not-idea.md:3:1: warning: 'state' is for ideas (type: idea); it is ignored here",
    "content/notes/not-question.md:3:1: 'accepted' names the accepted answer of a question; this note is of "
    "type note",
    "content/notes/start-far.md:3:1: an event needs 'start' (e.g. start: 2026-12-03T18:00)",
    "content/notes/start-far.md:4:1: 'start': Input should be a valid datetime; write a date (2026-12-03) "
    "or a date and time (2026-12-03T18:00)",
    "content/notes/start-true.md:3:1: an event needs 'start' (e.g. start: 2026-12-03T18:00)",
    "content/notes/start-true.md:4:1: 'start': Input should be a valid datetime; write a date (2026-12-03) "
    "or a date and time (2026-12-03T18:00)",
    "content/notes/tab-item.md:5:2: line 5 has a tab where YAML needs a space: use spaces",
    "content/notes/tab-yaml.md:3:1: line 3 starts with a tab: indent with spaces",
    "content/notes/typo-key.md:2:1: warning: unknown key 'tilte'; did you mean 'title'?",
    "content/notes/typo-key.md:3:1: warning: unknown key 'colour'",
    "content/notes/unclosed.md:1:1: front matter is not closed: add a line '---' after it",
    "content/notes/widen.md:4:1: audience 'public' widens group 'data-platform' (internal): a note may "
    "narrow its group's audience, never widen it",
    "content/notes/x/index.md:1:1: 'notes/x/index.md' and 'notes/x.md' would be the same page, notes/x/: "
    "rename the folder or the file",
    "content/people/Bad_Person.md:1:1: profile file name 'Bad_Person' must use lowercase letters, digits "
    "and '-' only; rename it 'bad-person'",
    "content/people/_.md:1:1: profile file name '_' must use lowercase letters, digits and '-' only",
    "content/people/ada-lovelace.md:4:10: address 1 of 'emails' is also in the profile of 'sam-shared': "
    "keep it in one",
    "content/people/avatar-missing.md:4:1: avatar 'me.jpg' not found next to the profile",
    "content/people/avatar-out.md:4:1: avatar '../../secret.png' is outside content/: put the photo next to "
    "the profile",
    "content/people/bad-joined-word.md:4:1: 'joined': Input should be a valid date or datetime; write a "
    "date (2026-12-03) or a date and time (2026-12-03T18:00)",
    "content/people/bad-joined.md:4:1: 'joined': Datetimes provided to dates should have zero time - e.g. "
    "be exact dates; write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
    "content/people/bad-kind.md:4:1: 'kind': Input should be 'employee', 'partner', 'supplier', 'client' or "
    "'alumni'",
    "content/people/bad-links.md:4:1: 'links': Input should be a valid dictionary",
    "content/people/bad-refs.md:4:1: unknown manager 'ada-lovelac'; did you mean 'ada-lovelace'?",
    "content/people/bad-refs.md:5:10: unknown group 'data-platfrom'; did you mean 'data-platform'?",
    "content/people/bad-refs.md:5:25: unknown group 'zzqq-xxww'",
    "content/people/bad-refs.md:7:8: unknown person '@grace-hoper'; did you mean '@grace-hopper'? (write "
    "`@grace-hoper` for a literal @)",
    "content/people/bad-skills.md:2:1: advice: no skills yet: add skills: [...] so colleagues can find you",
    "content/people/bad-skills.md:3:1: 'skills': Input should be a valid tuple",
    "content/people/bad-stats.md:4:1: 'stats': Input should be a valid boolean, unable to interpret input",
    "content/people/far-manager.md:4:1: unknown manager 'qqq-www'",
    "content/people/follows-typo.md:4:1: unknown group 'zzqq-nothing'",
    "content/people/follows-typo.md:4:1: unknown person 'ada-lovelce' in follows; did you mean "
    "'ada-lovelace'?",
    "content/people/follows-typo.md:4:1: unknown person 'qqq-zzz' in follows",
    "content/people/name-list.md:2:1: 'name': Input should be a valid string",
    "content/people/no-name.md:1:1: 'name' is required",
    "content/people/no-skills.md:2:1: advice: no skills yet: add skills: [...] so colleagues can find you",
    "content/people/own-manager.md:4:1: reporting lines loop: own-manager → own-manager; someone in it must "
    "report to someone outside it, or to no one",
    "content/people/sam-shared.md:4:28: address 2 of 'emails' is also in the profile of 'ada-lovelace': "
    "keep it in one",
    "content/responses/ask-typo/r-two.md:3:1: a response is one person's: name one author (several people "
    "write one file each)",
    "content/responses/ask/r-empty.md:2:1: this answer has no text: write it below the front matter",
    "content/responses/ask/r-reply.md:3:1: warning: 'rsvp' is read only on a response of kind rsvp, not of "
    "kind reply",
    "content/responses/dup/r-x.md:1:1: responses/dup/ could be several notes (notes/a/dup, notes/b/dup): "
    "name the folder after the note's path instead, e.g. responses/notes/a/dup/",
    "content/responses/meet/Bad_Resp.md:1:1: response file name 'Bad_Resp' must use lowercase letters, "
    "digits and '-' only; rename it 'bad-resp'",
    "content/responses/meet/__.md:1:1: response file name '__' must use lowercase letters, digits and '-' "
    "only",
    "content/responses/meet/r-answer.md:2:1: an answer responds to a question, and 'meet' is of type event: "
    "make it kind: reply",
    "content/responses/meet/r-reply-2.md:2:1: reply_to 'zzqq' is no response to this note",
    "content/responses/meet/r-reply.md:2:1: reply_to 'r-rsvpp' is no response to this note: did you mean "
    "'r-rsvp'?",
    "content/responses/meet/r-rsvp.md:2:1: an rsvp says whether you come: add 'rsvp: going' (going, maybe, "
    "remote or declined)",
    "content/responses/stray.md:1:1: a response lives in responses/<note-id>/<response-id>.md: move it into "
    "the folder named after its note",
    "content/responses/welcom-note/r-x.md:1:1: responses/welcom-note/ names no note: did you mean "
    "'welcome-note'?",
    "content/responses/welcome-note/r-pub.md:2:1: audience 'public' would show this response to more people "
    "than its note ('internal'): a response may narrow its note's audience, never widen it",
    "content/responses/welcome-note/r-rsvp.md:2:1: an rsvp responds to an event, and 'welcome-note' is of "
    "type note",
    "content/responses/zzqq-nothing/r-x.md:1:1: responses/zzqq-nothing/ names no note: the folder's name "
    "must be the id of the note it answers",
    "mkdocs.yml:12:5: warning: extra.rse.lang: unknown setting; did you mean 'language'?",
    "mkdocs.yml:13:5: warning: extra.rse.colour: unknown setting",
    "mkdocs.yml:14:15: extra.rse.privacy.min_group: Input should be greater than or equal to 1",
    "failed: 16 people, 2 groups, 25 notes; 95 errors, 7 warnings, 5 pieces of advice",
)


# A few of the French lines, exactly (every one is checked against the table below).
FRENCH_LINES = (
    "content/notes/tab-yaml.md:3:1: la ligne 3 commence par une tabulation : indentez avec des espaces",
    "content/notes/links.md:3:11: auteur inconnu 'ada-lovelac' : vouliez-vous dire 'ada-lovelace' ?",
    "content/notes/no-title.md:1:1: 'title' est obligatoire : ajoutez une ligne title: ou commencez le "
    "texte par '# Titre'",
    "content/notes/typo-key.md:2:1: warning: clé inconnue 'tilte' : vouliez-vous dire 'title' ?",
    "content/people/bad-kind.md:4:1: 'kind' : les valeurs possibles sont 'employee', 'partner', "
    "'supplier', 'client' ou 'alumni'",
    "content/notes/event.md:7:1: 'capacity' : une valeur supérieure ou égale à 1 est attendue",
    "content/people/no-skills.md:2:1: advice: pas encore de compétences : ajoutez skills: [...] pour que "
    "vos collègues vous trouvent",
    "content/notes/links.md:6:8: personne inconnue '@grace-hoper' : vouliez-vous dire '@grace-hopper' ? "
    "(écrivez `@grace-hoper` pour un @ tel quel)",
    "content/notes/widen.md:4:1: l'audience 'public' élargit celle du groupe 'data-platform' (internal) : "
    "une note peut restreindre l'audience de son groupe, jamais l'élargir",
    ".github/CODEOWNERS:1:1: warning: n'est plus à jour avec les animateurs des groupes : lancez "
    "'rse codeowners --write'",
    "mkdocs.yml:13:5: warning: extra.rse.colour : réglage inconnu",
    "échec : 16 personnes, 2 groupes, 25 notes ; 95 erreurs, 7 avertissements, 5 conseils",
)


def _english_parts() -> tuple[str, ...]:
    """The words of every problem and summary message in English that its French does not
    share ('unknown group', 'is required: add a title: line...'): none may reach a French reader."""
    parts = set()
    for key, entry in STRINGS.items():
        if key.startswith(("problem.", "summary.")):
            for literal, *_ in string.Formatter().parse(entry["en"]):
                part = literal.strip(" .,:;()'?`“”")
                if sum(c.isalpha() for c in part) >= 4 and part not in entry["fr"]:
                    parts.add(part)
    return tuple(sorted(parts))


ENGLISH_PARTS = _english_parts()


def english_in(text: str) -> list[str]:
    """The English parts found in `text`, as whole words."""
    return [part for part in ENGLISH_PARTS if re.search(rf"(?<!\w){re.escape(part)}(?!\w)", text)]


def _problem_keys() -> set[str]:
    """Every problem message of the table, a count's forms as one."""
    return {re.sub(r"\.(one|other)$", "", key) for key in STRINGS if key.startswith("problem.")}


def every_problem(root: Path, language: str) -> Community:
    community = new_community(root, mkdocs_yml(language))
    for path, text in FILES.items():
        community.write(path, text if isinstance(text, bytes) else text.encode())
    outside = root.parent / f"outside-{language}.md"
    outside.write_text("---\ntitle: Outside\n---\n", encoding="utf-8")
    (root / "content/notes/escape.md").symlink_to(outside)
    community.commit("Every problem")
    return community


@dataclass(frozen=True)
class Reports:
    communities: dict[str, Community]
    outputs: dict[tuple[str, str], str]
    exit_codes: dict[tuple[str, str], int]

    def json(self, language: str) -> dict:
        return json.loads(self.outputs[language, "json"])


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> Reports:
    """The same broken community in French and in English, checked in every format."""
    root = tmp_path_factory.mktemp("messages")
    communities = {language: every_problem(root / language, language) for language in ("fr", "en")}
    outputs, codes = {}, {}
    for language, community in communities.items():
        for fmt in ("text", "json", "github", "gitlab"):
            result = rse(community, "check", "--format", fmt)
            outputs[language, fmt], codes[language, fmt] = result.output, result.exit_code
    return Reports(communities, outputs, codes)


def _line(problem: dict) -> str:
    prefix = "" if problem["severity"] == "error" else f"{problem['severity']}: "
    return f"{problem['path']}:{problem['line']}:{problem['column']}: {prefix}{problem['message']}"


def test_a_french_community_reads_every_problem_in_french_where_it_is(reports):
    output = reports.outputs["fr", "text"]
    assert reports.exit_codes["fr", "text"] == 1
    lines = output.splitlines()
    for expected in FRENCH_LINES:
        assert expected in lines, expected
    problems = reports.json("fr")["problems"]
    assert len(problems) == len(ENGLISH_REPORT) - 1
    for problem in problems:
        assert problem["key"], problem
        assert problem["message"] == FR(problem["key"], **problem["params"])
        assert _line(problem) in lines
    assert english_in(output) == []
    assert "Traceback" not in output


def test_the_same_community_in_english_reads_exactly_the_messages_it_always_had(reports):
    assert reports.outputs["en", "text"].splitlines() == list(ENGLISH_REPORT)
    english, french = reports.json("en")["problems"], reports.json("fr")["problems"]
    assert [(p["key"], p["params"]) for p in english] == [(p["key"], p["params"]) for p in french]
    for en, fr in zip(english, french, strict=True):
        assert en["message"] == EN(en["key"], **en["params"])
        assert fr["message"] != en["message"], en["message"]


def test_annotations_and_code_quality_speak_french_and_keep_their_fingerprints(reports):
    github = reports.outputs["fr", "github"].splitlines()
    where = "::error file=content/people/bad-refs.md,line=5,col=25,title=rse check::"
    assert f"{where}groupe inconnu 'zzqq-xxww'" in github
    assert (
        "::notice file=content/notes/links.md,line=6,col=27,title=rse check::'@cs-leadership' ne désigne "
        "aucun profil (ni identifiant, ni login dans links) : il reste du texte simple"
    ) in github
    assert (
        "::warning file=mkdocs.yml,line=12,col=5,title=rse check::extra.rse.lang : réglage inconnu : "
        "vouliez-vous dire 'language' ?"
    ) in github
    assert len(github) == len(ENGLISH_REPORT) - 1
    french, english = json.loads(reports.outputs["fr", "gitlab"]), json.loads(reports.outputs["en", "gitlab"])
    assert [e["description"] for e in french] == [p["message"] for p in reports.json("fr")["problems"]]
    # Fingerprints come from the English text: a community switching to French sees no new problem.
    assert [e["fingerprint"] for e in french] == [e["fingerprint"] for e in english]
    problem = next(p for p in reports.json("fr")["problems"] if p["path"] == "content/notes/links.md")
    assert problem == {
        "path": "content/notes/links.md",
        "line": 3,
        "column": 11,
        "severity": "error",
        "message": "auteur inconnu 'ada-lovelac' : vouliez-vous dire 'ada-lovelace' ?",
        "rule": None,
        "key": "problem.unknown.author_close",
        "params": {"value": "ada-lovelac", "close": "ada-lovelace"},
    }


def test_build_says_why_nothing_was_built_in_french(reports):
    """`rse build` leaves drafts out, so it also warns of the link to one, in French."""
    result = rse(reports.communities["fr"], "build")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (
        "content/notes/links.md:5:5: warning: '[[secret-draft]]' est un brouillon : le lien reste du "
        "texte simple jusqu'à sa publication"
    ) in lines
    assert lines[-1] == "95 erreurs dans le contenu : rien n'a été construit."
    assert english_in(result.output) == []


def test_the_hooks_log_warnings_and_advice_in_french(make_community):
    french = MKDOCS_YML + "extra:\n  rse:\n    language: fr\n"
    community = make_community(SMALL, mkdocs_yml=french)
    result = rse(community, "build")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "content/groups/data-platform/kafka-tuning.md:9:45: warning: '[[secret-draft]]' est un brouillon : "
        "le lien reste du texte simple jusqu'à sa publication"
    ) in lines
    assert (
        "content/people/pat-partner.md:2:1: advice: pas encore de compétences : ajoutez skills: [...] "
        "pour que vos collègues vous trouvent"
    ) in lines


def test_rse_new_says_what_it_refused_in_french(make_community):
    community = make_community(SMALL, mkdocs_yml=MKDOCS_YML + "extra:\n  rse:\n    language: fr\n")
    result = rse(community, "new", "group", "chess", "--title", "Échecs", "--animator", "ada-lovelce")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "content/groups/chess/index.md:4:13: animateur inconnu 'ada-lovelce' : vouliez-vous dire "
        "'ada-lovelace' ?",
        "aucun fichier n'a été écrit.",
    ]


def _settings_problems(tmp_path: Path, rse_yaml: str) -> list[Problem]:
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: x\nextra:\n  rse:\n{rse_yaml}", encoding="utf-8")
    return load_settings(yaml.safe_load(config.read_text(encoding="utf-8"))["extra"], config)[1]


SETTINGS_CASES = {
    "    language: fr\n    audiences: {public: [public]}\n    default_audience: public\n": (
        "mkdocs.yml:5:5: warning: extra.rse.audiences : aucune audience ne voit 'internal', le label de "
        "toute page sans audience : ces pages ne sont dans aucun site"
    ),
    "    default_audience: partners\n": (
        "mkdocs.yml:3:3: extra.rse : default_audience 'partners' ne fait pas partie des audiences "
        "(public, internal)"
    ),
    "    - language\n": "mkdocs.yml:3:3: extra.rse : des lignes 'réglage: valeur' sont attendues",
}


def test_settings_problems_in_french(tmp_path):
    for rse_yaml, expected in SETTINGS_CASES.items():
        [problem] = _settings_problems(tmp_path, rse_yaml)
        assert problem.located(FR) == expected
    [english] = _settings_problems(tmp_path, "    default_audience: partners\n")
    assert english.message == (
        "extra.rse: default_audience 'partners' is not one of the audiences (public, internal)"
    )


class _Nested(BaseModel):
    model_config = ConfigDict(extra="forbid")

    x: int = 0


class _Everything(BaseModel):
    """A field for each pydantic error type the table translates, and two it does not."""

    model_config = ConfigDict(extra="forbid")

    text: str = ""
    one: str = Field("x", min_length=1)
    two: str = Field("xx", min_length=2)
    number: int = 0
    whole: int = 0
    integer: int = 0
    ratio: float = 0
    real: float = 0
    flag: bool = False
    boolean: bool = False
    listed: list[str] = []
    pair: tuple[str, ...] = ()
    mapping: dict[str, str] = {}
    nested: _Nested = _Nested()
    choice: Literal["en", "fr"] = "en"
    kind: PersonKind = PersonKind.EMPLOYEE
    low: int = Field(1, ge=1)
    above: float = Field(1, gt=0.5)
    most: int = Field(0, le=5)
    below: int = Field(0, lt=5)
    home: AnyUrl | None = None
    page: AnyUrl | None = None
    short: str = Field("", max_length=2)
    items: list[int] = Field([1], min_length=1)


WRONG = {
    "text": [1],
    "one": "",
    "two": "a",
    "number": "many",
    "whole": 1.5,
    "integer": [1],
    "ratio": "much",
    "real": [1],
    "flag": "maybe",
    "boolean": [1],
    "listed": "x",
    "pair": 1,
    "mapping": [1],
    "nested": "x",
    "choice": "de",
    "kind": "robot",
    "low": 0,
    "above": 0.5,
    "most": 6,
    "below": 5,
    "home": 1,
    "page": "not a url",
    "short": "abc",
    "items": [],
    "surplus": 1,
}
# A type the table does not know, and one whose wording differs from the table's (a list's
# "List should have..." where the table knows a value's): pydantic's English, in a French frame.
UNTRANSLATED = {"short", "items"}


def _pydantic_problems() -> list[tuple[dict, Problem]]:
    with pytest.raises(ValidationError) as raised:
        _Everything.model_validate(WRONG)
    return [
        (detail, validation_problem("x.md", 1, 1, f"'{detail['loc'][0]}'", detail))
        for detail in raised.value.errors()
    ]


def test_pydantic_errors_are_translated_by_type_and_stay_word_for_word_in_english():
    said = _pydantic_problems()
    assert {str(detail["loc"][0]) for detail, _ in said} == set(WRONG)
    for detail, problem in said:
        field = str(detail["loc"][0])
        assert problem.message == f"'{field}': {detail['msg']}"
        french = problem.localized(FR)
        if field in UNTRANSLATED:
            assert problem.key == "problem.input"
            assert french == f"'{field}' : {detail['msg']}"
        else:
            assert problem.key == f"problem.input.{detail['type']}", detail
            assert french.startswith(f"'{field}' : ") and detail["msg"] not in french, french
            assert english_in(french) == []
    plurals = {str(d["loc"][0]): p.localized(FR) for d, p in said if str(d["loc"][0]) in ("one", "two")}
    assert plurals == {
        "one": "'one' : au moins 1 caractère est attendu",
        "two": "'two' : au moins 2 caractères sont attendus",
    }


def test_every_problem_of_the_table_is_said_by_rse(reports, tmp_path):
    """One instance of each: the broken community, rse build's draft links, the settings,
    pydantic's types, and a file that cannot be read."""
    said = {p["key"] for p in reports.json("fr")["problems"]}
    community = reports.communities["fr"]
    config = community.root / "mkdocs.yml"
    said |= {p.key for p in check_config(config_summary(config)).problems}
    said |= {p.key for rse_yaml in SETTINGS_CASES for p in _settings_problems(tmp_path, rse_yaml)}
    said |= {problem.key for _, problem in _pydantic_problems()}
    (tmp_path / "content/people/folder.md").mkdir(parents=True)
    layout = Layout(
        people=("people/folder.md",), groups=(), group_folders_without_index=(), notes=(), escaping=()
    )
    [unreadable] = load_content(tmp_path / "content", layout=layout).problems
    assert unreadable.located(FR).startswith("people/folder.md:1:1: fichier illisible : ")
    said.add(unreadable.key)
    # The fallback for a date error of a type the table does not know: no front matter makes one today.
    assert _problem_keys() - said == {"problem.date"}


def test_crowds_are_told_once_in_french_too(reports):
    crowd = [
        Problem.of(
            f"content/people/p{i}.md", 4, 1, "problem.unknown_key", severity=Severity.WARNING, name="dept"
        )
        for i in range(7)
    ]
    skills = [
        Problem.of(f"content/people/q{i}.md", 2, 1, "problem.skills", severity=Severity.ADVICE, rule="skills")
        for i in range(6)
    ]
    examples = "p. ex. content/people/{0}0.md, content/people/{0}1.md, content/people/{0}2.md"
    assert render([*crowd, *skills], "text", FR).splitlines() == [
        f"warning: 7 fois « clé inconnue 'dept' », {examples.format('p')} "
        "(rse check --verbose les liste tous)",
        f"advice: 6 profils n'ont pas encore de compétences, {examples.format('q')} "
        "(rse check --verbose les liste tous)",
    ]
    # Every rule that groups a crowd names its problem and its summary alike.
    community = reports.communities["fr"]
    config = community.root / "mkdocs.yml"
    ruled = [p for p in check_config(config_summary(config)).problems if p.rule]
    assert {p.rule for p in ruled} == {"skills", "shared-id", "draft-link", "idea-field", "mention"}
    for problem in ruled:
        assert problem.key == f"problem.{problem.rule}"
        assert f"summary.{problem.rule}.other" in STRINGS


def test_a_problem_made_without_a_key_is_said_as_written():
    """`rse import`'s problems are written in the community's language as they are made."""
    problem = Problem("people.csv", 3, 1, "ligne 3 : pas de nom", Severity.WARNING)
    assert problem.localized(FR) == problem.message
    assert problem.located(FR) == "people.csv:3:1: warning: ligne 3 : pas de nom"


def test_keys_and_params_take_no_part_in_comparisons():
    english = Problem.of("a.md", 2, 1, "problem.unknown.group", value="x")
    assert english == Problem("a.md", 2, 1, "unknown group 'x'")
    assert sorted([english, Problem("a.md", 1, 1, "z")])[0].line == 1
    assert str(english) == "a.md:2:1: unknown group 'x'"
    assert english.located(FR) == "a.md:2:1: groupe inconnu 'x'"


# `title:`, `skills: [...]`, 'clé: valeur': YAML as written, not French prose.
KEY_SYNTAX = re.compile(
    r"\b(?:{}): ".format(
        "|".join(
            sorted(
                {
                    *PersonFields.model_fields,
                    *NoteFields.model_fields,
                    *ResponseFields.model_fields,
                    "clé",
                    "réglage",
                }
            )
        )
    )
)


def test_problem_messages_have_both_languages_and_the_same_placeholders():
    """The table test of tests/test_french.py holds for every key; a problem's count has both
    forms, and French puts a space before its colons, semicolons and question marks, as the
    rest of the table does."""
    fields = string.Formatter()
    for key in _problem_keys():
        forms = [key] if key in STRINGS else [f"{key}.one", f"{key}.other"]
        for form in forms:
            entry = STRINGS[form]
            names = [{n for _, n, _, _ in fields.parse(entry[lang]) if n} for lang in ("en", "fr")]
            assert names[0] == names[1], form
            prose = KEY_SYNTAX.sub("", entry["fr"])
            assert not re.search(r"\S[:;?!](\s|$)", prose), form
