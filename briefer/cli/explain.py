"""`briefer explain SOURCE`: which rule produced each fact, the sentence with the match marked, and the captures."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

from briefer.cli.brief import CONFIG, MAX_BYTES, MODEL, RULES, SOURCES, TIMEOUT, settings_from
from briefer.cli.command import examples

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from briefer.explain import Firing

CAPTURE_STYLES = ("bold cyan", "bold magenta", "bold green", "bold yellow", "bold blue")
MATCH_OPEN, MATCH_CLOSE = "«", "»"


def marked(firing: Firing) -> Text:
    """The sentence with the match between « » and each capture as [name: text], highlighted on a terminal."""
    from rich.text import Text

    marks = [(firing.start, firing.end, MATCH_OPEN, MATCH_CLOSE, "underline")]
    for index, capture in enumerate(sorted(firing.captures, key=lambda c: (c.start, -c.end))):
        style = CAPTURE_STYLES[index % len(CAPTURE_STYLES)]
        marks.append((capture.start, capture.end, f"[{capture.name}: ", "]", style))
    # At one position: closing marks before opening ones, inner marks closed first and opened last.
    events = sorted([(start, 1, start - end, i, i) for i, (start, end, *_) in enumerate(marks)]
                    + [(end, 0, end - start, -i, i) for i, (start, end, *_) in enumerate(marks)])
    text, active, position = Text(), [], 0
    for offset, opening, _, _, i in events:
        text.append(firing.text[position:offset], style=" ".join(marks[j][4] for j in active) or None)
        position = offset
        label = marks[i][2] if opening else marks[i][3]
        text.append(label, style="dim" if i else "bold")
        if opening:
            active.append(i)
        else:
            active.remove(i)
    text.append(firing.text[position:])
    return text


def _print_firing(console: Console, number: int, firing: Firing) -> None:
    from rich.text import Text

    from briefer.cli.rules import fact_text, where

    rule = firing.rule.rule
    console.print(Text.assemble((f"{number}. ", "bold"), (rule.section, "bold"), " from rule ", (rule.id, "bold"),
                                f" ({where(firing.rule)})"))
    console.print(Text.assemble("   sentence: ", marked(firing)))
    captures = "; ".join(f'{c.name} = "{c.text}"' for c in firing.captures) or "none"
    console.print(Text(f"   captures: {captures}"))
    for fact in firing.facts:
        console.print(Text(f"   fact:     {fact_text(fact)}"))
    if firing.reason:
        console.print(Text(f"   no fact:  {firing.reason}", style="yellow"))


def explain(
    sources: list[str] = SOURCES,
    rule: str = typer.Option(None, "--rule", metavar="ID",
                             help="Show every sentence where this rule fired, dropped ones too."),
    rules: list[Path] = RULES,
    model: str = MODEL,
    config: Path = CONFIG,
    max_article_bytes: int = MAX_BYTES,
    timeout: float = TIMEOUT,
) -> None:
    """For every fact: the rule that produced it, the sentence with the match marked, and the captures.

    With --rule ID: every sentence where that rule fired, also those an `unless` check dropped (naming
    the check) and those that gave no fact (saying why). In the sentence, « » marks the whole match and
    [name: text] each capture.
    """
    from rich.console import Console

    from briefer.cli.output import warn
    from briefer.explain import explain as run_explain

    settings = settings_from(sources, config=config, since=None, rules_dirs=rules, model=model,
                             max_article_bytes=max_article_bytes, url_timeout=timeout)
    explanation = run_explain(settings, rule)
    # no markup: article text may hold `[...]`; soft_wrap: a terminal wraps, a file keeps one line per item
    console = Console(markup=False, highlight=False, soft_wrap=True)
    for found in explanation.articles:
        article = found.article
        console.print(f"== {article.id}" + (f": {article.title}" if article.title else ""), style="bold")
        if not found.firings:
            console.print(f"   rule {rule} did not fire." if rule else "   no rule produced a fact.")
        for number, firing in enumerate(found.firings, start=1):
            _print_firing(console, number, firing)
    for failure in explanation.failures:
        warn(f"{failure.input}: {failure.reason}")


def register(app: typer.Typer) -> None:
    """Add `briefer explain` to the app."""
    app.command(epilog=examples(
        "briefer explain article.txt",
        "briefer explain articles/ --rule positions.according-to",
    ))(explain)
