"""A track as the briefing model holds it: parties, venues, meeting dates read against each article's date,
and its status (the latest source's word wins, and the one before is kept)."""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from briefer.extract.dates import DateMention
from briefer.model import Evidence, MeetingDate, Talks, Venue
from briefer.names import place_label, place_phrase
from briefer.resolve.gatherings import gathering_title
from briefer.resolve.tracks import OTHER_ID, OTHER_TITLE, Track, article_day, leading, major, parties_in, track_title
from briefer.rules.lexicon import Lexicon

# A written date dateparser can pin to a day: a weekday, today/yesterday/tomorrow, or a month with a day.
_DAY = re.compile(r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|tonight|yesterday|tomorrow|\d{4}-\d\d-\d\d)\b"
                  r"|\b\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+|\b[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?\b",
                  re.IGNORECASE)
_RANGE = re.compile(r"\b(\d{1,2})\s*[-–]\s*\d{1,2}\b")  # "23-24 January": its first day
_WEEKDAYS = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", re.IGNORECASE)
HAPPENED = ("held", "under way", "ended")  # what a report says took place, beside what it says is next
MAX_DAYS_AWAY = 400  # a relative date read further than this from its article's date is a misreading
_QUALIFIERS = re.compile(r"\b(?:early|late|on|the|of|this|last|morning|evening|night|afternoon)\b", re.IGNORECASE)


@lru_cache(maxsize=4096)
def resolve_date(text: str, base: date | None, future: bool) -> str | None:
    """The ISO day a written date names, read against the article's date (dateparser); None when it names no
    single day or the article has no date to read a relative one against."""
    if not _DAY.search(text):
        return None
    import dateparser

    cleaned = " ".join(_QUALIFIERS.sub(" ", _RANGE.sub(r"\1", text)).split())
    weekday = _WEEKDAYS.search(cleaned)
    if base is not None and weekday and cleaned.lower() == weekday.group(0).lower() and (
            base.strftime("%A").lower() == weekday.group(0).lower()):
        return base.isoformat()  # "on Friday" in an article of a Friday is that day
    settings = {"PREFER_DATES_FROM": "future" if future else "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base is not None:
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day, 12)
    moment = dateparser.parse(cleaned, languages=["en"], settings=settings)
    if moment is None:
        return None
    if base is None and not re.search(r"\b(?:19|20)\d\d\b", text):
        return None  # "Friday" or "24 March" with nothing to read it against
    if base is not None and abs((moment.date() - base).days) > MAX_DAYS_AWAY and not re.search(r"\d{4}", text):
        return None  # a misreading ("June 13-15" as the year 2115)
    return moment.date().isoformat()


def meeting_dates(track: Track, lexicon: Lexicon) -> list[MeetingDate]:
    """Every date of the track's own meetings in its articles, once per day (or per wording when no day is
    known): a report that the meeting was held replaces one that it was to be."""
    found: dict[str, MeetingDate] = {}
    for frame in track.frames:
        base = article_day(frame.article.article)
        for mention in frame.article.dates:
            if not _of_the_track(mention.sentence, track, lexicon):
                continue
            day = resolve_date(mention.text, base, mention.status in ("scheduled", "proposed"))
            key = day or mention.text.lower()
            earlier = found.get(key)
            if earlier is None or (mention.status in HAPPENED and earlier.status not in HAPPENED):
                found[key] = _meeting_date(mention, day, frame.article.article.id)  # a report of it held is later
    return sorted(found.values(), key=lambda d: d.date or "")


def _of_the_track(sentence: str, track: Track, lexicon: Lexicon) -> bool:
    """Whether a sentence with a date speaks of the track's meeting: it names one of the track's sides, or a
    venue another sentence of the track names ("a summit of EU leaders on Thursday", in a report on other talks,
    does not), and offers no place for talks (an offer names the occasion where it is made, not a meeting)."""
    if lexicon.offer is not None and lexicon.offer.search(sentence):
        return False
    if set(parties_in(sentence, lexicon)) & major(track.sides):
        return True
    places = {str(fact.fields.get("name", "")).split(",")[0].strip() for frame in track.frames
              for fact in frame.article.facts if fact.section == "venues" and fact.evidence.sentence != sentence}
    return any(re.search(rf"\b{re.escape(place)}\b", sentence) for place in places if place)


def _meeting_date(mention: DateMention, day: str | None, source: str) -> MeetingDate:
    evidence = Evidence(source=source, sentence=mention.sentence, start=mention.start, end=mention.end, rule="dates")
    return MeetingDate(text=mention.text, date=day, status=mention.status, evidence=evidence)  # type: ignore[arg-type]


