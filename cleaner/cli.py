"""The ``cleaner`` command: clean, split and explain documents in bulk; list the rules.

    cleaner clean page.html                      # clean text on stdout
    cleaner clean --jsonl --field html crawl.jsonl -o clean.jsonl --jobs 4
    cleaner split dump.txt                       # JSONL, one object per story
    cleaner explain dump.txt                     # label, rule, reason, line (TSV)
    cleaner rules --language en --category share

Inputs are files, directories (searched recursively, ``--glob`` picks the files) or
standard input (``-`` or no input at all); ``.gz`` files are decompressed.  Results go to
standard output or ``-o FILE`` in input order, flushed as they are made; progress and a
summary go to standard error.  Exit status: 0 all documents processed, 1 some failed
(each reported on standard error with its line number), 2 usage error or an input that
could not be read (the others are processed), 130 interrupted.  The sub-commands and
their options are declared in `cleaner.arguments`.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import warnings

from .arguments import DEFAULT_COLUMNS, DEFAULT_SEPARATOR, build_parser
from .batch import (EXPLAIN_COLUMNS, STORY_FIELDS, Job, Stats, WorkerPool, file_tasks,
                    jsonl_tasks, run_tasks)
from .catalogue import load_rules
from .inputs import UsageError, check_terminal, expand_inputs, jsonl_mode
from .options import DEFAULTS, Options
from .registry import code_rules
from .validate import iso_code

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
#: An input could not be read (missing, unreadable): the others were processed.
EXIT_UNREADABLE = 2


# --------------------------------------------------------------------------- inputs


def _parse_value(raw: str, default: object) -> object:
    """A ``--set`` value as the type of the option's ``default`` when it reads as one, else
    the string as given: `Options.make` then refuses it with the API's message."""
    if isinstance(default, bool):
        return _BOOLEANS.get(raw.lower(), raw)
    for kind in (int, float):
        if isinstance(default, kind):
            try:
                return kind(raw)
            except ValueError:
                return raw
    if isinstance(default, frozenset):
        return frozenset(x for x in raw.split(",") if x)
    if default is None and raw.lower() in ("", "none"):
        return None
    return raw


#: How ``--set`` spells True and False.
_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True,
             "0": False, "false": False, "no": False, "off": False}


def _made(flag: str, base: "Options | str", **overrides) -> Options:
    """`Options.make`; its refusal is a `UsageError` with the API's message, named by the
    flag that gave the value."""
    try:
        return Options.make(base, **overrides)
    except (TypeError, ValueError) as exc:
        raise UsageError(f"{flag}: {exc}") from None


def make_options(args: argparse.Namespace) -> Options:
    """The run's `Options`: every value is checked by `Options.make`, as the API checks it."""
    options = _made("--html", _made("--preset", args.preset), html=args.html)
    settings: dict[str, object] = {}
    for item in args.settings:
        key, sep, raw = item.partition("=")
        key = key.strip().replace("-", "_")
        if not sep or not key:
            raise UsageError(f"--set expects KEY=VALUE, not {item!r}")
        if key == "preset":
            raise UsageError("--set: preset is not an option: give it as --preset NAME")
        settings[key] = _parse_value(raw.strip(), DEFAULTS.get(key))
    options = _made("--set", options, **settings)
    disabled = [r.strip() for item in args.disable for r in item.split(",") if r.strip()]
    if disabled:
        options = _made("--disable", options, disabled_rules=options.disabled_rules | frozenset(disabled))
    if args.language is None:
        return options
    return _made("--language", options, language=args.language)


