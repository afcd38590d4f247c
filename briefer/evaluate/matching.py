"""Matching predictions to gold annotations, as the shared gold scorer (score.py, see FORMAT.md) does.

A port of its logic, kept in step with it: people by folded names with aliases, surnames and runs of
names, parties through a table of equivalents (a party also matches its own government or delegation),
venues by proper-noun words (or content words where there is none), statements and questions by
content-word token F1. Predictions pair with gold items one to one, best pairs first. Standard library only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

TEXT_F1 = 0.5  # token F1 at which two statements or questions match
COVER = 0.7  # ...or: share of the gold item's words a prediction covers
COVER_PREC = 0.25  # ...while at least this share of the prediction is on it
MIN_SHARED = 2  # and never on fewer shared content words than this

STOPWORDS = set(
    """a an the and or but if of to in on at by for with from as is are was were be been
    being this that these those it its their his her they them he she we our you your
    will would could should may might can not no do does did has have had than then so
    such there here what which who whom whose how why when where into about over under
    also very just only more most other some any all both each own same too s t said""".split()
)
# Leading words dropped from a speaker's or member's name; demonyms are kept.
TITLES = set(
    """president prime minister foreign defense defence deputy vice secretary of state
    ambassador spokesperson spokesman spokeswoman dr mr mrs ms professor prof general
    chancellor senator leader former the top senior chief special envoy adviser advisor
    national security head mullah sayyid sheikh admiral colonel lieutenant lt gen commander
    marshal brigadier major captain sir excellency his her hon honourable king queen prince
    crown emir sultan""".split()
)
PARTY_GROUPS = [
    {"russia", "russian federation", "moscow", "kremlin", "the kremlin"},
    {"united states", "us", "usa", "washington", "america", "white house"},
    {"ukraine", "kyiv", "kiev"},
    {"turkey", "turkiye", "ankara"},
    {"european union", "eu", "brussels"},
    {"united kingdom", "uk", "britain", "london"},
    {"france", "paris"},
    {"saudi arabia", "riyadh"},
    {"iran", "tehran"},
    {"israel"},
    {"north korea", "pyongyang", "dprk"},
    {"china", "beijing"},
    {"qatar", "doha"},
    {"egypt", "cairo"},
    {"oman", "muscat"},
    {"afghanistan", "taliban", "kabul"},
    {"houthi", "ansar allah", "sanaa", "houthi rebel"},
    {"pakistan", "islamabad"},
    {"united nation", "un"},
    {"dr congo", "drc", "democratic republic of congo", "democratic republic of the congo", "congo", "kinshasa"},
    {"m23", "afc m23", "m23 rebel"},
    {"eln", "national liberation army"},
    {"colombia", "bogota"},
    {"syria", "damascus"},
    {"armenia", "yerevan"},
    {"azerbaijan", "baku"},
    {"thailand", "bangkok"},
    {"cambodia", "phnom penh"},
    {"malaysia", "kuala lumpur"},
    {"sudan", "khartoum", "sudanese army", "saf"},
    {"rsf", "rapid support force"},
    {"yemeni government", "yemen government", "government of yemen", "yemen", "aden"},
    {"hamas"},
    {"hezbollah"},
    {"lebanon", "beirut"},
    {"venezuela", "caracas", "maduro government"},
    {"venezuelan opposition", "unitary platform"},
    {"serbia", "belgrade"},
    {"kosovo", "pristina"},
    {"libyan national army", "lna", "haftar force", "benghazi"},
    {"government of national accord", "gna", "tripoli"},
    {"greek cypriot", "greek cypriot side", "republic of cyprus", "cyprus", "nicosia"},
    {"turkish cypriot", "turkish cypriot side", "trnc", "turkish republic of northern cyprus", "northern cyprus",
     "north cyprus"},
    {"south korea", "seoul", "rok", "republic of korea"},
    {"georgia", "tbilisi"},
    {"kazakhstan", "astana"},
    {"farc", "revolutionary armed forces of colombia"},
    {"germany", "berlin"},
    {"japan", "tokyo"},
    {"switzerland", "bern"},
    {"india", "new delhi"},
    {"belarus", "minsk"},
    {"greece", "athens"},
    {"ethiopia", "addis ababa", "ethiopian government", "endf", "ethiopian national defense force"},
    {"tplf", "tigray people liberation front", "tigray", "tigrayan force"},
    {"kenya", "nairobi"},
    {"south sudan", "juba"},
    {"morocco", "rabat"},
    {"polisario", "polisario front"},
    {"algeria", "algier"},
    {"mauritania", "nouakchott"},
    {"angola", "luanda"},
    {"rwanda", "kigali"},
    {"tanzania", "dodoma"},
    {"south africa", "pretoria"},
    {"montenegro", "podgorica"},
    {"jordan", "amman"},
    {"iraq", "baghdad"},
    {"united arab emirate", "uae", "abu dhabi"},
    {"sdf", "syrian democratic force"},
    {"nato", "north atlantic treaty organization"},
    {"african union", "au"},
    {"igad", "intergovernmental authority on development"},
    {"wto", "world trade organization"},
    {"asean", "association of southeast asian nation"},
    {"iaea", "international atomic energy agency"},
    {"osce", "organization for security and co operation in europe"},
    {"ecowas", "economic community of west african state"},
    {"caricom", "caribbean community"},
    {"niger", "niamey"},
    {"nigeria", "abuja"},
    {"somalia", "mogadishu"},
    {"croatia", "zagreb"},
    {"krg", "kurdistan regional government", "erbil"},
    {"chad", "n djamena"},
    {"cameroon", "yaounde"},
    {"canada", "ottawa"},
    {"guyana"},
    {"haiti", "port au prince"},
    {"philippine", "manila"},
    {"uzbekistan", "tashkent"},
]
# Demonyms name a party ("the Russian delegation") but not a speaker.
DEMONYMS = {
    "russian": "russia", "american": "united states", "ukrainian": "ukraine",
    "turkish": "turkey", "european": "european union", "british": "united kingdom",
    "french": "france", "saudi": "saudi arabia", "iranian": "iran", "israeli": "israel",
    "north korean": "north korea", "chinese": "china", "qatari": "qatar", "egyptian": "egypt",
    "omani": "oman", "afghan": "afghanistan", "pakistani": "pakistan", "congolese": "dr congo",
    "colombian": "colombia", "syrian": "syria", "armenian": "armenia", "azerbaijani": "azerbaijan",
    "thai": "thailand", "cambodian": "cambodia", "malaysian": "malaysia", "sudanese": "sudan",
    "yemeni": "yemen", "lebanese": "lebanon", "venezuelan": "venezuela", "serbian": "serbia",
    "kosovar": "kosovo", "south korean": "south korea", "german": "germany", "japanese": "japan",
    "swiss": "switzerland", "indian": "india", "belarusian": "belarus", "greek": "greece",
    "ethiopian": "ethiopia", "tigrayan": "tplf", "kenyan": "kenya", "south sudanese": "south sudan",
    "moroccan": "morocco", "algerian": "algeria", "mauritanian": "mauritania", "angolan": "angola",
    "rwandan": "rwanda", "tanzanian": "tanzania", "south african": "south africa",
    "georgian": "georgia", "kazakh": "kazakhstan", "libyan": "libya", "emirati": "united arab emirates",
    "jordanian": "jordan", "iraqi": "iraq", "montenegrin": "montenegro", "nigerien": "niger",
    "nigerian": "nigeria", "somali": "somalia", "croatian": "croatia", "chadian": "chad",
    "cameroonian": "cameroon", "canadian": "canada", "guyanese": "guyana", "haitian": "haiti",
    "philippine": "philippines", "filipino": "philippines", "uzbek": "uzbekistan",
}
VENUE_ALIASES = {"turkiye": "turkey", "kiev": "kyiv"}
GENERIC_PARTY_WORDS = {"delegation", "side", "government", "team", "officials", "authoritie"}
INSTITUTION_WORDS = set(
    """ministry department office government officials official council assembly committee
    union nations kremlin parliament administration house spokesperson spokesman spokeswoman
    delegation side allies leaders experts analysts source sources agency army movement
    group team commission court bank""".split()
)
SECTIONS = ("delegation_people", "delegation_leaders", "venues", "positions", "open_questions")


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower case without accents, possessives or punctuation; "U.S." -> "us"."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").lower()
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"\b([a-z])\.\s?([a-z])\.", r"\1\2", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split())


def stem(token: str) -> str:
    """Strip one common suffix from a longer word."""
    for suffix in ("ing", "ed", "es", "s", "ly"):
        if len(token) > len(suffix) + 3 and token.endswith(suffix):
            return token[: -len(suffix)]
    return token


@lru_cache(maxsize=1 << 16)
def content_tokens(text: str) -> tuple[str, ...]:
    """Stemmed content words of a statement or question."""
    return tuple(stem(t) for t in fold(text).split() if t not in STOPWORDS)


def text_match(gold: str, pred: str) -> float:
    """0 when the texts do not match, else their token F1 (to rank candidate pairs)."""
    gold_tokens, pred_tokens = content_tokens(gold), content_tokens(pred)
    if not gold_tokens or not pred_tokens:
        return 0.0
    pool, common = list(pred_tokens), 0
    for token in gold_tokens:
        if token in pool:
            pool.remove(token)
            common += 1
    if common < min(MIN_SHARED, len(gold_tokens)):
        return 0.0
    recall, precision = common / len(gold_tokens), common / len(pred_tokens)
    f1 = 2 * precision * recall / (precision + recall)
    if f1 >= TEXT_F1 or (recall >= COVER and precision >= COVER_PREC):
        return f1
    return 0.0


def name_of(value: Any) -> str:
    """The name (or text) a value holds, whether a string or an object."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "text", "label", "canonical"):
            if isinstance(value.get(key), str):
                return value[key]
    return ""


