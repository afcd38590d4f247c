"""The HTML brief in a real headless Chromium: each item's evidence pops up on hover and on keyboard focus, with
the words that state the item marked, and the file loads nothing from outside itself.

Needs Debian's chromium-headless-shell (or chromium); .ci/run installs it. Skips, saying so, where none is.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest
from in_process import briefer

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("seeds/001_0a9e6b4c76570040.txt", "seeds/003_319b280a2761b26d.txt")
BROWSER = next((found for name in ("chromium-headless-shell", "chromium") if (found := shutil.which(name))), None)
MARK_RGB = (0xFF, 0xF1, 0xA8)  # `mark` in templates/base/style.css

pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="no Chromium: apt-get install chromium-headless-shell (CI installs it)")


def brief(out: Path, audience: str) -> dict:
    result = briefer("brief", *ARTICLES, "--out", str(out), "--format", "html,pdf,json", "--audience", audience,
                     "--date", "2026-11-23", "--no-history")
    assert result.returncode == 0, result.stderr
    return json.loads((out / "briefing.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=BROWSER)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def analyst(tmp_path_factory):
    out = tmp_path_factory.mktemp("analyst")
    return out, brief(out, "analyst")


def open_offline(browser, html: Path):
    """A page holding the brief, every request other than the file itself refused and recorded."""
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    outside: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    page.route(lambda url: url != html.as_uri(), refuse)
    page.goto(html.as_uri())
    return page, outside


def item_with_evidence(briefing: dict, section: str, index: int = 0) -> tuple[str, dict]:
    """The HTML id of the index-th item of a section (as the brief lists them) and the item."""
    return f"{section.replace('_', '-')}-{index + 1}", briefing[section][index]


def test_hover_shows_the_evidence_with_the_item_words_marked(browser, analyst):
    out, briefing = analyst
    page, outside = open_offline(browser, out / "brief.html")
    assert page.evaluate("document.scripts.length") == 0
    delegation = page.locator("#delegations-1")
    tip = delegation.locator(":scope > .tip")
    assert not tip.is_visible()
    delegation.hover()
    assert tip.is_visible()
    shown = " ".join(tip.inner_text().split())
    leader = page.locator("#delegations-1 .party").inner_text()
    item = next(d for d in briefing["delegations"] if d["party"] == leader)
    for evidence in item["evidence"]:
        assert " ".join(evidence["sentence"].split()) in shown
    marked = tip.locator("mark").all_inner_texts()
    names = [item["leader"]["name"]] if item["leader"] else [m["name"] for m in item["members"]]
    assert any(name in text for name in names for text in marked), marked
    box = tip.bounding_box()
    assert box and box["width"] > 200 and box["height"] > 20
    page.mouse.move(990, 5)
    assert not tip.is_visible()
    assert outside == []
    page.close()


def test_keyboard_focus_shows_the_evidence(browser, analyst):
    out, briefing = analyst
    page, _ = open_offline(browser, out / "brief.html")
    anchor, question = item_with_evidence(briefing, "open_questions")
    tip = page.locator(f"#{anchor} > .tip")
    for _ in range(400):  # Tab through the brief as a keyboard user does, to the first open question
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == anchor:
            break
    else:
        pytest.fail(f"Tab never reached #{anchor}")
    assert tip.is_visible()
    assert page.locator(f"#{anchor}").get_attribute("aria-describedby") == tip.get_attribute("id")
    assert " ".join(question["evidence"][0]["sentence"].split()) in " ".join(tip.inner_text().split())
    inside = f"document.getElementById('{anchor}').contains(document.activeElement)"
    while page.evaluate(inside):  # on past the item's own citation links, which keep its evidence shown
        assert tip.is_visible()
        page.keyboard.press("Tab")
    assert not tip.is_visible()
    page.close()


def test_the_screenshot_shows_the_popup_with_marked_words(browser, analyst):
    from PIL import Image

    out, _ = analyst
    page, _ = open_offline(browser, out / "brief.html")
    statement = page.locator("#positions-1")
    tip = page.locator("#positions-1 > .tip")
    statement.scroll_into_view_if_needed()
    before = Image.open(io.BytesIO(page.screenshot(clip=statement.bounding_box()))).convert("RGB")
    statement.hover()
    box = tip.bounding_box()
    shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
    colours = shot.getcolors(maxcolors=1 << 20)
    marked = sum(count for count, rgb in colours if all(abs(a - b) <= 6 for a, b in zip(rgb, MARK_RGB, strict=True)))
    assert marked > 200, "no marked words painted in the pop-up"
    assert shot.size[0] > 200 and before.size[0] > 0
    page.close()


def test_the_executive_brief_has_the_popups_but_its_pdf_does_not(browser, tmp_path):
    from pypdf import PdfReader

    briefing = brief(tmp_path, "executive")
    page, outside = open_offline(browser, tmp_path / "brief.html")
    anchor = page.locator(".item[tabindex]").first.get_attribute("id")
    item = page.locator(f"#{anchor}")
    item.hover()
    shown = " ".join(page.locator(f"#{anchor} > .tip").inner_text().split())
    sentences = {" ".join(e["sentence"].split()) for section in ("delegations", "venues", "positions",
                                                                  "open_questions")
                 for it in briefing[section] for e in it["evidence"]}
    popped = [s for s in sentences if s in shown]
    assert popped and outside == []
    pdf_text = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "brief.pdf").pages).split())
    assert not any(s in pdf_text for s in popped), "an evidence pop-up was printed into the PDF"
    page.close()
