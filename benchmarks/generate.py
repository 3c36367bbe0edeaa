"""A deterministic synthetic community: people, groups and notes of a chosen size.

The same arguments always write the same files (a seeded generator, no clock), so figures from
two runs compare the same input.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import unicodedata
from pathlib import Path

WORDS = [
    "kafka",
    "python",
    "rust",
    "signalling",
    "tramway",
    "sensor",
    "lakehouse",
    "safety",
    "terraform",
    "kubernetes",
    "latency",
    "consumer",
    "schema",
    "telemetry",
    "firmware",
    "bench",
    "commissioning",
    "odometry",
    "interlocking",
    "dashboard",
    "pipeline",
    "retention",
    "observability",
    "review",
    "incident",
    "design",
    "migration",
    "onboarding",
]
SITES = ("Lyon", "Toulouse", "Grenoble", "Nantes", "Montréal")
TEAMS = (
    "Data Platform",
    "Onboard Systems",
    "Signalling Projects",
    "Platform Ops",
    "Maintenance",
    "Digital Products",
    "Safety",
    "Direction",
)
GROUP_KINDS = ("project", "practice", "hobby", "site", "partner")
NOTE_TYPES = ("note", "note", "note", "howto", "howto", "idea", "question", "event")
FIRST = (
    "Ada",
    "Louis",
    "Camille",
    "Inès",
    "Hugo",
    "Priya",
    "Marc",
    "Elena",
    "Yann",
    "Chloé",
    "Karim",
    "Sophie",
    "Thomas",
    "Emma",
    "Lucas",
    "Marie-Thérèse",
    "Amélie",
    "Łukasz",
    "Øyvind",
    "Nour",
    "Zoë",
    "Đức",
    "Şebnem",
    "Jürgen",
    "Siobhán",
    "Kenji",
)
LAST = (
    "Roux",
    "Martin",
    "Nguyen",
    "Dubois",
    "Benali",
    "Raman",
    "Fontaine",
    "Rossi",
    "Le Gall",
    "Laurent",
    "Petit",
    "Garcia",
    "van der Berg",
    "O'Brien",
    "Moreau",
    "Lefèvre",
    "Cohen",
    "Kim",
    "Œhlenschläger",
    "Straße",
    "Ødegård",
    "Wałęsa",
    "Yılmaz",
)
# Real directories mix company domains, subsidiaries, personal mailboxes and git hosts'
# no-reply addresses: what defeats the regex optimisations `handle@corp.example` enjoys.
DOMAINS = (
    "orlea.example",
    "Orlea.example",
    "orlea-rail.example",
    "orlea.fr.example",
    "orlea-gmbh.de.example",
    "gmail.com",
    "outlook.com",
    "proton.me",
    "partner-signal.example",
    "supplier-{n}.example",
)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("Œ", "Oe").replace("ß", "ss").replace("Ł", "L"))
    return "".join(c for c in folded.replace("ł", "l").replace("Ø", "O").replace("ø", "o") if c.isalnum())


def address(rng: random.Random, first: str, last: str, i: int, taken: set[str]) -> str:
    """One of the shapes real commit and directory addresses take, never one already `taken`
    (an address belongs to one person)."""
    domain = rng.choice(DOMAINS).format(n=i % 97)
    given, family = _ascii(first), _ascii(last)
    shape = rng.random()
    if shape < 0.45:
        found = f"{given}.{family}@{domain}".lower()
    elif shape < 0.6:
        found = f"{given}.{family}@{domain}"
    elif shape < 0.7:
        found = f"{given[0]}{family}@{domain}".lower()
    elif shape < 0.8:
        found = f"{given}.{family}+{rng.choice(WORDS)}@gmail.com".lower()
    elif shape < 0.9:
        found = f"{1_000_000 + i * 37}+{given.lower()}-{family.lower()}@users.noreply.github.com"
    else:
        found = f"E{100_000 + i}@{domain}"
    if found.lower() in taken:
        local, _, host = found.partition("@")
        found = f"{local}{i}@{host}"
    taken.add(found.lower())
    return found


def _paragraphs(
    rng: random.Random, count: int, handles: list[str], note_ids: list[str], addresses: list[str] = ()
) -> str:
    out = []
    for _ in range(count):
        words = [rng.choice(WORDS) for _ in range(rng.randint(30, 70))]
        if handles and rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), f"@{rng.choice(handles)}")
        if note_ids and rng.random() < 0.3:
            words.insert(rng.randint(0, len(words)), f"[[{rng.choice(note_ids)}]]")
        if addresses and rng.random() < 0.1:
            words.insert(rng.randint(0, len(words)), f"(write to {rng.choice(addresses)})")
        out.append(" ".join(words).capitalize() + ".")
    return "\n\n".join(out)


RSVP_VALUES = ("going", "going", "going", "remote", "remote", "maybe", "declined")


def _responses(
    content: Path,
    count: int,
    note_ids: list[str],
    note_types: list[str],
    note_dates: list[dt.date],
    handles: list[str],
    addresses: list[str],
    seed: int,
) -> None:
    """`count` responses spread over the notes, of the kinds each type of note takes: RSVPs to
    events, answers to questions, thanks and replies (some to an earlier reply), with mentions,
    links and addresses in their text. Their own random stream: the notes stay the same."""
    if not count or not note_ids:
        return
    rng = random.Random(seed + 1)
    taken: set[str] = set()
    last_reply: dict[int, str] = {}
    for _ in range(count):
        i = rng.randrange(len(note_ids))
        note_type, handle = note_types[i], rng.choice(handles)
        roll = rng.random()
        if note_type == "event" and roll < 0.7:
            kind = "rsvp"
        elif note_type == "question" and roll < 0.5:
            kind = "answer"
        else:
            kind = "kudos" if rng.random() < 0.3 else "reply"
        day = note_dates[i] + dt.timedelta(days=rng.randint(0, 90))
        base = f"{day}-{handle}"
        ident, n = base, 1
        while f"{note_ids[i]}/{ident}" in taken:
            n += 1
            ident = f"{base}-{n}"
        taken.add(f"{note_ids[i]}/{ident}")
        when = f"{day}T{rng.randint(8, 19):02d}:{rng.randint(0, 59):02d}"
        fields = f"kind: {kind}\nauthors: [{handle}]\ndate: {when}\n"
        body = ""
        if kind == "rsvp":
            fields += f"rsvp: {rng.choice(RSVP_VALUES)}\n"
        elif kind in ("reply", "answer"):
            if kind == "reply" and i in last_reply and rng.random() < 0.3:
                fields += f"reply_to: {last_reply[i]}\n"
            last_reply[i] = ident
            body = _paragraphs(rng, 1, handles, note_ids, addresses)
        folder = content / "responses" / note_ids[i]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{ident}.md").write_text(f"---\n{fields}---\n{body}\n", encoding="utf-8")


def _manager(handles: list[str], i: int) -> str:
    """A company of spans of seven: the first person at the top, then each seven report to one
    of those before them (five levels for 10,000 people)."""
    return f"manager: {handles[(i - 1) // 7]}\n" if i else ""


def _label(public: bool) -> str:
    return "audience: public\n" if public else ""


def generate(
    root: Path,
    notes: int,
    people: int,
    groups: int,
    seed: int = 7,
    *,
    public_every: int = 0,
    responses: int = 0,
) -> None:
    """Write content/ under `root`: `people` profiles, `groups` groups, `notes` notes.

    `public_every=n` labels `audience: public` every n-th person, note outside groups and pair
    of groups (a pair, since notes go to odd-numbered groups when their number is even), and the
    home and about pages; a note in a group takes its group's label, and every n-th note of a
    public group narrows it to `internal`. So every audience's site has pages of each kind;
    0 labels nothing and writes the same files as before the option existed.
    """

    def every(i: int) -> bool:
        return public_every > 0 and i % public_every == 0

    rng = random.Random(seed)
    content = root / "content"
    (content / "people").mkdir(parents=True, exist_ok=True)
    handles = [f"person-{i:05d}" for i in range(people)]
    slugs = [f"group-{i:04d}" for i in range(groups)]
    addresses: list[str] = []
    taken: set[str] = set()
    for i, handle in enumerate(handles):
        first, last = FIRST[i % len(FIRST)], LAST[(i // len(FIRST)) % len(LAST)]
        name = f"{first} {last} {i}"
        email = address(rng, first, last, i, taken)
        addresses.append(email)
        joined = dt.date(2018, 1, 1) + dt.timedelta(days=rng.randint(0, 3000))
        (content / "people" / f"{handle}.md").write_text(
            f'---\nname: "{name}"\nrole: Engineer\nteam: {rng.choice(TEAMS)}\nsite: {rng.choice(SITES)}\n'
            f"emails: ['{email}']\nskills: [{', '.join(rng.sample(WORDS, 3))}]\n"
            f"groups: [{', '.join(rng.sample(slugs, min(3, len(slugs))))}]\njoined: {joined}\n"
            f"{_manager(handles, i)}{_label(every(i))}---\n"
            f"{_paragraphs(rng, 1, [], [])}\n",
            encoding="utf-8",
        )
    for i, slug in enumerate(slugs):
        folder = content / "groups" / slug
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "index.md").write_text(
            f"---\ntitle: Group {i}\nkind: {GROUP_KINDS[i % len(GROUP_KINDS)]}\n"
            f"description: A group about {rng.choice(WORDS)}.\nanimators: [{rng.choice(handles)}]\n"
            f"tags: [{rng.choice(WORDS)}]\n{_label(every(i // 2))}---\n{_paragraphs(rng, 1, handles, [])}\n",
            encoding="utf-8",
        )
    supporting = random.Random(seed + 2)
    note_ids = [f"note-{i:06d}" for i in range(notes)]
    note_types: list[str] = []
    note_dates: list[dt.date] = []
    for i, note_id in enumerate(note_ids):
        label = ""
        if i % 2:
            group = i % len(slugs)
            folder = content / "groups" / slugs[group]
            if every(group // 2) and every(i // len(slugs)):
                label = "audience: internal\n"
        else:
            folder = content / "notes" / f"{2020 + i % 7}"
            label = _label(every(i // 2))
        folder.mkdir(parents=True, exist_ok=True)
        date = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500))
        note_type = rng.choice(NOTE_TYPES)
        note_types.append(note_type)
        note_dates.append(date)
        start = f"start: {date}T18:00\n" if note_type == "event" else ""
        if note_type == "idea":
            # Drawn apart, so adding supporters left every other generated value as it was.
            start = f"supporters: [{', '.join(supporting.sample(handles, min(5, len(handles))))}]\n"
        (folder / f"{note_id}.md").write_text(
            f"---\ntitle: {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {i}\n"
            f"type: {note_type}\n{start}authors: [{rng.choice(handles)}]\ndate: {date}\n"
            f"tags: [{', '.join(rng.sample(WORDS, 3))}]\n{label}---\n"
            f"## Context\n\n{_paragraphs(rng, 2, handles, note_ids[:i], addresses)}\n\n"
            f"## Details\n\n{_paragraphs(rng, 2, handles, note_ids[:i], addresses)}\n",
            encoding="utf-8",
        )
    _responses(content, responses, note_ids, note_types, note_dates, handles, addresses, seed)
    home = _label(public_every > 0)
    (content / "index.md").write_text(
        f"---\ntitle: Synthetic community\n{home}---\nHello.\n", encoding="utf-8"
    )
    about = f"---\n{home}---\n" if home else ""
    (content / "about.md").write_text(f"{about}# About\n\nA generated community.\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("root", type=Path)
    parser.add_argument("--notes", type=int, default=1000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--groups", type=int, default=20)
    args = parser.parse_args()
    generate(args.root, args.notes, args.people, args.groups)


if __name__ == "__main__":
    main()
