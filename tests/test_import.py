"""`rse import people`: the files HR tools and spreadsheets write, imported into real communities."""

from __future__ import annotations

import codecs
import csv
import random
import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rse_build.check import check_community
from rse_build.errors import Problem
from rse_build.frontmatter import split
from rse_build.i18n import Translator
from rse_build.ids import suggest_id
from rse_build.importer import import_people, map_columns
from rse_build.model import ID_PATTERN
from rse_build.tabular import Table, read_table, sniff_delimiter
from tests.conftest import Community, commit_all, init, rse
from tests.sitecheck import Chart

EN = Translator("en")


def french_community(tmp_path: Path) -> Community:
    """A community made the way a French company starts one: `rse init --language fr`."""
    root = tmp_path / "reseau"
    made = init(root, "--name", "Réseau Acme", "--language", "fr")
    assert made.exit_code == 0, made.output
    return Community(root, commit_all(root, "Notre communauté"))


def profile(community: Community, handle: str) -> str:
    return (community.root / "content/people" / f"{handle}.md").read_text(encoding="utf-8")


def profiles(community: Community) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in (community.root / "content/people").glob("*.md")}


def errors_of(community: Community) -> list[Problem]:
    """What `rse check` would call errors (warnings and advice aside)."""
    config = community.root / "mkdocs.yml"
    checked = check_community(config, community.root / "content", {}, None)
    return [p for p in checked.problems if p.is_error]


FRENCH_EXPORT = (
    "Nom;Prénom;Adresse e-mail;Fonction;Service;Site;Matricule;Date d'entrée;Responsable\r\n"
    "Durand;Théo;theo.durand@acme.fr;Ingénieur données;Data;Lyon;E1001;01/03/2021;amelie@acme.example\r\n"
    "Lœwen;Cécile;E123456@acme.fr;Cheffe d'équipe;Qualité;Saint-Étienne;E1002;15/09/2019;Théo Durand\r\n"
    "Straße;Jürgen;j.strasse@acme-industrie.de;Développeur;IT;Berlin;E1003;02/01/2024;DURAND Théo\r\n"
    'O\'Brien;Siobhán;siobhan.obrien+rh@gmail.com;Juriste;"Juridique; conformité";Paris;E1004;;'
    "e123456@ACME.fr\r\n"
    'van der Berg;Marie-Thérèse;mt.vanderberg@acme.fr;Directrice;Direction générale;"Lyon\r\n'
    'Bâtiment B";E1005;;\r\n'
    "Durand;Théo;theo.durand@acme.fr;Ingénieur données;Data;Lyon;E1001;01/03/2021;amelie@acme.example\r\n"
    ";;;;;;;;\r\n"
    "\r\n"
)
FRENCH_PROFILES = {
    "theo-durand": "---\nname: Théo Durand\nrole: Ingénieur données\nteam: Data\nsite: Lyon\n"
    "emails: [theo.durand@acme.fr]\nmanager: amelie-dubois\n---\n",
    "cecile-loewen": "---\nname: Cécile Lœwen\nrole: Cheffe d'équipe\nteam: Qualité\nsite: Saint-Étienne\n"
    "emails: [e123456@acme.fr]\nmanager: theo-durand\n---\n",
    "jurgen-strasse": "---\nname: Jürgen Straße\nrole: Développeur\nteam: IT\nsite: Berlin\n"
    "emails: [j.strasse@acme-industrie.de]\nmanager: theo-durand\n---\n",
    "siobhan-obrien": "---\nname: Siobhán O'Brien\nrole: Juriste\nteam: Juridique; conformité\n"
    "site: Paris\nemails: [siobhan.obrien+rh@gmail.com]\nmanager: cecile-loewen\n---\n",
    "marie-therese-van-der-berg": "---\nname: Marie-Thérèse van der Berg\nrole: Directrice\n"
    "team: Direction générale\nsite: Lyon Bâtiment B\nemails: [mt.vanderberg@acme.fr]\n---\n",
}