def _status(track: Track, dates: list[MeetingDate]) -> tuple[str | None, str | None]:
    """The track's status as its latest source gives it, and what an earlier source said when different. A
    source that reports a meeting held and the next one scheduled says the talks were held: the scheduled one
    is what comes next, not a change of status."""
    order = {frame.article.article.id: index for index, frame in enumerate(track.frames)}
    days = {frame.article.article.id: article_day(frame.article.article) or date.min for frame in track.frames}
    said = sorted((d for d in dates if d.status), key=lambda d: (d.date or "", days[d.evidence.source],
                                                                   order[d.evidence.source]))
    if not said:
        return None, None
    last_source = said[-1].evidence.source
    own = [d for d in said if d.evidence.source == last_source]
    latest = ([d for d in own if d.status in HAPPENED] or own)[-1].status
    earlier = next((d.status for d in reversed(said) if d.evidence.source != last_source and d.status != latest), None)
    return latest, earlier


def _met_elsewhere(venue: Venue, lexicon: Lexicon) -> bool:
    """Whether every sentence naming the venue names it as where another meeting was held, with no meeting of
    these talks between: after an earlier meeting ("Previous rounds were held in Vienna"), or after a meeting
    the sentence sets before or after this one ("after the June G7 meeting in nearby Italy"). Such a place is
    where the talks met before, or where something else met: not where they meet."""
    earlier = lexicon.earlier_meeting
    if earlier is None:
        return False
    nouns = "|".join(re.escape(noun) for noun in lexicon.gazetteers.list("roles.talks_nouns"))
    these = re.compile(rf"\b(?:{_THESE})\s+(?:\w+\s+)?(?:{nouns})\b", re.IGNORECASE)
    # a meeting named by more than its noun ("the June 13-15 G/7 meeting"), set before or after this one
    sequenced = re.compile(rf"\b(?:after|before|since|following)\s+(?:the|a|an)\s+(?:[\w/.’'-]+\s+){{1,4}}"
                           rf"(?:{nouns})\b", re.IGNORECASE)
    for evidence in venue.evidence:
        sentence = evidence.sentence
        # where the sentence names the place: the venue's name, else its last part ("G20, Johannesburg")
        at = max(sentence.find(venue.name), sentence.find(venue.name.split(",")[-1].strip()))
        cues = [*earlier.finditer(sentence, 0, max(at, 0)), *sequenced.finditer(sentence, 0, max(at, 0))]
        if at < 0 or not cues:
            return False
        last = max(cues, key=lambda cue: cue.end())
        if these.search(sentence, last.end(), at):
            return False
    return True


_THESE = "the|this|these|today's|current|latest|new|next"  # words before a meeting noun naming these talks


def venue_name(venue: Venue) -> str:
    """A venue as a track lists it: "Istanbul, Turkey", "Turkey"."""
    return place_label(venue.name, venue.country)


def describe_track(track_id: str, track: Track, resolved, lexicon: Lexicon, event: str | None = None) -> Talks:
    """The Talks entry of a track, from its articles and its resolved items: its parties those it is about
    first (the title's), its venues where it meets, the most reported first (a place only offered to host it,
    or named only as where earlier rounds or other meetings met, is a venue item of the track, not where it
    meets; the latter are listed as `elsewhere`). A
    multilateral track (`event` not None) is titled by its event ("" when it has no name)."""
    about = leading(track.sides)
    parties = about + [party for party, _ in track.sides.most_common() if party not in about]
    parties += [d.party for d in resolved.delegations if d.party not in parties]
    offered = lexicon.offer
    elsewhere = [v for v in resolved.venues if _met_elsewhere(v, lexicon)]
    ordered = [v for v in sorted(resolved.venues, key=lambda v: -len(v.evidence))
               if (offered is None or not all(offered.search(e.sentence) for e in v.evidence))
               and v not in elsewhere]
    inner = {v.country for v in ordered if v.country and v.country != v.name}
    venues = [venue_name(v) for v in ordered if v.name not in inner]  # "Istanbul, Turkey", not also "Turkey"
    shown = [v.name for v in ordered if v.name not in inner]  # "Istanbul" rather than the "Turkey" it lies in
    venue = shown[0] if shown else ""
    if track_id == OTHER_ID:
        title = OTHER_TITLE
    elif event is not None:
        title = gathering_title(event, venue, place_phrase(venue))
    else:
        title = track_title(about, venue)
    dates = meeting_dates(track, lexicon)
    status, previous = _status(track, dates)
    return Talks(id=track_id, title=title, multilateral=event is not None, parties=parties, venues=venues,
                 elsewhere=[venue_name(v) for v in elsewhere],
                 dates=dates, status=status, previous_status=previous,
                 sources=[frame.article.article.id for frame in track.frames])
