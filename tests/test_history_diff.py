"""Marking a brief against the previous one: new, changed (with the previous value), unchanged, dropped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from briefer.history import History, mark_changes
from briefer.model import Briefing, Delegation, OpenQuestion, Person, Position, Speaker, Talks, Venue


def person(name: str, role: str | None = None) -> Person:
    return Person(name=name, role=role)


def position(speaker: str, statement: str, **speaker_fields) -> Position:
    return Position(speaker=Speaker(name=speaker, **speaker_fields), statement=statement)


def monday() -> Briefing:
    return Briefing(
        generated_at=datetime(2026, 11, 22, 6, tzinfo=UTC),
        date="2026-11-22",
        delegations=[
            Delegation(
                party="Ukraine",
                talks="Istanbul talks",
                leader=person("Rustem Umerov", "Defence Minister"),
                members=[person("Kyrylo Budanov"), person("Serhiy Kyslytsya")],
            ),
            Delegation(
                party="Russia",
                talks="Istanbul talks",
                leader=person("Vladimir Medinsky"),
                members=[person("Igor Kostyukov")],
            ),
        ],
        venues=[
            Venue(name="Dolmabahce Palace", country="Turkey", talks="Istanbul talks"),
            Venue(name="Riyadh", country="Saudi Arabia", talks="US-Russia talks"),
            Venue(name="Vatican", country="Vatican City"),
        ],
        positions=[
            position("Volodymyr Zelenskiy", "Ukraine will not recognise occupied territories as Russian."),
            position("Dmitry Peskov", "The Kremlin is ready for a meeting at the level of leaders."),
            position("Jane Roe", "A ceasefire before winter looks unlikely."),
        ],
        open_questions=[
            OpenQuestion(text="Will Putin attend the talks in person?"),
            OpenQuestion(text="Who will guarantee a ceasefire?"),
        ],
    )


def tuesday() -> Briefing:
    return Briefing(
        generated_at=datetime(2026, 11, 23, 6, tzinfo=UTC),
        date="2026-11-23",
        delegations=[
            Delegation(
                party="Ukraine",
                talks="Istanbul talks",
                leader=person("Rustem Umerov", "Defence Minister"),
                members=[person("Kyrylo Budanov"), person("Andriy Yermak")],
            ),
            Delegation(
                party="Russia",
                talks="Istanbul Talks",
                leader=person("Vladimir Medinskiy"),
                members=[person("Igor Kostiukov")],
            ),
            Delegation(party="United States", talks="Istanbul talks", leader=person("Steve Witkoff")),
        ],
        venues=[
            Venue(name="Dolmabahçe Palace", country="Turkey", talks="Istanbul talks"),
            Venue(name="Geneva", country="Switzerland", talks="US-Russia talks"),
        ],
        positions=[
            position("Volodymyr Zelensky", "Ukraine will not recognise occupied territories as Russian"),
            position(
                "Dmitry Peskov",
                "The Kremlin is ready for a meeting at the level of leaders, but not before the summer.",
            ),
            position("Sergei Lavrov", "Russia will not withdraw its troops."),
        ],
        open_questions=[
            OpenQuestion(text="Will Vladimir Putin attend the Istanbul talks in person?"),
            OpenQuestion(text="When will prisoner exchanges resume?"),
        ],
    )


def marks(items) -> list[tuple[str | None, str | None]]:
    return [(item.status, item.previous) for item in items]


@pytest.fixture
def marked() -> Briefing:
    return mark_changes(tuesday(), monday())


def test_delegations_new_changed_with_previous_members_and_unchanged_despite_respelling(marked):
    assert marks(marked.delegations) == [
        ("changed", "members: Kyrylo Budanov, Serhiy Kyslytsya"),
        ("unchanged", None),
        ("new", None),
    ]


def test_members_of_a_known_delegation_are_marked(marked):
    ukraine, russia, united_states = marked.delegations
    assert [(m.name, m.status) for m in ukraine.members] == [
        ("Kyrylo Budanov", "unchanged"),
        ("Andriy Yermak", "new"),
    ]
    assert [(m.name, m.status) for m in russia.members] == [("Igor Kostiukov", "unchanged")]
    assert [m.status for m in united_states.members] == []


def test_venues_unchanged_despite_accents_and_moved_for_the_same_talks(marked):
    assert marks(marked.venues) == [
        ("unchanged", None),
        ("changed", "Riyadh, Saudi Arabia (US-Russia talks)"),
    ]


def test_a_venue_that_is_its_country_names_it_once_in_what_it_was_and_what_was_dropped():
    """A venue "Turkey" (country Turkey) whose track was retitled, and one "Rome, Italy" gone: each place once."""
    def day(date: str, title: str, venues: list[Venue]) -> Briefing:
        return Briefing(generated_at=datetime(2026, 11, 22, 6, tzinfo=UTC), date=date, venues=venues,
                        talks=[Talks(id="t1", title=title)])

    before = day("2026-11-22", "Russia–Ukraine talks in Istanbul",
                 [Venue(name="Turkey", country="Turkey", talks="t1"), Venue(name="Rome, Italy", country="Italy",
                                                                            talks="t1")])
    after = day("2026-11-23", "Prisoner exchange talks", [Venue(name="Turkey", country="Turkey", talks="t2")])
    marked = mark_changes(after, before)
    assert marks(marked.venues) == [("changed", "Turkey (Russia–Ukraine talks in Istanbul)")]
    assert [d.label for d in marked.changes.dropped] == ["Rome, Italy (Russia–Ukraine talks in Istanbul)"]


def test_positions_respelt_speaker_unchanged_reworded_changed_and_new(marked):
    assert marks(marked.positions) == [
        ("unchanged", None),
        ("changed", "The Kremlin is ready for a meeting at the level of leaders."),
        ("new", None),
    ]


def test_open_questions_reworded_changed_and_new(marked):
    assert marks(marked.open_questions) == [
        ("changed", "Will Putin attend the talks in person?"),
        ("new", None),
    ]


def test_items_gone_since_the_previous_brief_are_dropped(marked):
    assert marked.changes is not None
    assert marked.changes.previous_date == "2026-11-22"
    assert [(d.section, d.label) for d in marked.changes.dropped] == [
        ("delegations", "Serhiy Kyslytsya, Ukraine delegation (Istanbul talks)"),
        ("venues", "Vatican, Vatican City"),
        ("positions", "Jane Roe: A ceasefire before winter looks unlikely."),
        ("open_questions", "Who will guarantee a ceasefire?"),
    ]


def test_the_current_brief_is_left_as_it_was():
    current = tuesday()
    mark_changes(current, monday())
    assert current == tuesday()


def test_without_a_previous_brief_nothing_is_marked():
    first = mark_changes(tuesday(), None)
    assert first.changes is None
    assert all(item.status is None for item in [*first.delegations, *first.venues, *first.positions])
    assert all(member.status is None for member in first.delegations[0].members)


def test_a_brief_compared_with_itself_is_all_unchanged():
    again = mark_changes(monday(), monday())
    items = [*again.delegations, *again.venues, *again.positions, *again.open_questions]
    assert {item.status for item in items} == {"unchanged"}
    assert again.changes is not None and again.changes.dropped == []


def test_a_respelt_leader_is_no_new_person():
    before = Briefing(
        generated_at=datetime(2026, 11, 22, tzinfo=UTC),
        date="2026-11-22",
        delegations=[Delegation(party="Ukraine", leader=person("Volodymyr Zelenskiy"))],
    )
    after = before.model_copy(deep=True)
    after.delegations[0].leader = person("Volodymyr Zelensky")
    assert marks(mark_changes(after, before).delegations) == [("unchanged", None)]


def test_a_new_leader_is_a_change_showing_the_previous_one():
    before = Briefing(
        generated_at=datetime(2026, 11, 22, tzinfo=UTC),
        date="2026-11-22",
        delegations=[Delegation(party="Russia", leader=person("Vladimir Medinsky"))],
    )
    after = before.model_copy(deep=True)
    after.delegations[0].leader = person("Sergei Lavrov")
    assert marks(mark_changes(after, before).delegations) == [("changed", "led by Vladimir Medinsky")]


def test_one_partys_team_at_other_talks_with_other_people_is_new_not_changed():
    before = Briefing(
        generated_at=datetime(2026, 11, 22, tzinfo=UTC),
        date="2026-11-22",
        delegations=[Delegation(party="Russia", talks="russia-ukraine", leader=person("Vladimir Medinsky"))],
    )
    after = before.model_copy(deep=True)
    after.delegations[0].talks = "russia-united-states"
    after.delegations[0].leader = person("Sergei Lavrov")
    changes = mark_changes(after, before)
    assert marks(changes.delegations) == [("new", None)]
    assert [d.section for d in changes.changes.dropped] == ["delegations"]
    after.delegations[0].leader = person("Vladimir Medinsky")  # the same team, its track's id changed: paired
    assert marks(mark_changes(after, before).delegations) == [("changed", "talks: russia-ukraine")]


def test_a_negated_statement_is_a_change():
    before = Briefing(
        generated_at=datetime(2026, 11, 22, tzinfo=UTC),
        date="2026-11-22",
        positions=[position("Sergei Lavrov", "Russia will withdraw its troops.")],
    )
    after = before.model_copy(deep=True)
    after.positions[0].statement = "Russia won't withdraw its troops."
    assert marks(mark_changes(after, before).positions) == [("changed", "Russia will withdraw its troops.")]


def test_two_runs_a_day_apart_through_the_history(tmp_path):
    history = History(tmp_path / "history.sqlite")
    first = mark_changes(monday(), history.previous("2026-11-22"))
    assert first.changes is None
    history.record(first)

    second = mark_changes(tuesday(), history.previous("2026-11-23"))
    history.record(second)

    stored = history.get("2026-11-23")
    assert stored == second
    assert stored.changes is not None and stored.changes.previous_date == "2026-11-22"
    assert [item.status for item in stored.positions] == ["unchanged", "changed", "new"]
    # A rebuild of Tuesday compares with Monday again, not with the Tuesday already recorded.
    rebuilt = mark_changes(tuesday(), history.previous("2026-11-23"))
    assert rebuilt == second


def test_dropped_items_name_their_track_by_its_title():
    from briefer.model import Talks

    before = Briefing(
        generated_at=datetime(2026, 11, 22, tzinfo=UTC),
        date="2026-11-22",
        talks=[Talks(id="russia-ukraine", title="Russia–Ukraine talks in Istanbul")],
        delegations=[Delegation(party="Ukraine", talks="russia-ukraine", leader=person("Rustem Umerov"),
                                members=[person("Kyrylo Budanov")])],
        venues=[Venue(name="Istanbul", country="Turkey", talks="russia-ukraine")],
    )
    after = Briefing(generated_at=datetime(2026, 11, 23, tzinfo=UTC), date="2026-11-23",
                     delegations=[Delegation(party="Ukraine", talks="russia-ukraine", leader=person("Rustem Umerov"))])
    marked = mark_changes(after, before)
    assert [(d.section, d.label) for d in marked.changes.dropped] == [
        ("delegations", "Kyrylo Budanov, Ukraine delegation (Russia–Ukraine talks in Istanbul)"),
        ("venues", "Istanbul, Turkey (Russia–Ukraine talks in Istanbul)"),
    ]
