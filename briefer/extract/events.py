"""Events a sentence reports only as possible: "whether X will attend", "did not meet", "declined to attend"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefer.rules.vocabulary import CHECKS

if TYPE_CHECKING:
    from briefer.rules.compiler import RuleMatch
    from briefer.rules.lexicon import Lexicon

HEDGE_MARKS = {"whether", "if", "unless"}
HEDGE_AUX = {"may", "might", "could"}
# A meeting named by a noun that is only supposed: "a possible meeting", "a meeting, potentially in Seoul".
SUPPOSED = {"potential", "possible", "hypothetical", "eventual", "potentially", "possibly", "perhaps", "maybe"}
# A meeting named by a noun that is still to come ("an upcoming meeting between their two leaders"): nobody is at
# it yet, though its place is where talks are prepared (a venue).
COMING = {"upcoming", "planned", "proposed", "future", "prospective"}


@CHECKS.register("hedged")
def hedged(match: RuleMatch, lexicon: Lexicon) -> bool:
    """The event the match reports may not happen: the verb at the top of the match is negated ("did not
    attend"), asked about ("whether Putin will attend"), conditional ("if they meet"), merely possible
    ("could meet"), refused ("declined to attend"), only offered ("ready to meet") or, for a meeting named by a
    noun, only supposed ("a possible meeting"), or for the people at it, still to come ("an upcoming meeting")."""
    verb = min((span.root for span in match.captures.values()), key=lambda t: len(list(t.ancestors)),
               default=match.span.root)
    if verb.pos_ not in {"VERB", "AUX"}:
        # a meeting named by a noun ("Trump's meeting with Putin could shape ...") took place, unless the text
        # only supposes it ("a possible meeting between X and Y", "a meeting ..., potentially in Seoul")
        words = SUPPOSED | COMING if match.rule.section == "delegations" else SUPPOSED
        return any(t.lower_ in words and t.dep_ in {"amod", "advmod"} for t in verb.subtree)
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "mark" and child.lower_ in HEDGE_MARKS) or (
                child.dep_ == "aux" and child.lower_ in HEDGE_AUX):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_ in lexicon.gazetteers.words("uncertainty.refusal_verbs")
