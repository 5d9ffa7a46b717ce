"""The ``cleaner`` command's arguments: the parser of its sub-commands and their options.

`build_parser` declares the four sub-commands (``clean``, ``split``, ``explain``, ``rules``),
the options the three document commands share (inputs, input and output format, cleaning
options, running) and the ones only one of them has, with their help texts and defaults.
It only declares: turning the parsed arguments into `Options` and a `Job`, checking them
and running the command is `cleaner.cli`'s work.  ``--preset`` and ``--html`` list their
values but leave the check to `cleaner.Options.make`, so that a bad one is refused with
the API's message, as a bad ``--set``, ``--language`` or ``--disable`` is.
"""

from __future__ import annotations

import argparse

from . import __version__
from .batch import ERROR_FIELD, EXPLAIN_COLUMNS
from .options import PRESETS

DEFAULT_COLUMNS = ("label", "rule", "reason", "text")
#: Text output of several documents puts this line between them (a form feed, as
#: between pages of a printout); ``--separator`` changes it.
DEFAULT_SEPARATOR = "\f"


def _document_options(p: argparse.ArgumentParser, command: str) -> None:
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files or directories; '-' or nothing reads standard input")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.add_argument("--glob", action="append", metavar="PATTERN",
                   help="file-name pattern for files found in directories (repeatable; "
                        "default: every file; hidden files and directories are skipped)")

    fmt = p.add_argument_group("input and output format")
    fmt.add_argument("--jsonl", action=argparse.BooleanOptionalAction, default=None,
                     help="inputs are JSON Lines: one record per line, the document in --field "
                          "(default: when the inputs are named *.jsonl or *.jsonl.gz)")
    fmt.add_argument("--field", metavar="NAME",
                     help="JSONL field holding the document (default: text)")
    if command != "explain":
        fmt.add_argument("--output-field", metavar="NAME",
                         help="JSONL field the result is written to (default: the --field itself)")
    fmt.add_argument("--html", default="auto", metavar="{auto,always,never}",
                     help="treat documents as HTML: detected (auto, default), always, or never")
    if command == "clean":
        fmt.add_argument("--format", dest="output_format", choices=("text", "jsonl"),
                         help="text (default for plain inputs) or jsonl (default with --jsonl)")
        fmt.add_argument("--separator", metavar="LINE",
                         help="text output: line written between documents (default: form feed)")
    if command == "explain":
        fmt.add_argument("--format", dest="output_format", choices=("tsv", "html"),
                         default="tsv",
                         help="tsv (default), or html: one self-contained page picturing every "
                              "decision, with a download of the labels (one document only)")
        fmt.add_argument("--columns", metavar="LIST",
                         help=f"comma-separated columns out of {','.join(EXPLAIN_COLUMNS)} "
                              f"(default: {','.join(DEFAULT_COLUMNS)}, with source first when "
                              "there are several documents)")

    cfg = p.add_argument_group("cleaning options")
    cfg.add_argument("--preset", default="balanced", metavar="{" + ",".join(sorted(PRESETS)) + "}",
                     help="precision drops doubtful lines, recall keeps them (default: balanced)")
    cfg.add_argument("--language", metavar="CODE",
                     help="ISO 639-1 code of the documents' language (default: guessed per document)")
    cfg.add_argument("--disable", action="append", default=[], metavar="RULE",
                     help="rule id, or id prefix ending in '.', that must not fire (repeatable "
                          "or comma-separated; see `cleaner rules`)")
    cfg.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", dest="settings",
                     help="any other option, e.g. --set context_reach=3 (repeatable)")

    run = p.add_argument_group("running")
    run.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                     help="worker processes (default 1; 0 = one per CPU)")
    if command != "explain":
        run.add_argument("--on-error", choices=("skip", "pass"), default="skip",
                         help=f"a failed record is left out (skip, default) or written with a "
                              f"{ERROR_FIELD!r} field (JSON Lines output only: pass); reported "
                              "on standard error either way")
    run.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                     help="progress bar on standard error (default: when it is a terminal)")
    run.add_argument("-q", "--quiet", action="store_true",
                     help="no progress bar and no summary (errors are still reported, and "
                          "records written with nothing are still named)")


def build_parser() -> argparse.ArgumentParser:
    """The ``cleaner`` command's parser: its sub-commands and their options."""
    parser = argparse.ArgumentParser(
        prog="cleaner",
        description="Turn scraped web pages and text dumps into clean article text.",
        epilog="Run `cleaner COMMAND --help` for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    helps = {
        "clean": "the main story's text of each document",
        "split": "every story of each document, as JSON Lines "
                 "(index, title, kind, span, text)",
        "explain": "every line with its label, the rule that decided it and why (TSV)",
    }
    for name, text in helps.items():
        p = sub.add_parser(name, help=text, description=text[0].upper() + text[1:] + ".")
        _document_options(p, name)

    r = sub.add_parser("rules", help="list the rule catalogue",
                       description="List the rules a decision can name: pattern rules from the "
                                   "catalogue and the built-in feature and context rules.")
    r.add_argument("--language", action="append", metavar="CODE",
                   help="only rules of this catalogue language (e.g. en, common; '*' for the "
                        "built-in rules); repeatable or comma-separated")
    r.add_argument("--category", action="append", metavar="NAME",
                   help="only rules of this category (e.g. share, nav, boilerplate); "
                        "repeatable or comma-separated")
    r.add_argument("--format", choices=("table", "tsv", "jsonl"), default="table",
                   help="aligned table (default), TSV with a header, or JSON Lines with "
                        "patterns and examples")
    r.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    return parser
