"""Pinned limits for the headline figures (``benchmarks/baseline.json``).

Most figures are better when higher (precision, recall, F1): each has a *floor*, and
passes when ``round(figure, 3) >= floor``.  Error rates such as Pk and WindowDiff are better
when lower: each has a *ceiling*, and passes when ``round(figure, 3) <= ceiling``.  A
figure's direction follows from its metric name (`lower_is_better`).

`tighten` only moves limits the good way (new figures get a limit at their current value);
loosening one needs an explicit reason, which belongs in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "baseline.json"
DECIMALS = 3
#: Metric names (the last part of a figure's key) for which lower is better.
LOWER_IS_BETTER = frozenset({"pk", "windowdiff", "split_share"})


def lower_is_better(key: str) -> bool:
    return key.rpartition(".")[2] in LOWER_IS_BETTER


def load(path: Path = BASELINE) -> dict[str, float]:
    """Every limit, floors and ceilings together, by figure key."""
    if not path.is_file():
        return {}
    doc = json.loads(path.read_text(encoding="utf-8"))
    return {**doc.get("floors", {}), **doc.get("ceilings", {})}


def save(limits: dict[str, float], path: Path = BASELINE) -> None:
    doc = {
        "about": "Limits for the headline figures of benchmarks/evaluate.py: a figure passes "
                 "when round(figure, 3) >= its floor (or <= its ceiling, for error rates). "
                 "Tighten with --update-baseline; loosening needs --allow-lower REASON and "
                 "the reason in the commit message.",
        "floors": {k: round(v, DECIMALS) for k, v in sorted(limits.items()) if not lower_is_better(k)},
        "ceilings": {k: round(v, DECIMALS) for k, v in sorted(limits.items()) if lower_is_better(k)},
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def failures(figures: dict[str, float], limits: dict[str, float]) -> list[str]:
    """One message per limit that the figures do not meet (or no longer report)."""
    out = []
    for key, limit in sorted(limits.items()):
        kind = "ceiling" if lower_is_better(key) else "floor"
        if key not in figures:
            out.append(f"{key}: {kind} {limit:.3f} but the evaluation reports no such figure")
            continue
        value = round(figures[key], DECIMALS)
        if lower_is_better(key) and value > limit:
            out.append(f"{key}: {figures[key]:.3f} is above its ceiling {limit:.3f}")
        elif not lower_is_better(key) and value < limit:
            out.append(f"{key}: {figures[key]:.3f} is below its floor {limit:.3f}")
    return out


def tighten(figures: dict[str, float], limits: dict[str, float],
            allow_lower: str | None = None) -> tuple[dict[str, float], list[str]]:
    """New limits and a line per change.  Without ``allow_lower`` a limit never loosens
    (a floor never drops, a ceiling never rises)."""
    new = dict(limits)
    changes = []
    for key, value in sorted(figures.items()):
        value = round(value, DECIMALS)
        old = limits.get(key)
        kind = "ceiling" if lower_is_better(key) else "floor"
        better = (lambda a, b: a < b) if lower_is_better(key) else (lambda a, b: a > b)
        if old is None:
            new[key] = value
            changes.append(f"{key}: new {kind} {value:.3f}")
        elif better(value, old):
            new[key] = value
            changes.append(f"{key}: {old:.3f} -> {value:.3f}")
        elif value != old:
            if allow_lower:
                new[key] = value
                changes.append(f"{key}: LOOSENED {old:.3f} -> {value:.3f} ({allow_lower})")
            else:
                changes.append(f"{key}: {kind} kept at {old:.3f} (figure {value:.3f} is worse; "
                               "loosening needs --allow-lower REASON)")
    return new, changes


def select(figures: dict[str, float], only: str | None) -> dict[str, float]:
    """The figures named by ``only``: comma-separated keys or key prefixes (all if empty).

    >>> select({"text.a.f1": 1, "text.b.f1": 2, "html.a.f1": 3}, "text.a, html")
    {'text.a.f1': 1, 'html.a.f1': 3}
    """
    wanted = [w.strip().rstrip(".") for w in (only or "").split(",") if w.strip()]
    if not wanted:
        return dict(figures)
    return {k: v for k, v in figures.items() if any(k == w or k.startswith(w + ".") for w in wanted)}
