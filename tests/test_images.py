"""The captions checked together with their image: the bundled samples, the CLI and the
agreement with ExifTool's reading."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from checker import check
from checker.cli import main
from checker.metadata import read_image
from checker.metadata.compare import compare, load_reference

ROOT = Path(__file__).resolve().parent.parent
SEED_IMAGE = ROOT / "images" / "hmeimim-2015.jpg"
ODD_IMAGE = ROOT / "images" / "mismatch-2023.jpg"
CORPUS = ROOT.parent / "shared" / "corpus" / "images"


def _text(name: str) -> str:
    return (ROOT / "captions" / name).read_text(encoding="utf-8")


def test_seed_with_its_image_takes_english_from_the_image() -> None:
    report = check(ar=_text("hmeimim-2015.ar.txt"), image=SEED_IMAGE)
    codes = {f.code for f in report.findings}
    assert {"SP001", "DT001", "CR003", "CR004"} <= codes
    assert not {c for c in codes if c.startswith("MD")}, "no false metadata finding on the seed"
    assert report.en is not None
    assert report.en.text.startswith("In this photo taken on Saturday, Oct. 3, 2015")
    assert report.image is not None
    assert report.image["captions_taken"] == {"en": "IPTC:Caption-Abstract"}
    assert report.image["fields"]["IPTC:By-line"] == {
        "value": "Alexander Kots",
        "source": "IPTC 2:80",
    }


def test_seed_with_both_captions_and_image_agrees_with_the_image() -> None:
    report = check(
        en=_text("hmeimim-2015.en.txt"), ar=_text("hmeimim-2015.ar.txt"), image=SEED_IMAGE
    )
    assert not [f for f in report.findings if f.code.startswith("MD")]


def test_disagreeing_sample_one_finding_per_disagreement() -> None:
    report = check(
        en=_text("mismatch-2023.en.txt"), ar=_text("mismatch-2023.ar.txt"), image=ODD_IMAGE
    )
    counts = Counter(f.code for f in report.findings if f.code.startswith("MD"))
    expected = ["MD003", "MD004", "MD005", "MD006", "MD007", "MD008", "MD009", "MD010"]
    assert counts == Counter(expected), counts
    assert not [f for f in report.findings if not f.code.startswith("MD")], "the captions agree"
    by_code = {f.code: f for f in report.findings}
    en, ar = _text("mismatch-2023.en.txt"), _text("mismatch-2023.ar.txt")
    date = by_code["MD003"].spans["en"][0]
    assert en[date.start : date.end] == "Sept. 12, 2023"
    edited = by_code["MD008"].spans["en"][0]
    assert en[edited.start : edited.end] == "seven"
    assert by_code["MD008"].suggestion == "six"
    person = by_code["MD004"].spans["ar"][0]
    assert ar[person.start : person.end] == "حسين ملا"
    assert by_code["MD010"].suggestion == "وكالة رويترز للأنباء - مكتب حلب"


def test_cli_check_with_image_and_json() -> None:
    result = CliRunner().invoke(
        main,
        [
            "check",
            "--image",
            str(SEED_IMAGE),
            "--ar-file",
            str(ROOT / "captions/hmeimim-2015.ar.txt"),
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["image"]["fields"]["GPSLatitude"]["value"] == pytest.approx(35.401)


def test_cli_missing_image_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--ar", "نص", "--image", str(tmp_path / "x.jpg")])
    assert result.exit_code == 2
    assert "no such image file" in result.output


def test_batch_image_relative_to_manifest(tmp_path: Path) -> None:
    (tmp_path / "pics").mkdir()
    (tmp_path / "pics" / "a.jpg").write_bytes(SEED_IMAGE.read_bytes())
    manifest = tmp_path / "m.jsonl"
    lines = [
        {"id": "seed", "ar": _text("hmeimim-2015.ar.txt"), "image": "pics/a.jpg"},
        {"id": "gone", "ar": _text("hmeimim-2015.ar.txt"), "image": "pics/none.jpg"},
    ]
    manifest.write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["batch", str(manifest)])
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["id"] for r in reports] == ["seed", "gone"]
    assert reports[0]["en"] is not None  # English from the image
    assert [f["code"] for f in reports[1]["findings"]] == ["MD001"]


def test_meta_json_uses_exiftool_names() -> None:
    result = CliRunner().invoke(main, ["meta", "--format", "json", str(SEED_IMAGE)])
    assert result.exit_code == 0
    data = json.loads(result.output)[str(SEED_IMAGE)]
    assert data["IPTC:By-line"] == "Alexander Kots"
    assert data["EXIF:OffsetTimeOriginal"] == "+03:00"
    assert (data["ImageWidth"], data["ImageHeight"]) == (640, 400)


def test_meta_missing_file_is_answered(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["meta", "--format", "json", str(tmp_path / "gone.jpg")])
    assert result.exit_code == 2
    assert json.loads(result.output)[str(tmp_path / "gone.jpg")]["Error"] == "File not found"


def test_samples_agree_with_exiftool() -> None:
    reference = load_reference(
        json.loads((ROOT / "tests/fixtures/images-exiftool.json").read_text("utf-8"))
    )
    ours = {p.name: read_image(p).exiftool() for p in (SEED_IMAGE, ODD_IMAGE)}
    result = compare(reference, ours)
    assert result.disagreements == []
    assert result.total > 40


@pytest.mark.skipif(
    not (CORPUS / "exiftool-reference.json").exists(), reason="shared corpus not present"
)
def test_shared_corpus_agreement() -> None:
    result = CliRunner().invoke(
        main, ["meta", "--compare-exiftool", str(CORPUS / "exiftool-reference.json"), str(CORPUS)]
    )
    assert result.exit_code == 0, result.output
    assert "0 crashed" in result.output


def test_batch_reports_a_non_utf8_line_and_goes_on(tmp_path: Path) -> None:
    manifest = tmp_path / "m.jsonl"
    good = json.dumps({"id": "ok", "ar": "نص (رويترز)"}, ensure_ascii=False).encode("utf-8")
    bad = '{"id": "bad", "ar": "نص"}'.encode("cp1256")
    manifest.write_bytes(bad + b"\n" + good + b"\n")
    result = CliRunner().invoke(main, ["batch", str(manifest)])
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    assert "not UTF-8" in reports[0]["error"]
    assert reports[1]["id"] == "ok"
    assert reports[1]["ar"]["text"] == "نص (رويترز)"


def test_signed_author_is_compared_with_the_credit(tmp_path: Path) -> None:
    from c2pa_fixture import sign_jpeg

    path = sign_jpeg(tmp_path / "signed.jpg", author="Bilal Hussein")
    meta = read_image(path)
    assert meta.credentials is not None
    assert meta.credentials.signature_valid
    assert meta.credentials.trusted is False  # no trust list offline
    assert meta.credentials.authors == ["Bilal Hussein"]
    report = check(en="A man walks in Beirut. (AP Photo/Hussein Malla)", image=path)
    md004 = [f for f in report.findings if f.code == "MD004"]
    assert md004
    assert "C2PA author" in md004[0].message


def test_capture_date_resolves_yearless_and_relative_dates(tmp_path: Path) -> None:
    from imagegen import write_jpeg

    image = write_jpeg(tmp_path / "p.jpg", {"EXIF:DateTimeOriginal": "2018:03:14 10:00:00"})
    report = check(ar="مسن يبحث عن مكان آمن من القصف في 14 اذار/مارس (رويترز)", image=image)
    assert report.ar is not None
    assert [d.iso for d in report.ar.dates] == ["2018-03-14"]
    report = check(en="Smoke rises over the city on Tuesday. (AP Photo/Omar Nasser)", image=image)
    assert report.en is not None
    assert [d.iso for d in report.en.dates] == [
        "2018-03-13"
    ]  # the Tuesday before Wednesday 14 March
