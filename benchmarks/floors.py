"""Pinned floors for the headline figures (``benchmarks/baseline.json``).

A floor is the lowest value a headline figure may take, rounded to 3 decimals; a figure
passes when ``round(figure, 3) >= floor``.  `raise_floors` only raises floors (new
figures get a floor at their current value); lowering one needs an explicit reason, which
belongs in the commit message.
"""

from __future__ import annotations

import json
from pathlib import Path

BASELINE = Path(__file__).resolve().parent / "baseline.json"
DECIMALS = 3


def load(path: Path = BASELINE) -> dict[str, float]:
    if not path.is_file():
        return {}
    return dict(json.loads(path.read_text(encoding="utf-8"))["floors"])


def save(floors: dict[str, float], path: Path = BASELINE) -> None:
    doc = {
        "about": "Floors for the headline figures of benchmarks/evaluate.py: a figure passes "
                 "when round(figure, 3) >= floor. Raise with --update-baseline; lowering "
                 "needs --allow-lower REASON and the reason in the commit message.",
        "floors": {k: round(v, DECIMALS) for k, v in sorted(floors.items())},
    }
    path.write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")


def failures(figures: dict[str, float], floors: dict[str, float]) -> list[str]:
    """One message per floor that the figures do not reach (or no longer report)."""
    out = []
    for key, floor in sorted(floors.items()):
        if key not in figures:
            out.append(f"{key}: floor {floor:.3f} but the evaluation reports no such figure")
        elif round(figures[key], DECIMALS) < floor:
            out.append(f"{key}: {figures[key]:.3f} is below its floor {floor:.3f}")
    return out


def raise_floors(figures: dict[str, float], floors: dict[str, float],
                 allow_lower: str | None = None) -> tuple[dict[str, float], list[str]]:
    """New floors and a line per change.  Without ``allow_lower`` a floor never drops."""
    new = dict(floors)
    changes = []
    for key, value in sorted(figures.items()):
        value = round(value, DECIMALS)
        old = floors.get(key)
        if old is None:
            new[key] = value
            changes.append(f"{key}: new floor {value:.3f}")
        elif value > old:
            new[key] = value
            changes.append(f"{key}: {old:.3f} -> {value:.3f}")
        elif value < old:
            if allow_lower:
                new[key] = value
                changes.append(f"{key}: LOWERED {old:.3f} -> {value:.3f} ({allow_lower})")
            else:
                changes.append(f"{key}: kept at {old:.3f} (figure {value:.3f} is lower; "
                               "lowering needs --allow-lower REASON)")
    return new, changes
