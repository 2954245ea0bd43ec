"""Content Credentials (C2PA): read and verify offline with the optional ``c2pa-python``.

The container walkers only notice that a manifest store is embedded; this module asks the
C2PA SDK what it says. Three facts are kept apart, because a newsroom weighs them differently:
the manifest is *present*, its *signature is valid* (and the image unchanged since signing),
and the *signer is trusted* (on a configured trust list; offline and without one, no signer
is). Install with ``pip install 'caption-checker[c2pa]'``.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Credentials:
    present: bool = True
    verified: bool = False  # the SDK was available and read the manifest
    signature_valid: bool | None = None
    trusted: bool | None = None
    edited_after_signing: bool | None = None
    signer: str | None = None  # certificate common name, and organisation
    signed_at: str | None = None
    authors: list[str] = field(default_factory=list)
    captured_at: str | None = None  # EXIF DateTimeOriginal or the "created" action's time
    generator: str | None = None
    status: list[str] = field(default_factory=list)  # the SDK's failure codes
    note: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "present": self.present,
            "verified": self.verified,
            "signature_valid": self.signature_valid,
            "trusted": self.trusted,
            "edited_after_signing": self.edited_after_signing,
            "signer": self.signer,
            "signed_at": self.signed_at,
            "authors": self.authors,
            "captured_at": self.captured_at,
            "generator": self.generator,
            "status": self.status,
            "note": self.note,
        }


_SIGNATURE_FAILURES = ("claimSignature.mismatch", "claimSignature.missing", "signingCredential.invalid",
                       "signingCredential.revoked", "signingCredential.expired", "timeStamp.mismatch")  # fmt: skip
_EDIT_FAILURES = ("assertion.dataHash.mismatch", "assertion.bmffHash.mismatch", "assertion.boxesHash.mismatch",
                  "assertion.hashedURI.mismatch")  # fmt: skip


_MIME = {"JPEG": "image/jpeg", "PNG": "image/png", "TIFF": "image/tiff", "WEBP": "image/webp",
         "HEIC": "image/heic", "AVIF": "image/avif"}  # fmt: skip


def read_credentials(source: str | bytes, fmt: str | None) -> Credentials:
    """What the embedded manifest says; ``verified`` is False when the SDK is not installed.
    ``source`` is a path or the file's bytes; ``fmt`` the sniffed format (never the file name)."""
    try:
        import c2pa  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return Credentials(
            note="Content Credentials found; install caption-checker[c2pa] to verify them"
        )
    try:
        data = source if isinstance(source, bytes) else Path(source).read_bytes()
        with c2pa.Reader(
            _MIME.get(fmt or "", "application/octet-stream"), io.BytesIO(data)
        ) as reader:
            store = json.loads(reader.json())
    except Exception as exc:  # the SDK raises its own error types for any damage
        return Credentials(
            verified=True, signature_valid=False, note=f"the manifest store cannot be read ({exc})"
        )
    return _from_store(store)


def _from_store(store: dict[str, Any]) -> Credentials:
    out = Credentials(verified=True)
    failures = [str(s.get("code")) for s in store.get("validation_status") or []]
    out.status = failures
    out.signature_valid = not any(code in _SIGNATURE_FAILURES for code in failures)
    out.edited_after_signing = any(code in _EDIT_FAILURES for code in failures)
    out.trusted = (
        "signingCredential.untrusted" not in failures and store.get("validation_state") == "Trusted"
    )
    manifest = (store.get("manifests") or {}).get(store.get("active_manifest") or "", {})
    info = manifest.get("signature_info") or {}
    names = [info.get("common_name"), info.get("issuer")]
    out.signer = ", ".join(n for n in names if n) or None
    out.signed_at = info.get("time")
    generators = manifest.get("claim_generator_info") or []
    out.generator = generators[0].get("name") if generators else manifest.get("claim_generator")
    for assertion in manifest.get("assertions") or []:
        label, data = assertion.get("label", ""), assertion.get("data") or {}
        if label.startswith(("stds.schema-org.CreativeWork", "cawg.identity")):
            for author in data.get("author") or []:
                if isinstance(author, dict) and author.get("name"):
                    out.authors.append(str(author["name"]))
        elif label == "stds.exif" and data.get("exif:DateTimeOriginal"):
            out.captured_at = str(data["exif:DateTimeOriginal"])
        elif label.startswith("c2pa.actions") and out.captured_at is None:
            for action in data.get("actions") or []:
                if action.get("action") == "c2pa.created" and action.get("when"):
                    out.captured_at = str(action["when"])
    return out