def statement_of(value: Any) -> str:
    """The statement (or question text) a value holds."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("statement", "quote", "text", "content"):
            if isinstance(value.get(key), str) and value[key]:
                return value[key]
    return ""


def _party_tokens(party: str) -> str:
    tokens = [t[:-1] if len(t) > 3 and t.endswith("s") else t for t in fold(party).split()]
    while tokens and tokens[0] == "the":
        tokens = tokens[1:]
    return " ".join(tokens)


_PARTY_INDEX = [({_party_tokens(g) for g in group}, sorted(group)[0]) for group in PARTY_GROUPS]
_PARTY_KEYS = {key for _, key in _PARTY_INDEX}


@lru_cache(maxsize=1 << 16)
def party_key(party: str) -> str:
    """One key per party: "Russian delegation", "Moscow" and "the Kremlin" share one."""
    tokens = _party_tokens(party).split()
    for size in (2, 1):  # "North Korean delegation", "Russian side"
        head = " ".join(tokens[:size])
        if len(tokens) >= size and head in DEMONYMS and all(t in GENERIC_PARTY_WORDS for t in tokens[size:]):
            tokens = _party_tokens(DEMONYMS[head]).split()
            break
    folded = " ".join(tokens)
    for group, key in _PARTY_INDEX:
        if folded in group or any(folded.startswith(g + " ") for g in group):
            return key
    return folded


@lru_cache(maxsize=1 << 16)
def is_party_name(name: str) -> bool:
    """Whether a name is one of the table's party names."""
    folded = _party_tokens(name)
    return any(folded in group for group, _ in _PARTY_INDEX)


