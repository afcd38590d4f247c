"""Checking an archival brief: its attached briefing.json, and given inputs, rules and templates against its hashes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from briefer.archive.manifest import HashedFile, file_sha256, rule_files, sha256, template_files
from briefer.archive.pdf import BRIEFING_NAME, Archive
from briefer.config import Config

Status = Literal["same", "changed", "not in the brief", "not given", "gone", "new", "not PDF/A-3"]
PROBLEMS: frozenset[str] = frozenset({"changed", "not in the brief", "gone", "new", "not PDF/A-3"})


@dataclass(frozen=True)
class Finding:
    """One file (or the document itself) checked against the manifest."""

    group: Literal["document", "inputs", "rules", "templates"]
    name: str
    status: Status
    note: str = ""

    @property
    def problem(self) -> bool:
        """Whether this finding fails verification ('not given' does not: nothing was asked about it)."""
        return self.status in PROBLEMS


@dataclass
class Verification:
    """Every finding of one `briefer verify`."""

    archive: Archive
    findings: list[Finding] = field(default_factory=list)

    @property
    def problems(self) -> list[Finding]:
        """The findings that fail verification."""
        return [finding for finding in self.findings if finding.problem]


def _document(archive: Archive) -> list[Finding]:
    findings = []
    if archive.pdfa is None or not archive.pdfa.startswith("3"):
        findings.append(Finding("document", archive.path.name, "not PDF/A-3",
                                f"claims {'PDF/A-' + archive.pdfa if archive.pdfa else 'no PDF/A conformance'}"))
    same = sha256(archive.briefing_json) == archive.manifest.briefing_sha256
    findings.append(Finding("document", BRIEFING_NAME, "same" if same else "changed",
                            "" if same else "the attached briefing.json is not the one the manifest hashed"))
    return findings


def _inputs(archive: Archive, given: Iterable[Path]) -> list[Finding]:
    """Each given file by path, else by content (moved), else by file name (moved and changed); then the
    recorded inputs not given."""
    by_path = {entry.path: entry.sha256 for entry in archive.manifest.inputs}
    by_hash = {entry.sha256: entry.path for entry in archive.manifest.inputs}
    by_name: dict[str, list[str]] = {}
    for entry in archive.manifest.inputs:
        by_name.setdefault(Path(entry.path).name, []).append(entry.path)
    findings, matched = [], set()
    for path in given:
        digest, name = file_sha256(path), str(path)
        namesakes = by_name.get(path.name, [])
        if by_path.get(name) == digest:
            matched.add(name)
            findings.append(Finding("inputs", name, "same"))
        elif digest in by_hash:
            matched.add(by_hash[digest])
            findings.append(Finding("inputs", name, "same", f"read as {by_hash[digest]}"))
        elif name in by_path or len(namesakes) == 1:
            recorded = name if name in by_path else namesakes[0]
            matched.add(recorded)
            moved = "" if recorded == name else f"read as {recorded}; "
            findings.append(Finding("inputs", name, "changed", f"{moved}its bytes differ from those the brief was "
                                    "made from"))
        else:
            findings.append(Finding("inputs", name, "not in the brief"))
    findings += [Finding("inputs", entry.path, "not given") for entry in archive.manifest.inputs
                 if entry.path not in matched]
    return findings


def _files(group: Literal["rules", "templates"], recorded: list[HashedFile], now: list[HashedFile]) -> list[Finding]:
    then = {(entry.layer, entry.path): entry.sha256 for entry in recorded}
    current = {(entry.layer, entry.path): entry.sha256 for entry in now}
    findings = []
    for key in sorted(then.keys() | current.keys()):
        name = f"{key[0]}: {key[1]}"
        if key not in current:
            findings.append(Finding(group, name, "gone", "used by the brief, not there now"))
        elif key not in then:
            findings.append(Finding(group, name, "new", "there now, not used by the brief"))
        else:
            findings.append(Finding(group, name, "same" if then[key] == current[key] else "changed"))
    return findings


def verify_archive(
    archive: Archive,
    inputs: Iterable[Path],
    *,
    rules_dirs: list[Path] | None,
    user_templates: Path | None,
    config: Config,
) -> Verification:
    """Check the attached briefing.json, then given input files, rule files and template files, against the
    manifest; rule and template folders default to those the brief was made with."""
    options = archive.manifest.options
    if rules_dirs is None:
        rules_dirs = [Path(folder) for folder in options.get("rules_dirs", [])]
    if user_templates is None and options.get("templates_dir"):
        user_templates = Path(options["templates_dir"])
    audience = options.get("audience") or config.audience
    verification = Verification(archive, _document(archive) + _inputs(archive, inputs))
    verification.findings += _files("rules", archive.manifest.rules, rule_files(rules_dirs))
    verification.findings += _files("templates", archive.manifest.templates,
                                    template_files(audience, user_templates, config))
    return verification
