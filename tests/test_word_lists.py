"""The open word lists extraction and resolution read (honorifics, name particles, pair nouns, government words,
refusal verbs, other occasions and calls) are gazetteer data behind the Lexicon: a user's gazetteer file extends them
like any other list."""

from __future__ import annotations

import pytest

from briefer import names
from briefer.extract.roster import GOVERNMENT_SIDE, side_party
from briefer.model import Mention
from briefer.resolve.wording import Wording
from briefer.rules import load_knowledge

USER_WORDS = """version: 1
honorifics: [citizen]
name_particles: [ter]
pair_nouns: {delegation: [ORG]}
"""


@pytest.fixture(scope="module")
def extended(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules")
    (folder / "gazetteers").mkdir()
    (folder / "gazetteers" / "roles.yml").write_text(USER_WORDS, encoding="utf-8")
    (folder / "gazetteers" / "parties.yml").write_text("version: 1\ngovernment_words: [military council]\n",
                                                       encoding="utf-8")
    (folder / "gazetteers" / "uncertainty.yml").write_text("version: 1\nrefusal_verbs: [hesitate]\n",
                                                           encoding="utf-8")
    (folder / "gazetteers" / "meetings.yml").write_text("version: 1\noccasions: [jamboree]\ncalls: [by radio]\n",
                                                        encoding="utf-8")
    return load_knowledge([folder]).lexicon


def test_a_user_gazetteer_extends_every_word_list_and_keeps_the_built_in_words(extended, knowledge):
    builtin = knowledge.lexicon
    assert "citizen" in extended.honorifics and "citizen" not in builtin.honorifics
    assert builtin.honorifics <= extended.honorifics
    assert {"ter", "von"} <= extended.name_particles and "ter" not in builtin.name_particles
    assert extended.pair_nouns["delegation"] == {"ORG"} and "delegation" not in builtin.pair_nouns
    assert extended.pair_nouns["country"] == builtin.pair_nouns["country"] == {"GPE", "NORP", "ORG"}
    assert "military council" in extended.government_words and "junta" in extended.government_words
    assert "hesitate" in extended.gazetteers.words("uncertainty.refusal_verbs")


def test_a_users_government_word_names_the_government_side(extended, knowledge):
    assert side_party("the military council", knowledge.lexicon) is None
    assert side_party("the military council", extended) == GOVERNMENT_SIDE
    assert side_party("the junta", knowledge.lexicon) == GOVERNMENT_SIDE


def test_a_users_honorific_is_no_part_of_a_name(extended, knowledge, nlp):
    from briefer.extract.views import person

    span = nlp("Citizen Kane Abbot said the talks would resume.")[0:3]  # the recogniser takes all three words
    assert person(span, knowledge.lexicon).name == "Citizen Kane Abbot"
    assert person(span, extended) == Mention(name="Kane Abbot", role="Citizen")


def test_the_name_module_compares_names_with_the_gazetteer_s_words(knowledge):
    """names.py has no Lexicon (history compares names without one): its lists are the built-in gazetteer's."""
    lexicon = knowledge.lexicon
    assert names.HONORIFICS == {word for word in lexicon.honorifics if " " not in word}
    assert names.SURNAME_PARTICLES == lexicon.name_particles


def test_a_users_occasion_and_call_words_join_the_delegation_resolver_s_patterns(extended, knowledge):
    builtin, extended_words = Wording.of(knowledge.lexicon), Wording.of(extended)
    assert extended_words.occasion.search("they met at the jamboree") and not builtin.occasion.search("the jamboree")
    assert extended_words.occasion.search("at the summit") and builtin.occasion.search("at the summit")
    assert extended_words.call.search("the envoys spoke by radio") and not builtin.call.search("spoke by radio")
    assert extended_words.call.search("they spoke by phone") and builtin.call.search("they spoke by phone")
