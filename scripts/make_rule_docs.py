#!/usr/bin/env python3
"""Write docs/rules/ from the rules' docstrings (tests/test_docs.py fails when it is stale)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.docs import write  # noqa: E402

if __name__ == "__main__":
    changed = write(ROOT / "docs" / "rules")
    print(
        f"docs/rules: {len(changed)} file(s) written"
        + (f" ({', '.join(changed)})" if changed else "")
    )