@lru_cache(maxsize=1 << 16)
def _canon_token(token: str) -> str:
    """Demonyms and one-word party names become the party's key."""
    if token in DEMONYMS:
        return party_key(DEMONYMS[token])
    key = party_key(token)
    return key if key in _PARTY_KEYS else token


class Names:
    """Person and institution matching with one article's alias table."""

    def __init__(self, aliases: dict[str, list[str]] | None):
        self.alias: dict[str, str] = {}
        for canon, variants in (aliases or {}).items():
            for variant in [canon, *variants]:
                self.alias[fold(variant)] = fold(canon)
                variant_tokens, canon_tokens = fold(variant).split(), fold(canon).split()
                if variant_tokens and canon_tokens:
                    self.alias.setdefault("#" + variant_tokens[-1], canon_tokens[-1])

    def norm(self, name: str) -> list[str]:
        """A name's tokens with aliases applied and party words folded to their key."""
        tokens = fold(name).split()
        while tokens and tokens[0] == "the":
            tokens = tokens[1:]
        joined = " ".join(tokens)
        if joined in self.alias:
            tokens = self.alias[joined].split()
        if tokens and ("#" + tokens[-1]) in self.alias:
            tokens = tokens[:-1] + [self.alias["#" + tokens[-1]]]
        return [_canon_token(t) for t in tokens]

    def match(self, a: str, b: str) -> bool:
        """Same person or institution: same surname, given names agreeing where both are given."""
        if is_party_name(a) and is_party_name(b):
            return party_key(a) == party_key(b)
        if is_party_name(a) or is_party_name(b):  # "Japan" and "the Japanese government"
            key_a, key_b = party_key(a), party_key(b)
            if key_a == key_b and key_a in _PARTY_KEYS:
                return True
        ta, tb = self.norm(a), self.norm(b)
        if not ta or not tb:
            return False
        if ta == tb:
            return True
        if {ta[-1], tb[-1]} & (INSTITUTION_WORDS | TITLES):  # an institution or a bare role
            small, big = sorted((ta, tb), key=len)
            return len(small) >= 2 and set(small) <= set(big)
        small, big = sorted((ta, tb), key=len)
        if len(small) >= 2 and any(big[i : i + len(small)] == small for i in range(len(big))):
            return True  # "Salva Kiir" within "Salva Kiir Mayardit"
        if ta[-1] != tb[-1]:
            return False
        # people: the same surname, and given names that agree where both are given
        ga = [t for t in ta[:-1] if t not in TITLES and t not in _PARTY_KEYS and t not in INSTITUTION_WORDS]
        gb = [t for t in tb[:-1] if t not in TITLES and t not in _PARTY_KEYS and t not in INSTITUTION_WORDS]
        if not ga or not gb:
            return True
        if ga[0] == gb[0] or ga[-1] == gb[-1]:  # "Badr Albusaidi" / "Badr bin Hamad Albusaidi"
            return True
        return ga[-1][0] == gb[-1][0] and min(len(ga[-1]), len(gb[-1])) == 1


