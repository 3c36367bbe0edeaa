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
    "response.reply": {"en": "Reply", "fr": "Réponse"},
    "response.answer": {"en": "Answer", "fr": "Réponse à la question"},
    "response.accepted": {"en": "Accepted answer", "fr": "Réponse retenue"},
    "response.someone": {
        "en": "Someone not shown on this site",
        "fr": "Une personne non affichée sur ce site",
    },
    "response.thanked_by.one": {"en": "Thanked by {n} person", "fr": "Remerciée par {n} personne"},
    "response.thanked_by.other": {"en": "Thanked by {n} people", "fr": "Remerciée par {n} personnes"},
    "response.count.one": {"en": "{n} reply", "fr": "{n} réponse"},
    "response.count.other": {"en": "{n} replies", "fr": "{n} réponses"},
    "response.none": {"en": "Responses", "fr": "Réponses"},
    "rsvp.going": {"en": "Going", "fr": "Présent"},
    "rsvp.maybe": {"en": "Maybe", "fr": "Peut-être"},
    "rsvp.remote": {"en": "Remote", "fr": "À distance"},
    "rsvp.declined": {"en": "Not going", "fr": "Absent"},
    "rsvp.count.one": {"en": "{n} person", "fr": "{n} personne"},
    "rsvp.count.other": {"en": "{n} people", "fr": "{n} personnes"},
    "rsvp.at_site": {"en": "{n} in {site}", "fr": "{n} à {site}"},
    "rsvp.at_site_of": {
        "en": "{n} in {site} of {capacity} places",
        "fr": "{n} à {site} sur {capacity} places",
    },
    "rsvp.going_elsewhere.one": {"en": "{n} going", "fr": "{n} présent"},
    "rsvp.going_elsewhere.other": {"en": "{n} going", "fr": "{n} présents"},
    "rsvp.remote_count.one": {"en": "{n} remote", "fr": "{n} à distance"},
    "rsvp.remote_count.other": {"en": "{n} remote", "fr": "{n} à distance"},
    "rsvp.coming.one": {"en": "{n} coming", "fr": "{n} participant"},
    "rsvp.coming.other": {"en": "{n} coming", "fr": "{n} participants"},
    "rsvp.heading": {"en": "Who is coming", "fr": "Qui vient"},
    "foryou.heading": {"en": "For you", "fr": "Pour vous"},
    "foryou.subscribe": {
        "en": "Subscribe to what concerns you (Atom feed)",
        "fr": "Abonnez-vous à ce qui vous concerne (flux Atom)",
    },
    "foryou.directory_hint": {
        "en": "Subscribe to what concerns you: your profile has your own feed.",
        "fr": "Abonnez-vous à ce qui vous concerne : votre profil a son propre flux.",
    },
    "foryou.empty": {"en": "Nothing here yet.", "fr": "Rien pour l'instant."},
    "foryou.feed_title": {"en": "For {name}", "fr": "Pour {name}"},
    "foryou.response_title": {"en": "{kind} on “{title}”", "fr": "{kind} sur « {title} »"},
    "foryou.reason.mention": {"en": "mentions you", "fr": "vous mentionne"},
    "foryou.reason.reply_note": {"en": "reply to your note", "fr": "réponse à votre note"},
    "foryou.reason.reply_response": {"en": "reply to your response", "fr": "réponse à votre réponse"},
    "foryou.reason.person": {"en": "by {name}", "fr": "par {name}"},
    "foryou.reason.group": {"en": "in {group}", "fr": "dans {group}"},
    "foryou.reason.tag": {"en": "tagged {tag}", "fr": "étiquetée {tag}"},
    "foryou.reason.event_site": {"en": "event at {site}", "fr": "événement à {site}"},
    "foryou.reason.idea": {
        "en": "an idea you support: {state}",
        "fr": "une idée que vous soutenez : {state}",
    },
    "teams": {"en": "Teams", "fr": "Équipes"},
    "teams.none": {"en": "No profile names a team yet.", "fr": "Aucun profil n'indique encore d'équipe."},
    "team.managers": {"en": "Managers", "fr": "Responsables"},
    "team.leads": {"en": "In the team", "fr": "Dans l'équipe"},
    "team.outside": {"en": "Outside the team", "fr": "Hors de l'équipe"},
    "team.groups": {
        "en": "The groups they belong to most",
        "fr": "Les groupes dont ils sont le plus membres",
    },
    "team.members_of.one": {"en": "{n} member of this team", "fr": "{n} membre de cette équipe"},
    "team.members_of.other": {"en": "{n} members of this team", "fr": "{n} membres de cette équipe"},
    "team.notes": {"en": "Their notes", "fr": "Leurs notes"},
    "team.notes_written": {"en": "Notes written", "fr": "Notes écrites"},
    "team.commits_year": {"en": "Commits, last 12 months", "fr": "Commits, 12 derniers mois"},
    "team.contributors_year": {"en": "Contributors, last 12 months", "fr": "Contributeurs, 12 derniers mois"},
    "team.below_threshold.one": {
        "en": "Figures are shown for teams of at least {n} person.",
        "fr": "Les chiffres sont affichés pour les équipes d'au moins {n} personne.",
    },
    "team.below_threshold.other": {
        "en": "Figures are shown for teams of at least {n} people.",
        "fr": "Les chiffres sont affichés pour les équipes d'au moins {n} personnes.",
    },
    "feed.subscribe": {"en": "Subscribe (Atom feed)", "fr": "S'abonner (flux Atom)"},
    "sitepage.people": {"en": "People here", "fr": "Les personnes du site"},
    "sitepage.site_groups": {"en": "Site groups", "fr": "Groupes du site"},
    "sitepage.other_groups": {"en": "Other groups here", "fr": "Autres groupes du site"},
    "sitepage.events": {"en": "Upcoming events here", "fr": "Prochains événements sur place"},
    "sitepage.no_events": {"en": "No upcoming event here.", "fr": "Aucun événement à venir sur place."},
    "sitepage.notes": {"en": "Notes by people here", "fr": "Notes des personnes du site"},
    "sitepage.collaboration": {"en": "With other sites", "fr": "Avec les autres sites"},
    "sitepage.cross.one": {
        "en": "{n} note written with people of other sites",
        "fr": "{n} note écrite avec des personnes d'autres sites",
    },
    "sitepage.cross.other": {
        "en": "{n} notes written with people of other sites",
        "fr": "{n} notes écrites avec des personnes d'autres sites",
    },
    "sitepage.partners": {"en": "Sites worked with most", "fr": "Sites avec lesquels il travaille le plus"},
    "sitepage.shared.one": {"en": "{n} shared note", "fr": "{n} note commune"},
    "sitepage.shared.other": {"en": "{n} shared notes", "fr": "{n} notes communes"},
    "sitepage.other_sites": {"en": "Other sites", "fr": "Autres sites"},
    "sitepage.all_sites": {"en": "All sites", "fr": "Tous les sites"},
    "problem.unknown.followed": {
        "en": "unknown person '{value}' in follows",
        "fr": "personne inconnue '{value}' dans follows",
    },
    "problem.unknown.followed_close": {
        "en": "unknown person '{value}' in follows; did you mean '{close}'?",
        "fr": "personne inconnue '{value}' dans follows : vouliez-vous dire '{close}' ?",
    },
    "digest.title": {"en": "{name}: week {week}", "fr": "{name} : semaine {week}"},
    "digest.heading": {"en": "Weekly digest", "fr": "Résumé de la semaine"},
    "digest.period": {"en": "From {start} to {end}", "fr": "Du {start} au {end}"},
    "digest.new_notes": {"en": "New notes", "fr": "Nouvelles notes"},
    "digest.discussed": {"en": "Discussed", "fr": "Discussions"},
    "digest.new_members": {"en": "New members", "fr": "Nouveaux membres"},
    "digest.waiting": {"en": "Questions waiting for an answer", "fr": "Questions en attente de réponse"},
    "digest.ideas": {"en": "Ideas gaining support", "fr": "Idées qui gagnent du soutien"},
    "digest.events": {"en": "Coming up", "fr": "À venir"},
    "digest.review": {
        "en": "Worth a review (relied on, not updated for a year)",
        "fr": "À relire (souvent citées, pas mises à jour depuis un an)",
    },
    "digest.more.one": {"en": "and {n} more", "fr": "et {n} de plus"},
    "digest.more.other": {"en": "and {n} more", "fr": "et {n} de plus"},
    "digest.quiet": {"en": "A quiet week", "fr": "Une semaine calme"},
    "digest.no_site": {"en": "No site given", "fr": "Sans site indiqué"},
    "digest.thanks.one": {"en": "{n} thanks", "fr": "{n} remerciement"},
    "digest.thanks.other": {"en": "{n} thanks", "fr": "{n} remerciements"},
    "digest.waiting_days.one": {"en": "waiting for {n} day", "fr": "en attente depuis {n} jour"},
    "digest.waiting_days.other": {"en": "waiting for {n} days", "fr": "en attente depuis {n} jours"},
    "digest.week_or_since": {
        "en": "--week and --since cannot be used together",
        "fr": "--week et --since ne peuvent pas être utilisés ensemble",
    },
    "digest.unknown_group": {
        "en": "no group '{group}' on this site",
        "fr": "pas de groupe '{group}' sur ce site",
    },
    "digest.bad_week": {
        "en": "'{value}' is not an ISO week: write it as 2026-W48",
        "fr": "'{value}' n'est pas une semaine ISO : écrivez-la 2026-W48",
    },
    "digest.bad_since": {
        "en": "'{value}' is not a number of days: write it as 7d",
        "fr": "'{value}' n'est pas un nombre de jours : écrivez-le 7d",
    },
    "digest.no_commit": {
        "en": "no commit to date the digest from: give --week",
        "fr": "aucun commit pour dater le résumé : indiquez --week",
    },
    "mentions.reason.mentioned": {"en": "mentioned in {path}", "fr": "mentionné·e dans {path}"},
    "mentions.reason.response": {
        "en": "a response to the note {about}: {path}",
        "fr": "une réponse à la note {about} : {path}",
    },
    "mentions.reason.reply": {
        "en": "a reply to the response {about}: {path}",
        "fr": "une réponse à la réponse {about} : {path}",
    },
    "mentions.reason.joined": {
        "en": "{by} joins the group {about} ({path})",
        "fr": "{by} rejoint le groupe {about} ({path})",
    },
    "mentions.reason.added": {
        "en": "added to the members of the group {about} ({path})",
        "fr": "ajouté·e aux membres du groupe {about} ({path})",
    },
    "mentions.count.one": {"en": "{n} person to tell", "fr": "{n} personne à prévenir"},
    "mentions.count.other": {"en": "{n} people to tell", "fr": "{n} personnes à prévenir"},
    "mentions.none": {
        "en": "No one to tell: the change mentions, answers and adds no one.",
        "fr": "Personne à prévenir : la modification ne mentionne, ne répond ni n'ajoute personne.",
    },
    "mentions.comment": {
        "en": "This merge request concerns these people (listed by `rse mentions`):",
        "fr": "Cette demande de fusion concerne ces personnes (liste faite par `rse mentions`) :",
    },
    "action.reply": {"en": "Reply", "fr": "Répondre"},
    "action.answer": {"en": "Answer", "fr": "Proposer une réponse"},
    "action.kudos": {"en": "Thank", "fr": "Remercier"},
    "action.rsvp": {"en": "I'll come", "fr": "Je viens"},
    "responses_per_month": {"en": "Responses per month", "fr": "Réponses par mois"},
    "responses_written": {"en": "Responses", "fr": "Réponses"},
    "sites": {"en": "Sites", "fr": "Sites"},
    "sites.in_directory": {
        "en": "The people of {site} in the directory",
        "fr": "Les personnes de {site} dans l'annuaire",
    },
    "sites.none": {"en": "No profile names a site yet.", "fr": "Aucun profil n'indique encore de site."},
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
    "joined": {"en": "Joined", "fr": "Arrivée"},
    "member_of": {"en": "Groups", "fr": "Groupes"},
    "notes_by": {"en": "Notes", "fr": "Notes"},
    "animators": {"en": "Animators", "fr": "Animateurs"},
    "members": {"en": "Members", "fr": "Membres"},
    "no_notes": {"en": "No notes yet.", "fr": "Pas encore de note."},
    "no_members": {"en": "No members yet.", "fr": "Pas encore de membre."},
    "in_groups": {"en": "In", "fr": "Dans"},
    "newest_notes": {"en": "Newest notes", "fr": "Dernières notes"},
    "new_members": {"en": "New members", "fr": "Nouveaux membres"},
    "all_people": {"en": "Everyone in the community", "fr": "Toute la communauté"},
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
    "member.one": {"en": "{n} member", "fr": "{n} membre"},
    "member.other": {"en": "{n} members", "fr": "{n} membres"},
    "note.one": {"en": "{n} note", "fr": "{n} note"},
    "note.other": {"en": "{n} notes", "fr": "{n} notes"},
    "person.one": {"en": "{n} person", "fr": "{n} personne"},
    "person.other": {"en": "{n} people", "fr": "{n} personnes"},
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
    "share_of.one": {"en": "{share} % ({n} person)", "fr": "{share} % ({n} personne)"},
    "share_of.other": {"en": "{share} % ({n} people)", "fr": "{share} % ({n} personnes)"},
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
    "check.group.one": {"en": "{n} group", "fr": "{n} groupe"},
    "check.group.other": {"en": "{n} groups", "fr": "{n} groupes"},
    "check.community": {"en": "{people}, {groups}, {notes}", "fr": "{people}, {groups}, {notes}"},
    "check.changed.one": {
        "en": "{n} file touched or affected since {ref}",
        "fr": "{n} fichier modifié ou concerné depuis {ref}",
    },
    "check.changed.other": {
        "en": "{n} files touched or affected since {ref}",
        "fr": "{n} fichiers modifiés ou concernés depuis {ref}",
    },
    "check.error.one": {"en": "{n} error", "fr": "{n} erreur"},
    "check.error.other": {"en": "{n} errors", "fr": "{n} erreurs"},
    "check.warning.one": {"en": "{n} warning", "fr": "{n} avertissement"},
    "check.warning.other": {"en": "{n} warnings", "fr": "{n} avertissements"},
    "check.advice.one": {"en": "{n} piece of advice", "fr": "{n} conseil"},
    "check.advice.other": {"en": "{n} pieces of advice", "fr": "{n} conseils"},
    "check.problem.one": {"en": "{n} problem", "fr": "{n} problème"},
    "check.problem.other": {"en": "{n} problems", "fr": "{n} problèmes"},
    "check.ok": {
        "en": "ok: {what}; {errors}, {warnings}, {advice}",
        "fr": "ok : {what} ; {errors}, {warnings}, {advice}",
    },
    "check.failed": {
        "en": "failed: {what}; {errors}, {warnings}, {advice}",
        "fr": "échec : {what} ; {errors}, {warnings}, {advice}",
    },
    "check.nothing_built": {
        "en": "{failing} in the content: nothing was built.",
        "fr": "{failing} dans le contenu : rien n'a été construit.",
    },
    "check.content_problems": {"en": "content problems:", "fr": "problèmes dans le contenu :"},
    "build.building.one": {"en": "Building {n} site: {names}", "fr": "Construction de {n} site : {names}"},
    "build.building.other": {
        "en": "Building {n} sites: {names}",
        "fr": "Construction de {n} sites : {names}",
    },
    "build.built": {
        "en": "Built {people}, {groups} and {notes} for '{audience}' into {path}",
        "fr": "Construit : {people}, {groups} et {notes} pour « {audience} » dans {path}",
    },
    "build.failed": {
        "en": "the build failed: {error}; the previous site is unchanged",
        "fr": "la construction a échoué : {error} ; le site précédent est inchangé",
    },
    "serve.failed": {"en": "cannot serve: {error}", "fr": "impossible de servir le site : {error}"},
    "environment.mkdocs": {"en": "{error}", "fr": "{error}"},
    "environment.not_in_repository": {
        "en": "{path} is not in a git repository: rse dates pages and counts contributions from git. "
        "Run it in a clone, or pass --no-history to build without git dates.",
        "fr": "{path} n'est pas dans un dépôt git : rse date les pages et compte les contributions "
        "d'après git. Lancez-le dans un clone, ou passez --no-history pour construire sans les dates "
        "de git.",
    },
    "environment.shallow_clone": {
        "en": "this is a shallow clone: statistics and page dates need the whole history. Fetch it "
        "with 'git fetch --unshallow' (in CI: actions/checkout with fetch-depth: 0, or "
        "GIT_DEPTH: 0 on GitLab).",
        "fr": "ceci est un clone superficiel : les statistiques et les dates des pages ont besoin de "
        "tout l'historique. Récupérez-le avec 'git fetch --unshallow' (en CI : actions/checkout "
        "avec fetch-depth: 0, ou GIT_DEPTH: 0 sur GitLab).",
    },
    "environment.missing_objects": {
        "en": "the git history has missing objects (a partial clone or a damaged copy): clone the "
        "repository in full (git clone without --filter) and build again. git said: {stderr}",
        "fr": "il manque des objets à l'historique git (un clone partiel ou une copie abîmée) : "
        "clonez le dépôt en entier (git clone sans --filter) et relancez la construction. "
        "git a répondu : {stderr}",
    },
    "environment.history_unreadable": {
        "en": "git could not read the history: {stderr}",
        "fr": "git n'a pas pu lire l'historique : {stderr}",
    },
    "environment.plain_no_history": {
        "en": "{error} (or set {variable}=1)",
        "fr": "{error} (ou définissez {variable}=1)",
    },
    "environment.changed_since_needs_git": {
        "en": "{path} is not a git repository: --changed-since needs one",
        "fr": "{path} n'est pas un dépôt git : --changed-since en a besoin",
    },
    "environment.unknown_revision": {
        "en": "unknown revision '{ref}': fetch it first (e.g. git fetch origin main) or name another",
        "fr": "révision inconnue '{ref}' : récupérez-la d'abord (par exemple git fetch origin main) "
        "ou nommez-en une autre",
    },
    "environment.unknown_audience": {
        "en": "unknown audience '{name}': mkdocs.yml's extra.rse.audiences defines {known}",
        "fr": "audience inconnue '{name}' : extra.rse.audiences, dans mkdocs.yml, définit {known}",
    },
    "environment.plain_audience": {
        "en": "{error} (set {variable} to one of them)",
        "fr": "{error} (donnez à {variable} l'une de ces valeurs)",
    },
    "environment.output_is_a_file": {
        "en": "{path} is a file, not a site folder: move it away",
        "fr": "{path} est un fichier, pas un dossier de site : déplacez-le",
    },
    "environment.output_cannot_write": {
        "en": "cannot write beside {path}: {reason}",
        "fr": "impossible d'écrire à côté de {path} : {reason}",
    },
    "environment.output_cannot_replace": {
        "en": "cannot replace {path}: {reason}",
        "fr": "impossible de remplacer {path} : {reason}",
    },
    "environment.starter_cannot_write": {
        "en": "cannot write {path}: {reason}",
        "fr": "impossible d'écrire dans {path} : {reason}",
    },
    "environment.search_index": {
        "en": "the search index could not be built: {output}",
        "fr": "l'index de recherche n'a pas pu être construit : {output}",
    },
    "environment.search_index_exit": {
        "en": "the search index could not be built: Pagefind stopped with exit code {code}",
        "fr": "l'index de recherche n'a pas pu être construit : Pagefind s'est arrêté avec le code "
        "de sortie {code}",
    },
    "codeowners.up_to_date": {"en": "{path} is up to date", "fr": "{path} est à jour"},
    "codeowners.wrote": {"en": "wrote {path}", "fr": "{path} écrit"},
    "stats.reading_history": {"en": "Reading the history", "fr": "Lecture de l'historique"},
    "history.read.one": {
        "en": "rse: history of {n} commit, {scanned} read from git{cache}",
        "fr": "rse : historique de {n} commit ; lus dans git : {scanned}{cache}",
    },
    "history.read.other": {
        "en": "rse: history of {n} commits, {scanned} read from git{cache}",
        "fr": "rse : historique de {n} commits ; lus dans git : {scanned}{cache}",
    },
    "history.from_cache": {"en": " (the rest from .rse-cache)", "fr": " (le reste depuis .rse-cache)"},
    "summary.line": {
        "en": "{what}, e.g. {examples} (rse check --verbose lists them all)",
        "fr": "{what}, p. ex. {examples} (rse check --verbose les liste tous)",
    },
    "summary.same.one": {"en": "{n} time “{message}”", "fr": "{n} fois « {message} »"},
    "summary.same.other": {"en": "{n} times “{message}”", "fr": "{n} fois « {message} »"},
    "summary.skills.one": {
        "en": "{n} profile has no skills yet",
        "fr": "{n} profil n'a pas encore de compétences",
    },
    "summary.skills.other": {
        "en": "{n} profiles have no skills yet",
        "fr": "{n} profils n'ont pas encore de compétences",
    },
    "summary.shared-id.one": {
        "en": "{n} note shares its id with another note: link to it with its path",
        "fr": "{n} note partage son identifiant avec une autre : liez-la par son chemin",
    },
    "summary.shared-id.other": {
        "en": "{n} notes share their id with another note: link to them with their path",
        "fr": "{n} notes partagent leur identifiant avec une autre : liez-les par leur chemin",
    },
    "summary.draft-link.one": {
        "en": "{n} link points to a draft: it shows as plain text until the draft is published",
        "fr": "{n} lien mène à un brouillon : il reste du texte simple jusqu'à sa publication",
    },
    "summary.draft-link.other": {
        "en": "{n} links point to drafts: they show as plain text until the drafts are published",
        "fr": "{n} liens mènent à des brouillons : ils restent du texte simple jusqu'à leur publication",
    },
    "summary.idea-field.one": {
        "en": "{n} note that is not an idea has idea-only keys (state, supporters): they are ignored",
        "fr": "{n} note qui n'est pas une idée a des clés d'idée (state, supporters) : elles sont ignorées",
    },
    "summary.idea-field.other": {
        "en": "{n} notes that are not ideas have idea-only keys (state, supporters): they are ignored",
        "fr": "{n} notes qui ne sont pas des idées ont des clés d'idée (state, supporters) : "
        "elles sont ignorées",
    },
    "health": {"en": "Health of the community", "fr": "Santé de la communauté"},
    "monthly": {"en": "Month by month", "fr": "Mois par mois"},
    "last_months": {
        "en": "The last {n} months; stats.json holds every month.",
        "fr": "Les {n} derniers mois ; stats.json contient tous les mois.",
    },
    "totals": {"en": "In total", "fr": "Au total"},
    "group_below_threshold.one": {
        "en": "Monthly figures appear once the group has {n} member.",
        "fr": "Les chiffres mensuels apparaissent à partir de {n} membre.",
    },
    "group_below_threshold.other": {
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
    "directory.shown_of_one": {"en": "{shown} of {total} people", "fr": "{shown} personne sur {total}"},
    "directory.name_label": {"en": "Name", "fr": "Nom"},
    "directory.name_placeholder": {"en": "Name, role, team…", "fr": "Nom, rôle, équipe…"},
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
    "summary.mention.one": {
        "en": "{n} @ word names no profile (no handle, no login in links): it stays plain text",
        "fr": "{n} mot en @ ne désigne aucun profil (ni identifiant, ni login dans links) : "
        "il reste du texte simple",
    },
    "summary.mention.other": {
        "en": "{n} @ words name no profile (no handle, no login in links): they stay plain text",
        "fr": "{n} mots en @ ne désignent aucun profil (ni identifiant, ni login dans links) : "
        "ils restent du texte simple",
    },
    "problem.tab_indent": {
        "en": "line {line} starts with a tab: indent with spaces",
        "fr": "la ligne {line} commence par une tabulation : indentez avec des espaces",
    },
    "problem.tab": {
        "en": "line {line} has a tab where YAML needs a space: use spaces",
        "fr": "la ligne {line} a une tabulation là où YAML attend un espace : utilisez des espaces",
    },
    "problem.not_closed": {
        "en": "front matter is not closed: add a line '---' after it",
        "fr": "l'en-tête YAML n'est pas fermé : ajoutez une ligne '---' après lui",
    },
    "problem.invalid_yaml": {
        "en": "invalid YAML in front matter: {reason}",
        "fr": "YAML invalide dans l'en-tête : {reason}",
    },
    "problem.empty": {
        "en": "front matter is empty: add at least a title or a name",
        "fr": "l'en-tête YAML est vide : ajoutez au moins un titre (title) ou un nom (name)",
    },
    "problem.not_mapping": {
        "en": "front matter must be a mapping of 'key: value' lines",
        "fr": "l'en-tête YAML doit être fait de lignes 'clé: valeur'",
    },
    "problem.key_not_text": {"en": "a key must be plain text", "fr": "une clé doit être du texte simple"},
    "problem.key_twice": {
        "en": "key '{name}' appears twice (first on line {first}); keep one",
        "fr": "la clé '{name}' apparaît deux fois (d'abord à la ligne {first}) : n'en gardez qu'une",
    },
    "problem.invalid_value": {
        "en": "invalid value for '{name}': {reason}",
        "fr": "valeur invalide pour '{name}' : {reason}",
    },
    "problem.cannot_read": {"en": "cannot read file: {reason}", "fr": "fichier illisible : {reason}"},
    "problem.not_utf8": {
        "en": "file is not UTF-8 text: save it as UTF-8",
        "fr": "le fichier n'est pas du texte UTF-8 : enregistrez-le en UTF-8",
    },
    "problem.required": {"en": "'{field}' is required", "fr": "'{field}' est obligatoire"},
    "problem.no_title": {
        "en": "'title' is required: add a title: line or start the text with '# Title'",
        "fr": "'title' est obligatoire : ajoutez une ligne title: ou commencez le texte par '# Titre'",
    },
    # Pydantic's errors, by type: each English text is pydantic's own, word for word (a type
    # whose wording differs, or that is not here, keeps pydantic's English in problem.input).
    "problem.input": {"en": "{where}: {reason}", "fr": "{where} : {reason}"},
    "problem.input.string_type": {
        "en": "{where}: Input should be a valid string",
        "fr": "{where} : du texte est attendu",
    },
    "problem.input.string_too_short.one": {
        "en": "{where}: String should have at least {n} character",
        "fr": "{where} : au moins {n} caractère est attendu",
    },
    "problem.input.string_too_short.other": {
        "en": "{where}: String should have at least {n} characters",
        "fr": "{where} : au moins {n} caractères sont attendus",
    },
    "problem.input.too_short.one": {
        "en": "{where}: Value should have at least {n} item after validation, not {actual_length}",
        "fr": "{where} : ne doit pas être vide (au moins {n} élément, pas {actual_length})",
    },
    "problem.input.too_short.other": {
        "en": "{where}: Value should have at least {n} items after validation, not {actual_length}",
        "fr": "{where} : au moins {n} éléments sont attendus, pas {actual_length}",
    },
    "problem.input.int_type": {
        "en": "{where}: Input should be a valid integer",
        "fr": "{where} : un nombre entier est attendu",
    },
    "problem.input.int_parsing": {
        "en": "{where}: Input should be a valid integer, unable to parse string as an integer",
        "fr": "{where} : un nombre entier est attendu, ce texte n'en est pas un",
    },
    "problem.input.int_from_float": {
        "en": "{where}: Input should be a valid integer, got a number with a fractional part",
        "fr": "{where} : un nombre entier est attendu, pas un nombre à virgule",
    },
    "problem.input.float_type": {
        "en": "{where}: Input should be a valid number",
        "fr": "{where} : un nombre est attendu",
    },
    "problem.input.float_parsing": {
        "en": "{where}: Input should be a valid number, unable to parse string as a number",
        "fr": "{where} : un nombre est attendu, ce texte n'en est pas un",
    },
    "problem.input.bool_type": {
        "en": "{where}: Input should be a valid boolean",
        "fr": "{where} : true ou false est attendu",
    },
    "problem.input.bool_parsing": {
        "en": "{where}: Input should be a valid boolean, unable to interpret input",
        "fr": "{where} : true ou false est attendu, cette valeur n'est ni l'un ni l'autre",
    },
    "problem.input.list_type": {
        "en": "{where}: Input should be a valid list",
        "fr": "{where} : une liste est attendue ([a, b])",
    },
    "problem.input.tuple_type": {
        "en": "{where}: Input should be a valid tuple",
        "fr": "{where} : une liste est attendue ([a, b])",
    },
    "problem.input.dict_type": {
        "en": "{where}: Input should be a valid dictionary",
        "fr": "{where} : des lignes 'clé: valeur' sont attendues",
    },
    "problem.input.model_type": {
        "en": "{where}: Input should be a valid dictionary or instance of {class_name}",
        "fr": "{where} : des lignes 'clé: valeur' sont attendues ({class_name})",
    },
    "problem.input.enum": {
        "en": "{where}: Input should be {choices} or {last}",
        "fr": "{where} : les valeurs possibles sont {choices} ou {last}",
    },
    "problem.input.literal_error": {
        "en": "{where}: Input should be {choices} or {last}",
        "fr": "{where} : les valeurs possibles sont {choices} ou {last}",
    },
    "problem.input.greater_than_equal": {
        "en": "{where}: Input should be greater than or equal to {ge}",
        "fr": "{where} : une valeur supérieure ou égale à {ge} est attendue",
    },
    "problem.input.greater_than": {
        "en": "{where}: Input should be greater than {gt}",
        "fr": "{where} : une valeur supérieure à {gt} est attendue",
    },
    "problem.input.less_than_equal": {
        "en": "{where}: Input should be less than or equal to {le}",
        "fr": "{where} : une valeur inférieure ou égale à {le} est attendue",
    },
    "problem.input.less_than": {
        "en": "{where}: Input should be less than {lt}",
        "fr": "{where} : une valeur inférieure à {lt} est attendue",
    },
    "problem.input.url_type": {
        "en": "{where}: URL input should be a string or URL",
        "fr": "{where} : une adresse web est attendue",
    },
    "problem.input.url_parsing": {
        "en": "{where}: Input should be a valid URL, {error}",
        "fr": "{where} : une adresse web valide est attendue ({error})",
    },
    "problem.input.extra_forbidden": {
        "en": "{where}: Extra inputs are not permitted",
        "fr": "{where} : cette clé n'est pas permise ici",
    },
    "problem.input.time_zone": {
        "en": "{where}: unknown time zone '{zone}': write a name such as Europe/Paris",
        "fr": "{where} : fuseau horaire '{zone}' inconnu : écrivez un nom comme Europe/Paris",
    },
    "problem.input.web_link": {
        "en": "{where}: '{link}' is not a web link: write it as https://…",
        "fr": "{where} : '{link}' n'est pas un lien web : écrivez-le sous la forme https://…",
    },
    "problem.input.default_audience": {
        "en": "{where}: default_audience '{audience}' is not one of the audiences ({known})",
        "fr": "{where} : default_audience '{audience}' ne fait pas partie des audiences ({known})",
    },
    "problem.date": {
        "en": "'{field}': {reason}; write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : {reason} ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.date_from_datetime_parsing": {
        "en": "'{field}': Input should be a valid date or datetime; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : ce n'est pas une date valide ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.datetime_from_date_parsing": {
        "en": "'{field}': Input should be a valid datetime or date; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : ce n'est pas une date valide ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.date_from_datetime_inexact": {
        "en": "'{field}': Datetimes provided to dates should have zero time - e.g. be exact dates; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : une date est attendue, sans heure ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.date_type": {
        "en": "'{field}': Input should be a valid date; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : une date est attendue ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.datetime_type": {
        "en": "'{field}': Input should be a valid datetime; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : une date et une heure sont attendues ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.date.datetime_parsing": {
        "en": "'{field}': Input should be a valid datetime; "
        "write a date (2026-12-03) or a date and time (2026-12-03T18:00)",
        "fr": "'{field}' : ce n'est pas une date et heure valide ; "
        "écrivez une date (2026-12-03) ou une date et une heure (2026-12-03T18:00)",
    },
    "problem.unknown_key": {"en": "unknown key '{name}'", "fr": "clé inconnue '{name}'"},
    "problem.unknown_key_close": {
        "en": "unknown key '{name}'; did you mean '{close}'?",
        "fr": "clé inconnue '{name}' : vouliez-vous dire '{close}' ?",
    },
    "problem.bad_id.person": {
        "en": "profile file name '{name}' must use lowercase letters, digits and '-' only",
        "fr": "le nom du fichier de profil '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-'",
    },
    "problem.bad_id.person_rename": {
        "en": "profile file name '{name}' must use lowercase letters, digits and '-' only; "
        "rename it '{suggestion}'",
        "fr": "le nom du fichier de profil '{name}' ne doit contenir que des minuscules, des chiffres et "
        "des '-' : renommez-le '{suggestion}'",
    },
    "problem.bad_id.group": {
        "en": "group folder name '{name}' must use lowercase letters, digits and '-' only",
        "fr": "le nom du dossier de groupe '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-'",
    },
    "problem.bad_id.group_rename": {
        "en": "group folder name '{name}' must use lowercase letters, digits and '-' only; "
        "rename it '{suggestion}'",
        "fr": "le nom du dossier de groupe '{name}' ne doit contenir que des minuscules, des chiffres et "
        "des '-' : renommez-le '{suggestion}'",
    },
    "problem.bad_id.note": {
        "en": "note file name '{name}' must use lowercase letters, digits and '-' only",
        "fr": "le nom du fichier de note '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-'",
    },
    "problem.bad_id.note_rename": {
        "en": "note file name '{name}' must use lowercase letters, digits and '-' only; "
        "rename it '{suggestion}'",
        "fr": "le nom du fichier de note '{name}' ne doit contenir que des minuscules, des chiffres et "
        "des '-' : renommez-le '{suggestion}'",
    },
    "problem.bad_id.note_folder": {
        "en": "note folder name '{name}' must use lowercase letters, digits and '-' only",
        "fr": "le nom du dossier de note '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-'",
    },
    "problem.bad_id.note_folder_rename": {
        "en": "note folder name '{name}' must use lowercase letters, digits and '-' only; "
        "rename it '{suggestion}'",
        "fr": "le nom du dossier de note '{name}' ne doit contenir que des minuscules, des chiffres et "
        "des '-' : renommez-le '{suggestion}'",
    },
    "problem.avatar_outside": {
        "en": "avatar '{avatar}' is outside content/: put the photo next to the profile",
        "fr": "l'avatar '{avatar}' est hors de content/ : mettez la photo à côté du profil",
    },
    "problem.avatar_missing": {
        "en": "avatar '{avatar}' not found next to the profile",
        "fr": "avatar '{avatar}' introuvable à côté du profil",
    },
    "problem.symlink": {
        "en": "symbolic link leads outside the repository: copy the file in",
        "fr": "ce lien symbolique mène hors du dépôt : copiez-y plutôt le fichier",
    },
    "problem.too_large": {
        "en": "file is {size} MB, over the {limit} MB limit: keep large files out of content/ "
        "(or raise extra.rse.max_file_mb)",
        "fr": "le fichier fait {size} Mo, au-delà de la limite de {limit} Mo : gardez les gros fichiers "
        "hors de content/ (ou relevez extra.rse.max_file_mb)",
    },
    "problem.same_page": {
        "en": "'{index}' and '{other}' would be the same page, {page}/: rename the folder or the file",
        "fr": "'{index}' et '{other}' seraient la même page, {page}/ : renommez le dossier ou le fichier",
    },
    "problem.bad_id.response": {
        "en": "response file name '{name}' must use lowercase letters, digits and '-' only",
        "fr": "le nom du fichier de réponse '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-'",
    },
    "problem.bad_id.response_rename": {
        "en": "response file name '{name}' must use lowercase letters, digits and '-' only; "
        "rename it '{suggestion}'",
        "fr": "le nom du fichier de réponse '{name}' ne doit contenir que des minuscules, des chiffres "
        "et des '-' : renommez-le '{suggestion}'",
    },
    "problem.response_folder": {
        "en": "a response lives in responses/<note-id>/<response-id>.md: move it into the folder "
        "named after its note",
        "fr": "une réponse se range dans responses/<id-de-la-note>/<id-de-la-réponse>.md : "
        "déplacez-la dans le dossier qui porte le nom de sa note",
    },
    "problem.response_note": {
        "en": "responses/{note}/ names no note: the folder's name must be the id of the note it answers",
        "fr": "responses/{note}/ ne désigne aucune note : le nom du dossier doit être l'id de la note "
        "à laquelle elle répond",
    },
    "problem.response_note_close": {
        "en": "responses/{note}/ names no note: did you mean '{close}'?",
        "fr": "responses/{note}/ ne désigne aucune note : vouliez-vous dire '{close}' ?",
    },
    "problem.response_ambiguous": {
        "en": "responses/{note}/ could be several notes ({candidates}): name the folder after the note's "
        "path instead, e.g. responses/{example}/",
        "fr": "responses/{note}/ peut désigner plusieurs notes ({candidates}) : nommez plutôt le dossier "
        "d'après le chemin de la note, par exemple responses/{example}/",
    },
    "problem.response_draft": {
        "en": "the note '{note}' is a draft: its responses are published with it",
        "fr": "la note '{note}' est un brouillon : ses réponses seront publiées avec elle",
    },
    "problem.response_authors": {
        "en": "a response is one person's: name one author (several people write one file each)",
        "fr": "une réponse est celle d'une personne : indiquez un seul auteur (chacun écrit son propre "
        "fichier)",
    },
    "problem.rsvp_missing": {
        "en": "an rsvp says whether you come: add 'rsvp: going' (going, maybe, remote or declined)",
        "fr": "une réponse rsvp dit si vous venez : ajoutez 'rsvp: going' (going, maybe, remote ou declined)",
    },
    "problem.rsvp_field": {
        "en": "'rsvp' is read only on a response of kind rsvp, not of kind {kind}",
        "fr": "'rsvp' n'est lu que sur une réponse de type rsvp, pas de type {kind}",
    },
    "problem.response_empty": {
        "en": "this {kind} has no text: write it below the front matter",
        "fr": "ce {kind} n'a pas de texte : écrivez-le sous l'en-tête",
    },
    "problem.reply_to": {
        "en": "reply_to '{target}' is no response to this note",
        "fr": "reply_to '{target}' n'est pas une réponse à cette note",
    },
    "problem.reply_to_close": {
        "en": "reply_to '{target}' is no response to this note: did you mean '{close}'?",
        "fr": "reply_to '{target}' n'est pas une réponse à cette note : vouliez-vous dire '{close}' ?",
    },
    "problem.answer_needs": {
        "en": "an answer responds to a question, and '{note}' is of type {type}: make it kind: reply",
        "fr": "une réponse de type answer répond à une question, et '{note}' est de type {type} : écrivez "
        "kind: reply",
    },
    "problem.rsvp_needs": {
        "en": "an rsvp responds to an event, and '{note}' is of type {type}",
        "fr": "une réponse rsvp répond à un événement, et '{note}' est de type {type}",
    },
    "problem.response_widens": {
        "en": "audience '{label}' would show this response to more people than its note ('{note_label}'): "
        "a response may narrow its note's audience, never widen it",
        "fr": "l'audience '{label}' montrerait cette réponse à plus de monde que sa note ('{note_label}') : "
        "une réponse peut restreindre l'audience de sa note, jamais l'élargir",
    },
    "problem.accepted_question": {
        "en": "'accepted' names the accepted answer of a question; this note is of type {type}",
        "fr": "'accepted' désigne la réponse retenue d'une question ; cette note est de type {type}",
    },
    "problem.accepted_unknown": {
        "en": "accepted '{value}' is no answer in responses/{note}/",
        "fr": "accepted '{value}' n'est pas une réponse de responses/{note}/",
    },
    "problem.accepted_unknown_close": {
        "en": "accepted '{value}' is no answer in responses/{note}/: did you mean '{close}'?",
        "fr": "accepted '{value}' n'est pas une réponse de responses/{note}/ : vouliez-vous dire '{close}' ?",
    },
    "problem.accepted_kind": {
        "en": "accepted '{value}' is of kind {kind}: only an answer (kind: answer) can be accepted",
        "fr": "accepted '{value}' est de type {kind} : seule une réponse de type answer peut être retenue",
    },
    "problem.group_no_index": {
        "en": "group folder has no index.md: add one with at least a 'title'",
        "fr": "le dossier du groupe n'a pas d'index.md : ajoutez-en un avec au moins un 'title'",
    },
    "problem.unknown.group": {"en": "unknown group '{value}'", "fr": "groupe inconnu '{value}'"},
    "problem.unknown.group_close": {
        "en": "unknown group '{value}'; did you mean '{close}'?",
        "fr": "groupe inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "problem.unknown.manager": {"en": "unknown manager '{value}'", "fr": "manager inconnu '{value}'"},
    "problem.unknown.manager_close": {
        "en": "unknown manager '{value}'; did you mean '{close}'?",
        "fr": "manager inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "serve.rebuilt.one": {"en": "rebuilt {n} page: {pages}", "fr": "{n} page reconstruite : {pages}"},
    "serve.rebuilt.other": {"en": "rebuilt {n} pages: {pages}", "fr": "{n} pages reconstruites : {pages}"},
    "org.title": {"en": "Org chart", "fr": "Organigramme"},
    "org.teams": {"en": "Teams", "fr": "Équipes"},
    "org.find_label": {"en": "Find someone", "fr": "Trouver quelqu'un"},
    "org.open_all": {"en": "Open every branch", "fr": "Tout déplier"},
    "org.close_all": {"en": "Close every branch", "fr": "Tout replier"},
    "org.found": {"en": "Found: {n}", "fr": "Trouvés : {n}"},
    "org.not_shown": {"en": "Someone not shown on this site", "fr": "Une personne non affichée sur ce site"},
    "org.empty": {
        "en": "No reporting lines yet: a profile's manager: key draws the chart.",
        "fr": "Pas encore de liens hiérarchiques : la clé manager: des profils dessine l'organigramme.",
    },
    "org.branch.one": {"en": "{n} person in this branch", "fr": "{n} personne dans cette branche"},
    "org.branch.other": {"en": "{n} people in this branch", "fr": "{n} personnes dans cette branche"},
    "org.place": {"en": "In the organisation", "fr": "Dans l'organisation"},
    "org.chain": {"en": "Reporting line", "fr": "Ligne hiérarchique"},
    "org.reports": {"en": "Direct reports", "fr": "Collaborateurs directs"},
    "org.see_chart": {"en": "See in the org chart", "fr": "Voir dans l'organigramme"},
    "problem.manager_loop": {
        "en": "reporting lines loop: {loop}; someone in it must report to someone outside it, or to no one",
        "fr": "les liens hiérarchiques bouclent : {loop} ; l'une de ces personnes doit avoir un manager "
        "hors de la boucle, ou aucun",
    },
    "problem.unknown.animator": {"en": "unknown animator '{value}'", "fr": "animateur inconnu '{value}'"},
    "problem.unknown.animator_close": {
        "en": "unknown animator '{value}'; did you mean '{close}'?",
        "fr": "animateur inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "problem.unknown.member": {"en": "unknown member '{value}'", "fr": "membre inconnu '{value}'"},
    "problem.unknown.member_close": {
        "en": "unknown member '{value}'; did you mean '{close}'?",
        "fr": "membre inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "problem.unknown.author": {"en": "unknown author '{value}'", "fr": "auteur inconnu '{value}'"},
    "problem.unknown.author_close": {
        "en": "unknown author '{value}'; did you mean '{close}'?",
        "fr": "auteur inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "problem.unknown.supporter": {"en": "unknown supporter '{value}'", "fr": "soutien inconnu '{value}'"},
    "problem.unknown.supporter_close": {
        "en": "unknown supporter '{value}'; did you mean '{close}'?",
        "fr": "soutien inconnu '{value}' : vouliez-vous dire '{close}' ?",
    },
    "problem.mention_typo": {
        "en": "unknown person '@{target}'; did you mean '@{meant}'? (write `@{target}` for a literal @)",
        "fr": "personne inconnue '@{target}' : vouliez-vous dire '@{meant}' ? "
        "(écrivez `@{target}` pour un @ tel quel)",
    },
    "problem.mention": {
        "en": "'@{target}' names no profile (no handle, no login in links): it stays plain text",
        "fr": "'@{target}' ne désigne aucun profil (ni identifiant, ni login dans links) : "
        "il reste du texte simple",
    },
    "problem.draft-link": {
        "en": "'[[{target}]]' is a draft: the link shows as plain text until it is published",
        "fr": "'[[{target}]]' est un brouillon : le lien reste du texte simple jusqu'à sa publication",
    },
    "problem.ambiguous": {
        "en": "'[[{target}]]' is ambiguous: {candidates} share that name; link with the path",
        "fr": "'[[{target}]]' est ambigu : {candidates} portent ce nom ; liez la note par son chemin",
    },
    "problem.unknown_note": {"en": "unknown note '[[{target}]]'", "fr": "note inconnue '[[{target}]]'"},
    "problem.unknown_note_close": {
        "en": "unknown note '[[{target}]]'; did you mean '{close}'?",
        "fr": "note inconnue '[[{target}]]' : vouliez-vous dire '{close}' ?",
    },
    "problem.unknown_audience": {
        "en": "unknown audience '{label}'; audiences in mkdocs.yml use: {known}",
        "fr": "audience inconnue '{label}' ; les audiences de mkdocs.yml utilisent : {known}",
    },
    "problem.unknown_audience_close": {
        "en": "unknown audience '{label}'; did you mean '{close}'?; audiences in mkdocs.yml use: {known}",
        "fr": "audience inconnue '{label}' : vouliez-vous dire '{close}' ? "
        "Les audiences de mkdocs.yml utilisent : {known}",
    },
    "problem.audience_widens": {
        "en": "audience '{label}' widens group '{group}' ({group_label}): a note may narrow its group's "
        "audience, never widen it",
        "fr": "l'audience '{label}' élargit celle du groupe '{group}' ({group_label}) : une note peut "
        "restreindre l'audience de son groupe, jamais l'élargir",
    },
    "problem.event_start": {
        "en": "an event needs 'start' (e.g. start: 2026-12-03T18:00)",
        "fr": "un événement a besoin de 'start' (par exemple start: 2026-12-03T18:00)",
    },
    "problem.end_before_start": {"en": "'end' is before 'start'", "fr": "'end' est avant 'start'"},
    "problem.idea-field": {
        "en": "'{name}' is for ideas (type: idea); it is ignored here",
        "fr": "'{name}' est réservé aux idées (type: idea) : il est ignoré ici",
    },
    "problem.shared-id": {
        "en": "note id '{id}' is also {others}: link to it as [[{link}]]",
        "fr": "l'identifiant de note '{id}' est aussi celui de {others} : liez-la par [[{link}]]",
    },
    "problem.skills": {
        "en": "no skills yet: add skills: [...] so colleagues can find you",
        "fr": "pas encore de compétences : ajoutez skills: [...] pour que vos collègues vous trouvent",
    },
    "problem.shared_address": {
        "en": "address {number} of 'emails' is also in the profile of {others}: keep it in one",
        "fr": "l'adresse {number} de 'emails' est aussi dans le profil de {others} : "
        "ne la gardez que dans un seul",
    },
    "problem.settings_not_mapping": {
        "en": "extra.rse: must be a mapping of settings",
        "fr": "extra.rse : des lignes 'réglage: valeur' sont attendues",
    },
    "problem.unseen_label": {
        "en": "extra.rse.audiences: no audience sees '{label}', the label of every page without an "
        "audience: those pages are in no site",
        "fr": "extra.rse.audiences : aucune audience ne voit '{label}', le label de toute page sans "
        "audience : ces pages ne sont dans aucun site",
    },
    "problem.unknown_setting": {"en": "{where}: unknown setting", "fr": "{where} : réglage inconnu"},
    "problem.unknown_setting_close": {
        "en": "{where}: unknown setting; did you mean '{close}'?",
        "fr": "{where} : réglage inconnu : vouliez-vous dire '{close}' ?",
    },
    "problem.codeowners_stale": {
        "en": "out of date with the groups' animators: run 'rse codeowners --write'",
        "fr": "n'est plus à jour avec les animateurs des groupes : lancez 'rse codeowners --write'",
    },
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
    "other_sites.one": {
        "en": "Sites with fewer than {n} contributor",
        "fr": "Sites de moins de {n} contributeur",
    },
    "other_sites.other": {
        "en": "Sites with fewer than {n} contributors",
        "fr": "Sites de moins de {n} contributeurs",
    },
    "email_hidden": {"en": "(e-mail hidden)", "fr": "(adresse masquée)"},
    "search": {"en": "Search", "fr": "Rechercher"},
    # The name of a table's scrolling region, for screen readers (numbered: unique on a page).
    "a11y.table": {"en": "Scrollable table {n}", "fr": "Tableau défilant {n}"},
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
    "event.timezone": {"en": "Time zone", "fr": "Fuseau horaire"},
    "event.online": {"en": "Online", "fr": "En ligne"},
    "event.join_online": {"en": "Join online: {link}", "fr": "Rejoindre en ligne : {link}"},
    "init.ask_name": {"en": "Community name", "fr": "Nom de la communauté"},
    "init.not_empty": {
        "en": "{path} is not empty: rse init never overwrites; choose a new folder",
        "fr": "{path} n'est pas vide : rse init n'écrase jamais rien ; choisissez un nouveau dossier",
    },
    "init.files.one": {"en": "{n} file", "fr": "{n} fichier"},
    "init.files.other": {"en": "{n} files", "fr": "{n} fichiers"},
    "init.created": {
        "en": "Created the community '{name}' in {path} ({files}).",
        "fr": "Communauté « {name} » créée dans {path} ({files}).",
    },
    "init.profile": {
        "en": "Your profile is {path}; you animate the '{group}' group.",
        "fr": "Votre profil est {path} ; vous animez le groupe « {group} ».",
    },
    "init.next": {"en": "Next:", "fr": "Ensuite :"},
    "init.first_commit": {"en": "Start our community", "fr": "Lancement de notre communauté"},
    "init.publish": {
        "en": "Then push it to GitHub or GitLab: CI checks merge requests and publishes on merge.",
        "fr": "Puis poussez-le sur GitHub ou GitLab : la CI vérifie les demandes de fusion et publie "
        "à chaque fusion.",
    },
    "new.created": {"en": "created {path}", "fr": "créé : {path}"},
    "new.unknown_note": {
        "en": "no note has the id '{note}': give the note's file name (without .md)",
        "fr": "aucune note n'a l'identifiant '{note}' : donnez le nom du fichier de la note (sans .md)",
    },
    "new.unknown_note_close": {
        "en": "no note has the id '{note}': did you mean '{close}'?",
        "fr": "aucune note n'a l'identifiant '{note}' : vouliez-vous dire '{close}' ?",
    },
    "new.ambiguous_note": {
        "en": "'{note}' is the id of several notes ({candidates}): give the note's path instead, "
        "e.g. {example}",
        "fr": "'{note}' est l'identifiant de plusieurs notes ({candidates}) : donnez plutôt le chemin de "
        "la note, par exemple {example}",
    },
    "new.answer_needs": {
        "en": "'{note}' is of type {type}, not a question: reply to it instead (rse new reply {note})",
        "fr": "'{note}' est de type {type}, pas une question : répondez-y plutôt avec rse new reply {note}",
    },
    "new.rsvp_needs": {
        "en": "'{note}' is of type {type}, not an event: there is nothing to come to (rse new reply or "
        "rse new kudos instead)",
        "fr": "'{note}' est de type {type}, pas un événement : il n'y a pas de présence à annoncer "
        "(rse new reply ou rse new kudos plutôt)",
    },
    "new.unknown_author": {
        "en": "no profile has the handle '{handle}': create yours first (rse new person HANDLE)",
        "fr": "aucun profil n'a l'identifiant '{handle}' : créez d'abord le vôtre "
        "(rse new person IDENTIFIANT)",
    },
    "new.unknown_author_close": {
        "en": "no profile has the handle '{handle}': did you mean '{close}'?",
        "fr": "aucun profil n'a l'identifiant '{handle}' : vouliez-vous dire '{close}' ?",
    },
    "new.no_author": {
        "en": "who is responding? git's user.email is in no profile's emails: give --author HANDLE, or add "
        "the address to your profile's emails",
        "fr": "qui répond ? Le user.email de git ne figure dans les emails d'aucun profil : donnez --author "
        "IDENTIFIANT, ou ajoutez l'adresse aux emails de votre profil",
    },
    "new.ask.text": {
        "en": "Your text (one paragraph; the file takes more)",
        "fr": "Votre texte (un paragraphe ; le fichier en accepte davantage)",
    },
    "new.hint.reply": {
        "en": "Your reply is the text below the closing ---, in Markdown: mention people with @handle.",
        "fr": "Votre réponse est le texte sous le --- de fin, en Markdown : mentionnez quelqu'un avec "
        "@identifiant.",
    },
    "new.hint.answer": {
        "en": "Your answer is the text below the closing ---: the question's author may accept it.",
        "fr": "Votre réponse est le texte sous le --- de fin : l'auteur de la question pourra l'accepter.",
    },
    "new.hint.kudos": {
        "en": "Thanks need no text: a word below the closing --- is welcome.",
        "fr": "Un merci se passe de texte : un mot sous le --- de fin est bienvenu.",
    },
    "new.hint.rsvp": {
        "en": "rsvp: going, maybe, remote or declined; change it here when your plans change.",
        "fr": "rsvp : going (je viens), maybe (peut-être), remote (à distance) ou declined (non) ; "
        "modifiez-le ici si vos projets changent.",
    },
    "compose.title": {"en": "Write and respond", "fr": "Écrire et répondre"},
    "compose.lead": {
        "en": "Everything in the community is a file in its repository. This form writes the file for "
        "you, checks it, and opens the git host's page that proposes it: nothing leaves this page "
        "until you confirm there.",
        "fr": "Tout ce que contient la communauté est un fichier de son dépôt. Ce formulaire écrit le "
        "fichier pour vous, le vérifie et ouvre la page de l'hébergeur git qui le propose : rien ne "
        "quitte cette page avant que vous ne confirmiez là-bas.",
    },
    "compose.field.kind": {"en": "What do you want to write?", "fr": "Que voulez-vous écrire ?"},
    "compose.respond": {"en": "Respond to a note", "fr": "Réagir à une note"},
    "compose.create": {"en": "Write something new", "fr": "Écrire quelque chose de nouveau"},
    "compose.kind.reply": {"en": "Reply", "fr": "Répondre"},
    "compose.kind.answer": {"en": "Answer a question", "fr": "Répondre à une question"},
    "compose.kind.kudos": {"en": "Thank", "fr": "Remercier"},
    "compose.kind.rsvp": {"en": "Say whether you come", "fr": "Dire si vous venez"},
    "compose.kind.support": {"en": "Support an idea", "fr": "Soutenir une idée"},
    "compose.kind.person": {"en": "My profile", "fr": "Mon profil"},
    "compose.field.note": {"en": "Note id", "fr": "Identifiant de la note"},
    "compose.field.handle": {"en": "Your handle", "fr": "Votre identifiant"},
    "compose.field.reply_to": {"en": "In reply to (optional)", "fr": "En réponse à (facultatif)"},
    "compose.field.rsvp": {"en": "Will you come?", "fr": "Venez-vous ?"},
    "compose.field.name": {"en": "Full name", "fr": "Nom complet"},
    "compose.field.role": {"en": "Role", "fr": "Fonction"},
    "compose.field.team": {"en": "Team", "fr": "Équipe"},
    "compose.field.person-site": {"en": "Site (where you work)", "fr": "Site (où vous travaillez)"},
    "compose.field.organisation": {"en": "Organisation", "fr": "Organisation"},
    "compose.field.member": {"en": "You are", "fr": "Vous êtes"},
    "compose.field.emails": {"en": "Your commit e-mail addresses", "fr": "Vos adresses e-mail de commit"},
    "compose.field.skills": {"en": "Skills", "fr": "Compétences"},
    "compose.field.interests": {"en": "Interests", "fr": "Centres d'intérêt"},
    "compose.field.languages": {"en": "Languages you speak", "fr": "Langues parlées"},
    "compose.field.groups": {"en": "Groups you join", "fr": "Groupes que vous rejoignez"},
    "compose.field.title": {"en": "Title", "fr": "Titre"},
    "compose.field.id": {
        "en": "File name (the note's id)",
        "fr": "Nom du fichier (l'identifiant de la note)",
    },
    "compose.field.group": {"en": "Group", "fr": "Groupe"},
    "compose.field.tags": {"en": "Tags", "fr": "Étiquettes"},
    "compose.field.summary": {"en": "Summary (one or two lines)", "fr": "Résumé (une ou deux lignes)"},
    "compose.field.start": {"en": "Start", "fr": "Début"},
    "compose.field.end": {"en": "End (optional)", "fr": "Fin (facultatif)"},
    "compose.field.timezone": {"en": "Time zone", "fr": "Fuseau horaire"},
    "compose.field.place": {"en": "Place (a room or an address)", "fr": "Lieu (une salle ou une adresse)"},
    "compose.field.online": {"en": "Link to join online", "fr": "Lien pour participer en ligne"},
    "compose.field.event-site": {"en": "Site (where it happens)", "fr": "Site (où cela se passe)"},
    "compose.field.capacity": {"en": "Places", "fr": "Places"},
    "compose.field.audience": {"en": "Who may see it", "fr": "Qui peut le voir"},
    "compose.field.body-response": {"en": "Your text (Markdown)", "fr": "Votre texte (Markdown)"},
    "compose.field.body-note": {"en": "The note (Markdown)", "fr": "La note (Markdown)"},
    "compose.field.body-person": {"en": "About you (Markdown)", "fr": "À propos de vous (Markdown)"},
    "compose.hint.note": {
        "en": "The last part of the note's address, e.g. kafka-tuning.",
        "fr": "La dernière partie de l'adresse de la note, par exemple regler-kafka.",
    },
    "compose.hint.handle": {
        "en": "The name of your profile's file, people/<handle>.md: lowercase letters, digits and -.",
        "fr": "Le nom du fichier de votre profil, people/<identifiant>.md : lettres minuscules, "
        "chiffres et -.",
    },
    "compose.hint.reply_to": {
        "en": "The name of the response you reply to, to appear under it.",
        "fr": "Le nom de la réponse à laquelle vous répondez, pour apparaître sous elle.",
    },
    "compose.hint.organisation": {
        "en": "For partners, suppliers and clients.",
        "fr": "Pour les partenaires, fournisseurs et clients.",
    },
    "compose.hint.emails": {
        "en": "Separated by commas. Never published: they credit your commits to you.",
        "fr": "Séparées par des virgules. Jamais publiées : elles vous attribuent vos commits.",
    },
    "compose.hint.listed": {"en": "Separated by commas.", "fr": "Séparés par des virgules."},
    "compose.hint.groups": {
        "en": "Their short names, separated by commas: {groups}.",
        "fr": "Leurs noms courts, séparés par des virgules : {groups}.",
    },
    "compose.hint.id": {
        "en": "Lowercase letters, digits and -; made from the title until you change it.",
        "fr": "Lettres minuscules, chiffres et - ; tiré du titre tant que vous ne le modifiez pas.",
    },
    "compose.hint.timezone": {
        "en": "A name such as Europe/Paris; empty: the community's.",
        "fr": "Un nom comme Europe/Paris ; vide : celui de la communauté.",
    },
    "compose.hint.audience": {
        "en": "A response may narrow its note's audience, never widen it.",
        "fr": "Une réponse peut restreindre l'audience de sa note, jamais l'élargir.",
    },
    "compose.hint.body_response": {
        "en": "Required for a reply or an answer; optional for thanks and an RSVP.",
        "fr": "Obligatoire pour une réponse ; facultatif pour un merci ou une présence.",
    },
    "compose.hint.markdown": {
        "en": "Mention someone with @handle, link a note with [[note-id]].",
        "fr": "Mentionnez quelqu'un avec @identifiant, liez une note avec [[id-de-la-note]].",
    },
    "compose.audience.default": {"en": "As the note or its group", "fr": "Comme la note ou son groupe"},
    "compose.group.none": {"en": "None (in notes/)", "fr": "Aucun (dans notes/)"},
    "compose.member.employee": {"en": "An employee", "fr": "Salarié·e"},
    "compose.member.partner": {"en": "A partner", "fr": "Partenaire"},
    "compose.member.supplier": {"en": "A supplier", "fr": "Fournisseur"},
    "compose.member.client": {"en": "A client", "fr": "Client"},
    "compose.member.alumni": {"en": "A former employee", "fr": "Ancien·ne salarié·e"},
    "compose.rsvp.going": {"en": "Yes, I'll come", "fr": "Oui, je viens"},
    "compose.rsvp.remote": {"en": "Yes, remotely", "fr": "Oui, à distance"},
    "compose.rsvp.maybe": {"en": "Maybe", "fr": "Peut-être"},
    "compose.rsvp.declined": {"en": "No", "fr": "Non"},
    "compose.problem.required": {"en": "{field}: required.", "fr": "{field} : obligatoire."},
    "compose.problem.id": {
        "en": "{field}: lowercase letters, digits and - only.",
        "fr": "{field} : lettres minuscules, chiffres et - seulement.",
    },
    "compose.problem.unknown_note": {
        "en": "No note of this site has the id '{value}'.",
        "fr": "Aucune note de ce site n'a l'identifiant '{value}'.",
    },
    "compose.problem.answer": {
        "en": "'{value}' is not a question: reply to it instead.",
        "fr": "'{value}' n'est pas une question : répondez-y plutôt.",
    },
    "compose.problem.rsvp": {
        "en": "'{value}' is not an event: there is nothing to come to.",
        "fr": "'{value}' n'est pas un événement : il n'y a pas de présence à annoncer.",
    },
    "compose.problem.support": {"en": "'{value}' is not an idea.", "fr": "'{value}' n'est pas une idée."},
    "compose.problem.unknown_person": {
        "en": "No profile of this site has the handle '{value}': check it, or write your profile first.",
        "fr": "Aucun profil de ce site n'a l'identifiant '{value}' : vérifiez-le, ou écrivez d'abord votre "
        "profil.",
    },
    "compose.problem.taken_person": {
        "en": "The profile people/{value}.md exists already: edit it instead.",
        "fr": "Le profil people/{value}.md existe déjà : modifiez-le plutôt.",
    },
    "compose.problem.taken_note": {
        "en": "A note has the id '{value}' already: choose another file name.",
        "fr": "Une note a déjà l'identifiant '{value}' : choisissez un autre nom de fichier.",
    },
    "compose.problem.reply_to": {
        "en": "'{value}' is no response to this note.",
        "fr": "'{value}' n'est pas une réponse à cette note.",
    },
    "compose.problem.invalid": {
        "en": "{field}: this value does not fit here.",
        "fr": "{field} : cette valeur ne convient pas ici.",
    },
    "compose.problem.unknown_group": {
        "en": "{field}: no group is named '{value}'.",
        "fr": "{field} : aucun groupe ne s'appelle '{value}'.",
    },
    "compose.problem.file": {
        "en": "The file does not fit rse's rules: check the fields above.",
        "fr": "Le fichier ne respecte pas les règles de rse : vérifiez les champs ci-dessus.",
    },
    "compose.target": {"en": "Responding to: {title}", "fr": "En réponse à : {title}"},
    "compose.ready": {"en": "Ready: nothing to fix.", "fr": "Prêt : rien à corriger."},
    "compose.copied": {"en": "Copied.", "fr": "Copié."},
    "compose.support": {
        "en": "An idea's supporters are a list in the idea itself: open it, add {handle} to its "
        "supporters: [...] line, then propose the change.",
        "fr": "Les soutiens d'une idée sont une liste dans l'idée elle-même : ouvrez-la, ajoutez {handle} "
        "à sa ligne supporters: [...], puis proposez la modification.",
    },
    "compose.support_open": {"en": "Open the idea on {host}", "fr": "Ouvrir l'idée sur {host}"},
    "compose.too_long": {
        "en": "The text is too long to pass in a link: copy it, open the page below, name the file {name} "
        "and paste the text.",
        "fr": "Le texte est trop long pour passer dans un lien : copiez-le, ouvrez la page ci-dessous, "
        "nommez le fichier {name} et collez le texte.",
    },
    "compose.paste": {
        "en": "{host} cannot fill the file in from a link: copy the text, open the folder's new-file page, "
        "name the file {name} and paste the text.",
        "fr": "{host} ne sait pas remplir le fichier depuis un lien : copiez le texte, ouvrez la page de "
        "nouveau fichier du dossier, nommez le fichier {name} et collez le texte.",
    },
    "compose.prefilled": {
        "en": "The page opens with the file filled in: commit it on a new branch and propose the merge. "
        "If it opens empty, copy the text and paste it there.",
        "fr": "La page s'ouvre avec le fichier rempli : enregistrez-le sur une nouvelle branche et "
        "proposez la fusion. Si elle s'ouvre vide, copiez le texte et collez-le.",
    },
    "compose.no_repo": {
        "en": "This site names no repository (extra.rse.repo_url): copy the text and send it to an "
        "animator, or add the file with git.",
        "fr": "Ce site n'indique aucun dépôt (extra.rse.repo_url) : copiez le texte et envoyez-le à un "
        "animateur, ou ajoutez le fichier avec git.",
    },
    "compose.open": {"en": "Propose it on {host}", "fr": "Le proposer sur {host}"},
    "compose.open_folder": {
        "en": "Open the folder's new-file page on {host}",
        "fr": "Ouvrir la page de nouveau fichier du dossier sur {host}",
    },
    "compose.file": {"en": "The file", "fr": "Le fichier"},
    "compose.path": {"en": "Its place in the repository", "fr": "Son emplacement dans le dépôt"},
    "compose.text": {"en": "Its text", "fr": "Son texte"},
    "compose.copy": {"en": "Copy the text", "fr": "Copier le texte"},
    "compose.manual": {"en": "The file, by hand", "fr": "Le fichier, à la main"},
    "compose.manual_lead": {
        "en": "Each contribution is one Markdown file with a YAML header, added to the repository by a "
        "commit or a merge request: with git, or in the git host's web editor. Here is where each "
        "kind goes, with an example.",
        "fr": "Chaque contribution est un fichier Markdown avec un en-tête YAML, ajouté au dépôt par un "
        "commit ou une demande de fusion : avec git, ou dans l'éditeur web de l'hébergeur git. Voici "
        "où va chaque type de fichier, avec un exemple.",
    },
    "compose.manual.person": {"en": "Your profile", "fr": "Votre profil"},
    "compose.manual.person_where": {
        "en": "One file per person, named after your handle.",
        "fr": "Un fichier par personne, nommé d'après votre identifiant.",
    },
    "compose.manual.note": {
        "en": "A note, a how-to, an idea, a question or an event",
        "fr": "Une note, un tutoriel, une idée, une question ou un événement",
    },
    "compose.manual.note_where": {
        "en": "In its group's folder, or in notes/; type: howto, idea, question or event says what it is.",
        "fr": "Dans le dossier de son groupe, ou dans notes/ ; type: howto, idea, question ou event dit ce "
        "que c'est.",
    },
    "compose.manual.response": {
        "en": "A reply, an answer, thanks or an RSVP",
        "fr": "Une réponse, un merci ou une présence",
    },
    "compose.manual.response_where": {
        "en": "In a folder named after the note (here a reply to “{title}”), the file named after the day "
        "and your handle; kind: answer (under a question), kudos (thanks) or rsvp (with rsvp: going, "
        "maybe, remote or declined).",
        "fr": "Dans un dossier au nom de la note (ici une réponse à «\u00a0{title}\u00a0»), le fichier "
        "nommé d'après le jour et votre identifiant ; kind: answer (sous une question), kudos (un merci) "
        "ou rsvp (avec rsvp: going, maybe, remote ou declined).",
    },
    "compose.manual.response_where_any": {
        "en": "In a folder named after the note, the file named after the day and your handle; kind: "
        "answer (under a question), kudos (thanks) or rsvp (with rsvp: going, maybe, remote or declined).",
        "fr": "Dans un dossier au nom de la note, le fichier nommé d'après le jour et votre identifiant ; "
        "kind: answer (sous une question), kudos (un merci) ou rsvp (avec rsvp: going, maybe, remote ou "
        "declined).",
    },
    "compose.manual.create": {"en": "Create it on {host}", "fr": "Le créer sur {host}"},
    "compose.manual.folder": {"en": "See the folder", "fr": "Voir le dossier"},
    "compose.manual.support": {"en": "Support an idea", "fr": "Soutenir une idée"},
    "compose.manual.support_how": {
        "en": "Supporters are a list inside the idea: edit the idea's file and add your handle to its "
        "supporters: [...] line.",
        "fr": "Les soutiens sont une liste dans l'idée : modifiez le fichier de l'idée et ajoutez votre "
        "identifiant à sa ligne supporters: [...].",
    },
    "compose.example.bio": {
        "en": "What I work on, and what I can help with.",
        "fr": "Ce sur quoi je travaille, et ce pour quoi on peut me solliciter.",
    },
    "compose.example.title": {
        "en": "What we learned this month",
        "fr": "Ce que nous avons appris ce mois-ci",
    },
    "compose.example.id": {"en": "what-we-learned", "fr": "ce-que-nous-avons-appris"},
    "compose.example.note": {
        "en": "Three things that helped, and one that did not.",
        "fr": "Trois choses qui ont aidé, et une qui n'a pas aidé.",
    },
    "compose.example.reply": {
        "en": "Thanks, this helped me too.",
        "fr": "Merci, cela m'a aidé aussi.",
    },
    "new.exists": {
        "en": "{path} already exists: edit it instead (rse new never overwrites)",
        "fr": "{path} existe déjà : modifiez-le (rse new n'écrase jamais rien)",
    },
    "new.nothing_written": {"en": "nothing was written.", "fr": "aucun fichier n'a été écrit."},
    "new.missing": {
        "en": "missing {option} (run at a terminal, or with --prompt, to be asked for it)",
        "fr": "il manque {option} (lancez la commande dans un terminal, ou avec --prompt, "
        "pour qu'elle vous le demande)",
    },
    "new.bad_id": {
        "en": "'{given}' is not a valid id (lowercase letters, digits and -): try '{suggestion}'",
        "fr": "'{given}' n'est pas un identifiant valide (lettres minuscules, chiffres et -) : "
        "essayez '{suggestion}'",
    },
    "new.bad_id_bare": {
        "en": "'{given}' is not a valid id: use lowercase letters, digits and -",
        "fr": "'{given}' n'est pas un identifiant valide : utilisez des lettres minuscules, des chiffres "
        "et des -",
    },
    "new.bad_folder": {
        "en": "'{given}' is not a valid folder (ids separated by /): try '{suggestion}'",
        "fr": "'{given}' n'est pas un dossier valide (des identifiants séparés par /) : "
        "essayez '{suggestion}'",
    },
    "new.unknown_group": {
        "en": "unknown group '{slug}': did you mean '{close}'? Groups: {groups}",
        "fr": "groupe inconnu '{slug}' : vouliez-vous dire '{close}' ? Groupes : {groups}",
    },
    "new.unknown_group_far": {
        "en": "unknown group '{slug}'. Groups: {groups}",
        "fr": "groupe inconnu '{slug}'. Groupes : {groups}",
    },
    "new.no_groups": {
        "en": "unknown group '{slug}': there is no group yet (create one with rse new group SLUG)",
        "fr": "groupe inconnu '{slug}' : il n'y a encore aucun groupe (créez-en un avec rse new group SLUG)",
    },
    "new.event_only": {
        "en": "{option} is for events: add --type event",
        "fr": "{option} est réservé aux événements : ajoutez --type event",
    },
    "new.invalid.moment": {
        "en": "'{value}' is not a date or a date and time: write 2026-12-03 or 2026-12-03T18:00",
        "fr": "'{value}' n'est ni une date ni une date et heure : écrivez 2026-12-03 ou 2026-12-03T18:00",
    },
    "new.invalid.timezone": {
        "en": "'{value}' is not a known time zone: write a name such as Europe/Paris",
        "fr": "'{value}' n'est pas un fuseau horaire connu : écrivez un nom comme Europe/Paris",
    },
    "new.invalid.timezone_close": {
        "en": "'{value}' is not a known time zone: did you mean '{close}'?",
        "fr": "'{value}' n'est pas un fuseau horaire connu : vouliez-vous dire '{close}' ?",
    },
    "new.invalid.online": {
        "en": "'{value}' is not a web link: write the whole address, https://…",
        "fr": "'{value}' n'est pas un lien web : écrivez l'adresse complète, https://…",
    },
    "new.invalid.capacity": {
        "en": "'{value}' is not a number of people (1 or more)",
        "fr": "'{value}' n'est pas un nombre de personnes (1 ou plus)",
    },
    "new.ask.name": {"en": "Full name", "fr": "Nom complet"},
    "new.ask.title": {"en": "Title", "fr": "Titre"},
    "new.ask.start": {"en": "Start (2026-12-03T18:00)", "fr": "Début (2026-12-03T18:00)"},
    "new.ask.end": {
        "en": "End (2026-12-03T20:00; Enter to skip)",
        "fr": "Fin (2026-12-03T20:00 ; Entrée pour passer)",
    },
    "new.ask.timezone": {
        "en": "Time zone (Europe/Paris; Enter to skip)",
        "fr": "Fuseau horaire (Europe/Paris ; Entrée pour passer)",
    },
    "new.ask.place": {
        "en": "Place (a room or an address; Enter to skip)",
        "fr": "Lieu (une salle ou une adresse ; Entrée pour passer)",
    },
    "new.ask.online": {
        "en": "Link to join online (https://…; Enter to skip)",
        "fr": "Lien pour participer en ligne (https://… ; Entrée pour passer)",
    },
    "new.hint.person": {
        "en": "Your bio goes below the closing ---: what you work on, what you can help with. "
        "skills: [...] lets colleagues find you.",
        "fr": "Votre présentation va sous le --- de fin : ce sur quoi vous travaillez, ce pour quoi "
        "on peut vous solliciter. skills: [...] permet à vos collègues de vous trouver.",
    },
    "new.hint.group": {
        "en": "Below the closing ---: what this group is for, how to join (add its slug to groups: "
        "in your profile), its rituals.",
        "fr": "Sous le --- de fin : à quoi sert ce groupe, comment le rejoindre (ajouter son "
        "identifiant à groups: dans son profil), ses rendez-vous.",
    },
    "new.hint.note": {
        "en": "Your note goes below the closing ---, in Markdown: mention people with @handle, "
        "link notes with [[note-id]].",
        "fr": "Votre note va sous le --- de fin, en Markdown : mentionnez quelqu'un avec @identifiant, "
        "liez une note avec [[id-de-la-note]].",
    },
    "new.hint.howto": {
        "en": "Your how-to goes below the closing ---: the steps in order, then how to check it worked.",
        "fr": "Votre tutoriel va sous le --- de fin : les étapes dans l'ordre, puis comment vérifier "
        "que cela a marché.",
    },
    "new.hint.idea": {
        "en": "Your idea goes below the closing ---: the problem, the proposal, who it helps. "
        "Supporters add their handle to supporters: [...].",
        "fr": "Votre idée va sous le --- de fin : le problème, la proposition, à qui elle sert. "
        "Ceux qui la soutiennent ajoutent leur identifiant à supporters: [...].",
    },
    "new.hint.question": {
        "en": "Your question goes below the closing ---: what you are trying to do, what you tried.",
        "fr": "Votre question va sous le --- de fin : ce que vous cherchez à faire, ce que vous avez essayé.",
    },
    "new.hint.event": {
        "en": "Below the closing ---: what happens, for whom, and how to take part.",
        "fr": "Sous le --- de fin : ce qui se passe, pour qui, et comment participer.",
    },
    "kind.partner": {"en": "Partner", "fr": "Partenaire"},
    "kind.supplier": {"en": "Supplier", "fr": "Fournisseur"},
    "kind.client": {"en": "Client", "fr": "Client"},
    "kind.alumni": {"en": "Alumni", "fr": "Ancien·ne"},
    "import.read.one": {
        "en": "{path}: {encoding}, {separated}, {n} row",
        "fr": "{path} : {encoding}, {separated}, {n} ligne",
    },
    "import.read.other": {
        "en": "{path}: {encoding}, {separated}, {n} rows",
        "fr": "{path} : {encoding}, {separated}, {n} lignes",
    },
    "import.separated": {"en": "{delimiter}-separated", "fr": "séparateur {delimiter}"},
    "import.tab": {"en": "tab", "fr": "tabulation"},
    "import.unnamed": {"en": "(column {number}, no name)", "fr": "(colonne {number}, sans nom)"},
    "import.columns": {"en": "columns: {mapping}", "fr": "colonnes : {mapping}"},
    "import.ignored": {
        "en": "; ignored: {columns} (use --map COLUMN=field to import one)",
        "fr": " ; ignorées : {columns} (--map COLONNE=champ pour en importer une)",
    },
    "import.field.name": {"en": "name", "fr": "nom complet"},
    "import.field.first_name": {"en": "first name", "fr": "prénom"},
    "import.field.last_name": {"en": "last name", "fr": "nom"},
    "import.field.email": {"en": "e-mail", "fr": "adresse e-mail"},
    "import.field.handle": {"en": "handle", "fr": "identifiant"},
    "import.field.role": {"en": "role", "fr": "fonction"},
    "import.field.team": {"en": "team", "fr": "équipe"},
    "import.field.site": {"en": "site", "fr": "site"},
    "import.field.organisation": {"en": "organisation", "fr": "organisation"},
    "import.field.kind": {"en": "kind", "fr": "type de profil"},
    "import.field.manager": {"en": "manager", "fr": "manager"},
    "import.created_line": {"en": "created   {path}", "fr": "créé      {path}"},
    "import.updated_line": {"en": "updated   {path} ({keys})", "fr": "mis à jour {path} ({keys})"},
    "import.n_created.one": {"en": "{n} created", "fr": "{n} créé"},
    "import.n_created.other": {"en": "{n} created", "fr": "{n} créés"},
    "import.n_updated.one": {"en": "{n} updated", "fr": "{n} mis à jour"},
    "import.n_updated.other": {"en": "{n} updated", "fr": "{n} mis à jour"},
    "import.n_unchanged.one": {"en": "{n} unchanged", "fr": "{n} inchangé"},
    "import.n_unchanged.other": {"en": "{n} unchanged", "fr": "{n} inchangés"},
    "import.n_merged.one": {"en": "{n} merged", "fr": "{n} fusionné"},
    "import.n_merged.other": {"en": "{n} merged", "fr": "{n} fusionnés"},
    "import.n_skipped.one": {"en": "{n} skipped", "fr": "{n} refusé"},
    "import.n_skipped.other": {"en": "{n} skipped", "fr": "{n} refusés"},
    "import.not_a_file": {
        "en": "not a file: give the path of a CSV export",
        "fr": "ce n'est pas un fichier : donnez le chemin d'un export CSV",
    },
    "import.cannot_read": {"en": "cannot be read: {reason}", "fr": "illisible : {reason}"},
    "import.workbook": {
        "en": "an Excel workbook, not a CSV file: save it as CSV (File > Save As > CSV UTF-8)",
        "fr": "un classeur Excel, pas un fichier CSV : enregistrez-le en CSV "
        "(Fichier > Enregistrer sous > CSV UTF-8)",
    },
    "import.not_in_encoding": {
        "en": "not {encoding} text from here: try without --encoding, or another one (e.g. cp1252)",
        "fr": "pas du texte {encoding} à partir d'ici : essayez sans --encoding, ou un autre "
        "(par exemple cp1252)",
    },
    "import.unknown_encoding": {
        "en": "unknown encoding '{encoding}': use e.g. utf-8, cp1252 or latin-1",
        "fr": "encodage '{encoding}' inconnu : utilisez par exemple utf-8, cp1252 ou latin-1",
    },
    "import.undecodable": {
        "en": "not text in a known encoding (UTF-8, Windows-1252, Latin-1): export it as CSV UTF-8, "
        "or give --encoding",
        "fr": "pas du texte dans un encodage connu (UTF-8, Windows-1252, Latin-1) : exportez-le en "
        "CSV UTF-8, ou précisez --encoding",
    },
    "import.binary": {
        "en": "a binary file, not CSV text: export the table as CSV",
        "fr": "un fichier binaire, pas du texte CSV : exportez le tableau en CSV",
    },
    "import.unreadable": {"en": "cannot be read as CSV: {reason}", "fr": "illisible en CSV : {reason}"},
    "import.no_header": {
        "en": "empty file: expected a header line (e.g. Name,Email,Job Title)",
        "fr": "fichier vide : une ligne d'en-tête est attendue (par exemple Nom;Prénom;Adresse e-mail)",
    },
    "import.map_syntax": {
        "en": "--map takes COLUMN=field, not '{value}'",
        "fr": "--map attend COLONNE=champ, pas '{value}'",
    },
    "import.map_field": {
        "en": "--map {value}: unknown field '{field}'; fields: {fields} (nothing or - ignores the column)",
        "fr": "--map {value} : champ '{field}' inconnu ; champs : {fields} (rien ou - ignore la colonne)",
    },
    "import.map_no_column": {
        "en": "--map: no column '{column}' in the header; columns: {columns}",
        "fr": "--map : pas de colonne '{column}' dans l'en-tête ; colonnes : {columns}",
    },
    "import.map_twice": {
        "en": "--map: two columns feed '{field}': keep one",
        "fr": "--map : deux colonnes alimentent '{field}' : n'en gardez qu'une",
    },
    "import.known_aliases": {"en": "{field}: {aliases}", "fr": "{field} : {aliases}"},
    "import.no_columns": {
        "en": "a name and an e-mail column are needed; columns found: {columns}. Known column names, "
        "{known}. Or name a column with --map COLUMN=field",
        "fr": "il faut une colonne de nom et une d'adresse e-mail ; colonnes trouvées : {columns}. "
        "Noms de colonnes connus, {known}. Ou désignez une colonne avec --map COLONNE=champ",
    },
    "import.no_name_no_email": {"en": "no name and no e-mail address", "fr": "ni nom ni adresse e-mail"},
    "import.no_email": {"en": "{person}: no e-mail address", "fr": "{person} : pas d'adresse e-mail"},
    "import.bad_email": {
        "en": "{person}: '{email}' is not an e-mail address",
        "fr": "{person} : '{email}' n'est pas une adresse e-mail",
    },
    "import.no_name": {"en": "{person}: no name", "fr": "{person} : pas de nom"},
    "import.bad_kind": {
        "en": "{person}: unknown kind '{kind}': use one of {kinds}",
        "fr": "{person} : type '{kind}' inconnu : utilisez {kinds}",
    },
    "import.bad_handle": {
        "en": "{person}: handle '{handle}' is not an id (lowercase letters, digits and -)",
        "fr": "{person} : l'identifiant '{handle}' n'est pas valide (minuscules, chiffres et -)",
    },
    "import.merged": {
        "en": "line {line} repeats line {first} ({person}): merged",
        "fr": "la ligne {line} répète la ligne {first} ({person}) : fusionnées",
    },
    "import.conflict": {
        "en": "{person}: line {line} and line {first} give {email} different values: keep one",
        "fr": "{person} : les lignes {line} et {first} donnent des valeurs différentes pour {email} : "
        "n'en gardez qu'une",
    },
    "import.address_of": {
        "en": "{person}: {email} is already the address of {owner} (people/{owner}.md), not of {handle}",
        "fr": "{person} : {email} est déjà l'adresse de {owner} (people/{owner}.md), pas de {handle}",
    },
    "import.unreadable_profile": {
        "en": "{person}: people/{handle}.md cannot be read: fix it (rse check) and import again",
        "fr": "{person} : people/{handle}.md est illisible : corrigez-le (rse check) puis relancez l'import",
    },
    "import.same_handle": {
        "en": "{person}: handle '{handle}' is also line {line}'s ({other})",
        "fr": "{person} : l'identifiant '{handle}' est aussi celui de la ligne {line} ({other})",
    },
    "import.namesake": {
        "en": "{person}: people/{other}.md has the same name and other addresses: created {handle} "
        "(if they are one person, add this address to {other}'s emails and import again)",
        "fr": "{person} : people/{other}.md porte le même nom avec d'autres adresses : {handle} créé "
        "(si c'est la même personne, ajoutez cette adresse aux emails de {other} et relancez l'import)",
    },
    "import.no_handle": {
        "en": "{person}: no handle can be made from the name or the address: add a handle column",
        "fr": "{person} : impossible de faire un identifiant avec le nom ou l'adresse : "
        "ajoutez une colonne d'identifiants",
    },
    "import.own_manager": {
        "en": "{person}: manager '{manager}' is this person: imported without a manager",
        "fr": "{person} : le manager '{manager}' est cette personne : importé·e sans manager",
    },
    "import.manager_ambiguous": {
        "en": "{person}: manager '{manager}' could be {handles}: imported without a manager "
        "(give the manager's e-mail)",
        "fr": "{person} : le manager '{manager}' peut être {handles} : importé·e sans manager "
        "(donnez l'adresse e-mail du manager)",
    },
    "import.manager_unknown": {
        "en": "{person}: manager '{manager}' matches nobody in the file or the community: "
        "imported without a manager",
        "fr": "{person} : le manager '{manager}' ne correspond à personne dans le fichier ni dans la "
        "communauté : importé·e sans manager",
    },
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
    "supporter.one": {"en": "{n} supporter", "fr": "{n} soutien"},
    "supporter.other": {"en": "{n} supporters", "fr": "{n} soutiens"},
    "site.date_time": {"en": "{day}, {time}", "fr": "{day} à {time}"},
    "site.colon": {"en": ":", "fr": "\u00a0:"},
    "site.quoted": {"en": "“{text}”", "fr": "«\u00a0{text}\u00a0»"},
    "site.not_found": {"en": "Page not found", "fr": "Page introuvable"},
    "site.not_found_lead": {
        "en": "This page does not exist, or it is not on this site.",
        "fr": "Cette page n'existe pas, ou elle n'est pas sur ce site.",
    },
    "site.back_home": {"en": "Back to the home page", "fr": "Retour à l'accueil"},
    "site.made_with": {"en": "Made with", "fr": "Réalisé avec"},
    "site.permalink": {"en": "Permanent link", "fr": "Lien permanent"},
    "site.no_events": {"en": "No events yet.", "fr": "Pas encore d'événement."},
    "site.no_ideas": {"en": "No ideas yet.", "fr": "Pas encore d'idée."},
    "site.no_open_questions": {
        "en": "Every question has an answer.",
        "fr": "Toutes les questions ont une réponse.",
    },
    "site.no_answered_questions": {
        "en": "No question has an answer yet.",
        "fr": "Aucune question n'a encore de réponse.",
    },
    "site.no_groups": {"en": "No groups yet.", "fr": "Pas encore de groupe."},
    "site.no_tags": {"en": "No tags yet.", "fr": "Pas encore d'étiquette."},
    "site.no_skills": {"en": "No skills listed yet.", "fr": "Aucune compétence renseignée pour l'instant."},
}


def plural_form(language: str, n: int) -> str:
    """CLDR's cardinal rule: English says "1 person", French says "0 personne" and "1 personne"."""
    if language == "fr":
        return "one" if abs(n) < 2 else "other"
    return "one" if n == 1 else "other"


@dataclass(frozen=True, slots=True)
class Translator:
    """Strings in one language; templates read them as `t.members`, code as `t("members")`.

    A key written as `key.one` and `key.other` is a count: `t.plural(n, "person")` picks the
    form the language needs for `n` and writes `n` as the language writes numbers.
    """

    language: str

    def __call__(self, key: str, **values: object) -> str:
        entry = STRINGS.get(key)
        if entry is None and isinstance(values.get("n"), int):
            n = int(values["n"])
            entry = STRINGS[f"{key}.{plural_form(self.language, n)}"]
            values = {**values, "n": self.number(n)}
        elif entry is None:
            raise KeyError(key)
        text = entry.get(self.language) or entry["en"]
        return text.format(**values) if values else text

    def __getattr__(self, key: str) -> str:
        if key.startswith("__"):
            raise AttributeError(key)
        try:
            return self(key)
        except KeyError:
            raise AttributeError(key) from None

    def plural(self, n: int, key: str, **values: object) -> str:
        """'1 person', '2 people'; '0 personne', '1 personne', '2 personnes'."""
        return self(key, n=n, **values)

    def number(self, n: int) -> str:
        """'5,000' / '5 000' (French groups thousands with a narrow no-break space)."""
        grouped = f"{n:,}"
        return grouped.replace(",", "\u202f") if self.language == "fr" else grouped

    def date(self, value: dt.date) -> str:
        """'3 December 2026' / '3 décembre 2026', '1er décembre 2026'; a datetime adds its
        time, 24-hour ('3 December 2026, 18:00' / '3 décembre 2026 à 18:00')."""
        number = "1er" if self.language == "fr" and value.day == 1 else str(value.day)
        day = f"{number} {MONTHS[self.language][value.month - 1]} {value.year}"
        if isinstance(value, dt.datetime):
            return self("site.date_time", day=day, time=f"{value:%H:%M}")
        return day