@pytest.mark.parametrize(("codec", "shown"), [("utf-8-sig", "UTF-8"), ("cp1252", "Windows-1252")])
def test_a_french_excel_export_is_imported_with_its_accents_and_managers(tmp_path, codec, shown):
    community = french_community(tmp_path)
    export = community.write("staff.csv", FRENCH_EXPORT.encode(codec))
    assert export.read_bytes().startswith(codecs.BOM_UTF8) == (codec == "utf-8-sig")
    first = rse(community, "import", "people", "staff.csv")
    assert first.exit_code == 0, first.output
    assert first.output.splitlines() == [
        f"staff.csv : {shown}, séparateur ';', 6 lignes",
        "colonnes : Nom → nom, Prénom → prénom, Adresse e-mail → adresse e-mail, Fonction → fonction, "
        "Service → équipe, Site → site, Responsable → manager ; ignorées : Matricule, Date d'entrée "
        "(--map COLONNE=champ pour en importer une)",
        "créé      content/people/theo-durand.md",
        "créé      content/people/cecile-loewen.md",
        "créé      content/people/jurgen-strasse.md",
        "créé      content/people/siobhan-obrien.md",
        "créé      content/people/marie-therese-van-der-berg.md",
        "staff.csv:8:1: warning: la ligne 8 répète la ligne 2 (Théo Durand) : fusionnées",
        "5 créés, 0 mis à jour, 0 inchangé, 1 fusionné, 0 refusé",
    ]
    written = profiles(community)
    assert {h: written[h] for h in FRENCH_PROFILES} == FRENCH_PROFILES
    assert set(written) == {*FRENCH_PROFILES, "amelie-dubois"}
    assert errors_of(community) == []

    second = rse(community, "import", "people", "staff.csv")
    assert second.exit_code == 0, second.output
    assert second.output.splitlines()[-1] == "0 créé, 0 mis à jour, 5 inchangés, 1 fusionné, 0 refusé"
    assert profiles(community) == written


ENGLISH_EXPORT = """\
First Name,Last Name,Work Email,Job Title,Department,Location,Manager Email,Employee ID
Alan,Turing,alan.turing@acme.example,Mathematician,Research,Manchester,ada@acme.example,1001
Ada,Lovelace,ada@acme.example,Staff data engineer,Data Platform,Lyon,grace@acme.example,1002
Joan,Clarke,joan.clarke@acme.example,Cryptanalyst,Research,Bletchley,alan.turing@acme.example,1003
Tommy,Flowers,tommy.flowers@acme.example,Engineer,Research,Dollis Hill,gordon.welchman@acme.example,1004
Gordon,Welchman,gordon.welchman@acme.example,Head of Hut 6,Research,Bletchley,,1005
Max,Newman,max.newman@acme.example,Professor,Research,Manchester,nobody@acme.example,1006
"""


def test_an_hr_tool_export_links_managers_in_the_file_and_in_the_community(make_community):
    community = make_community()
    community.write("staff.csv", ENGLISH_EXPORT)
    result = rse(community, "import", "people", "staff.csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "staff.csv: UTF-8, ','-separated, 6 rows",
        "columns: First Name → first name, Last Name → last name, Work Email → e-mail, Job Title → role, "
        "Department → team, Location → site, Manager Email → manager; ignored: Employee ID "
        "(use --map COLUMN=field to import one)",
        "created   content/people/alan-turing.md",
        "created   content/people/joan-clarke.md",
        "created   content/people/tommy-flowers.md",
        "created   content/people/gordon-welchman.md",
        "created   content/people/max-newman.md",
        "updated   content/people/ada-lovelace.md (role, manager)",
        "staff.csv:7:1: warning: Max Newman: manager 'nobody@acme.example' matches nobody in the file or the "
        "community: imported without a manager",
        "5 created, 1 updated, 0 unchanged, 0 merged, 0 skipped",
    ]
    managers = {h: split(text).data.get("manager") for h, text in profiles(community).items()}
    assert managers == {
        "alan-turing": "ada-lovelace",
        "ada-lovelace": "grace-hopper",
        "joan-clarke": "alan-turing",
        "tommy-flowers": "gordon-welchman",
        "gordon-welchman": None,
        "max-newman": None,
        "grace-hopper": None,
        "pat-partner": None,
    }
    assert profile(community, "tommy-flowers") == (
        "---\nname: Tommy Flowers\nrole: Engineer\nteam: Research\nsite: Dollis Hill\n"
        "emails: [tommy.flowers@acme.example]\nmanager: gordon-welchman\n---\n"
    )
    assert errors_of(community) == []
    # The imported reporting lines draw the org chart, with what the community had.
    community.commit("Imported")
    assert rse(community, "build").exit_code == 0
    chart = Chart()
    chart.feed(community.page("org/index.html"))
    assert [tuple(row) for row in chart.rows] == [
        (0, "Grace Hopper", "4 people in this branch"),
        (1, "Ada Lovelace", "3 people in this branch"),
        (2, "Alan Turing", "2 people in this branch"),
        (3, "Joan Clarke", ""),
        (0, "Gordon Welchman", "2 people in this branch"),
        (1, "Tommy Flowers", ""),
    ]


