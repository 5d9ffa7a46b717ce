"""Per-line storage that stays small on documents of a million lines.

A document's lines, their trails of decisions and its verdicts are kept as columns (arrays
of offsets and small integers) and the rich objects of `cleaner.types` — `Line`,
`Verdict` — are built when a caller reads them:

- `Lines`: where each line is in the source and where its normalised text is (a slice of
  the line in nearly every document); a `Line` is built on access, so the text of a line
  is not held twice.
- `Trails`: the layers the stages add to each line's trail, each distinct `Decision`
  held once (one shared instance per value, not one per line), each line's trail an index
  into a table of the distinct trails.
- `Verdicts`: the sequence `Analysis.verdicts`, a `Verdict` built per access from the
  columns.

>>> lines = Lines.of("Short Url\\n\\n  The minister arrived.\\u00a0")
>>> [line.text for line in lines], lines[2].start, lines[2].raw
(['Short Url', '', 'The minister arrived.'], 11, '  The minister arrived.\\xa0')
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from itertools import accumulate
from operator import is_

from . import _core
from .types import OTHER_STORY, Decision, Features, Line, Verdict

_new_tuple = tuple.__new__
#: Lines read per call of the compiled core by `cleaner.features.line_shapes` when the lines
#: are not `Lines` (whose texts the core reads from the source): the texts of this many
#: lines are held at once, not those of the whole document.
CHUNK_LINES = 4096


def int_column(data: bytes) -> array:
    """Native 64-bit integers packed in ``data`` (a column the compiled core returns)."""
    column = array("q")
    column.frombytes(data)
    return column


class _Columns(Sequence):
    """A sequence built item by item from columns: equal to any sequence of the same
    items, and hashable like a tuple of them."""

    __slots__ = ()

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self._item(k) for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index out of range")
        return self._item(i)

    def __iter__(self):
        return map(self._item, range(len(self)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({list(self)!r})"

    def _item(self, i: int):  # pragma: no cover - every subclass defines it
        raise NotImplementedError


class Lines(_Columns):
    """The lines of one source: ``source[start:end]`` of each, and its normalised text
    (``source[text_start:text_end]``, or the entry of ``changed`` when normalising did more
    than strip the ends).  `Lines.of` cuts a text (`cleaner._core.segment_columns`)."""

    __slots__ = ("source", "_starts", "_ends", "_text_starts", "_text_ends", "_changed")

    def __init__(self, source: str, starts: array, ends: array, text_starts: array,
                 text_ends: array, changed: dict[int, str]):
        self.source = source
        self._starts, self._ends = starts, ends
        self._text_starts, self._text_ends = text_starts, text_ends
        self._changed = changed

    @classmethod
    def of(cls, source: str) -> Lines:
        """The lines of ``source`` (`cleaner.segment.segment`)."""
        starts, ends, text_starts, text_ends, changed = _core.segment_columns(source)
        return cls(source, int_column(starts), int_column(ends), int_column(text_starts),
                   int_column(text_ends), changed)

    def __len__(self) -> int:
        return len(self._starts)

    def texts(self, start: int = 0, stop: int | None = None) -> list[str]:
        """The normalised text of every line (of lines ``start`` to ``stop``), in one pass
        (no `Line` built): what the stages that read only the text iterate."""
        starts, ends = self._text_starts[start:stop], self._text_ends[start:stop]
        out = list(map(self.source.__getitem__, map(slice, starts, ends)))
        changed = self._changed
        if len(changed) <= len(out):
            for i, text in changed.items():
                if start <= i < start + len(out):
                    out[i - start] = text
        else:  # more changed lines in the document than asked for: look each one up
            for k in range(len(out)):
                text = changed.get(start + k)
                if text is not None:
                    out[k] = text
        return out

    def text(self, i: int) -> str:
        """The normalised text of line ``i`` (no `Line` built)."""
        text = self._changed.get(i)
        return self.source[self._text_starts[i]:self._text_ends[i]] if text is None else text

    def columns(self) -> tuple[str, array, array, dict[int, str]]:
        """The source, the columns of where each normalised text starts and ends in it,
        and the texts that are not slices of it: what the compiled core reads a line's
        text from, handed over as one tuple (`cleaner._core.classify_lines`, `line_shapes`
        and `joined`; `cleaner.stories.evidence.Reader`)."""
        return self.source, self._text_starts, self._text_ends, self._changed

    def has_text(self) -> bytes:
        """Per line, 1 if its normalised text is not empty, else 0 (no text built; a
        line whose normalisation did more than strip its ends has text)."""
        flags = bytearray(map(int.__lt__, self._text_starts, self._text_ends))
        for i in self._changed:
            flags[i] = 1
        return bytes(flags)

    def shapes(self, params: dict) -> bytes:
        """`cleaner.features.shapes` of every line (``params`` as it passes them), read
        by the compiled core from the source and the columns: no string per line."""
        if not self._starts:  # (an empty array's buffer may not be aligned for i64)
            return b""
        return _core.line_shapes(self.columns(), params)

    def raw_columns(self) -> tuple[array, array]:
        """The columns of where each raw line starts and ends in the source: what the
        compiled core reads a raw line from (`cleaner.stories.evidence.Reader`)."""
        return self._starts, self._ends

    def raw_blanks(self) -> int:
        """How many lines are empty in the source (not even a space)."""
        return _core.equal_offsets(self._starts, self._ends)

    def __getitem__(self, i):
        # `_Columns.__getitem__` with `_item` inline: stages read lines one at a time, often
        if i.__class__ is not int:
            return _Columns.__getitem__(self, i)
        if i < 0:
            i += len(self._starts)
        if i < 0:
            raise IndexError("Lines index out of range")
        try:
            start, end = self._starts[i], self._ends[i]
        except IndexError:
            raise IndexError("Lines index out of range") from None
        raw = self.source[start:end]
        text = self._changed.get(i)
        if text is None:
            a, b = self._text_starts[i], self._text_ends[i]
            text = raw if a == start and b == end else self.source[a:b]
        return _new_tuple(Line, (i, start, end, raw, text))

    _item = __getitem__

    def __iter__(self):
        return map(self.__getitem__, range(len(self._starts)))


class Trails:
    """Per line, its trail: the decisions of the stages that decided something new about
    it, added stage by stage (`add`).  Every distinct `Decision` is held once (``_shared``)
    and so is every distinct trail; a line holds the index of its trail (4 bytes).

    A stage's list holds, for every line it left alone, the very object of the stage
    before, so a layer is added only where the object changes (the lines are compared by
    object in the compiled core, `cleaner._core.changed`); a stage that gives a line back
    an earlier stage's decision adds it again, stamped with its own stage.  A trail is
    known by its first decision (`start`, once), or by the trail it grew from and its
    last decision: since every decision held is the one instance of its value, those are
    keyed by the objects' identities, and no trail is hashed.
    """

    __slots__ = ("_shared", "table", "_next", "of", "before")

    def __init__(self) -> None:
        self._shared: dict[Decision, Decision] = {}  # holds every decision the keys below name
        self.table: list[tuple[Decision, ...]] = []  # the distinct trails
        self._next: dict[tuple[int, int], int] = {}  # (trail, id of a shared layer) -> trail
        self.of = array("I")  # per line, its trail in `table`
        self.before: list[Decision] = []

    def start(self, decisions: list[Decision]) -> list[Decision]:
        """The first layer (stage ``classify``) of trails that hold none yet; returns the
        decisions shared.  The lines are read by object (`cleaner._core.distinct`: the
        stage hands equal decisions as one object), the values once per distinct object."""
        if self.table:
            raise ValueError("these trails have their first layer already")
        objects, numbers = _core.distinct(as_list(decisions))
        same = self._shared.setdefault
        shared = list(map(same, objects, objects))
        of = array("I")
        of.frombytes(numbers)
        table = self.table
        if all(map(is_, shared, objects)):  # every object its value's one instance: its trail is its number
            table.extend(zip(shared))
            self.of = of
            self.before = list(decisions)
            return self.before
        trails = []  # per distinct object, the one-layer trail of its value
        number: dict[int, int] = {}  # id of a shared decision -> its trail
        for s in shared:
            k = number.get(id(s))
            if k is None:
                k = number[id(s)] = len(table)
                table.append((s,))
            trails.append(k)
        self.of = array("I", map(trails.__getitem__, of))
        self.before = list(map(shared.__getitem__, of))
        return self.before

    def add(self, decisions: list[Decision], stage: str) -> list[Decision]:
        """The layer of ``stage`` (its decision per line, in the sense above); returns
        the decisions shared, for the stages after it (``decisions`` itself when it is
        the list of the stage before: the stage did not run)."""
        before = self.before
        if decisions is before:
            return decisions
        of, same, table, follow = self.of, self._shared.setdefault, self.table, self._next
        after = list(decisions)  # a line left alone holds the shared object of before
        stamped: dict[int, tuple[Decision, Decision]] = {}  # id of d -> (shared, stamped)
        for i in _core.changed(after, before):
            d = after[i]
            pair = stamped.get(id(d))
            if pair is None:
                s = same(d, d)
                if s.stage != stage:
                    t = _new_tuple(Decision, (s.keep, s.rule, s.category, s.reason, stage))
                    pair = (s, same(t, t))
                else:
                    pair = (s, s)
                stamped[id(d)] = pair
            after[i], d = pair
            key = (of[i], id(d))
            k = follow.get(key)
            if k is None:
                k = follow[key] = len(table)
                table.append(table[key[0]] + (d,))
            of[i] = k
        self.before = after
        return after


class Verdicts(_Columns):
    """`Analysis.verdicts`: one `Verdict` per line, built when read from the lines, the
    features, the trails and two columns (story or ``None``, the stages' own list; in the
    output or not, a byte per line)."""

    __slots__ = ("_lines", "_features", "_trails", "_trail_of", "_story", "_output", "_texts")

    def __init__(self, lines: Sequence[Line], features: Sequence[Features], trails: Trails,
                 story_of: Sequence[int | None], outputs: Sequence[bool]):
        self._lines, self._features = lines, features
        self._trails, self._trail_of = tuple(trails.table), trails.of
        self._story = story_of if isinstance(story_of, list) else list(story_of)
        self._output = outputs if isinstance(outputs, bytes) else bytes(map(bool, outputs))
        self._texts: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self._trail_of)

    def story_text(self, story: int, positions: list[int]) -> str:
        """`join` of a story whose kept lines are those at ``positions`` (in order),
        remembered as the story's whole text (what `join` of it returns later): joined by
        the compiled core from the columns of the lines (`columns`, `cleaner._core.joined`)."""
        text = self._texts[story] = _core.joined(columns(self._lines), positions)
        return text

    def join(self, story: int, start: int = 0, stop: int | None = None) -> str:
        """`cleaner.types.join_lines` of these verdicts (of those from ``start`` to
        ``stop``), read from the columns (no `Verdict` built): what `Analysis.text`
        returns, and the text of each `Article`."""
        if start == 0 and stop is None and story in self._texts:
            return self._texts[story]
        keep = [trail[-1].keep for trail in self._trails]
        of, stories = self._trail_of, self._story
        out: list[str] = []
        gap = False
        for i, text in enumerate(texts_of(self._lines, start, stop), start):
            if not text:  # blank
                gap = True
            elif keep[of[i]] and stories[i] == story:
                if out and gap:
                    out.append("")
                out.append(text)
                gap = False
        return "\n".join(out)

    def _item(self, i: int) -> Verdict:
        trail = self._trails[self._trail_of[i]]
        output = bool(self._output[i])
        why = "" if output else OTHER_STORY if trail[-1].keep else trail[-1].category
        return _new_tuple(Verdict, (self._lines[i], self._features[i], trail, self._story[i], output, why))


class Texts(_Columns):
    """The normalised texts of `Lines`, each built when read (`Lines.text`): for the
    stages that read some lines' texts in any order without holding every one."""

    __slots__ = ("_lines",)

    def __init__(self, lines: Lines):
        self._lines = lines

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i):
        if i.__class__ is int and 0 <= i < len(self._lines):
            return self._lines.text(i)
        return _Columns.__getitem__(self, i)

    def _item(self, i: int) -> str:
        return self._lines.text(i)


