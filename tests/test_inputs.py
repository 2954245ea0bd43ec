"""Batch sources: folders of sidecars, CSV and JSONL manifests, pre-commit file lists, --jobs,
and one record per item in order, whatever goes wrong."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from checker.cli import main
from checker.inputs import from_files, group_files

ROOT = Path(__file__).resolve().parent.parent
EN = "Smoke rises over Gaza City, Sunday, Oct. 15, 2023. (AP Photo/Adel Hana)"
AR = "دخان يتصاعد فوق مدينة غزة (أسوشيتد برس)"


def _pair(folder: Path, stem: str, en: str | None = EN, ar: str | None = AR) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if en is not None:
        (folder / f"{stem}.en.txt").write_text(en, "utf-8")
    if ar is not None:
        (folder / f"{stem}.ar.txt").write_text(ar, "utf-8")


def test_files_bring_their_siblings(tmp_path: Path) -> None:
    _pair(tmp_path, "a")
    (tmp_path / "a.jpg").write_bytes((ROOT / "images" / "hmeimim-2015.jpg").read_bytes())
    _pair(tmp_path, "b", ar=None)
    (tmp_path / "notes.md").write_text("not a caption", "utf-8")
    groups = group_files(
        [tmp_path / "a.ar.txt", tmp_path / "b.en.txt", tmp_path / "notes.md"], find_siblings=True
    )
    roles = {stem: set(r) for _, stem, r in groups}
    assert roles == {"a": {"en", "ar", "image"}, "b": {"en"}}
    items = list(from_files([tmp_path / "a.ar.txt"]))
    assert items[0].pair is not None
    assert items[0].pair.image is not None


def test_folder_batch_in_order_with_bad_items(tmp_path: Path) -> None:
    _pair(tmp_path, "01-good")
    (tmp_path / "02-bad.en.txt").write_bytes("caption in cp1256: دخان".encode("cp1256"))
    _pair(tmp_path / "sub", "03-arabic-only", en=None)
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "--fail-on", "warning"])
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [Path(r["id"]).name for r in reports] == ["01-good", "02-bad", "03-arabic-only"]
    assert "not UTF-8" in reports[1]["error"]
    assert reports[2]["ar"] is not None
    assert result.exit_code == 1
    assert "3 pairs checked" in result.stderr


def test_csv_manifest(tmp_path: Path) -> None:
    _pair(tmp_path, "a")
    manifest = tmp_path / "m.csv"
    manifest.write_text(
        "id,en_file,ar_file,date\nfirst,a.en.txt,a.ar.txt,2023-10-15\nsecond,,missing.ar.txt,\n",
        "utf-8",
    )
    result = CliRunner().invoke(main, ["batch", str(manifest)])
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in reports] == ["first", "second"]
    assert reports[0]["en"]["text"] == EN
    assert "no such file" in reports[1]["error"]


def test_csv_unknown_column(tmp_path: Path) -> None:
    manifest = tmp_path / "m.csv"
    manifest.write_text("id,english\nx,y\n", "utf-8")
    result = CliRunner().invoke(main, ["batch", str(manifest)])
    assert "unknown CSV column 'english'" in result.stdout


def test_jobs_keep_the_order(tmp_path: Path) -> None:
    lines = [json.dumps({"id": f"item-{i:02d}", "en": EN, "ar": AR if i % 3 else ""}, ensure_ascii=False)
             for i in range(30)]  # fmt: skip
    lines.insert(7, "{not json")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text("\n".join(lines), "utf-8")
    one = CliRunner().invoke(main, ["batch", str(manifest)]).stdout.splitlines()
    two = CliRunner().invoke(main, ["batch", str(manifest), "--jobs", "2"]).stdout.splitlines()
    assert len(one) == 31
    assert one == two


def test_files_command_exit_codes(tmp_path: Path) -> None:
    _pair(tmp_path, "clean", en="Smoke rises over Gaza City. (AP Photo/Adel Hana)",
          ar="دخان يتصاعد فوق مدينة غزة (أسوشيتد برس/عادل هنا)")  # fmt: skip
    _pair(tmp_path, "seed", en=(ROOT / "captions/hmeimim-2015.en.txt").read_text("utf-8"),
          ar=(ROOT / "captions/hmeimim-2015.ar.txt").read_text("utf-8"))  # fmt: skip
    clean = CliRunner().invoke(
        main, ["files", str(tmp_path / "clean.en.txt"), "--fail-on", "warning"]
    )
    assert clean.exit_code == 0, clean.output
    seed = CliRunner().invoke(
        main, ["files", str(tmp_path / "seed.ar.txt"), "--fail-on", "warning"]
    )
    assert seed.exit_code == 1
    assert "runway" in seed.stdout