def test_a_manager_naming_nobody_is_an_error_of_rse_check(make_community):
    community = make_community()
    grace = community.root / "content/people/grace-hopper.md"
    grace.write_text(grace.read_text().replace("site: Grenoble", "site: Grenoble\nmanager: ada-lovelase"))
    checked = rse(community, "check")
    assert checked.exit_code == 1
    assert (
        "content/people/grace-hopper.md:5:1: unknown manager 'ada-lovelase'; did you mean 'ada-lovelace'?\n"
        in checked.output
    )


def test_hand_edits_survive_a_re_import_and_only_what_the_directory_owns_changes(make_community):
    community = make_community()
    community.write("staff.csv", ENGLISH_EXPORT)
    assert rse(community, "import", "people", "staff.csv").exit_code == 0
    alan = community.root / "content/people/alan-turing.md"
    alan.write_text(
        "---\n"
        "# Written by Alan himself\n"
        "name: Alan Turing\n"
        "role: Mathematician\n"
        "# the team below comes from HR\n"
        "team: Research\n"
        "site: Manchester\n"
        "emails: [alan.turing@acme.example, alan@home.example]\n"
        "manager: ada-lovelace\n"
        "skills: [logic, cryptography]   # what I like\n"
        "interests:\n"
        "  - running\n"
        "groups: [data-platform]\n"
        "links: {github: https://github.com/alan-example}\n"
        "---\n"
        "I think about machines.\n",
        encoding="utf-8",
    )
    community.write(
        "staff.csv",
        ENGLISH_EXPORT.replace(
            "Alan,Turing,alan.turing@acme.example,Mathematician,Research,Manchester,ada@acme.example",
            "Alan,Turing,alan.turing@acme.example,Head of research,Research,Manchester,grace@acme.example",
        ),
    )
    again = rse(community, "import", "people", "staff.csv")
    assert "updated   content/people/alan-turing.md (role, manager)" in again.output
    assert again.output.splitlines()[-1] == "0 created, 1 updated, 5 unchanged, 0 merged, 0 skipped"
    assert alan.read_text(encoding="utf-8") == (
        "---\n"
        "# Written by Alan himself\n"
        "name: Alan Turing\n"
        "role: Head of research\n"
        "# the team below comes from HR\n"
        "team: Research\n"
        "site: Manchester\n"
        "emails: [alan.turing@acme.example, alan@home.example]\n"
        "manager: grace-hopper\n"
        "skills: [logic, cryptography]   # what I like\n"
        "interests:\n"
        "  - running\n"
        "groups: [data-platform]\n"
        "links: {github: https://github.com/alan-example}\n"
        "---\n"
        "I think about machines.\n"
    )
    ada = profile(community, "ada-lovelace")
    assert "skills: [kafka, python]" in ada and "I like streams." in ada
    assert errors_of(community) == []


