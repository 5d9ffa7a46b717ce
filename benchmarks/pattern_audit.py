"""Audit of the pattern catalogues against the development corpus.

Reports two figures:

1. False positives: for every rule, how often it fires on real body text -- the ``with``
   snippets of the trafilatura evaluation set, the page lines that contain them (from an
   inscriptis text dump of the page), and the lines of the ScrapingHub ground-truth
   article bodies.  The goal is zero: a pattern hit is a drop that context never undoes.
2. Coverage: what share of boilerplate some rule catches -- the ``without`` snippets (as
   lines, and the page lines that contain them), per guessed language, and the drop lines
   of the hand-labelled seeds, per category.

Run from the repository root::

    python3 benchmarks/pattern_audit.py               # figures
    python3 benchmarks/pattern_audit.py --show-fp     # every false-positive line
    python3 benchmarks/pattern_audit.py --missed de   # boilerplate lines no rule catches

Needs the corpus in ``../shared`` (or ``--shared PATH``) and ``inscriptis``.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's `cleaner`

from cleaner.catalogue import load_rules
from cleaner.features import strip_bullet
from cleaner.front.decode import decode
from cleaner.language import guess_language
from cleaner.segment import normalize

# inscriptis list markers ('+', 'o', '1.') that a tidier dump would show as bullets.
_DUMP_MARKER = ("+ ", "o ", "* ")


def _dump_lines(html: str) -> list[str]:
    from inscriptis import get_text

    out = []
    for raw in get_text(html).splitlines():
        line = normalize(raw)
        if line.startswith(_DUMP_MARKER):
            line = line[2:]
        if line:
            out.append(line)
    return out


def _containing(lines: list[str], snippet: str) -> list[str]:
    """Page lines that contain the (whitespace-normalised) snippet, shortest first."""
    snippet = normalize(snippet)
    return sorted({line for line in lines if snippet and snippet in line}, key=len)


def _firing(rules, text: str) -> list[str]:
    return [r.id for r in rules if r.fires(text)]


def load_corpus(shared: Path):
    """(kind, language, text) triples: kind is with/with-line/truth/without/without-line/seed:CAT."""
    items = []
    ev = json.loads((shared / "corpus-dev/trafilatura-eval/evaldata.json").read_text("utf-8"))
    for entry in ev.values():
        lang = guess_language(" ".join(entry["with"] + entry["without"])) or "??"
        path = shared / "corpus-dev/trafilatura-eval/html" / (entry["file"] + ".gz")
        try:
            lines = _dump_lines(decode(gzip.open(path).read()))
        except Exception:  # a page inscriptis cannot read: snippets only
            lines = []
        for kind in ("with", "without"):
            for snippet in entry[kind]:
                items.append((kind, lang, normalize(snippet)))
                found = _containing(lines, snippet)
                if found:
                    # A `with` snippet survives if any line holding it survives: the
                    # line kept for it is the one rules hit last (most), so take that one
                    # when every line is hit.  A `without` snippet: the shortest line.
                    items.append((f"{kind}-line", lang, found[0] if kind == "without" else found))
    truth = json.loads((shared / "corpus-dev/scrapinghub/ground-truth.json").read_text("utf-8"))
    for entry in truth.values():
        body = entry["articleBody"]
        lang = guess_language(body) or "??"
        for raw in body.splitlines():
            line = normalize(raw)
            if line:
                items.append(("truth", lang, line))
    for tsv in sorted((shared / "seeds").glob("*.labels.tsv")):
        for row in tsv.read_text("utf-8").splitlines():
            label, _, text = row.partition("\t")
            if label.startswith("drop:"):
                items.append((f"seed:{label[5:]}", "en", normalize(text)))
    return items


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--show-fp", action="store_true", help="print every false-positive line")
    ap.add_argument("--missed", metavar="LANG", help="print uncaught boilerplate of a language")
    args = ap.parse_args(argv)

    rules = load_rules()
    items = load_corpus(args.shared)
    hits = []
    for kind, lang, text in items:
        if isinstance(text, list):  # `with` snippet found on several lines
            fired = [_firing(rules, t) for t in text]
            i = min(range(len(text)), key=lambda j: len(fired[j]))
            hits.append((kind, lang, text[i], fired[i]))
        else:
            hits.append((kind, lang, text, _firing(rules, text)))

    print(f"{len(rules)} rules")
    by_cat = collections.Counter(r.category for r in rules)
    by_lang = collections.Counter(r.language for r in rules)
    print("per language:", dict(sorted(by_lang.items())))
    print("per category:", dict(sorted(by_cat.items())))

    print("\n## False positives (body text a rule fires on)")
    fp = collections.Counter()
    total = collections.Counter()
    for kind, lang, text, fired in hits:
        if kind in ("with", "with-line", "truth"):
            total[kind] += 1
            for rid in fired:
                fp[(kind, rid)] += 1
            if fired and args.show_fp:
                print(f"  {kind:9} {','.join(fired)}: {text[:160]!r}")
    for kind in ("with", "with-line", "truth"):
        lines = sum(1 for k, _, _, f in hits if k == kind and f)
        print(f"{kind:10} {lines:4d} of {total[kind]:5d} lines hit")
    for (kind, rid), n in sorted(fp.items()):
        print(f"  {kind:10} {rid:45} {n}")

    print("\n## Coverage of boilerplate")
    print(f"{'kind':14} {'lang':5} {'caught':>7} {'of':>5} {'share':>6}")
    groups = collections.defaultdict(lambda: [0, 0])
    for kind, lang, text, fired in hits:
        if kind.startswith(("without", "seed:")):
            key = (kind, lang) if kind.startswith("without") else ("seed", kind[5:])
            groups[key][1] += 1
            groups[key][0] += bool(fired)
            all_key = (kind, "all") if kind.startswith("without") else ("seed", "all")
            groups[all_key][1] += 1
            groups[all_key][0] += bool(fired)
    for (kind, lang), (caught, n) in sorted(groups.items()):
        print(f"{kind:14} {lang:5} {caught:7d} {n:5d} {caught / n:6.1%}")

    cats = collections.Counter()
    for kind, _, _, fired in hits:
        if kind == "without-line" and fired:
            cats[fired[0].split(".")[1]] += 1
    print("without-line hits by category of the first firing rule:", dict(cats.most_common()))

    if args.missed:
        print(f"\n## Uncaught boilerplate ({args.missed})")
        for kind, lang, text, fired in hits:
            if kind.startswith(("without", "seed:")) and not fired and lang == args.missed:
                print(f"  {kind:12} {text[:160]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
