"""Episodes: a digest's paragraphs about different meetings go to different tracks; a wire report that names
mediators and hosts beside the sides stays one (extract + resolve on short passages written for the test)."""

from __future__ import annotations

from briefer.resolve.episodes import paragraph_at, paragraph_spans

DIGEST = (
    "Diplomacy this week\n"
    "Armenian and Azerbaijani delegations met in Washington on Monday to work on a peace treaty. "
    "The Armenian delegation was led by Foreign Minister Ararat Mirzoyan.\n"
    "The mood among the diplomats was said to be businesslike.\n"
    "Colombian government and ELN negotiators opened a new round of talks in Caracas on Tuesday. "
    "The ELN delegation was led by Pablo Beltran.\n"
    "Will the ceasefire between the government and the guerrillas hold through the spring?\n"
)
WIRE = (
    "Hostage talks resume in Cairo\n"
    "Israeli and Egyptian officials met in Cairo on Sunday for talks on a hostage release, with Qatari "
    "mediators taking part. The Israeli delegation was led by Mossad chief David Barnea.\n"
    "Egypt's intelligence chief Abbas Kamel hosted the meeting in Cairo, and a Qatari minister joined the talks.\n"
    "Israeli officials said the talks in Cairo would continue next week.\n"
)


def track_of(resolved, party: str) -> str:
    return next(d.talks for d in resolved.delegations if d.party == party)


def test_a_digest_of_two_meetings_is_two_tracks_and_each_item_goes_with_its_paragraph(resolve_texts):
    resolved = resolve_texts(digest=DIGEST)
    armenia, eln = track_of(resolved, "Armenia"), track_of(resolved, "ELN")
    assert armenia != eln
    assert {t.id for t in resolved.talks if "digest" in t.sources} >= {armenia, eln}
    venues = {v.name: v.talks for v in resolved.venues}
    assert venues["Washington"] == armenia and venues["Caracas"] == eln
    question = next(q for q in resolved.open_questions if "ceasefire" in q.text)
    assert question.talks == eln  # the digest's question about the second meeting stays with it
    titles = {t.id: t.title for t in resolved.talks}
    assert "Caracas" in titles[eln] and "Washington" in titles[armenia]


def test_a_wire_report_naming_mediators_and_hosts_is_one_track(resolve_texts):
    resolved = resolve_texts(wire=WIRE)
    assert len([t for t in resolved.talks if t.id != "other"]) == 1


def test_two_reports_of_one_meeting_join_and_a_report_of_other_sides_in_the_same_city_does_not(resolve_texts):
    first = ("Russian and Ukrainian delegations met in Istanbul on Friday. The Russian delegation was led by "
             "Vladimir Medinsky, and the Ukrainian delegation by Defence Minister Rustem Umerov.\n"
             "The United States welcomed the talks in Istanbul.\n")  # a party named in passing is no side
    second = ("The Ukrainian delegation, headed by Rustem Umerov, held talks with Russian negotiators in "
              "Istanbul.\nMedinsky said the Russian side was satisfied.\n")
    other = ("Russian and American diplomats met in Istanbul on Thursday to discuss the work of their "
             "embassies. The American delegation was led by Sonata Coulter.\n")
    resolved = resolve_texts(first=first, second=second, other=other)
    by_source = {s: t.id for t in resolved.talks for s in t.sources}
    assert by_source["first"] == by_source["second"] != by_source["other"]


def test_a_sentence_is_found_in_its_paragraph_when_the_offset_drifted():
    text = "First line about one thing.\nSecond line about another.\n"
    spans = paragraph_spans(text)
    assert len(spans) == 2
    assert paragraph_at(spans, text, 3, "Second line about another.") == 1  # offset says 0, the text says 1
    assert paragraph_at(spans, text, 30, "Second line about another.") == 1


def test_a_digest_coming_back_to_a_meeting_does_not_join_the_meeting_reported_in_between(resolve_texts):
    digest = ("Week in diplomacy\n"
              "American and Ukrainian officials met at the White House on Friday. The Ukrainian delegation was led "
              "by Foreign Minister Andrii Sybiha.\n"
              "North Korean leader Kim Jong Un held talks with Russian President Vladimir Putin in Pyongyang on "
              "Wednesday.\n"
              "Ukrainian officials said the talks at the White House would resume next month.\n")
    resolved = resolve_texts(digest=digest)
    venues = {v.name.split(",")[0]: v.talks for v in resolved.venues}
    assert venues["Pyongyang"] != venues["White House"]
    pyongyang = next(t for t in resolved.talks if t.id == venues["Pyongyang"])
    assert "Ukraine" not in pyongyang.parties and "Pyongyang" in pyongyang.title


def test_a_meeting_named_in_passing_and_a_party_said_to_stay_away_are_no_sides_of_the_report(resolve_texts):
    report = ("Serbian and Kosovar negotiators met in Brussels on Monday. The Serbian delegation was led by "
              "Petar Petkovic.\n"
              "EU envoy Miroslav Lajcak, fresh from talks in Washington with U.S. envoy Gabriel Escobar, said a "
              "window for a deal remained open. The United States has not joined the Brussels talks.\n")
    resolved = resolve_texts(report=report)
    brussels = next(t for t in resolved.talks if t.venues and t.venues[0].startswith("Brussels"))
    assert "United States" not in brussels.parties
    assert brussels.title.startswith("Serbia")