def test_a_plain_name_and_email_export_updates_creates_and_skips(make_community, tmp_path):
    community = make_community()
    ada = community.root / "content/people/ada-lovelace.md"
    ada.write_text(ada.read_text().replace("role: Data engineer", "role: Data engineer  # my words"))
    csv_file = tmp_path / "staff.csv"
    csv_file.write_text(
        "Name,Email,Job Title,Department,Location\n"
        "Ada Lovelace,ada@acme.example,Staff data engineer,Data Platform,Lyon\n"
        "Alan Turing,alan.turing@acme.example,Mathematician,Research,Manchester\n"
        "No Mail,,x,y,z\n",
        encoding="utf-8",
    )
    first = rse(community, "import", "people", str(csv_file))
    assert first.exit_code == 1
    assert "created   content/people/alan-turing.md\n" in first.output
    assert "updated   content/people/ada-lovelace.md (role)\n" in first.output
    assert f"{csv_file}:4:1: No Mail: no e-mail address\n" in first.output
    text = ada.read_text()
    assert "role: Staff data engineer\n" in text
    assert "skills: [kafka, python]" in text and "I like streams." in text
    second = rse(community, "import", "people", str(csv_file))
    assert second.output.splitlines()[-1] == "0 created, 0 updated, 2 unchanged, 0 merged, 1 skipped"
    assert ada.read_text() == text
    assert rse(community, "check").exit_code == 0


def test_namesakes_get_their_own_profiles_and_refused_rows_name_the_person_and_line(make_community, tmp_path):
    community = make_community()
    community.write("content/people/john-smith.md", "---\nname: John Smith\nskills: [sales]\n---\nHi.\n")
    community.write(
        "people.csv",
        "Name,Email,Title\n"
        "John Smith,john.smith@acme.example,Sales\n"
        "John Smith,jsmith@gmail.com,Driver\n"
        "Ada Lovelace,,Engineer\n"
        "John Smith,john.smith3@acme.example,Cook\n"
        "John Smith,jsmith@gmail.com,Pilot\n"
        "Zoë Ødegård,E1234567@acme.example,Lawyer\n"
        "王伟,wang.wei@acme.cn,Engineer\n"
        "Дмитрий,E555@acme.ru,Engineer\n"
        ",nameless@acme.example,Engineer\n"
        "Bad Mail,not-an-address,Engineer\n",
    )
    result = rse(community, "import", "people", "people.csv")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[2:] == [
        "created   content/people/john-smith-2.md",
        "created   content/people/john-smith-3.md",
        "created   content/people/zoe-odegard.md",
        "created   content/people/wang-wei.md",
        "updated   content/people/john-smith.md (role, emails)",
        "people.csv:4:1: Ada Lovelace: no e-mail address",
        "people.csv:6:1: John Smith: line 6 and line 3 give jsmith@gmail.com different values: keep one",
        "people.csv:9:1: Дмитрий: no handle can be made from the name or the address: add a handle column",
        "people.csv:10:1: nameless@acme.example: no name",
        "people.csv:11:1: Bad Mail: 'not-an-address' is not an e-mail address",
        "4 created, 1 updated, 0 unchanged, 0 merged, 5 skipped",
    ]
    assert profile(community, "john-smith") == (
        "---\nname: John Smith\nskills: [sales]\nrole: Sales\nemails: [john.smith@acme.example]\n---\nHi.\n"
    )
    assert "role: Driver" in profile(community, "john-smith-2")
    assert "role: Cook" in profile(community, "john-smith-3")
    assert "name: Zoë Ødegård" in profile(community, "zoe-odegard")
    again = rse(community, "import", "people", "people.csv")
    assert again.output.splitlines()[-1] == "0 created, 0 updated, 5 unchanged, 0 merged, 5 skipped"


