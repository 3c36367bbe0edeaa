"""Names folded for machines: ids from people's names (Œ→oe, ß→ss, é→e, everything else a
hyphen), and the accent- and case-free text the directory's name box matches."""

from __future__ import annotations

import re
import unicodedata

# Lowercase letters NFKD does not decompose into ASCII, written the way their languages spell
# them out ("Straße" is found by "strasse"). The directory's script receives the same table.
SPELLED_OUT = {
    "œ": "oe",
    "ß": "ss",
    "æ": "ae",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŋ": "ng",
    "ĸ": "k",
}
_TRANSLATION = str.maketrans(SPELLED_OUT)
# Apostrophes join the parts of a name (O'Brien → obrien) rather than split them.
_APOSTROPHES = re.compile(r"['’ʼ`´]")
_SEPARATORS = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Lowercase, spelled-out letters, no accents: 'Théo Œdipe' → 'theo oedipe'.

    The steps are the ones directory.js applies to a query (toLowerCase, the letter table,
    NFKD, no marks), so that both sides meet.
    """
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_TRANSLATION))
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


def suggest_id(text: str) -> str:
    """'Théo-Durand' → 'theo-durand', 'Œdipe Straße' → 'oedipe-strasse'; '' when nothing usable is left."""
    ascii_text = fold(text).encode("ascii", "ignore").decode()
    return _SEPARATORS.sub("-", _APOSTROPHES.sub("", ascii_text)).strip("-")
