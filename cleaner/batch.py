"""Batch processing behind the command line: inputs -> tasks -> ordered results.

A *task* is one document: a whole file (read by the worker from its path), standard input,
or one line of a JSONL file (raw bytes, decoded and parsed by the worker so that the
parent process only reads and writes).  `process_task` runs the pipeline on a task and
renders the command's output for it as bytes; a bad record becomes a `TaskResult` with an
error message instead of an exception, so a run never stops on one bad document.

`run_tasks` maps `process_task` over the tasks in input order.  With one job it runs in
this process; with more it groups tasks into batches of bounded size and keeps at most a
few batches in flight in a process pool, so memory stays bounded whatever the input size
(a JSONL file is read line by line, never whole).
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import re
import signal
from collections import Counter, deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .binary import BinaryInput, binary_kind
from .extracted import tallied
from .inputs import UsageError, looks_like_jsonl
from .options import Options
from .pipeline import analyze
from .types import trail_text

#: A batch holds at most this many tasks ...
BATCH_TASKS = 64
#: ... or this many input bytes (whichever is reached first).
BATCH_BYTES = 256 << 10
#: Batches in flight per worker process.
IN_FLIGHT_PER_JOB = 2

#: Field added to a record that failed (``--on-error pass``).
ERROR_FIELD = "cleaner_error"
#: Field holding the raw line of a record that could not be parsed as a JSON object.
INPUT_FIELD = "cleaner_input"

STDIN = "<stdin>"
#: Fields `split` writes for each story, beside the story text (`Job.output_field`).
STORY_FIELDS = ("index", "title", "kind", "span")
#: What is said of a document for which a command writes nothing (no story to split, no
#: line to explain), so that every record is in the output or named on standard error.
NOTHING_WRITTEN = {"split": "no story: no object written",
                   "explain": "no line: no row written"}
#: Why a document read whole that is JSON Lines is not cleaned as one page.
JSONL_UNASKED = ("is JSON Lines (a JSON object a line): give --jsonl to clean each record, "
                 "or --no-jsonl to read it as one document")


@dataclass(frozen=True)
class Job:
    """What to do with every task; the same for the whole run (pickled to workers)."""

    command: str  # "clean", "split" or "explain"
    options: Options
    jsonl: bool = False  # tasks are JSONL records
    field: str = "text"  # JSONL: the field holding the document
    output_field: str = "text"  # JSONL: where the result goes
    output_format: str = "text"  # clean: "text" or "jsonl"
    on_error: str = "skip"  # "skip" or "pass"
    columns: tuple[str, ...] = ("label", "rule", "reason", "text")  # explain
    sniff_jsonl: bool = False  # a document read whole that is JSON Lines fails (no --no-jsonl)

    def __post_init__(self) -> None:
        if self.on_error == "pass" and self.output_format != "jsonl":
            raise UsageError("--on-error pass writes a failed record as JSON Lines: give "
                             "--format jsonl, or leave failed records out (--on-error skip)")


@dataclass(frozen=True)
class Task:
    """One document: ``data`` (bytes already read) or ``path`` (read by the worker)."""

    source: str  # display name: a path or STDIN
    lineno: int | None = None  # JSONL: 1-based line number
    data: bytes | None = None
    path: str | None = None
    size: int = 0  # input bytes, for progress and throughput
    error: str | None = None  # the input could not be read (reported as a failed task)

    @property
    def where(self) -> str:
        return self.source if self.lineno is None else f"{self.source}:{self.lineno}"


@dataclass
class Stats:
    """Counts for the end-of-run summary."""

    documents: int = 0
    failed: int = 0
    unreadable: int = 0  # inputs that could not be read (also counted as failed)
    binary: int = 0  # binary inputs skipped (not counted as failed)
    empty: int = 0  # documents with no text kept
    bytes_in: int = 0
    lines_kept: int = 0
    dropped: Counter = field(default_factory=Counter)  # category -> lines

    def add(self, other: "Stats") -> None:
        self.documents += other.documents
        self.failed += other.failed
        self.unreadable += other.unreadable
        self.binary += other.binary
        self.empty += other.empty
        self.bytes_in += other.bytes_in
        self.lines_kept += other.lines_kept
        self.dropped.update(other.dropped)


@dataclass
class TaskResult:
    """The rendered output of one task (``None``: nothing to write) and its counts."""

    output: bytes | None
    stats: Stats
    error: str | None = None  # "where: message" for standard error: a failure, a skip, nothing written
    #: Said once per run on standard error, however many records give it (`replaced_fields`).
    notice: str | None = None


class RecordError(ValueError):
    """A task whose input cannot be processed (bad JSON, missing field, unreadable file).

    ``record`` is the parsed JSON object when the line was one (passed through with an
    error field under ``--on-error pass``); ``unreadable`` says the input could not be
    read at all."""

    def __init__(self, message: str, record: dict | None = None, unreadable: bool = False):
        super().__init__(message)
        self.record = record
        self.unreadable = unreadable


# --------------------------------------------------------------------------- reading


def read_path(path: str) -> bytes:
    """The bytes of a file; ``.gz`` files are decompressed."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as fh:
        return fh.read()