def test_profiles_are_rewritten_as_they_were_written_and_broken_ones_are_left_alone(make_community):
    community = make_community()
    ada = community.write(
        "content/people/ada-lovelace.md",
        b"---\r\nname: Ada Lovelace\r\nrole: Engineer\r\nemails: [Ada@Acme.example]\r\n---\r\nBio.\r\n",
    )
    broken = community.write("content/people/alan-turing.md", "---\nname: [Alan\n---\n")
    broken_text = broken.read_text()
    community.write(
        "staff.csv",
        "Name,Email,Title\n"
        "Ada Lovelace,ADA@acme.example,Staff engineer\n"
        "Alan Turing,alan@acme.example,Maths\n"
        "Ada Lovelace,ada@home.example,Poet\n",
    )
    result = rse(community, "import", "people", "staff.csv")
    assert result.exit_code == 1
    assert result.output.splitlines()[2:] == [
        "created   content/people/ada-lovelace-2.md",
        "updated   content/people/ada-lovelace.md (role)",
        "staff.csv:3:1: Alan Turing: people/alan-turing.md cannot be read: fix it (rse check) and "
        "import again",
        "staff.csv:4:1: warning: Ada Lovelace: people/ada-lovelace.md has the same name and other addresses: "
        "created ada-lovelace-2 (if they are one person, add this address to ada-lovelace's emails and "
        "import again)",
        "1 created, 1 updated, 0 unchanged, 0 merged, 1 skipped",
    ]
    assert ada.read_bytes() == (
        b"---\r\nname: Ada Lovelace\r\nrole: Staff engineer\r\nemails: [Ada@Acme.example]\r\n---\r\nBio.\r\n"
    )
    assert broken.read_text() == broken_text


def test_unknown_columns_are_listed_and_map_imports_or_ignores_them(make_community):
    community = make_community()
    community.write(
        "export.csv",
        "Collaborateur;Courriel pro;Emploi;Bureau;Matricule\nAlan Turing;alan@acme.example;Maths;B12;42\n",
    )
    refused = rse(community, "import", "people", "export.csv")
    assert refused.exit_code == 2
    [message] = refused.output.splitlines()
    assert message.startswith(
        "export.csv:1:1: a name and an e-mail column are needed; columns found: Collaborateur, Courriel pro, "
        "Emploi, Bureau, Matricule. Known column names, email: Email, E-mail, Mail, Work Email,"
    )
    assert "name: Name, Full Name" in message and "Prénom" in message and "Adresse e-mail" in message
    assert not (community.root / "content/people/alan-turing.md").exists()

    mapped = rse(
        community,
        "import",
        "people",
        "export.csv",
        "--map",
        "Collaborateur=name",
        "--map",
        "courriel PRO=email",
        "--map",
        "Bureau=site",
        "--map",
        "Matricule=-",
    )
    assert mapped.exit_code == 0, mapped.output
    assert mapped.output.splitlines()[1] == (
        "columns: Collaborateur → name, Courriel pro → e-mail, Bureau → site; ignored: Emploi, Matricule "
        "(use --map COLUMN=field to import one)"
    )
    assert profile(community, "alan-turing") == (
        "---\nname: Alan Turing\nsite: B12\nemails: [alan@acme.example]\n---\n"
    )


def test_a_column_without_a_name_is_reported_only_when_it_holds_data(make_community):
    community = make_community()
    community.write(
        "export.csv", "Name;Email;;\nAda King;ada.king@acme.example;;\nAl Bo;al@acme.example;;VIP;x\n"
    )
    result = rse(community, "import", "people", "export.csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1] == (
        "columns: Name → name, Email → e-mail; ignored: (column 4, no name), (column 5, no name) "
        "(use --map COLUMN=field to import one)"
    )


def test_map_chooses_between_two_columns_for_one_field(make_community):
    community = make_community()
    community.write(
        "export.csv",
        "Nom;Prénom;Courriel;Service;Direction\nTuring;Alan;alan@acme.example;Cryptanalyse;Recherche\n",
    )
    aliased = rse(community, "import", "people", "export.csv")
    assert "Service → team" in aliased.output and "ignored: Direction" in aliased.output
    assert "team: Cryptanalyse" in profile(community, "alan-turing")
    chosen = rse(community, "import", "people", "export.csv", "--map", "Direction=team")
    assert "Direction → team" in chosen.output and "ignored: Service" in chosen.output
    assert "updated   content/people/alan-turing.md (team)" in chosen.output
    assert "team: Recherche" in profile(community, "alan-turing")


