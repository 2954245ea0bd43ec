"""The pre-publication HTTP hook: ``caption-check serve`` (Starlette on uvicorn, ``[server]`` extra).

A CMS calls it before publishing. It holds no checking logic: every endpoint builds
:class:`~checker.models.CaptionPair` records and calls the same engine as the command line.

    GET  /healthz          liveness, version
    GET  /v1/rules         the rules: code, name, category, severity, summary
    GET  /openapi.json     this API, described
    POST /v1/check         {"en", "ar", "image"?, "date"?, "id"?} or multipart (image upload)
    POST /v1/batch         [{...}, ...] -> [report, ...] in order
    POST /v1/article       {"html", "date"?} -> {"publish", "fail_on", "figures": [...]}

Limits (body size, items, seconds per request) answer 4xx with a message. An image is read only
from under ``--image-root``: ``..``, absolute paths and symlinks that leave the root are refused.
One JSON log line per request goes to stderr.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from checker import __version__
from checker.config import Config
from checker.engine import InputError, error_report, run
from checker.metadata import ImageMetadata
from checker.metadata.reader import read_bytes
from checker.models import CaptionPair, Report
from checker.rules import ALL_RULES
from checker.settings import Limits

log = logging.getLogger("caption_checker.server")


class HttpError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


# --- images under the root ----------------------------------------------------------------------


def safe_image_path(root: Path | None, name: str) -> Path:
    """The file ``name`` under ``root``; refuses anything that would leave it."""
    if root is None:
        raise HttpError(422, "this server has no --image-root: send the image as an upload")
    if not name or "\x00" in name:
        raise HttpError(422, "image: an empty or invalid path")
    relative = Path(name)
    if relative.is_absolute() or ".." in relative.parts:
        raise HttpError(422, f"image: {name!r} must be a path under the image root, without '..'")
    base = root.resolve()
    target = (base / relative).resolve()  # follows symlinks: one that leaves the root is refused
    if not target.is_relative_to(base):
        raise HttpError(422, f"image: {name!r} leads outside the image root")
    return target


def _src_path(src: str) -> str:
    """The file path an <img src> names: the URL's path, unquoted, without its leading slash."""
    return unquote(urlsplit(src).path).lstrip("/")


# --- request bodies ---------------------------------------------------------------------------------


