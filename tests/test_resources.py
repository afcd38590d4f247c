"""The search path of user-overridable files: built-in first, then the user's folders, for every kind."""

from __future__ import annotations

from briefer.ingest.furniture import load_furniture
from briefer.resources import builtin_dir, layers, yaml_files
from briefer.rules.gazetteer import load_gazetteers
from briefer.rules.loader import search_path


def test_layers_put_the_builtin_folder_first_then_the_users_in_order(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert layers("rules", [first, str(second)]) == [builtin_dir("rules"), first, second]
    assert layers("rules", [first], "cleaning") == [builtin_dir("rules") / "cleaning", first / "cleaning"]
    assert search_path([first]) == layers("rules", [first])


def test_yaml_files_are_the_folders_own_in_name_order(tmp_path):
    for name in ("b.yml", "a.yaml", "notes.txt"):
        (tmp_path / name).write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "sub.yml").mkdir()
    assert [p.name for p in yaml_files(tmp_path)] == ["a.yaml", "b.yml"]
    assert yaml_files(tmp_path / "missing") == []


def test_a_users_gazetteer_and_cleaning_rule_layer_over_the_builtin_ones(tmp_path):
    (tmp_path / "gazetteers").mkdir()
    (tmp_path / "gazetteers" / "places.yml").write_text("version: 1\nplaces: {Norvia: [Lakeport]}\n", encoding="utf-8")
    (tmp_path / "cleaning").mkdir()
    (tmp_path / "cleaning" / "site.yml").write_text(
        "version: 1\nfurniture:\n"
        "  - {id: test.banner, description: A site banner., lines: [Read more at Lakeport Daily]}\n",
        encoding="utf-8")
    gazetteers = load_gazetteers(search_path([tmp_path]))
    assert gazetteers.places["Lakeport"] == "Norvia"
    assert len(gazetteers.places) > 1  # the built-in places are still there
    furniture = load_furniture([tmp_path])
    assert furniture.remove(["Talks resumed.", "Read more at Lakeport Daily"]) == ["Talks resumed."]
