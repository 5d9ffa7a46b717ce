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
one that runs ``trafilatura.extract`` on the same pages' HTML, and the CPU time of each
pool's workers.  The pools run in a driver process of their own, so that their workers
(spawned) import only the module of their task (`benchmarks.pool_tasks`) and what the task
imports, not the benchmark that started them (which a worker spawned from
``benchmarks/evaluate.py`` imports again as its main module: about 0.13 s of CPU per
worker, the same for both systems and neither's cost).

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
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The checkout: the pool's driver process imports `benchmarks.pool_tasks` from it.
ROOT = Path(__file__).resolve().parent.parent

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


#: The pools' driver, a fresh process of its own (``-c``: its workers, spawned, import no
#: main module, only `benchmarks.pool_tasks` and what a task imports): `RUNS` rounds of a
#: pool cleaning the dumps, then one running trafilatura on the pages, then one doing
#: nothing with the dumps (the floor under both: `pool_tasks.nothing`); for each, the wall
#: time from the pool's start to its last result and its end, and the CPU time of its
#: workers (the children the driver has reaped when the pool has ended).
_POOL = r"""
import json, multiprocessing, resource, sys, time
sys.path.insert(0, sys.argv[1])
from benchmarks.pool_tasks import clean_dump, nothing, trafilatura_html
dumps, markups = json.load(open(sys.argv[2], encoding="utf-8"))
def children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
out = {k: [] for k in ("clean", "trafilatura", "nothing", "clean_cpu", "trafilatura_cpu", "nothing_cpu")}
for _ in range(int(sys.argv[3])):
    for name, task, items in (("clean", clean_dump, dumps), ("trafilatura", trafilatura_html, markups),
                              ("nothing", nothing, dumps)):
        cpu, start = children(), time.perf_counter()
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            pool.map(task, items, chunksize=1)
        out[name].append(time.perf_counter() - start)
        out[name + "_cpu"].append(children() - cpu)
print(json.dumps(out))
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


def _pool_times(dumps: list[str], markups: list) -> dict[str, list[float]]:
    """Wall and CPU seconds of `RUNS` rounds of two fresh pools (see `_POOL`)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pages.json"
        path.write_text(json.dumps([dumps, markups]), encoding="utf-8")
        out = subprocess.run([sys.executable, "-c", _POOL, str(ROOT), str(path), str(RUNS)],
                             check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def pool_rows(row, dumps: list[str], markups: list) -> list:
    """Rows for a fresh 2-worker pool: ``dumps`` with `cleaner`, ``markups`` (the same
    pages' HTML) with trafilatura, and the dumps with no work at all (the floor a pool of
    fresh workers costs whatever they run); the three take turns, best of `RUNS`."""
    compile_package()
    t = _pool_times(dumps, markups)
    c, tr = min(t["clean"]), min(t["trafilatura"])
    c_cpu, tr_cpu = min(t["clean_cpu"]), min(t["trafilatura_cpu"])
    fl, fl_cpu = min(t["nothing"]), min(t["nothing_cpu"])
    return [
        row("speed.pool.clean", "5 speed", "fresh 2-worker pool", "clean(dump), cold start counted",
            len(dumps), note=f"total {c:.2f} s wall = {c / tr:.2f} x trafilatura's ({tr / c:.1f}x faster); "
                             f"workers' CPU {c_cpu:.2f} s = {c_cpu / tr_cpu:.2f} x ({tr_cpu / c_cpu:.1f}x)"),
        row("speed.pool.trafilatura", "5 speed", "fresh 2-worker pool",
            "trafilatura.extract(html), cold start counted", len(markups),
            note=f"total {tr:.2f} s wall, workers' CPU {tr_cpu:.2f} s"),
        row("speed.pool.floor", "5 speed", "fresh 2-worker pool", "no work (the interpreter and the pool)",
            len(dumps), note=f"total {fl:.2f} s wall, workers' CPU {fl_cpu:.2f} s = "
                             f"trafilatura's CPU / {tr_cpu / fl_cpu:.0f}"),
    ]
