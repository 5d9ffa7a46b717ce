"""Speed rows of a fresh process: what a user pays before the first result.

`cold_start_rows` starts new Python processes and reports, each the best of `RUNS`:

- CPU time of ``import cleaner``, of the first ``clean()`` of a text dump after it, and of
  the first ``clean()`` in each of two more languages (their stoplists and catalogue
  tables are built when first needed);
- the wall time of the command ``cleaner clean page.txt`` beside that of
  ``python -c "import trafilatura"`` (the two take turns, so a busy spell of the machine
  falls on both);

and `pool_rows` the wall time of a fresh pool of two worker processes (started for the
run, so every worker pays its imports and first calls) that cleans every dev dump, beside
one that runs ``trafilatura.extract`` on the same pages' HTML.

The fresh processes measure `cleaner` as installed. ``pip install`` writes the bytecode of
a package's modules (as it did for trafilatura in site-packages); a checkout has none
until a process writes it, and where ``PYTHONDONTWRITEBYTECODE`` is set no process does,
so every fresh process would compile `cleaner`'s sources again (about 60 ms). So both
functions first write the bytecode of the `cleaner` package that the children import
(`compile_package`: ``compileall`` into its ``__pycache__`` folders, which git ignores;
files already compiled are left alone) and then start the children as they are.

`benchmarks/evaluate.py` calls it in its ``speed`` section.
"""

from __future__ import annotations

import compileall
import importlib
import importlib.util
import json
import multiprocessing
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: Fresh processes per figure; the best run counts (the least disturbed by other work).
RUNS = 3

#: Two short passages for the first clean() in a new language (plain prose, no rule's text).
GERMAN = ("Die Gemeinde hat am Dienstag beschlossen, dass die neue Schule im Herbst eröffnet "
          "wird. Der Bürgermeister sagte, die Kosten seien höher als geplant, aber die Eltern "
          "hätten lange genug gewartet.")
FRENCH = ("Le conseil municipal a décidé mardi que la nouvelle école ouvrira à l'automne. Le "
          "maire a dit que les coûts étaient plus élevés que prévu, mais que les parents "
          "avaient assez attendu.")

_CHILD = r"""
import json, sys, time
t0 = time.process_time()
import cleaner
t1 = time.process_time()
page, de, fr = (open(p, encoding="utf-8").read() for p in sys.argv[1:4])
cleaner.clean(page, html="never")
t2 = time.process_time()
cleaner.clean(de, html="never")
t3 = time.process_time()
cleaner.clean(fr, html="never")
t4 = time.process_time()
print(json.dumps({"import": t1 - t0, "first": t2 - t1, "de": t3 - t2, "fr": t4 - t3}))
"""


def compile_package() -> None:
    """Write the bytecode of the `cleaner` package the child processes import, as
    ``pip install`` does for an installed package (see the module docstring)."""
    spec = importlib.util.find_spec("cleaner")
    for folder in spec.submodule_search_locations or ():
        if not compileall.compile_dir(folder, quiet=1):
            raise RuntimeError(f"could not compile {folder}")


def _wall(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def cold_start(page: str) -> dict[str, float]:
    """The best of `RUNS` fresh processes for each figure (seconds)."""
    compile_package()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for name, text in (("page.txt", page), ("de.txt", GERMAN), ("fr.txt", FRENCH)):
            path = Path(tmp) / name
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        best: dict[str, float] = {}
        for _ in range(RUNS):
            out = subprocess.run([sys.executable, "-c", _CHILD, *paths], check=True,
                                 capture_output=True, text=True).stdout
            got = json.loads(out)
            got["cli"] = _wall([sys.executable, "-m", "cleaner", "clean", paths[0]])
            got["trafilatura"] = _wall([sys.executable, "-c", "import trafilatura"])
            for key, value in got.items():
                best[key] = min(best.get(key, value), value)
    return best


def cold_start_rows(row, page: str) -> list:
    """Rows (made with ``row``, evaluate.py's `Row`) for a fresh process given ``page``, a
    text dump."""
    t = cold_start(page)
    new_language = max(t["de"], t["fr"])
    return [
        row("speed.cold.import", "5 speed", "fresh process", "import cleaner", RUNS,
            note=f"{t['import'] * 1e3:.0f} ms CPU"),
        row("speed.cold.first", "5 speed", "fresh process", "first clean(dump) after import", RUNS,
            note=f"{t['first'] * 1e3:.0f} ms CPU ({len(page) / 1e3:.0f} kB dump)"),
        row("speed.cold.language", "5 speed", "fresh process", "first clean() in a new language",
            RUNS, note=f"de {t['de'] * 1e3:.0f} ms, fr {t['fr'] * 1e3:.0f} ms CPU "
                       f"(worst {new_language * 1e3:.0f} ms)"),
        row("speed.cold.cli", "5 speed", "fresh process", "cleaner clean page.txt (wall)", RUNS,
            note=f"{t['cli']:.2f} s = {t['cli'] / t['trafilatura']:.2f} x "
                 f"`python -c \"import trafilatura\"` ({t['trafilatura']:.2f} s)"),
    ]


def _clean_dump(text: str) -> int:
    """A pool worker's task; `cleaner` is imported by the first task of each worker (what
    a worker started for a job pays), hence `importlib` here."""
    return len(importlib.import_module("cleaner").clean(text, html="never"))


def _trafilatura_html(markup) -> int:
    return len(importlib.import_module("trafilatura").extract(markup) or "")


def _pool_seconds(task, items: list) -> float:
    """Wall seconds of a fresh 2-worker pool (spawned: nothing imported) doing ``items``."""
    start = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(task, items, chunksize=1)
    return time.perf_counter() - start


def pool_rows(row, dumps: list[str], markups: list) -> list:
    """Rows for a fresh 2-worker pool: ``dumps`` with `cleaner`, ``markups`` (the same
    pages' HTML) with trafilatura; the two take turns, best of `RUNS`."""
    compile_package()
    t_clean, t_traf = [], []
    for _ in range(RUNS):
        t_clean.append(_pool_seconds(_clean_dump, dumps))
        t_traf.append(_pool_seconds(_trafilatura_html, markups))
    c, t = min(t_clean), min(t_traf)
    return [
        row("speed.pool.clean", "5 speed", "fresh 2-worker pool", "clean(dump), cold start counted",
            len(dumps), note=f"total {c:.2f} s wall = {c / t:.2f} x trafilatura's ({t / c:.1f}x faster)"),
        row("speed.pool.trafilatura", "5 speed", "fresh 2-worker pool",
            "trafilatura.extract(html), cold start counted", len(markups), note=f"total {t:.2f} s wall"),
    ]
