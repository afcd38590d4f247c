"""Resolution across articles through the CLI: one entry per person however spelt, corroboration, conflicts."""

from __future__ import annotations

import pytest
from in_process import briefer

from briefer.model import Briefing

# Made-up wire copy: one leader in two spellings, a second source naming another leader.
ARTICLES = {
    "a": "Russia names its team for the talks\n\nThe Russian delegation will be led by presidential aide Vladimir "
         "Medinsky, the Kremlin said on Monday.\n\nThe talks will take place in Istanbul. \"We are ready for a serious "
         "conversation,\" President Volodymyr Zelenskiy said.\n",
    "b": "Delegations arrive for talks\n\nThe Russian delegation, headed by Vladimir Medinskiy, arrived in Istanbul on "
         "Tuesday for talks with Ukraine.\n\nPresident Volodymyr Zelensky said Kyiv was ready for a serious "
         "conversation.\n",
    "c": "Moscow changes its negotiator\n\nThe Russian delegation will be led by Deputy Foreign Minister Sergei "
         "Ryabkov, state media reported.\n",
}


@pytest.fixture(scope="module")
def briefing(tmp_path_factory) -> Briefing:
    folder = tmp_path_factory.mktemp("articles")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    result = briefer("extract", str(folder))
    assert result.returncode == 0, result.stderr
    return Briefing.model_validate_json(result.stdout)


def test_one_delegation_one_leader_across_spellings(briefing):
    russia = [d for d in briefing.delegations if d.party == "Russia"]
    assert len(russia) == 1
    assert russia[0].leader.name in {"Vladimir Medinsky", "Vladimir Medinskiy"}
    assert {e.source for e in russia[0].evidence} == {"a", "b", "c"}


def test_sources_that_differ_are_a_conflict(briefing):
    (russia,) = [d for d in briefing.delegations if d.party == "Russia"]
    (conflict,) = russia.conflicts
    assert conflict.field == "leader" and "Sergei Ryabkov" in conflict.values


def test_one_venue_and_one_statement_with_both_sources(briefing):
    istanbul = [v for v in briefing.venues if v.name == "Istanbul"]
    assert len(istanbul) == 1 and istanbul[0].source_count == 2
    zelensky = [p for p in briefing.positions if p.speaker.name.startswith("Volodymyr Zelensk")]
    assert len(zelensky) == 1 and zelensky[0].source_count == 2


def test_a_speaker_without_a_party_speaks_for_the_delegation_they_sit_in(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Talks resume\n\nThe Kenyan delegation was led by Amos Wekesa, who arrived in Geneva on Monday.\n\n"
        "\"We want a lasting agreement and we will stay as long as it takes,\" Wekesa told reporters.\n",
        encoding="utf-8")
    result = briefer("extract", str(tmp_path))
    assert result.returncode == 0, result.stderr
    briefing = Briefing.model_validate_json(result.stdout)
    assert [(d.party, d.leader.name) for d in briefing.delegations] == [("Kenya", "Amos Wekesa")]
    assert [(p.speaker.name, p.speaker.party) for p in briefing.positions] == [("Amos Wekesa", "Kenya")]