def _checked_options(args: argparse.Namespace) -> Options:
    """`make_options`, its warnings (a language without stopwords) said in one line each,
    once (``--set language=xh --language xh`` gives the same language twice)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        options = make_options(args)
    for message in dict.fromkeys(str(w.message) for w in caught):
        print(f"cleaner: warning: {message}", file=sys.stderr)
    return options


def _check_output_flags(args: argparse.Namespace, output_format: str) -> None:
    """`UsageError` for a flag of ``clean`` that the output format leaves with nothing to
    do: a flag that does nothing is refused, not ignored."""
    if output_format == "text" and args.output_field:
        raise UsageError("--output-field names a field of JSON Lines output, and the output "
                         "is text: give --format jsonl, or leave --output-field out")
    if output_format == "jsonl" and args.separator is not None:
        raise UsageError("--separator goes between the documents of text output, and the "
                         "output is JSON Lines: give --format text, or leave --separator out")


def make_job(args: argparse.Namespace, paths: list[str]) -> Job:
    """The `Job` a document command (clean, split, explain) runs on ``paths``, from its
    parsed ``args``: options checked, JSON Lines or not, fields, output format and the
    columns of ``explain``; a `UsageError` for flags that do not go together."""
    if args.progress and args.quiet:
        raise UsageError("--progress shows a bar that --quiet turns off: give one of them")
    options = _checked_options(args)
    jsonl = jsonl_mode(args.jsonl, paths)
    given_output_field = getattr(args, "output_field", None)
    if not jsonl and (args.field or given_output_field):
        flag = "--field" if args.field else "--output-field"
        raise UsageError(f"{flag} applies to JSON Lines input only: give --jsonl, or name "
                         "the input files *.jsonl")
    field = args.field or "text"
    output_field = given_output_field or field
    if args.command == "split" and output_field in STORY_FIELDS:
        raise UsageError(f"split writes each story's {output_field!r} itself: give "
                         "--output-field another name for the story text")
    if args.command == "clean":
        output_format = args.output_format or ("jsonl" if jsonl else "text")
        _check_output_flags(args, output_format)
    elif args.command == "explain":
        output_format = args.output_format
        if output_format == "html" and (jsonl or len(paths) != 1):
            raise UsageError("--format html writes one page for one document: give one "
                             "input file (or standard input), not JSON Lines")
        if output_format == "html" and args.columns:
            raise UsageError("--columns applies to --format tsv only")
    else:
        output_format = "jsonl"
    on_error = getattr(args, "on_error", "skip")
    columns = DEFAULT_COLUMNS
    if args.command == "explain":
        if args.columns:
            columns = tuple(c.strip() for c in args.columns.split(",") if c.strip())
            unknown = [c for c in columns if c not in EXPLAIN_COLUMNS]
            if unknown or not columns:
                raise UsageError(f"--columns: unknown column {', '.join(unknown) or '(none)'}; "
                                 f"choose from {','.join(EXPLAIN_COLUMNS)}")
        elif jsonl or len(paths) > 1:
            columns = ("source",) + DEFAULT_COLUMNS
    return Job(
        command=args.command, options=options, jsonl=jsonl, field=field,
        output_field=output_field, output_format=output_format,
        on_error=on_error, columns=columns, sniff_jsonl=args.jsonl is None and not jsonl,
    )


# --------------------------------------------------------------------------- reporting


def _size(n: int) -> str:
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= scale:
            return f"{n / scale:.1f} {unit}"
    return f"{n} B"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def summary_lines(stats: Stats, seconds: float, interrupted: bool) -> list[str]:
    """The summary a run writes to standard error: documents read (failed, skipped as
    binary, with no text), their size and speed over ``seconds``, lines kept and dropped
    per category."""
    seconds = max(seconds, 1e-9)
    unread = f" ({stats.unreadable:,} not readable)" if stats.unreadable else ""  # of the failed
    binary = f", {stats.binary:,} binary skipped" if stats.binary else ""
    head = (f"{_plural(stats.documents, 'document')} ({stats.failed:,} failed{unread}{binary}, "
            f"{stats.empty:,} with no text), {_size(stats.bytes_in)} in {seconds:.1f} s: "
            f"{stats.documents / seconds:,.1f} docs/s, {stats.bytes_in / 1e6 / seconds:.2f} MB/s")
    if interrupted:
        head = "interrupted after " + head
    dropped = sum(stats.dropped.values())
    parts = ", ".join(f"{cat} {n:,}" for cat, n in stats.dropped.most_common())
    lines = f"lines kept {stats.lines_kept:,}, dropped {dropped:,}" + (f": {parts}" if parts else "")
    return [f"cleaner: {head}", f"cleaner: {lines}"]


class Progress:
    """A tqdm bar over input bytes on standard error (a no-op when off)."""

    def __init__(self, enabled: bool, total: int | None):
        self.bar = None
        if not enabled:
            return
        from tqdm import tqdm  # imported by a run that shows a bar only

        self.bar = tqdm(total=total or None, unit="B", unit_scale=True, unit_divisor=1000,
                        file=sys.stderr, dynamic_ncols=True, leave=False, mininterval=0.5)

    def update(self, nbytes: int, docs: int) -> None:
        if self.bar is not None:
            self.bar.update(nbytes)
            self.bar.set_postfix_str(f"{docs:,} docs", refresh=False)

    def write(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            print(message, file=sys.stderr, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
            self.bar = None


class InterruptGuard:
    """Ctrl-C raises `KeyboardInterrupt` at once, except while a batch of results is being
    written: then it is held until the batch is complete and flushed, so an interrupted
    run never leaves half a record behind."""

    def __init__(self):
        self.writing = False
        self.pending = False
        self.previous = None

    def _handler(self, signum, frame):
        if self.writing:
            self.pending = True
        else:
            raise KeyboardInterrupt

    def __enter__(self):
        import signal
        import threading

        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGINT, self._handler)
        return self

    def __exit__(self, *exc):
        import signal

        if self.previous is not None:
            signal.signal(signal.SIGINT, self.previous)
        return False

    def begin_write(self) -> None:
        self.writing = True

    def end_write(self) -> None:
        self.writing = False
        if self.pending:
            self.pending = False
            raise KeyboardInterrupt


# --------------------------------------------------------------------------- commands


def _open_output(path: str | None, inputs: list[str] = ()):
    if path is None or path == "-":
        return sys.stdout.buffer, False
    target = os.path.realpath(path)
    if any(p != "-" and os.path.realpath(p) == target for p in inputs):
        raise UsageError(f"{path}: output file is also an input")
    try:
        return open(path, "wb"), True
    except OSError as exc:
        raise UsageError(f"{path}: cannot write: {exc.strerror or exc}") from None


def _close_output(out, close_out: bool) -> None:
    try:
        out.flush()
    except (BrokenPipeError, OSError):
        pass
    if close_out:
        out.close()


def _silence_stdout() -> None:
    """Nothing reads our output any more: point standard output at the null device, so
    leaving is quiet, as a killed `cat` would be."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def _worker_count(jobs: int) -> int:
    if jobs < 0:
        raise UsageError("--jobs must be 0 (one per CPU) or more")
    return jobs if jobs > 0 else (os.cpu_count() or 1)