@pytest.mark.parametrize(
    ("args", "data", "expected"),
    [
        (["folder"], None, "folder:1:1: not a file: give the path of a CSV export"),
        (["missing.csv"], None, "missing.csv:1:1: not a file: give the path of a CSV export"),
        (["book.xlsx"], b"PK\x03\x04\x14\x00\x06\x00", "book.xlsx:1:1: an Excel workbook, not a CSV file"),
        (["empty.csv"], b"\r\n;;;\r\n", "empty.csv:1:1: empty file: expected a header line"),
        (["nul.csv"], b"Name,Email\nAda,a@b.c\x00\n", "nul.csv:2:1: a binary file, not CSV text"),
        (["x.csv", "--encoding", "klingon"], b"Name,Email\n", "x.csv:1:1: unknown encoding 'klingon'"),
        (
            ["latin.csv", "--encoding", "utf-8"],
            "Name,Email\nRené,rene@acme.example\n".encode("cp1252"),
            "latin.csv:2:4: not utf-8 text from here",
        ),
        (["x.csv", "--map", "Name"], b"Name,Email\n", "--map takes COLUMN=field, not 'Name'"),
        (
            ["x.csv", "--map", "Name=nom"],
            b"Name,Email\n",
            "--map Name=nom: unknown field 'nom'; fields: name,",
        ),
        (["x.csv", "--map", "Nme=name"], b"Name,Email\n", "x.csv:1:1: --map: no column 'Nme' in the header"),
        (
            ["x.csv", "--map", "Name=email"],
            b"Name,Email\n",
            "x.csv:1:1: a name and an e-mail column are needed",
        ),
    ],
)
def test_a_file_that_cannot_be_read_exits_2_with_a_located_message(make_community, args, data, expected):
    community = make_community()
    (community.root / "folder").mkdir()
    if data is not None:
        community.write(args[0], data)
    result = rse(community, "import", "people", *args)
    assert result.exit_code == 2
    assert result.output.startswith(expected), result.output
    assert "Traceback" not in result.output
    assert not (community.root / "content/people/rene.md").exists()


def test_encoding_forces_how_the_file_is_read(make_community):
    community = make_community()
    community.write("latin.csv", "Name,Email\nRené Ménard,rene@acme.example\n".encode("cp1252"))
    forced = rse(community, "import", "people", "latin.csv", "--encoding", "latin-1")
    assert forced.exit_code == 0, forced.output
    assert forced.output.startswith("latin.csv: latin-1, ','-separated, 1 row\n")
    assert "name: René Ménard" in profile(community, "rene-menard")


def test_excel_unicode_text_is_tab_separated_utf16(make_community):
    community = make_community()
    text = "Prénom\tNom\tE-mail\tPoste\r\nŁukasz\tĐorđević\tlukasz@acme.example\tAnalyste\r\n"
    community.write("unicode.txt", text.encode("utf-16"))
    result = rse(community, "import", "people", "unicode.txt")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("unicode.txt: UTF-16, tab-separated, 1 row\n")
    assert profile(community, "lukasz-dordevic") == (
        "---\nname: Łukasz Đorđević\nrole: Analyste\nemails: [lukasz@acme.example]\n---\n"
    )


def test_an_import_speaks_the_communitys_language_with_plurals(tmp_path):
    community = french_community(tmp_path)
    community.write("un.csv", "Name,Email\nAda Lovelace,\n")
    result = rse(community, "import", "people", "un.csv")
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "un.csv : UTF-8, séparateur ',', 1 ligne",
        "colonnes : Name → nom complet, Email → adresse e-mail",
        "un.csv:2:1: Ada Lovelace : pas d'adresse e-mail",
        "0 créé, 0 mis à jour, 0 inchangé, 0 fusionné, 1 refusé",
    ]