def open_lines(path: str):
    """A binary line iterator over a file (``.gz`` decompressed)."""
    return gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb")


def file_tasks(paths: Iterable[str], stdin) -> Iterator[Task]:
    """One task per input file; ``-`` is standard input (read here, in the parent)."""
    for path in paths:
        if path == "-":
            data = stdin.read()
            yield Task(STDIN, data=data, size=len(data))
        else:
            try:
                size = os.stat(path).st_size
            except OSError:
                size = 0
            yield Task(path, path=path, size=size)


def jsonl_tasks(paths: Iterable[str], stdin) -> Iterator[Task]:
    """One task per non-blank line of each JSONL input.

    A file that cannot be read (or a truncated ``.gz``) becomes a task carrying the error,
    and the run goes on with the next input.
    """
    for path in paths:
        source = STDIN if path == "-" else path
        lineno = 0
        try:
            fh = stdin if path == "-" else open_lines(path)
            try:
                for lineno, line in enumerate(fh, 1):
                    if line.strip():
                        yield Task(source, lineno=lineno, data=line, size=len(line))
            finally:
                if fh is not stdin:
                    fh.close()
        except (OSError, EOFError) as exc:
            yield Task(source, lineno=lineno + 1 if lineno else None,
                       error=f"cannot read: {_os_message(exc)}")


def _os_message(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror[:1].lower() + exc.strerror[1:]
    return str(exc) or type(exc).__name__


# --------------------------------------------------------------------------- processing


def _json_type(value: object) -> str:
    return {
        dict: "an object", list: "an array", str: "a string", bool: "a boolean",
        int: "a number", float: "a number", type(None): "null",
    }.get(type(value), type(value).__name__)


#: A record missing its document field is reported with the names of at most this many of
#: its fields (a misspelt ``--field`` shows at once).
SHOWN_FIELDS = 8


def _field_names(record: dict) -> str:
    """The names of ``record``'s first `SHOWN_FIELDS` fields, for a report."""
    names = [json.dumps(name, ensure_ascii=False) for name in itertools.islice(record, SHOWN_FIELDS)]
    more = len(record) - len(names)
    return (", ".join(names) + (f" and {more} more" if more else "")) or "none"


def parse_record(data: bytes, field_name: str, first: bool = False) -> tuple[dict, str]:
    """The record and its document field, or `RecordError` saying what is wrong."""
    try:
        line = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte {exc.start + 1} of the line)") from None
    if first:
        line = line.lstrip("\ufeff")
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg.removesuffix(' at')} at column {exc.colno}") from None
    except (RecursionError, ValueError) as exc:
        raise RecordError(f"invalid JSON: {exc}") from None
    if not isinstance(record, dict):
        raise RecordError(f"expected a JSON object, got {_json_type(record)}")
    if field_name not in record:
        raise RecordError(f"missing field {field_name!r} (fields: {_field_names(record)})", record)
    value = record[field_name]
    if not isinstance(value, str):
        raise RecordError(f"field {field_name!r} is {_json_type(value)}, not a string", record)
    return record, value


def dump_json(obj: dict) -> bytes:
    """One JSONL line; strings with lone surrogates fall back to ASCII escapes."""
    try:
        return (json.dumps(obj, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj) + "\n").encode("ascii")


def _count(analysis, command: str) -> Stats:
    stats = Stats(documents=1)
    if command == "clean":
        for v in tallied(analysis.verdicts):
            if v.output:
                stats.lines_kept += 1
            else:
                stats.dropped[v.why] += 1
        stats.empty = int(not analysis.text)
    else:
        for v in tallied(analysis.verdicts):
            if v.final.keep:
                stats.lines_kept += 1
            else:
                stats.dropped[v.final.category] += 1
        stats.empty = int(not analysis.articles)
    return stats