@lru_cache(maxsize=1 << 16)
def venue_key(name: str) -> frozenset[str]:
    """The proper-noun words of a place name ("the consulate in Istanbul" -> {istanbul})."""
    keys = set()
    for word in re.findall(r"[\w’'-]+", unicodedata.normalize("NFC", name or "")):
        if word[:1].isupper():
            for part in fold(word).split():
                if part not in STOPWORDS:
                    keys.add(VENUE_ALIASES.get(part, part))
    if not keys:  # a venue with no proper noun ("the alliance's headquarters"): its content words
        keys = set(content_tokens(name))
    return frozenset(keys)


def pairs_one_to_one(gold: list, pred: list, score: Callable[[Any, Any], float]) -> list[tuple[int, int]]:
    """Best-first one-to-one assignment of predictions to gold items: (gold index, prediction index)."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            s = score(g, p)
            if s > 0:
                candidates.append((s, gi, pi))
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_gold, used_pred, pairs = set(), set(), []
    for _, gi, pi in candidates:
        if gi not in used_gold and pi not in used_pred:
            used_gold.add(gi)
            used_pred.add(pi)
            pairs.append((gi, pi))
    return pairs


def section_items(doc: dict, section: str) -> list:
    """A section's items, or [] when it is missing or not a list."""
    items = doc.get(section) or []
    return items if isinstance(items, list) else []


def flatten_delegations(doc: dict, gold: bool) -> list[dict]:
    """One entry per named leader or member: party, name, leader flag, role, required, and its delegation."""
    people = []
    for index, delegation in enumerate(section_items(doc, "delegations")):
        if not isinstance(delegation, dict):
            continue
        party = name_of(delegation.get("party")) or ""
        required = delegation.get("required", True) if gold else True
        leader = delegation.get("leader")
        if name_of(leader):
            role = leader.get("role") if isinstance(leader, dict) else ""
            people.append({"party": party, "name": name_of(leader), "leader": True, "role": role or "",
                           "required": required, "delegation": index})
        for member in delegation.get("members") or []:
            if name_of(member):
                role = member.get("role") if isinstance(member, dict) else ""
                people.append({"party": party, "name": name_of(member), "leader": False, "role": role or "",
                               "required": required, "delegation": index})
    return people