# Names people really have: accents, letters NFKD leaves alone, particles, apostrophes, hyphens,
# and, now and then, a script with no Latin letter at all.
# fmt: off
FIRST_NAMES = [
    "Marie-Thérèse", "Jean-Éric", "Chloé", "Zoë", "Søren", "Łukasz", "Đorđe", "Þórdís", "Æsa", "Björn",
    "Jürgen", "Siobhán", "Seán", "François", "Hélène", "Gaëlle", "Çağla", "Şükrü", "Işıl", "İbrahim",
    "Gülşen", "Thị Hương", "Văn Đức", "Ngọc Ánh", "Ada", "Grace", "Alan", "Noor", "Aroha", "Kwame",
    "Małgorzata", "Ørjan", "Anaïs", "Loïc", "Renée", "José", "Inês", "João", "Ævar",
]
LAST_NAMES = [
    "O'Brien", "van der Berg", "Straße", "Lœwen", "Œhler", "Ærø", "Østergaard", "Łęcki", "Đặng",
    "Nguyễn", "Trần", "Yılmaz", "Öztürk", "de la Fontaine", "Müller-Lüdenscheidt", "García Márquez",
    "Dupont", "Martin", "Smith", "d'Alembert", "Mac Giolla Phádraig", "Þorsteinsson", "Kowalczyk",
    "Ben Saïd", "Le Goff", "Hoàng", "Çelik", "Dubois-Ségur", "Ó Súilleabháin", "Nakamura",
]
# fmt: on
NON_LATIN = ["Дмитрий Иванов", "王伟", "Γιώργος Παπαδόπουλος", "محمد علي"]
DOMAINS = ["acme.com", "acme.fr", "acme-industrie.de", "labs.acme.co.uk", "gmail.com", "outlook.fr"]