def _tsv_cell(value: str, last: bool) -> str:
    return value if last else value.replace("\t", " ")


#: How each `explain` column is read from a verdict.
_EXPLAIN_CELLS = {
    "line": lambda v: str(v.line.index + 1),
    "rule": lambda v: v.final.rule,
    "category": lambda v: "" if v.line.blank else v.final.category,
    "stage": lambda v: v.final.stage,
    "keep": lambda v: str(int(v.final.keep)),
    "initial": lambda v: v.initial.rule,
    "reason": lambda v: "" if v.line.blank else v.final.reason,
    "why": lambda v: "" if v.line.blank else v.why,
    "trail": lambda v: "" if v.line.blank else trail_text(v),
    "text": lambda v: v.line.raw,
}


def explain_rows(analysis, columns: tuple[str, ...], where: str) -> list[str]:
    """One tab-separated row per line of the analysed text.

    Columns: source, line (1-based), label (corpus label syntax), rule, category, stage,
    keep (1/0), initial (stage-1 rule), reason, why (why the line is not in `clean`'s
    output: its category, or ``story`` for a line of another story; empty when it is),
    trail (every decision of the line, ``stage:rule`` joined by `` > ``), text (the raw
    line, unchanged).
    """
    unknown = set(columns) - set(_EXPLAIN_CELLS) - {"source", "label"}
    if unknown:
        raise ValueError(f"unknown column {sorted(unknown)[0]!r}")
    rows = []
    last = len(columns) - 1
    for v, label in zip(analysis.verdicts, analysis.labels()):
        cells = []
        for i, col in enumerate(columns):
            if col == "source":
                value = where
            elif col == "label":
                value = label
            else:
                value = _EXPLAIN_CELLS[col](v)
            cells.append(_tsv_cell(value, i == last))
        rows.append("\t".join(cells) + "\n")
    return rows


EXPLAIN_COLUMNS = ("source", "line", "label", "rule", "category", "stage", "keep",
                   "initial", "reason", "why", "trail", "text")


_SURROGATE = re.compile("[\ud800-\udfff]")


