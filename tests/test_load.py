from rse_build.errors import Problem
from rse_build.load import load_content
from rse_build.model import GroupKind, NoteType, PersonKind
from tests.conftest import write


def test_records_are_typed(tmp_path):
    content = write(
        tmp_path,
        {
            "people/ada.md": "---\nname: Ada\nkind: partner\nskills: kafka\nteam: 42\n---\nBio\n",
            "groups/g/index.md": "---\ntitle: G\nkind: hobby\n---\n",
            "groups/g/n1.md": "---\ntitle: N1\ntype: event\nstart: 2026-12-03T18:00\n---\n",
            "notes/sub/n2.md": "---\ntitle: N2\n---\n",
            "notes/index.md": "---\ntitle: Notes intro\n---\n",
        },
    )
    loaded = load_content(content)
    assert loaded.problems == []
    (ada,) = loaded.people
    assert ada.handle == "ada" and ada.fields.kind is PersonKind.PARTNER
    assert ada.fields.skills == ("kafka",) and ada.fields.team == "42"
    assert loaded.groups[0].fields.kind is GroupKind.HOBBY
    notes = {n.key: n for n in loaded.notes}
    assert set(notes) == {"groups/g/n1", "notes/sub/n2"}
    assert notes["groups/g/n1"].folder_group == "g"
    assert notes["groups/g/n1"].group_slugs == ("g",)
    assert notes["groups/g/n1"].fields.type is NoteType.EVENT
    assert notes["groups/g/n1"].fields.start.hour == 18
    assert notes["notes/sub/n2"].id == "n2"


def test_bad_files_give_located_problems_and_the_rest_still_loads(tmp_path):
    content = write(
        tmp_path,
        {
            "people/ok.md": "---\nname: Ok\n---\n",
            "people/no-name.md": "---\nrole: x\n---\n",
            "people/bad-kind.md": "---\nname: B\nkind: robot\n---\n",
            "people/Bad_Name.md": "---\nname: B\n---\n",
            "people/latin1.md": b"---\nname: Ren\xe9\n---\n",
            "groups/g/index.md": "---\ntitle: G\ncreated: not-a-date\n---\n",
            "groups/nogroupindex/note.md": "---\ntitle: orphan\n---\n",
            "notes/broken.md": "---\ntitle: [unclosed\n---\n",
            "notes/wrong-type.md": "---\ntitle: T\nauthors:\n  - ada\n  - {x: 1}\n---\n",
        },
    )
    loaded = load_content(content)
    # A wrong optional field is reported and dropped; a missing required one drops the record.
    assert [p.handle for p in loaded.people] == ["bad-kind", "ok"]
    messages = {(p.path, p.line, p.column): p.message for p in loaded.problems}
    assert messages[("people/no-name.md", 1, 1)] == "'name' is required"
    assert ("people/bad-kind.md", 3, 1) in messages
    assert "employee" in messages[("people/bad-kind.md", 3, 1)]
    assert "rename it 'bad-name'" in messages[("people/Bad_Name.md", 1, 1)]
    assert messages[("people/latin1.md", 2, 10)] == "file is not UTF-8 text: save it as UTF-8"
    assert ("groups/g/index.md", 3, 1) in messages
    assert ("groups/nogroupindex", 1, 1) in messages
    assert any(path == "notes/broken.md" for path, _, _ in messages)
    assert ("notes/wrong-type.md", 5, 5) in messages
    assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in loaded.problems)


def test_avatars_must_be_files_inside_content(tmp_path):
    content = write(
        tmp_path,
        {
            "people/ada.md": "---\nname: Ada\navatar: ada.jpg\n---\n",
            "people/bob.md": "---\nname: Bob\navatar: ../../etc/passwd\n---\n",
            "people/cy.md": "---\nname: Cy\navatar: cy.png\n---\n",
            "people/cy.png": b"\x89PNG",
        },
    )
    shown = [str(p) for p in load_content(content).problems]
    assert shown == [
        "people/ada.md:3:1: avatar 'ada.jpg' not found next to the profile",
        "people/bob.md:3:1: avatar '../../etc/passwd' is outside content/: put the photo next to the profile",
    ]