def _text_separator(args: argparse.Namespace, job: Job) -> bytes | None:
    """The line between documents of ``clean``'s text output; None for other outputs."""
    if job.command == "clean" and job.output_format == "text":
        given = args.separator
        return ((DEFAULT_SEPARATOR if given is None else given) + "\n").encode("utf-8")
    return None


def _input_size(paths: list[str], jsonl: bool) -> int | None:
    """Total bytes the progress bar counts towards; None when it cannot be known (standard
    input, compressed JSON Lines)."""
    if "-" in paths or any(p.endswith(".gz") for p in paths if jsonl):
        return None
    return sum(os.path.getsize(p) for p in paths if os.path.isfile(p))


def _write_results(batches, out, separator: bytes | None, stats: Stats,
                   progress: Progress) -> None:
    """Write every batch of results in order, each one whole and flushed; errors go to
    standard error, counts to `stats`."""
    written = False
    noticed: set[str] = set()
    with InterruptGuard() as guard:
        for results in batches:
            guard.begin_write()
            nbytes = 0
            for result in results:
                stats.add(result.stats)
                nbytes += result.stats.bytes_in
                if result.error:
                    progress.write(f"cleaner: {result.error}")
                if result.notice and result.notice not in noticed:  # once a run
                    noticed.add(result.notice)
                    progress.write(f"cleaner: warning: {result.notice}")
                if result.output is None:
                    continue
                if separator is not None:
                    if written:
                        out.write(separator)
                    written = True
                out.write(result.output)
            out.flush()
            guard.end_write()
            progress.update(nbytes, stats.documents)


def run_documents(args: argparse.Namespace) -> int:
    """Run a document command (clean, split, explain) over its inputs, in order, on
    ``--jobs`` workers; the exit status."""
    check_terminal(args.inputs, sys.stdin)
    paths = expand_inputs(args.inputs, args.glob)
    job = make_job(args, paths)
    jobs = _worker_count(args.jobs)
    separator = _text_separator(args, job)

    out, close_out = _open_output(args.output, paths)
    stdin = sys.stdin.buffer
    tasks = jsonl_tasks(paths, stdin) if job.jsonl else file_tasks(paths, stdin)
    pool = WorkerPool(jobs) if jobs > 1 else None  # started before any progress thread
    show = (args.progress if args.progress is not None else sys.stderr.isatty()) and not args.quiet
    progress = Progress(show, _input_size(paths, job.jsonl))

    stats = Stats()
    started = time.monotonic()
    interrupted = broken_pipe = False
    try:
        _write_results(run_tasks(job, tasks, pool), out, separator, stats, progress)
    except KeyboardInterrupt:
        interrupted = True
    except BrokenPipeError:
        _silence_stdout()
        broken_pipe = True
    finally:
        progress.close()
        if pool is not None:
            pool.close(cancel=interrupted or broken_pipe)
        _close_output(out, close_out)
    if broken_pipe:
        status = EXIT_BROKEN_PIPE
    else:
        if not args.quiet:
            for line in summary_lines(stats, time.monotonic() - started, interrupted):
                print(line, file=sys.stderr, flush=True)
        status = EXIT_INTERRUPTED if interrupted else _exit_status(stats)
    if pool is not None and (interrupted or broken_pipe):
        # The killed workers may have left the pool's queue threads blocked on half a
        # message; everything is written and flushed, so leave without joining them.
        sys.stderr.flush()
        os._exit(status)
    return status