def utf8(text: str) -> bytes:
    """``text`` as UTF-8 for text output; a lone surrogate (a JSON escape can make one)
    becomes U+FFFD, the character that says one was lost, not a '?' that reads as text."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text).encode("utf-8")


def _render(job: Job, analysis, task: Task, record: dict | None) -> bytes | None:
    if job.command == "clean":
        text = analysis.text
        if job.output_format == "text":
            return utf8(text + "\n") if text else b""
        if record is not None:
            return dump_json({**record, job.output_field: text})
        return dump_json({"source": task.source, job.output_field: text})
    if job.command == "split":
        out = []
        for a in analysis.articles:
            fields = dict(zip(STORY_FIELDS, (a.index, a.title, a.kind, list(a.span))))
            fields[job.output_field] = a.text
            obj = {**record, **fields} if record is not None else {"source": task.source, **fields}
            out.append(dump_json(obj))
        return b"".join(out)
    if job.output_format == "html":
        name = os.path.basename(task.source).split(".")[0] or "document"
        return utf8(analysis.to_html(name))
    rows = explain_rows(analysis, job.columns, task.where)
    return utf8("".join(rows))


def _failed(job: Job, task: Task, message: str, record: dict | None, raw: bytes | None,
            unreadable: bool = False) -> TaskResult:
    stats = Stats(documents=1, failed=1, unreadable=int(unreadable), bytes_in=task.size)
    output = None
    if job.on_error == "pass":  # JSON Lines output (`Job` checks)
        if record is not None:
            output = dump_json({**record, ERROR_FIELD: message})
        elif raw is not None:
            output = dump_json({ERROR_FIELD: message,
                                INPUT_FIELD: raw.decode("utf-8", "replace").rstrip("\r\n")})
        else:
            output = dump_json({"source": task.source, ERROR_FIELD: message})
    return TaskResult(output, stats, f"{task.where}: {message}")


def process_task(job: Job, task: Task) -> TaskResult:
    """Run the pipeline on one task; never raises for a bad document."""
    record = None
    try:
        if task.error is not None:
            raise RecordError(task.error, unreadable=True)
        if job.jsonl:
            record, document = parse_record(task.data, job.field, first=task.lineno == 1)
        else:
            if task.path is not None:
                try:
                    document = read_path(task.path)
                except (OSError, EOFError) as exc:
                    raise RecordError(f"cannot read: {_os_message(exc)}", unreadable=True) from None
            else:
                document = task.data
            # binary bytes are skipped (below) even when their first lines are JSON
            if job.sniff_jsonl and looks_like_jsonl(document) and binary_kind(document) is None:
                raise RecordError(JSONL_UNASKED)
        analysis = analyze(document, job.options)
    except BinaryInput as exc:
        return TaskResult(None, Stats(documents=1, binary=1, bytes_in=task.size),
                          f"{task.where}: skipped: binary input ({exc.kind})")
    except RecordError as exc:
        record = exc.record
        raw = task.data if job.jsonl and record is None and task.data is not None else None
        return _failed(job, task, str(exc), record, raw, exc.unreadable)
    except Exception as exc:  # a bug in the pipeline, a core panic too (CoreError), fails
        # its document alone; only what is no Exception (Ctrl-C, an exit) stops the run
        return _failed(job, task, f"cleaner failed: {type(exc).__name__}: {exc}", record, None)
    stats = _count(analysis, job.command)
    stats.bytes_in = task.size
    output = _render(job, analysis, task, record)
    notice = replaced_fields(job, record) if output else None
    if not output and job.command in NOTHING_WRITTEN:
        return TaskResult(output, stats, f"{task.where}: {NOTHING_WRITTEN[job.command]}")
    return TaskResult(output, stats, notice=notice)


def replaced_fields(job: Job, record: dict | None) -> str | None:
    """What the output replaces of ``record``'s own fields, other than the document field
    (`split`'s story fields, an ``--output-field`` the record already has), or None: the
    record's value is not written, and the command line says so once."""
    if record is None or job.output_format != "jsonl":
        return None
    written = (STORY_FIELDS if job.command == "split" else ()) + (job.output_field,)
    replaced = [name for name in written if name in record and name != job.field]
    if not replaced:
        return None
    names = ("field " if len(replaced) == 1 else "fields ") + ", ".join(map(repr, replaced))
    by = "each story's" if job.command == "split" else "the clean text"
    return (f"the records' own {names} {'is' if len(replaced) == 1 else 'are'} replaced in "
            f"the output by {by}")


def process_batch(job: Job, batch: list[Task]) -> list[TaskResult]:
    """`process_task` of each task of ``batch``, in order (what a worker runs)."""
    return [process_task(job, task) for task in batch]


# --------------------------------------------------------------------------- scheduling


def batches(tasks: Iterable[Task], max_tasks: int = BATCH_TASKS,
            max_bytes: int = BATCH_BYTES) -> Iterator[list[Task]]:
    """Group tasks into lists of at most ``max_tasks`` tasks or about ``max_bytes``."""
    batch: list[Task] = []
    size = 0
    for task in tasks:
        batch.append(task)
        size += task.size
        if len(batch) >= max_tasks or size >= max_bytes:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _warm_up() -> None:
    """Load what the pipeline loads lazily (catalogue, stoplists) before the first document."""
    analyze("The committee met on Tuesday to discuss the plan for the new year.")


def _ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class WorkerPool:
    """An ordered, bounded parallel map of `process_batch` over batches of tasks."""

    def __init__(self, jobs: int):
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        self.executor = ProcessPoolExecutor(max_workers=jobs, initializer=_ignore_sigint)
        # The first submission starts the workers (all of them, with the fork start
        # method): do it now, before the caller starts any thread of its own.
        self.executor.submit(_warm_up)

    def map(self, job: Job, tasks: Iterable[Task]) -> Iterator[list[TaskResult]]:
        pending: deque = deque()
        limit = self.jobs * IN_FLIGHT_PER_JOB
        for batch in batches(tasks):
            pending.append(self.executor.submit(process_batch, job, batch))
            while len(pending) >= limit or (pending and pending[0].done()):
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()

    def close(self, cancel: bool = False) -> None:
        """Stop the pool; with ``cancel`` the workers are killed at once."""
        if not cancel:
            self.executor.shutdown(wait=True)
            return
        import multiprocessing

        self.executor.shutdown(wait=False, cancel_futures=True)
        workers = multiprocessing.active_children()  # the pool's processes, started here
        for proc in workers:
            proc.terminate()
        for proc in workers:
            proc.join(timeout=5)


def run_tasks(job: Job, tasks: Iterable[Task], pool: WorkerPool | None) -> Iterator[list[TaskResult]]:
    """Results in input order: one list per task (no pool) or per batch (pool)."""
    if pool is None:
        for task in tasks:
            yield [process_task(job, task)]
    else:
        yield from pool.map(job, tasks)
