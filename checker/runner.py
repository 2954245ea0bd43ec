"""Run many items through the engine: in order, one report per item, optionally on several
worker processes; a bad item gives an error report and the rest go on."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from checker.data import use_lexicon
from checker.engine import InputError, error_report, run
from checker.inputs import Item
from checker.models import Report, Severity

if TYPE_CHECKING:
    from checker.config import Config

_CONFIG: Config | None = None


def check_item(item: Item, config: Config) -> Report:
    """One item -> its report; never raises."""
    if item.error is not None or item.pair is None:
        return replace(
            error_report(item.id, item.error or "nothing to check"), sources=item.sources
        )
    first = next(iter(item.sources.values()), None)
    try:
        report = run(item.pair, config.settings_for(first))
    except InputError as exc:
        report = error_report(item.id, str(exc))
    except Exception as exc:  # a bug must not stop the batch; the report says what happened
        report = error_report(
            item.id, f"internal error, please report it: {type(exc).__name__}: {exc}"
        )
    return replace(report, sources=item.sources) if item.sources else report


def _init(config: Config) -> None:
    global _CONFIG
    _CONFIG = config
    use_lexicon(config.lexicon)


def _work(item: Item) -> Report:
    assert _CONFIG is not None
    return check_item(item, _CONFIG)


def check_items(items: Iterable[Item], config: Config, jobs: int = 1) -> Iterator[Report]:
    """Reports in input order. ``jobs`` > 1 spreads the work over that many processes."""
    if jobs <= 1:
        for item in items:
            yield check_item(item, config)
        return
    with multiprocessing.get_context("spawn").Pool(
        jobs, initializer=_init, initargs=(config,)
    ) as pool:
        yield from pool.imap(_work, items, chunksize=16)


@dataclass
class Summary:
    """What a run found, for the closing line of a batch."""

    fail_on: Severity
    pairs: int = 0
    errors: int = 0  # items that could not be checked
    failed: int = 0  # items with a finding at or above fail_on, or an error
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)

    def add(self, report: Report) -> None:
        self.pairs += 1
        if report.error is not None:
            self.errors += 1
            self.failed += 1
            return
        for finding in report.findings:
            self.by_severity[finding.severity.label] += 1
            self.by_category[finding.category.value] += 1
        worst = report.max_severity()
        if worst is not None and worst >= self.fail_on:
            self.failed += 1

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def render(self) -> str:
        order = [s.label for s in sorted(Severity, reverse=True)]
        sev = (
            ", ".join(f"{self.by_severity[s]} {s}" for s in order if self.by_severity[s])
            or "no findings"
        )
        cat = ", ".join(f"{n} {c}" for c, n in self.by_category.most_common())
        line = f"{self.pairs} pair{'s' if self.pairs != 1 else ''} checked: {sev}"
        if cat:
            line += f" ({cat})"
        if self.errors:
            line += f"; {self.errors} could not be checked"
        line += f"; {self.failed} at or above {self.fail_on.label}"
        return line