def _exit_status(stats: Stats) -> int:
    """As grep: 2 when an input could not be read, 1 when a document failed, else 0."""
    if stats.unreadable:
        return EXIT_UNREADABLE
    return EXIT_FAILED if stats.failed else EXIT_OK


def _split_values(values: list[str] | None) -> set[str] | None:
    if not values:
        return None
    return {v.strip() for item in values for v in item.split(",") if v.strip()}


def rule_rows() -> list[dict]:
    """Every rule a decision can name: catalogue rules, then the built-in ones."""
    rows = []
    for rule in load_rules():
        guards = []
        if rule.min_words:
            guards.append(f"min_words={rule.min_words}")
        if rule.max_words is not None:
            guards.append(f"max_words={rule.max_words}")
        if rule.case_sensitive:
            guards.append("case_sensitive")
        rows.append({
            "id": rule.id, "language": rule.language, "category": rule.category,
            "kind": "pattern", "guards": " ".join(guards), "note": rule.note,
            "pattern": rule.pattern, "examples": list(rule.examples),
            "counterexamples": list(rule.counterexamples), "file": rule.source,
        })
    defaults = Options()
    for rule in code_rules():  # guards: the options the rule reads, at their defaults
        rows.append({"id": rule.id, "language": "*", "category": rule.category, "kind": "builtin",
                     "guards": " ".join(f"{name}={getattr(defaults, name)}" for name in rule.options),
                     "note": rule.description})
    return rows


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _check_filters(rows: list[dict], languages: set[str] | None,
                   categories: set[str] | None) -> None:
    """`UsageError` for a ``rules`` filter that names no language or category, as the
    document commands refuse them; an ISO 639-1 code without rules is no error."""
    known = sorted({r["language"] for r in rows})
    for code in sorted(languages or ()):
        if code not in known:
            try:
                iso_code(code)
            except ValueError as exc:
                raise UsageError(f"--language: {exc}; rules are listed for {', '.join(known)}") from None
    unknown = sorted((categories or set()) - {r["category"] for r in rows})
    if unknown:
        raise UsageError(f"--category: unknown category {unknown[0]!r}; categories: "
                         f"{', '.join(sorted({r['category'] for r in rows}))}")


def run_rules(args: argparse.Namespace) -> int:
    """``cleaner rules``: the registry's rules, filtered by ``--language`` and
    ``--category``, as a table, TSV or JSON Lines; the exit status."""
    languages = _split_values(args.language)
    if languages is not None:  # folded as the document commands fold --language
        languages = {code.lower() for code in languages}
    categories = _split_values(args.category)
    every = rule_rows()
    _check_filters(every, languages, categories)
    rows = [r for r in every
            if (languages is None or r["language"] in languages)
            and (categories is None or r["category"] in categories)]
    out, close_out = _open_output(args.output)
    try:
        if not rows:
            text = ""
        elif args.format == "jsonl":
            text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
        else:
            cols = ("id", "language", "category", "guards", "note")
            table = [[_one_line(str(r[c])) for c in cols] for r in rows]
            if args.format == "tsv":
                text = "".join("\t".join(line) + "\n" for line in [list(cols)] + table)
            else:
                header = [c.upper() for c in cols]
                widths = [max(len(x) for x in col) for col in zip(header, *table)]
                text = "".join(
                    "  ".join(cell.ljust(w) for cell, w in zip(line[:-1], widths)) + "  " + line[-1] + "\n"
                    for line in [header] + table
                )
        out.write(text.encode("utf-8"))
        out.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    finally:
        if close_out:
            out.close()
    if not rows:
        print("cleaner: no rule matches these filters", file=sys.stderr)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``cleaner`` console script; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on bad arguments
    try:
        if args.command == "rules":
            return run_rules(args)
        return run_documents(args)
    except UsageError as exc:
        print(f"cleaner: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
