"""Clean a folder of JSONL shards with cleaner inside a datatrove pipeline, on this machine.

Each input line is a JSON object with a ``text`` and an ``id`` (datatrove's default keys;
see ``--text-key``/``--id-key``); files may be gzip- or zstd-compressed.  Output: one JSONL
shard per task in OUTPUT, documents left empty in OUTPUT/../excluded, the run's logs and
stats in OUTPUT/../logs.

    python3 examples/datatrove_local.py --demo /tmp/cleaner-demo          # makes its own input
    python3 examples/datatrove_local.py pages/ clean/ --tasks 8 --workers 2 --preset precision
    python3 examples/datatrove_local.py pages/ stories/ --mode split --language en

Needs ``pip install 'cleaner[datatrove]'``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner.integrations.datatrove import CleanerStep

DEMO_PAGES = [
    "Home | News | Sport | Weather\nShare this article\n\n"
    "The city council approved a new budget on Monday after a long debate about the cost of "
    "repairing the old bridge over the river.\n\n"
    "Officials said the work would begin in the spring and that traffic would be sent along the "
    "northern road while the crews were on site.\n\nSign up for our newsletter\nPrivacy policy",
    "Follow us\n\nA small museum in the hills has reopened its doors to visitors after a two year "
    "closure that was caused by a leak in the roof.\n\nThe curators said they had used the time "
    "to clean the paintings and to write new labels for every room of the old house.\n\n"
    "Related stories\nCookie settings",
    "Share\nTweet\nEmail",
]


def build_pipeline(input_dir: str, output_dir: str, excluded_dir: str | None = None,
                   mode: str = "clean", preset: str | None = None, text_key: str = "text",
                   id_key: str = "id", compression: str | None = "gzip", **overrides) -> list:
    """Reader -> CleanerStep -> writer; ``overrides`` are cleaner options (language, ...)."""
    excluded = (JsonlWriter(excluded_dir, output_filename="${rank}.jsonl", compression=compression)
                if excluded_dir else None)
    return [
        JsonlReader(input_dir, text_key=text_key, id_key=id_key),
        CleanerStep(mode, preset, exclusion_writer=excluded, **overrides),
        JsonlWriter(output_dir, output_filename="${rank}.jsonl", compression=compression),
    ]


def write_demo_input(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for n, text in enumerate(DEMO_PAGES):
        with open(folder / f"part-{n:02d}.jsonl", "w", encoding="utf-8") as out:
            out.write(json.dumps({"id": f"page-{n}", "text": text}) + "\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", nargs="?", help="folder of JSONL shards")
    parser.add_argument("output", nargs="?", help="folder for the cleaned shards")
    parser.add_argument("--demo", metavar="DIR", help="write a few sample pages to DIR/input and clean them")
    parser.add_argument("--mode", choices=["clean", "split"], default="clean")
    parser.add_argument("--preset", choices=["balanced", "precision", "recall"])
    parser.add_argument("--language", help="force the language (ISO 639-1) instead of guessing it")
    parser.add_argument("--disable", action="append", default=[], metavar="RULE",
                        help="rule id or prefix ending in '.' that never fires (repeatable)")
    parser.add_argument("--tasks", type=int, default=4, help="input files are dealt to this many tasks")
    parser.add_argument("--workers", type=int, default=2, help="tasks running at once")
    parser.add_argument("--text-key", default="text")
    parser.add_argument("--id-key", default="id")
    args = parser.parse_args(argv)

    if args.demo:
        root = Path(args.demo)
        write_demo_input(root / "input")
        input_dir, output_dir = str(root / "input"), str(root / "output")
    elif args.input and args.output:
        input_dir, output_dir = args.input, args.output
    else:
        parser.error("give INPUT and OUTPUT folders, or --demo DIR")
    base = Path(output_dir).resolve().parent
    overrides = {"disabled_rules": args.disable} if args.disable else {}
    if args.language:
        overrides["language"] = args.language
    LocalPipelineExecutor(
        build_pipeline(input_dir, output_dir, str(base / "excluded"), args.mode, args.preset,
                       args.text_key, args.id_key, compression=None if args.demo else "gzip",
                       **overrides),
        tasks=args.tasks, workers=args.workers, logging_dir=str(base / "logs"),
    ).run()
    if args.demo:
        for path in sorted(Path(output_dir).glob("*.jsonl")):
            for line in path.read_text(encoding="utf-8").splitlines():
                doc = json.loads(line)
                removed = {k: v for k, v in doc["metadata"]["cleaner"]["removed"].items() if v}
                print(f"{doc['id']}: {len(doc['text'])} chars kept; removed {removed}")


if __name__ == "__main__":
    main()
