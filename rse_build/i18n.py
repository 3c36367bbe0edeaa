"""The one table of user-visible strings, in English and French."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

STRINGS: dict[str, dict[str, str]] = {
    "people": {"en": "People", "fr": "Personnes"},
    "groups": {"en": "Groups", "fr": "Groupes"},
    "tags": {"en": "Tags", "fr": "Étiquettes"},
    "home": {"en": "Home", "fr": "Accueil"},
    "notes": {"en": "Notes", "fr": "Notes"},
    "role": {"en": "Role", "fr": "Rôle"},
    "team": {"en": "Team", "fr": "Équipe"},
    "site": {"en": "Site", "fr": "Site"},
    "organisation": {"en": "Organisation", "fr": "Organisation"},
    "skills": {"en": "Skills", "fr": "Compétences"},
    "interests": {"en": "Interests", "fr": "Centres d'intérêt"},
    "languages": {"en": "Languages", "fr": "Langues"},
    "links": {"en": "Links", "fr": "Liens"},
    "joined": {"en": "Joined", "fr": "Arrivée"},
    "member_of": {"en": "Groups", "fr": "Groupes"},
    "notes_by": {"en": "Notes", "fr": "Notes"},
    "animators": {"en": "Animators", "fr": "Animateurs"},
    "members": {"en": "Members", "fr": "Membres"},
    "no_notes": {"en": "No notes yet.", "fr": "Pas encore de note."},
    "no_members": {"en": "No members yet.", "fr": "Pas encore de membre."},
    "by": {"en": "By", "fr": "Par"},
    "in_groups": {"en": "In", "fr": "Dans"},
    "created": {"en": "Created", "fr": "Créé le"},
    "newest_notes": {"en": "Newest notes", "fr": "Dernières notes"},
    "new_members": {"en": "New members", "fr": "Nouveaux membres"},
    "all_people": {"en": "Everyone in the community", "fr": "Toute la communauté"},
    "all_groups": {"en": "All groups", "fr": "Tous les groupes"},
    "all_tags": {"en": "All tags", "fr": "Toutes les étiquettes"},
    "tagged": {"en": "Notes tagged", "fr": "Notes étiquetées"},
    "groups_tagged": {"en": "Groups tagged", "fr": "Groupes étiquetés"},
    "archived_notice": {
        "en": "This note is archived: it is kept for reference and may be out of date.",
        "fr": "Cette note est archivée : conservée pour mémoire, elle peut être dépassée.",
    },
    "draft_notice": {
        "en": "Draft: this note is not published yet.",
        "fr": "Brouillon : cette note n'est pas encore publiée.",
    },
    "members_count": {"en": "{n} members", "fr": "{n} membres"},
    "member_count_one": {"en": "1 member", "fr": "1 membre"},
    "notes_count": {"en": "{n} notes", "fr": "{n} notes"},
    "note_count_one": {"en": "1 note", "fr": "1 note"},
    "people_count": {"en": "{n} people", "fr": "{n} personnes"},
    "person_count_one": {"en": "1 person", "fr": "1 personne"},
    "updated": {"en": "Updated", "fr": "Mis à jour le"},
    "contributors": {"en": "Contributors", "fr": "Contributeurs"},
    "contributions": {"en": "Contributions", "fr": "Contributions"},
    "commits": {"en": "Commits", "fr": "Commits"},
    "notes_authored": {"en": "Notes written", "fr": "Notes écrites"},
    "notes_contributed": {"en": "Notes improved", "fr": "Notes améliorées"},
    "first_contribution": {"en": "First contribution", "fr": "Première contribution"},
    "last_contribution": {"en": "Latest contribution", "fr": "Dernière contribution"},
    "activity": {"en": "Activity", "fr": "Activité"},
    "statistics": {"en": "Statistics", "fr": "Statistiques"},
    "active_contributors": {"en": "Active contributors per month", "fr": "Contributeurs actifs par mois"},
    "new_contributors": {"en": "New contributors per month", "fr": "Nouveaux contributeurs par mois"},
    "notes_created": {"en": "Notes created per month", "fr": "Notes créées par mois"},
    "top_decile": {
        "en": "Share of contributions by the most active 10%",
        "fr": "Part des contributions des 10 % les plus actifs",
    },
    "share_of": {"en": "{share} % ({n} people)", "fr": "{share} % ({n} personnes)"},
    "core_group": {
        "en": "Core group (active in 3 of the last 6 months)",
        "fr": "Noyau (actifs 3 des 6 derniers mois)",
    },
    "cross_site": {
        "en": "Notes written across sites (contributors from 2+ sites)",
        "fr": "Notes écrites entre sites (contributeurs de 2 sites ou plus)",
    },
    "by_site": {"en": "Activity by site", "fr": "Activité par site"},
    "by_group": {"en": "Activity by group", "fr": "Activité par groupe"},
    "health": {"en": "Health of the community", "fr": "Santé de la communauté"},
    "monthly": {"en": "Month by month", "fr": "Mois par mois"},
    "last_months": {
        "en": "The last {n} months; stats.json holds every month.",
        "fr": "Les {n} derniers mois ; stats.json contient tous les mois.",
    },
    "totals": {"en": "In total", "fr": "Au total"},
    "group_below_threshold": {
        "en": "Monthly figures appear once the group has {n} members.",
        "fr": "Les chiffres mensuels apparaissent à partir de {n} membres.",
    },
    "stats_privacy": {
        "en": "Figures count contributions to content, never rank people; people who opted out "
        "(stats: false) count in totals only.",
        "fr": "Les chiffres comptent les contributions au contenu, sans jamais classer les personnes ; "
        "celles qui ont refusé (stats: false) ne comptent que dans les totaux.",
    },
    "machine_readable": {"en": "The same figures as JSON", "fr": "Les mêmes chiffres en JSON"},
    "monthly_activity": {"en": "Monthly activity", "fr": "Activité mensuelle"},
    "no_history": {
        "en": "This site was built without git history: no statistics.",
        "fr": "Ce site a été construit sans l'historique git : pas de statistiques.",
    },
    "figures": {"en": "Figures", "fr": "Chiffres"},
    "events": {"en": "Events", "fr": "Événements"},
    "max": {"en": "max", "fr": "max"},
    "recently_updated": {"en": "Recently updated", "fr": "Mises à jour récentes"},
    "add_to_calendar": {"en": "Add to calendar", "fr": "Ajouter à l'agenda"},
    "join": {"en": "Join", "fr": "Rejoindre"},
    "join_hint": {
        "en": "To join, add {slug} to groups: in your profile.",
        "fr": "Pour rejoindre le groupe, ajoutez {slug} à groups: dans votre profil.",
    },
    "any": {"en": "Any", "fr": "Tous"},
    "shown_of": {"en": "{shown} of {total} people", "fr": "{shown} personnes sur {total}"},
    "related": {"en": "Related notes", "fr": "Notes proches"},
    "discover": {"en": "Something different", "fr": "Pour changer"},
    "upcoming_events": {"en": "Upcoming events", "fr": "Événements à venir"},
    "ideas_gaining": {"en": "Ideas gaining support", "fr": "Idées qui rassemblent"},
    "propose_change": {"en": "Propose a change", "fr": "Proposer une modification"},
    "support_idea": {"en": "Support this idea", "fr": "Soutenir cette idée"},
    "discuss": {"en": "Discuss", "fr": "En discuter"},
    "ideas": {"en": "Ideas", "fr": "Idées"},
    "questions": {"en": "Questions", "fr": "Questions"},
    "upcoming": {"en": "Upcoming", "fr": "À venir"},
    "past": {"en": "Past", "fr": "Passés"},
    "add_calendar": {
        "en": "Add every event to your calendar (iCalendar)",
        "fr": "Ajouter tous les événements à votre agenda (iCalendar)",
    },
    "open_questions": {"en": "Waiting for an answer", "fr": "En attente de réponse"},
    "answered_questions": {"en": "Answered", "fr": "Répondues"},
    "ideas_lead": {
        "en": "Support an idea by adding your handle to its supporters in a merge request.",
        "fr": "Soutenez une idée en ajoutant votre identifiant à ses soutiens dans une demande de fusion.",
    },
    "questions_lead": {
        "en": "Answer a question by adding an “## Answer” section to it in a merge request.",
        "fr": "Répondez à une question en lui ajoutant une section « ## Réponse » "
        "dans une demande de fusion.",
    },
    "feed": {"en": "Atom feed", "fr": "Flux Atom"},
    "mentioned_in": {"en": "Mentioned in", "fr": "Mentionné·e dans"},
    "referenced_by": {"en": "Referenced by", "fr": "Cité dans"},
    "who_knows": {"en": "Who knows", "fr": "Qui connaît"},
    "notes_about": {"en": "Notes about", "fr": "Notes sur"},
    "skills_lead": {
        "en": "The community's expertise: find who knows what, across teams and sites.",
        "fr": "Les compétences de la communauté : qui sait quoi, entre équipes et sites.",
    },
    "community_at": {"en": "The community at {commit}", "fr": "La communauté à {commit}"},
    "unmatched_identities": {"en": "Identities with no profile", "fr": "Identités sans profil"},
    "last_12_months": {"en": "The last 12 months", "fr": "Les 12 derniers mois"},
    "month": {"en": "Month", "fr": "Mois"},
    "active": {"en": "Active", "fr": "Actifs"},
    "new": {"en": "New", "fr": "Nouveaux"},
    "notes_created_short": {"en": "Notes created", "fr": "Notes créées"},
    "commits_per_month": {"en": "Commits per month", "fr": "Commits par mois"},
    "too_few_to_show": {
        "en": "shown from {n} contributors",
        "fr": "affiché à partir de {n} contributeurs",
    },
    "other_sites": {
        "en": "Sites with fewer than {n} contributors",
        "fr": "Sites de moins de {n} contributeurs",
    },
    "email_hidden": {"en": "(e-mail hidden)", "fr": "(adresse masquée)"},
    "search": {"en": "Search", "fr": "Rechercher"},
    "search_lead": {
        "en": "Words from titles and texts of every page of this site.",
        "fr": "Des mots des titres et des textes de toutes les pages de ce site.",
    },
    "search_needs_js": {
        "en": "Search runs in your browser: it needs JavaScript.",
        "fr": "La recherche fonctionne dans votre navigateur : elle a besoin de JavaScript.",
    },
    "not_shown_here": {"en": "(not shown on this site)", "fr": "(non visible sur ce site)"},
    "start": {"en": "Starts", "fr": "Début"},
    "end": {"en": "Ends", "fr": "Fin"},
    "place": {"en": "Place", "fr": "Lieu"},
    "state": {"en": "State", "fr": "État"},
    "supporters": {"en": "Supporters", "fr": "Soutiens"},
    "kind.employee": {"en": "Employee", "fr": "Salarié·e"},
    "kind.partner": {"en": "Partner", "fr": "Partenaire"},
    "kind.supplier": {"en": "Supplier", "fr": "Fournisseur"},
    "kind.client": {"en": "Client", "fr": "Client"},
    "kind.alumni": {"en": "Alumni", "fr": "Ancien·ne"},
    "group.project": {"en": "Projects", "fr": "Projets"},
    "group.practice": {"en": "Communities of practice", "fr": "Communautés de pratique"},
    "group.hobby": {"en": "Clubs and hobbies", "fr": "Clubs et loisirs"},
    "group.site": {"en": "Sites", "fr": "Sites"},
    "group.partner": {"en": "Partner spaces", "fr": "Espaces partenaires"},
    "grouptype.project": {"en": "Project", "fr": "Projet"},
    "grouptype.practice": {"en": "Community of practice", "fr": "Communauté de pratique"},
    "grouptype.hobby": {"en": "Club", "fr": "Club"},
    "grouptype.site": {"en": "Site", "fr": "Site"},
    "grouptype.partner": {"en": "Partner space", "fr": "Espace partenaire"},
    "type.note": {"en": "Note", "fr": "Note"},
    "type.howto": {"en": "How-to", "fr": "Tutoriel"},
    "type.idea": {"en": "Idea", "fr": "Idée"},
    "type.question": {"en": "Question", "fr": "Question"},
    "type.event": {"en": "Event", "fr": "Événement"},
    "state.proposed": {"en": "Proposed", "fr": "Proposée"},
    "state.accepted": {"en": "Accepted", "fr": "Acceptée"},
    "state.in-progress": {"en": "In progress", "fr": "En cours"},
    "state.done": {"en": "Done", "fr": "Réalisée"},
    "state.declined": {"en": "Declined", "fr": "Refusée"},
}


@dataclass(frozen=True, slots=True)
class Translator:
    """Strings in one language; templates read them as `t.members`, code as `t("members")`."""

    language: str

    def __call__(self, key: str, **values: object) -> str:
        entry = STRINGS[key]
        text = entry.get(self.language) or entry["en"]
        return text.format(**values) if values else text

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self(key)
        except KeyError:
            raise AttributeError(key) from None

    def count(self, n: int, one: str, many: str) -> str:
        return self(one) if n == 1 else self(many, n=n)

    def date(self, value: dt.date) -> str:
        """'3 December 2026' / '3 décembre 2026'; a datetime adds its time, 24-hour."""
        day = f"{value.day} {MONTHS[self.language][value.month - 1]} {value.year}"
        if isinstance(value, dt.datetime):
            return f"{day}, {value:%H:%M}"
        return day