def hr_export(n: int, seed: int = 14) -> list[list[str]]:
    """`n` varied people as an HR tool exports them, each managed by an earlier one, and ten
    exact duplicate rows."""
    rng = random.Random(seed)
    rows: list[list[str]] = []
    used: set[str] = set()
    for i in range(n):
        if i % 500 == 251:
            first, _, last = NON_LATIN[(i // 500) % len(NON_LATIN)].partition(" ")
        else:
            first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        local = suggest_id(f"{first} {last}").replace("-", ".") or f"user{i}"
        if i % 6 == 0:
            email = f"E{100000 + i}@{rng.choice(DOMAINS[:3])}"
        elif i % 6 == 1:
            email = f"{local}+hr@gmail.com"
        else:
            email = f"{local}@{rng.choice(DOMAINS)}"
        while email.lower() in used:
            email = email.replace("@", "1@", 1)
        used.add(email.lower())
        manager = rows[(i - 1) // 8][2] if i else ""
        role = rng.choice(["Ingénieur", "Analyst", "Cheffe de projet"])
        team = rng.choice(["Data", "Qualité", "Recherche & Développement", "Ventes, Europe", "RH"])
        site = rng.choice(["Lyon", "Saint-Étienne", "München", "Kraków"])
        rows.append([first, last, email, role, team, site, manager, f"{i:05}"])
    for i in range(0, n, n // 10):
        rows.insert(i + 3, list(rows[i]))
    return rows


def write_csv(path: Path, header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as file:
        writer = csv.writer(file, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)


def test_five_thousand_varied_people_import_once_and_stay_put(make_community, tmp_path):
    community = make_community()
    rows = hr_export(5000)
    header = [
        "First Name",
        "Last Name",
        "Work Email",
        "Job Title",
        "Department",
        "Location",
        "Manager Email",
        "ID",
    ]
    export = tmp_path / "big.csv"
    write_csv(export, header, rows, ",", "utf-8-sig")
    first = rse(community, "import", "people", str(export))
    assert first.exit_code == 0, first.output[-2000:]
    assert first.output.splitlines()[-1] == "5,000 created, 0 updated, 0 unchanged, 10 merged, 0 skipped"
    written = profiles(community)
    by_email = {}
    for handle, text in written.items():
        assert ID_PATTERN.match(handle)
        data = split(text).data
        for email in data.get("emails", []):
            by_email[email] = (handle, data)
    people = {row[2].lower(): row for row in rows}
    assert len(people) == 5000 and len(written) == 5000 + 3
    for email, row in people.items():
        handle, data = by_email[email]
        assert data["name"] == " ".join(filter(None, row[:2]))
        assert (data["role"], data["team"], data["site"]) == tuple(row[3:6])
        assert data.get("manager") == (by_email[row[6].lower()][0] if row[6] else None)
        from_name = suggest_id(data["name"]) or suggest_id(email.split("@")[0].split("+")[0])
        assert re.fullmatch(rf"{from_name}(-\d+)?", handle), (handle, data["name"], email)
    assert sum(h.endswith("-2") for h in written) > 10
    second = rse(community, "import", "people", str(export))
    assert second.output.splitlines()[-1] == "0 created, 0 updated, 5,000 unchanged, 10 merged, 0 skipped"
    assert profiles(community) == written


def test_ids_keep_the_letters_of_names():
    assert suggest_id("Théo-Durand") == "theo-durand"
    assert suggest_id("Œdipe Straße") == "oedipe-strasse"
    assert suggest_id("Ægir Ørsted Łukasz Đorđe Þór") == "aegir-orsted-lukasz-dorde-thor"
    assert suggest_id("Nguyễn Thị Hương") == "nguyen-thi-huong"
    assert suggest_id("Işıl Gülşen İbrahim") == "isil-gulsen-ibrahim"
    assert suggest_id("Siobhán O'Brien") == "siobhan-obrien"
    assert suggest_id("  Marie-Thérèse   van der Berg ") == "marie-therese-van-der-berg"
    assert suggest_id("王伟") == "" and suggest_id("--") == ""


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ('Nom;Prénom;Site\n"Dupont, Jean";Jean;"Lyon, Part-Dieu"\n', ";"),
        ("Name\tEmail\tTitle\nAda\ta@b.c\tEngineer, data\n", "\t"),
        ("Name,Email\nAda,a@b.c\n", ","),
        ("Name\n", ","),
        ("Nom;Prénom\n", ";"),
    ],
)
def test_the_delimiter_is_sniffed_and_checked_against_the_header(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_rows_keep_the_line_they_start_on():
    data = 'Name,Site\r\nAda,"Lyon\r\nBât. B"\r\n\r\nGrace,Paris\rAlan,Londres\n'.encode()
    table = read_table(data, "x.csv", EN)
    assert isinstance(table, Table)
    assert [(r.line, r.cells) for r in table.rows] == [
        (2, ("Ada", "Lyon\r\nBât. B")),
        (5, ("Grace", "Paris")),
        (6, ("Alan", "Londres")),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=400),
        st.lists(
            st.lists(st.text(alphabet=st.sampled_from(';,\t"\r\n aé€ŒßØ\x00'), max_size=6), max_size=5),
            max_size=6,
        ).flatmap(
            lambda rows: st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]).map(
                lambda codec: "\n".join(";".join(cells) for cells in rows).encode(codec, "replace")
            )
        ),
    ),
    st.sampled_from([None, "utf-8", "cp1252", "latin-1", "nope"]),
)
def test_any_bytes_give_a_table_or_a_located_problem(data, encoding):
    result = read_table(data, "x.csv", EN, encoding)
    if isinstance(result, Problem):
        assert result.path == "x.csv" and result.line >= 1 and result.column >= 1 and result.message
    else:
        assert isinstance(result, Table) and result.header and result.delimiter in ",;\t"
        assert all(row.line >= 2 for row in result.rows)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.lists(st.text(alphabet=st.sampled_from("aéŒß -'@.x"), max_size=10), min_size=4, max_size=4),
        max_size=8,
    )
)
def test_whatever_the_rows_a_second_import_changes_nothing(rows):
    text = "Prénom;Nom;Courriel;Responsable\n" + "\n".join(";".join(cells) for cells in rows)
    table = read_table(text.encode(), "x.csv", EN)
    assert isinstance(table, Table)
    columns = map_columns(table, {}, "x.csv", EN)
    assert not isinstance(columns, Problem)
    with tempfile.TemporaryDirectory() as folder:
        first = import_people(Path(folder), table, columns, "x.csv", EN)
        written = {p.name: p.read_text() for p in Path(folder).glob("people/*.md")}
        second = import_people(Path(folder), table, columns, "x.csv", EN)
        assert (second.created, second.updated) == ((), ())
        assert len(second.unchanged) == len(first.created) == len(written)
        assert {p.name: p.read_text() for p in Path(folder).glob("people/*.md")} == written