def as_list(items: Sequence) -> list:
    """``items`` as a list (itself when it is one): what the compiled core reads."""
    return items if isinstance(items, list) else list(items)


def text_view(lines: Sequence[Line]) -> Sequence[str]:
    """The normalised text of every line, as a sequence: `Texts` when ``lines`` is a
    `Lines` (nothing held), else a list."""
    return Texts(lines) if isinstance(lines, Lines) else [line.text for line in lines]


def has_text(lines: Sequence[Line]) -> bytes:
    """Per line, 1 if its normalised text is not empty, else 0 (`Lines.has_text`)."""
    return lines.has_text() if isinstance(lines, Lines) else bytes(bool(line.text) for line in lines)


def raw_blanks(lines: Sequence[Line]) -> int:
    """How many lines are empty in the source, not even a space (`Lines.raw_blanks`)."""
    return lines.raw_blanks() if isinstance(lines, Lines) else sum(not line.raw for line in lines)


def line_starts(lines: Sequence[Line]) -> tuple[array, array]:
    """Where each line and its normalised text start (arrays of offsets; the difference is
    the line's indentation): a `Lines`' own columns, nothing copied (for other sequences of
    lines: 0, and each line's `indents`)."""
    if isinstance(lines, Lines):
        return lines.raw_columns()[0], lines.columns()[1]
    return array("q", bytes(8 * len(lines))), indents(lines)