async def _body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise HttpError(413, f"the body is {int(declared):,} bytes; the limit is {limit:,}")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HttpError(413, f"the body is over the limit of {limit:,} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


async def _json(request: Request, limit: int) -> Any:
    kind = request.headers.get("content-type", "application/json").split(";")[0].strip()
    if kind not in ("application/json", ""):
        raise HttpError(415, f"send application/json, not {kind}")
    raw = await _body(request, limit)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise HttpError(400, "the body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise HttpError(
            400, f"the body is not JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None


_ITEM_KEYS = {"id", "en", "ar", "image", "date"}


def _pair(item: Any, where: str, root: Path | None) -> CaptionPair:
    if not isinstance(item, dict):
        raise HttpError(422, f"{where}: expected an object with en, ar, image, date")
    unknown = set(item) - _ITEM_KEYS
    if unknown:
        raise HttpError(
            422,
            f"{where}: unknown field {sorted(unknown)[0]!r} (known: {', '.join(sorted(_ITEM_KEYS))})",
        )
    for key in _ITEM_KEYS:
        if item.get(key) is not None and not isinstance(item[key], str):
            raise HttpError(422, f"{where}: {key} must be a string")
    image = str(safe_image_path(root, item["image"])) if item.get("image") else None
    return CaptionPair(
        en=item.get("en"), ar=item.get("ar"), id=item.get("id"), image=image, date=item.get("date")
    )


# --- articles -------------------------------------------------------------------------------------------


@dataclass
class Figure:
    src: str | None = None
    alt: str | None = None
    title: str | None = None
    caption: str = ""


class FigureParser(HTMLParser):
    """The <figure> elements of an article: the first <img> and the <figcaption> text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[Figure] = []
        self._figure: Figure | None = None
        self._depth = 0
        self._in_caption = 0
        self._caption: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "figure":
            if self._figure is None:
                self._figure, self._depth, self._caption = Figure(), 0, []
            self._depth += 1
        elif self._figure is not None and tag == "img" and self._figure.src is None:
            values = dict(attrs)
            self._figure.src, self._figure.alt, self._figure.title = (
                values.get("src"),
                values.get("alt"),
                values.get("title"),
            )
        elif self._figure is not None and tag == "figcaption":
            self._in_caption += 1
        elif self._in_caption and tag == "br":
            self._caption.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "figcaption" and self._in_caption:
            self._in_caption -= 1
        elif tag == "figure" and self._figure is not None:
            self._depth -= 1
            if self._depth == 0:
                self._figure.caption = " ".join("".join(self._caption).split())
                self.figures.append(self._figure)
                self._figure = None

    def handle_data(self, data: str) -> None:
        if self._in_caption:
            self._caption.append(data)


def _latin(text: str | None) -> bool:
    letters = [ch for ch in text or "" if ch.isalpha()]
    return len(letters) >= 12 and sum(ch.isascii() for ch in letters) * 10 >= 8 * len(letters)


# --- the app --------------------------------------------------------------------------------------------


def create_app(
    config: Config | None = None, image_root: str | Path | None = None, limits: Limits | None = None
) -> Starlette:
    """The ASGI application. ``config`` carries the settings (and its lexicon is installed)."""
    from checker.config import Config as _Config
    from checker.data import use_lexicon
    from checker.settings import Settings

    conf = config or _Config(Settings())
    use_lexicon(conf.lexicon)
    settings = conf.settings
    root = Path(image_root).resolve() if image_root else None
    lim = limits or Limits()

    def check_one(pair: CaptionPair, image: ImageMetadata | None = None) -> Report:
        try:
            return run(pair, settings, image=image)
        except InputError as exc:
            return error_report(pair.id, str(exc))

    async def work(func: Callable[[], Any]) -> Any:
        try:
            return await asyncio.wait_for(run_in_threadpool(func), lim.timeout)
        except TimeoutError:
            raise HttpError(
                408, f"checking took longer than {lim.timeout:g} s; send fewer or shorter items"
            ) from None

    def endpoint(
        handler: Callable[[Request], Awaitable[tuple[Any, dict[str, Any]]]],
    ) -> Callable[[Request], Awaitable[Response]]:
        async def wrapped(request: Request) -> Response:
            started = time.perf_counter()
            status, extra = 200, dict[str, Any]()
            try:
                body, extra = await handler(request)
                response: Response = JSONResponse(body)
            except HttpError as exc:
                status = exc.status
                response = JSONResponse({"error": exc.message}, status_code=status)
            log.info(json.dumps({
                "ts": round(time.time(), 3), "method": request.method, "path": request.url.path, "status": status,
                "ms": round((time.perf_counter() - started) * 1000, 2),
                "client": request.client.host if request.client else None, **extra,
            }))  # fmt: skip
            return response

        return wrapped

    async def healthz(request: Request) -> tuple[Any, dict[str, Any]]:
        return {"status": "ok", "version": __version__, "rules": len(ALL_RULES)}, {}

    async def rules(request: Request) -> tuple[Any, dict[str, Any]]:
        return [{"code": r.code, "name": r.name, "category": r.category.value, "severity": r.severity.label,
                 "summary": r.summary()} for r in ALL_RULES], {}  # fmt: skip

    async def openapi(request: Request) -> tuple[Any, dict[str, Any]]:
        return OPENAPI, {}

    async def check(request: Request) -> tuple[Any, dict[str, Any]]:
        kind = request.headers.get("content-type", "").split(";")[0].strip()
        if kind == "multipart/form-data":
            pair, image = await _multipart(request)
            report = await work(lambda: check_one(pair, image))
        else:
            pair = _pair(await _json(request, lim.max_body), "body", root)
            if pair.image is None:
                # one pair of text is checked in well under a millisecond (captions are capped at
                # 20,000 characters): a thread hop would cost more than it protects
                report = check_one(pair)
            else:
                report = await work(lambda: check_one(pair))
        return report.to_json(), {"items": 1, "findings": len(report.findings)}

    async def _multipart(request: Request) -> tuple[CaptionPair, ImageMetadata | None]:
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > lim.max_upload:
            raise HttpError(
                413, f"the upload is {int(declared):,} bytes; the limit is {lim.max_upload:,}"
            )
        try:
            form = await request.form(max_files=1, max_fields=10, max_part_size=lim.max_upload)
        except Exception as exc:  # python-multipart raises its own errors for malformed bodies
            raise HttpError(400, f"not a valid multipart body ({exc})") from None
        fields: dict[str, str] = {}
        image = None
        for key, value in form.multi_items():
            if key == "image" and not isinstance(value, str):
                data = await value.read(lim.max_upload + 1)
                if len(data) > lim.max_upload:
                    raise HttpError(413, f"the image is over the limit of {lim.max_upload:,} bytes")
                image = read_bytes(data, value.filename or "upload")
            elif isinstance(value, str) and key in _ITEM_KEYS - {"image"}:
                fields[key] = value
            else:
                raise HttpError(422, f"unknown form field {key!r}")
        pair = CaptionPair(
            en=fields.get("en"), ar=fields.get("ar"), id=fields.get("id"), date=fields.get("date")
        )
        return pair, image

    async def batch(request: Request) -> tuple[Any, dict[str, Any]]:
        body = await _json(request, lim.max_body)
        items = body.get("items") if isinstance(body, dict) else body
        if not isinstance(items, list):
            raise HttpError(422, 'expected a JSON list of items (or {"items": [...]})')
        if len(items) > lim.max_items:
            raise HttpError(413, f"{len(items)} items; the limit is {lim.max_items} per request")
        pairs = [_pair(item, f"items[{i}]", root) for i, item in enumerate(items)]
        reports = await work(lambda: [check_one(p) for p in pairs])
        return [r.to_json() for r in reports], {
            "items": len(pairs),
            "findings": sum(len(r.findings) for r in reports),
        }

    async def article(request: Request) -> tuple[Any, dict[str, Any]]:
        body = await _json(request, lim.max_body)
        if not isinstance(body, dict) or not isinstance(body.get("html"), str):
            raise HttpError(
                422, 'expected {"html": "<article>...</article>", "date"?: "YYYY-MM-DD"}'
            )
        unknown = set(body) - {"html", "date", "id"}
        if unknown:
            raise HttpError(422, f"unknown field {sorted(unknown)[0]!r}")
        date = body.get("date")
        if date is not None and not isinstance(date, str):
            raise HttpError(422, "date must be a string YYYY-MM-DD")
        parser = FigureParser()
        parser.feed(body["html"])
        parser.close()
        figures = parser.figures
        if len(figures) > lim.max_items:
            raise HttpError(
                413, f"{len(figures)} figures; the limit is {lim.max_items} per article"
            )
        jobs = [_figure_job(i, fig, date) for i, fig in enumerate(figures, 1)]
        results = await work(lambda: [(job, check_one(job[1])) for job in jobs])
        out = []
        blocked = False
        for (note, _), report in results:
            worst = report.max_severity()
            blocked |= worst is not None and worst >= settings.fail_on
            out.append({"src": note["src"], "image_status": note["image"], **report.to_json()})
        verdict = {"publish": not blocked, "fail_on": settings.fail_on.label, "figures": out}
        return verdict, {"items": len(out), "publish": not blocked}

    def _figure_job(
        index: int, fig: Figure, date: str | None
    ) -> tuple[dict[str, Any], CaptionPair]:
        status, image = "none", None
        if fig.src:
            try:
                path = safe_image_path(root, _src_path(fig.src))
                status, image = ("found", str(path)) if path.is_file() else ("missing", None)
            except HttpError as exc:
                status = "refused: " + exc.message
        english = None
        if image is None:  # no file: an English alt or title stands in for the embedded caption
            english = next((t for t in (fig.alt, fig.title) if _latin(t)), None)
        arabic = fig.caption or None
        pair = CaptionPair(en=english, ar=arabic, id=f"figure {index}", image=image, date=date)
        return {"src": fig.src, "image": status}, pair

    return Starlette(
        routes=[
            Route("/healthz", endpoint(healthz), methods=["GET"]),
            Route("/v1/rules", endpoint(rules), methods=["GET"]),
            Route("/openapi.json", endpoint(openapi), methods=["GET"]),
            Route("/v1/check", endpoint(check), methods=["POST"]),
            Route("/v1/batch", endpoint(batch), methods=["POST"]),
            Route("/v1/article", endpoint(article), methods=["POST"]),
        ],
        exception_handlers={404: _not_found, 405: _not_allowed},
    )


async def _not_found(request: Request, exc: Exception) -> Response:
    return JSONResponse(
        {"error": f"no such endpoint: {request.url.path} (see /openapi.json)"}, status_code=404
    )


async def _not_allowed(request: Request, exc: Exception) -> Response:
    return JSONResponse(
        {"error": f"{request.method} is not allowed on {request.url.path}"}, status_code=405
    )


def configure_logging() -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def serve(host: str, port: int, config: Config, image_root: str | None, limits: Limits) -> None:
    import uvicorn

    configure_logging()
    app = create_app(config, image_root, limits)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="warning")


_REPORT = {
    "type": "object",
    "description": "A report in the caption-checker/1 contract (see README).",
}
_ITEM = {
    "type": "object",
    "properties": {
        "id": {"type": "string"},
        "en": {"type": "string", "description": "English caption; left out: taken from the image"},
        "ar": {"type": "string", "description": "Arabic caption"},
        "image": {"type": "string", "description": "path under the server's image root"},
        "date": {
            "type": "string",
            "format": "date",
            "description": "reference date for relative dates",
        },
    },
    "additionalProperties": False,
}
_ERROR = {"description": "bad request", "content": {"application/json": {"schema": {
    "type": "object", "properties": {"error": {"type": "string"}}}}}}  # fmt: skip
_ERRORS = {str(code): _ERROR for code in (400, 408, 413, 415, 422)}
OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "caption-checker pre-publication hook", "version": __version__},
    "paths": {
        "/healthz": {"get": {"summary": "liveness", "responses": {"200": {"description": "ok"}}}},
        "/v1/rules": {"get": {"summary": "the rules", "responses": {"200": {"description": "list of rules"}}}},
        "/v1/check": {"post": {
            "summary": "check one caption pair (and its image)",
            "requestBody": {"content": {
                "application/json": {"schema": _ITEM},
                "multipart/form-data": {"schema": {"type": "object", "properties": {
                    "en": {"type": "string"}, "ar": {"type": "string"}, "id": {"type": "string"},
                    "date": {"type": "string"}, "image": {"type": "string", "format": "binary"}}}},
            }},
            "responses": {"200": {"description": "the report", "content": {"application/json": {"schema": _REPORT}}}, **_ERRORS},
        }},
        "/v1/batch": {"post": {
            "summary": "check several pairs, answered in order",
            "requestBody": {"content": {"application/json": {"schema": {"type": "array", "items": _ITEM}}}},
            "responses": {"200": {"description": "reports", "content": {"application/json": {"schema": {"type": "array", "items": _REPORT}}}}, **_ERRORS},
        }},
        "/v1/article": {"post": {
            "summary": "check every <figure> of an article before publishing",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object", "required": ["html"], "properties": {
                "html": {"type": "string"}, "date": {"type": "string", "format": "date"}, "id": {"type": "string"}}}}}},
            "responses": {"200": {"description": "publish verdict and per-figure reports", "content": {"application/json": {"schema": {
                "type": "object", "properties": {"publish": {"type": "boolean"}, "fail_on": {"type": "string"},
                "figures": {"type": "array", "items": _REPORT}}}}}}, **_ERRORS},
        }},
    },
}  # fmt: skip