@dataclass
class SectionResult:
    """One section of one article: counts, the misses, and which predictions matched."""

    gold_items: list
    pred_items: list
    tp_recall: int
    gold: int
    tp_precision: int
    pred: int
    matched: set[int] = field(default_factory=set)  # indexes into pred_items
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


@dataclass
class DocScore:
    """One article's sections and member roles (right, compared)."""

    sections: dict[str, SectionResult]
    roles: tuple[int, int]


def _tally(gold_items: list, pred_items: list, score: Callable, describe: Callable[[Any], str]) -> SectionResult:
    required = [i for i, g in enumerate(gold_items) if g.get("required", True)]
    found = [i for i in required if any(score(gold_items[i], p) > 0 for p in pred_items)]
    matched = {pi for _, pi in pairs_one_to_one(gold_items, pred_items, score)}
    return SectionResult(
        gold_items, pred_items, tp_recall=len(found), gold=len(required), tp_precision=len(matched),
        pred=len(pred_items), matched=matched,
        missed=[describe(gold_items[i]) for i in required if i not in found],
        spurious=[describe(pred_items[i]) for i in range(len(pred_items)) if i not in matched])


def score_doc(gold: dict, pred: dict) -> DocScore:
    """Score one article's predicted briefing against its gold annotation."""
    names = Names(gold.get("aliases"))

    def person_score(g: dict, p: dict) -> float:
        return 1.0 if party_key(g["party"]) == party_key(p["party"]) and names.match(g["name"], p["name"]) else 0.0

    def person(x: dict) -> str:
        return f'{x["party"]}: {x["name"]}'

    gold_people, pred_people = flatten_delegations(gold, True), flatten_delegations(pred, False)
    sections = {
        "delegation_people": _tally(gold_people, pred_people, person_score, person),
        "delegation_leaders": _tally([x for x in gold_people if x["leader"]], [x for x in pred_people if x["leader"]],
                                     person_score, person),
    }
    right = compared = 0
    for gi, pi in pairs_one_to_one(gold_people, pred_people, person_score):
        if gold_people[gi]["role"]:
            compared += 1
            gold_role, pred_role = content_tokens(gold_people[gi]["role"]), content_tokens(pred_people[pi]["role"])
            if gold_role and pred_role and (set(gold_role) <= set(pred_role)
                                            or text_match(gold_people[gi]["role"], pred_people[pi]["role"])):
                right += 1

    def venue_score(g: Any, p: Any) -> float:
        a, b = venue_key(name_of(g)), venue_key(name_of(p))
        return 1.0 if a and b and (a <= b or b <= a) else 0.0

    sections["venues"] = _tally(
        [v for v in section_items(gold, "venues") if isinstance(v, dict)],
        [v if isinstance(v, dict) else {"name": v} for v in section_items(pred, "venues") if isinstance(v, dict | str)],
        venue_score, name_of)

    def position_score(g: dict, p: dict) -> float:
        if not names.match(name_of(g.get("speaker")), name_of(p.get("speaker"))):
            return 0.0
        return text_match(statement_of(g), statement_of(p))

    sections["positions"] = _tally(
        [x for x in section_items(gold, "positions") if isinstance(x, dict)],
        [x for x in section_items(pred, "positions") if isinstance(x, dict)],
        position_score, lambda x: f'{name_of(x.get("speaker"))}: {statement_of(x)[:90]}')
    sections["open_questions"] = _tally(
        [x for x in section_items(gold, "open_questions") if isinstance(x, dict)],
        [x if isinstance(x, dict) else {"text": x} for x in section_items(pred, "open_questions")
         if isinstance(x, dict | str)],
        lambda g, p: text_match(statement_of(g), statement_of(p)), lambda x: statement_of(x)[:110])
    return DocScore(sections, (right, compared))


def prf(tp_recall: int, gold: int, tp_precision: int, pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from the counts (an empty side counts as perfect, as score.py does)."""
    precision = tp_precision / pred if pred else (1.0 if not gold else 0.0)
    recall = tp_recall / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
