"""Sources a reader can use: title (else the first sentence), outlet, date and link; no path or file id anywhere."""

from __future__ import annotations

import json
import re

from conftest import ROOT, SEEDS, SHARED
from in_process import briefer

FILE_ID = re.compile(r"\b\d{3}_[0-9a-f]{16}\b")


def brief(tmp_path, *sources: str, audience: str = "analyst") -> tuple[str, str, dict]:
    out = tmp_path / "out"
    result = briefer("brief", *sources, "--out", str(out), "--format", "md,html,json", "--audience", audience,
                     "--date", "2026-01-10", "--no-history")
    assert result.returncode == 0, result.stderr
    return ((out / "brief.md").read_text(encoding="utf-8"), (out / "brief.html").read_text(encoding="utf-8"),
            json.loads((out / "briefing.json").read_text(encoding="utf-8")))


def test_no_machine_path_or_file_id_in_the_brief_and_every_source_titled_and_dated(tmp_path):
    dev = SHARED / "dev" / "articles" / "d05_paris-hostage-talks-jan2024.txt"
    markdown, html, briefing = brief(tmp_path, str(SEEDS), str(dev))
    for document in (markdown, html):
        assert not FILE_ID.search(document)
        assert "seeds/" not in document and str(ROOT) not in document and "d05_paris" not in document
    assert str(ROOT) not in json.dumps(briefing["run"])
    sources = {s["id"]: s for s in briefing["sources"]}
    assert all(s["title"] for s in sources.values())
    # a seed without a headline is titled by its first sentence
    assert sources["001_0a9e6b4c76570040"]["title"].startswith("In a particularly notable diplomatic gesture")
    assert {s["dated_by"] for i, s in sources.items() if i != dev.stem} == {"file"}
    paris = sources[dev.stem]
    assert (paris["published"], paris["dated_by"]) == ("2024-01-29", "dateline")
    assert paris["url"].startswith("https://www.kenyan-post.com/2024/01/") and paris["outlet"] == "kenyan-post.com"
    line = next(line for line in markdown.splitlines() if line.startswith("6. ") and "CIA boss" in line)
    assert "kenyan-post.com · 29 January 2024 · <https://www.kenyan-post.com/" in line
    assert "undated (file date" in markdown


def test_the_base_audience_is_selectable(tmp_path):
    markdown, html, _ = brief(tmp_path, str(SEEDS / "000_6d8c7f681700db0c.txt"), audience="base")
    assert "**Base brief**" in markdown and 'class="audience-base"' in html
    assert "## Key developments" in markdown and "Evidence" not in markdown  # base: no evidence lines