def indents(lines: Sequence[Line]) -> array:
    """The indentation of every line (an array of counts of characters): the leading
    whitespace of its raw line.  Where a line's normalised text is a slice of the source:
    the distance from the line's start to that text's start; where it is not (a double
    space, a tab or a no-break space inside: `line_starts` gives its text the line's
    start), the raw line's own leading whitespace."""
    if not isinstance(lines, Lines):
        return array("q", (len(line.raw) - len(line.raw.lstrip()) for line in lines))
    source, starts, ends = lines.source, lines._starts, lines._ends
    changed = {i: len(raw) - len(raw.lstrip()) for i in lines._changed for raw in (source[starts[i]:ends[i]],)}
    return int_column(_core.indent_column(starts, lines._text_starts, changed)) if starts else array("q")


def columns(lines: Sequence[Line]) -> tuple[str, array, array, dict[int, str]]:
    """`Lines.columns` of ``lines`` (for other sequences of lines: their texts joined)."""
    if isinstance(lines, Lines):
        return lines.columns()
    texts = [line.text for line in lines]
    ends = array("q", accumulate(map(len, texts)))
    starts = array("q", [0]) + ends[:-1] if texts else array("q")
    return "".join(texts), starts, ends, {}


def texts_of(lines: Sequence[Line], start: int = 0, stop: int | None = None) -> list[str]:
    """The normalised text of every line (of lines ``start`` to ``stop``; `Lines.texts`
    when ``lines`` is one)."""
    if isinstance(lines, Lines):
        return lines.texts(start, stop)
    return [line.text for line in lines[start:stop]]
