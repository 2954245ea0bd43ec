"""The HTTP hook, for real: `caption-check serve` in its own process on a loopback port, spoken
to over a socket. Bad requests get 4xx with a message; nothing outside the image root is read."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")

ROOT = Path(__file__).resolve().parent.parent
SEED_AR = (ROOT / "captions" / "hmeimim-2015.ar.txt").read_text("utf-8").strip()
SEED_EN = (ROOT / "captions" / "hmeimim-2015.en.txt").read_text("utf-8").strip()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path, Path]]:
    base = tmp_path_factory.mktemp("srv")
    root = base / "images"
    root.mkdir()
    (root / "news").mkdir()
    (root / "news" / "hmeimim.jpg").write_bytes((ROOT / "images" / "hmeimim-2015.jpg").read_bytes())
    secret = base / "secret.jpg"
    secret.write_bytes((ROOT / "images" / "mismatch-2023.jpg").read_bytes())
    (root / "escape.jpg").symlink_to(secret)
    port = _free_port()
    exe = Path(sys.executable).with_name("caption-check")
    log = (base / "server.log").open("w")
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--image-root", str(root), "--max-items", "5",
         "--max-body", "200000", "--no-config"],
        stdout=log, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )  # fmt: skip
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    else:
        proc.kill()
        pytest.fail("the server did not start: " + (base / "server.log").read_text())
    yield port, root, base / "server.log"
    proc.terminate()
    proc.wait(timeout=10)
    log.close()


def _call(port: int, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
          raw: bytes | None = None) -> tuple[int, Any]:  # fmt: skip
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    data = (
        raw
        if raw is not None
        else (json.dumps(body, ensure_ascii=False).encode() if body is not None else None)
    )
    hdrs = {"content-type": "application/json", **(headers or {})}
    conn.request(method, path, body=data, headers=hdrs)
    response = conn.getresponse()
    payload = response.read()
    conn.close()
    return response.status, json.loads(payload) if payload else None


def test_healthz_rules_openapi(server: tuple[int, Path, Path]) -> None:
    port, _, _ = server
    status, body = _call(port, "GET", "/healthz")
    assert (status, body["status"]) == (200, "ok")
    status, rules = _call(port, "GET", "/v1/rules")
    assert status == 200
    assert {"SP001", "MD003"} <= {r["code"] for r in rules}
    status, spec = _call(port, "GET", "/openapi.json")
    assert status == 200
    assert {"/v1/check", "/v1/batch", "/v1/article"} <= set(spec["paths"])


def test_check_with_image_under_root(server: tuple[int, Path, Path]) -> None:
    port, _, _ = server
    status, report = _call(port, "POST", "/v1/check", {"ar": SEED_AR, "image": "news/hmeimim.jpg"})
    assert status == 200
    assert report["schema"] == "caption-checker/1"
    codes = {f["code"] for f in report["findings"]}
    assert {"SP001", "DT001", "CR003", "CR004"} <= codes
    assert not {c for c in codes if c.startswith("MD")}
    assert report["image"]["captions_taken"] == {"en": "IPTC:Caption-Abstract"}


def test_check_upload(server: tuple[int, Path, Path]) -> None:
    port, _, _ = server
    boundary = uuid.uuid4().hex
    image = (ROOT / "images" / "mismatch-2023.jpg").read_bytes()
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="ar"\r\n\r\n'.encode()
        + (ROOT / "captions" / "mismatch-2023.ar.txt").read_text("utf-8").strip().encode()
        + b"\r\n",
        f'--{boundary}\r\nContent-Disposition: form-data; name="image"; filename="x.jpg"\r\n'
        "Content-Type: image/jpeg\r\n\r\n".encode()
        + image
        + b"\r\n",
        f"--{boundary}--\r\n".encode(),
    ]
    status, report = _call(port, "POST", "/v1/check", raw=b"".join(parts),
                           headers={"content-type": f"multipart/form-data; boundary={boundary}"})  # fmt: skip
    assert status == 200, report
    assert {"MD003", "MD004", "MD005"} <= {f["code"] for f in report["findings"]}


def test_batch_in_order(server: tuple[int, Path, Path]) -> None:
    port, _, _ = server
    items = [
        {"id": "a", "en": SEED_EN, "ar": SEED_AR},
        {"id": "b", "en": "", "ar": ""},
        {"id": "c", "ar": SEED_AR},
    ]
    status, reports = _call(port, "POST", "/v1/batch", items)
    assert status == 200
    assert [r["id"] for r in reports] == ["a", "b", "c"]
    assert "error" in reports[1]


def test_article_verdict(server: tuple[int, Path, Path]) -> None:
    port, _, _ = server
    html = (
        "<article><p>text</p>"
        f'<figure><img src="/news/hmeimim.jpg" alt=""><figcaption>{SEED_AR}</figcaption></figure>'
        '<figure><img src="https://cdn.example.org/none.jpg" '
        'alt="Rescuers search the rubble of a building in Aleppo, Syria. (AP Photo/Ghaith Alsayed)">'
        "<figcaption>عمال إنقاذ يبحثون تحت أنقاض مبنى في الموصل بالعراق (أسوشيتد برس)</figcaption></figure>"
        '<figure><img src="/news/gone.jpg" title="A jet takes off in Syria on Friday, Oct. 3, 2015. (AP Photo/Ivan Petrov)">'
        "<figcaption>طائرة تقلع في سوريا (أسوشيتد برس)</figcaption></figure>"
        "</article>"
    )
    status, verdict = _call(port, "POST", "/v1/article", {"html": html})
    assert status == 200
    assert [f["src"] for f in verdict["figures"]] == [
        "/news/hmeimim.jpg", "https://cdn.example.org/none.jpg", "/news/gone.jpg"]  # fmt: skip
    assert verdict["figures"][0]["image_status"] == "found"
    assert verdict["figures"][1]["image_status"] == "missing"
    assert "PL002" in {
        f["code"] for f in verdict["figures"][1]["findings"]
    }  # alt text used as English
    assert "DT003" in {
        f["code"] for f in verdict["figures"][2]["findings"]
    }  # an error: Oct. 3, 2015 was a Saturday
    assert verdict["publish"] is False
    clean = _call(
        port,
        "POST",
        "/v1/article",
        {"html": f"<figure><figcaption>{SEED_AR}</figcaption></figure>"},
    )[1]
    assert clean["publish"] is True


@pytest.mark.parametrize(
    ("body", "status", "words"),
    [
        ({"ar": "x", "image": "../secret.jpg"}, 422, "without '..'"),
        ({"ar": "x", "image": "/etc/passwd"}, 422, "under the image root"),
        ({"ar": "x", "image": "escape.jpg"}, 422, "outside the image root"),
        ({"ar": "x", "colour": "red"}, 422, "unknown field"),
        ({"ar": 5}, 422, "must be a string"),
        ([1, 2], 422, "expected an object"),
    ],
)
def test_bad_check_requests(
    server: tuple[int, Path, Path], body: Any, status: int, words: str
) -> None:
    port, _, _ = server
    got, answer = _call(port, "POST", "/v1/check", body)
    assert got == status
    assert words in answer["error"]


def test_limits_and_malformed(server: tuple[int, Path, Path]) -> None:
    port, _, log = server
    assert _call(port, "POST", "/v1/check", raw=b"{not json")[0] == 400
    assert _call(port, "POST", "/v1/check", raw=b"\xff\xfe", headers={})[0] == 400
    assert (
        _call(port, "POST", "/v1/check", {"ar": "x"}, headers={"content-type": "text/csv"})[0]
        == 415
    )
    assert _call(port, "POST", "/v1/batch", [{"ar": "x"}] * 6)[0] == 413
    assert _call(port, "POST", "/v1/check", {"ar": "ب" * 150_000})[0] == 413
    assert _call(port, "GET", "/v1/check")[0] == 405
    assert _call(port, "GET", "/nowhere")[0] == 404
    lines = [
        json.loads(line) for line in log.read_text("utf-8").splitlines() if line.startswith("{")
    ]
    assert {"method", "path", "status", "ms"} <= set(lines[-1])
    assert any(line["status"] == 413 for line in lines)
