"""Template search path, user overrides with `builtin:` inheritance, audiences, listing, and template errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_render_fixtures import sample_briefing

from briefer.config import AudienceConfig, Config
from briefer.errors import ConfigError
from briefer.render import available_audiences, check_templates, list_templates, render_documents
from briefer.resources import builtin_dir

BUILTIN = builtin_dir("templates")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def render_md(**kwargs) -> str:
    return render_documents(sample_briefing(), formats=("md",), **kwargs)["brief.md"].decode()


def render_html(**kwargs) -> str:
    return render_documents(sample_briefing(), formats=("html",), **kwargs)["brief.html"].decode()


def test_user_template_extends_the_builtin_it_overrides(tmp_path):
    write(
        tmp_path,
        "brief.html.j2",
        '{% extends "builtin:brief.html.j2" %}\n'
        '{% block colophon %}<p class="desk">Desk note for {{ brief.title }}</p>{{ super() }}{% endblock %}\n',
    )
    write(tmp_path, "delegations.md.j2", '{% include "builtin:delegations.md.j2" %}\n*Rosters as reported.*\n')
    html = render_html(user_templates=tmp_path)
    assert '<p class="desk">Desk note for Geneva talks: daily brief</p>' in html
    assert "Produced by briefer 0.1.0" in html and '<section id="delegations"' in html
    markdown = render_md(user_templates=tmp_path)
    assert "- **Leader:** Irena Kovac, Foreign Minister" in markdown
    assert "*Rosters as reported.*\n" in markdown


def test_builtin_prefix_resolves_to_the_audience_version_first(tmp_path):
    write(
        tmp_path,
        "brief.md.j2",
        '{% extends "builtin:brief.md.j2" %}\n{% block lead %}{{ super() }}_Read with the annex._\n\n{% endblock %}\n',
    )
    executive = render_md(audience="executive", user_templates=tmp_path)
    assert "## Bottom line" in executive and "_Read with the annex._" in executive
    assert "Irena Kovac" in executive and "[[1]](#src-1)" in executive and "\\[" not in executive  # once
    analyst = render_md(audience="analyst", user_templates=tmp_path)
    assert "## Key developments" in analyst and "_Read with the annex._" in analyst


def test_markdown_macros_escape_data_once(tmp_path):
    write(
        tmp_path,
        "colophon.md.j2",
        "{% macro speaker(name) %}**{{ name }}**{% endmacro %}{{ speaker('<b>[x]</b>') }} {{ [1, 2]|cites }}\n",
    )
    assert render_md(user_templates=tmp_path).endswith("**\\<b\\>\\[x\\]\\</b\\>** [[1]](#src-1)[[2]](#src-2)\n")


def test_user_subfolder_overrides_one_audience_only(tmp_path):
    write(tmp_path, "executive/colophon.md.j2", "Prepared for the minister's office.\n")
    assert render_md(audience="executive", user_templates=tmp_path).endswith("Prepared for the minister's office.\n")
    assert "minister's office" not in render_md(audience="analyst", user_templates=tmp_path)


def test_a_user_folder_adds_an_audience(tmp_path):
    write(tmp_path, "press/masthead.md.j2", "# Press lines: {{ brief.title }}\n\n")
    assert available_audiences(tmp_path) == ["analyst", "base", "executive", "press"]
    markdown = render_md(audience="press", user_templates=tmp_path)
    assert markdown.startswith("# Press lines: Geneva talks: daily brief\n")
    assert "## Delegations" in markdown and "Evidence" not in markdown  # the rest comes from base


def test_config_names_an_audience_folder(tmp_path):
    write(tmp_path / "minister", "colophon.md.j2", "For the minister only.\n")
    config = Config(audiences={"minister": AudienceConfig(templates=tmp_path / "minister", limits={"pages": 2})})
    assert "minister" in available_audiences(config=config)
    assert render_md(audience="minister", config=config).endswith("For the minister only.\n")


def test_unknown_audience_lists_the_available_ones():
    with pytest.raises(ConfigError, match=r"unknown audience 'ministers' \(available: analyst, base, executive\)"):
        render_md(audience="ministers")


def test_missing_user_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="template folder not found"):
        render_md(user_templates=tmp_path / "nope")


def test_undefined_name_is_an_error_naming_template_and_line(tmp_path):
    path = write(tmp_path, "masthead.md.j2", "# {{ brief.title }}\n\n{{ brief.titel }}\n")
    with pytest.raises(ConfigError) as caught:
        render_md(user_templates=tmp_path)
    assert (
        str(caught.value) == f"template {path}, line 3: 'briefer.render.view.BriefView object' has no attribute 'titel'"
    )


def test_undefined_name_in_an_included_html_partial_names_the_partial(tmp_path):
    path = write(tmp_path, "venues.html.j2", "<section>\n{% for v in brief.venue %}{% endfor %}\n</section>\n")
    with pytest.raises(ConfigError, match=rf"template {path}, line 2: .*'venue'"):
        render_html(user_templates=tmp_path)


def test_syntax_error_names_template_and_line(tmp_path):
    path = write(tmp_path, "sources.md.j2", "## Sources\n\n{% for s in brief.sources %}\n{{ s.number }\n")
    with pytest.raises(ConfigError, match=rf"template {path}, line 4: "):
        render_md(user_templates=tmp_path)


def test_missing_include_is_a_config_error(tmp_path):
    write(tmp_path, "venues.md.j2", '{% include "no-such-partial.md.j2" %}\n')
    with pytest.raises(ConfigError, match="template 'no-such-partial.md.j2' not found"):
        render_md(user_templates=tmp_path)


def test_template_data_errors_are_config_errors_with_location(tmp_path):
    path = write(tmp_path, "colophon.md.j2", "{{ brief.source_count + 'x' }}\n")
    with pytest.raises(ConfigError, match=rf"template {path}, line 1: TypeError"):
        render_md(user_templates=tmp_path)


def test_list_templates_shows_audiences_and_what_a_user_folder_overrides(tmp_path):
    write(tmp_path, "style.css", "h2 { color: black; }\n")
    write(tmp_path, "executive/brief.html.j2", '{% extends "builtin:brief.html.j2" %}\n')
    write(tmp_path, "letterhead.html.j2", "<p>new partial</p>\n")
    entries = {(e.audience, e.name): e for e in list_templates(tmp_path)}
    assert {audience for audience, _ in entries} == {"analyst", "base", "executive"}
    style = entries["analyst", "style.css"]
    assert (style.layer, style.path, style.overrides) == ("user", tmp_path / "style.css", BUILTIN / "base/style.css")
    brief = entries["executive", "brief.html.j2"]
    assert (brief.layer, brief.overrides) == ("user", BUILTIN / "executive/brief.html.j2")
    assert entries["analyst", "brief.html.j2"].layer == "base"
    assert entries["analyst", "evidence.html.j2"].layer == "audience"
    assert entries["analyst", "letterhead.html.j2"].overrides is None
    assert ("analyst", "executive/brief.html.j2") not in entries


def test_list_templates_without_a_user_folder_lists_the_builtins():
    entries = list_templates()
    assert {e.layer for e in entries} == {"audience", "base"}
    names = {e.name for e in entries if e.audience == "analyst"}
    assert {"brief.html.j2", "brief.md.j2", "style.css", "print.css", "delegations.md.j2"} <= names


def test_check_templates_fails_fast_without_a_briefing(tmp_path):
    check_templates("executive")
    check_templates("analyst", tmp_path)
    path = write(tmp_path, "executive/venues.html.j2", "<ul>\n{% for v in brief.venues %}\n</ul>\n")
    check_templates("analyst", tmp_path)  # another audience's file
    with pytest.raises(ConfigError, match=rf"template {path}, line 3: Unexpected end of template"):
        check_templates("executive", tmp_path)
    with pytest.raises(ConfigError, match="unknown audience"):
        check_templates("ministers", tmp_path)
