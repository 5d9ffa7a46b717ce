"""Checks of every option value: languages, rule ids and each option's kind.

Importing this module adds `check_values` to `cleaner.options.VALUE_CHECKS`, and
``cleaner`` imports it: every construction of `Options` (``Options(...)``,
`dataclasses.replace`, `Options.make`) runs it on the values it is given, so the Python
API, the command line, the datatrove step and the Scrapy pipeline refuse the same values
with the same message, whichever way their options were built.

- ``language``: an ISO 639-1 code.  A language `cleaner` knows (one with a stoplist, see
  `cleaner.language.STOPLIST_NAMES`, or a pattern catalogue) is taken as it is; any other
  ISO 639-1 code falls back to the language-independent rules, with a `UserWarning`
  saying so (once per construction given it: `Options.make` does not check again what its
  base options carry, while `dataclasses.replace` passes every field to the constructor and
  so warns again); anything that is not an ISO 639-1 code raises `ValueError`.  Codes
  are folded to lower case.
- ``disabled_rules``: each entry is a rule id of the registry (`cleaner.registry.registry`)
  or a prefix ending in ``.`` that starts at least one; anything else raises `ValueError`
  naming the closest ids (`difflib`).
- every other option takes the kind of value its default is (`check_value`): a count
  (words, lines, gaps) a whole number from 0 to `MAX_COUNT` (an offset, `OFFSETS`, from
  -`MAX_COUNT`), a threshold any finite number, ``split_stories`` True or False.  A
  value of another type raises `TypeError`, one out of range `ValueError`, before any
  document is read (the command line's ``--set`` hands its values here too, so the
  message is the same).

>>> check_language("DE")
'de'
>>> check_language("klingon")
Traceback (most recent call last):
...
ValueError: language must be an ISO 639-1 code such as 'en' or 'de', not 'klingon'
>>> check_value("context_reach", "far")
Traceback (most recent call last):
...
TypeError: context_reach must be a whole number from 0 to 2147483647, not 'far'
>>> check_rules(["en.share.folow"])
Traceback (most recent call last):
...
ValueError: unknown rule 'en.share.folow'; did you mean en.share.follow...?
"""

from __future__ import annotations

import dataclasses
import math
import numbers
import operator
import os
import sys
import warnings

from .catalogue import languages as catalogue_languages
from .language import STOPLIST_NAMES
from .options import DEFAULTS, VALUE_CHECKS
from .registry import registry

#: Every ISO 639-1 code (two letters), for telling a real language from a typo.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
za zh zu
""".split())


def known_languages() -> frozenset[str]:
    """Languages with a stoplist or a pattern catalogue."""
    return frozenset(STOPLIST_NAMES) | frozenset(catalogue_languages())


def iso_code(code: str) -> str:
    """``code`` folded to lower case, or `ValueError` when that is no ISO 639-1 code (the
    test `check_language` and the command line's rule listing make)."""
    folded = code.strip().lower()
    if folded not in ISO_639_1:
        raise ValueError(f"language must be an ISO 639-1 code such as 'en' or 'de', not {code!r}")
    return folded


def check_language(code: object) -> str | None:
    """``code`` folded to lower case (``None`` stays: the language is guessed).

    Raises `ValueError` for a value that is not an ISO 639-1 code; warns (`UserWarning`)
    for a code `cleaner` has no stoplist or catalogue for.
    """
    if code is None:
        return None
    if not isinstance(code, str):
        raise TypeError(f"language must be a string such as 'en', not {type(code).__name__}")
    folded = iso_code(code)
    if folded not in known_languages():
        warnings.warn(
            f"cleaner knows no stopwords or patterns for language {folded!r}: "
            "only the language-independent rules apply", UserWarning, stacklevel=_caller_level())
    return folded


#: Where `cleaner`'s own frames come from: a warning points past them, at the caller's line.
_OWN_FILES = (os.path.dirname(os.path.abspath(__file__)) + os.sep, dataclasses.__file__)


def _caller_level() -> int:
    """The ``stacklevel`` of a warning raised by this module's caller's caller that names
    the first frame outside `cleaner` and `dataclasses` (`Options(...)`, `Options.make`,
    `dataclasses.replace`, `cleaner.clean` and the integrations reach the check at
    different depths)."""
    frame, level = sys._getframe(2), 2
    while frame.f_back is not None and frame.f_code.co_filename.startswith(_OWN_FILES):
        frame, level = frame.f_back, level + 1
    return level


def check_rules(rule_ids) -> frozenset[str]:
    """The rule ids (or prefixes ending in ``.``) as a frozenset; `ValueError` for one that
    names no rule, with the closest known ids."""
    if isinstance(rule_ids, str):
        rule_ids = [rule_ids]
    try:
        ids = frozenset(rule_ids)
    except TypeError:
        raise TypeError("disabled_rules must be rule ids (strings), not "
                        f"{type(rule_ids).__name__}") from None
    if not ids:  # every construction of options checks them: no registry for no rule
        return ids
    known = registry()
    for rid in sorted(ids, key=str):
        if not isinstance(rid, str):
            raise TypeError(f"disabled_rules holds {rid!r}, not a rule id (string)")
        if rid in known or (rid.endswith(".") and any(k.startswith(rid) for k in known)):
            continue
        import difflib  # only to word the error: a process that makes no error never loads it

        close = difflib.get_close_matches(rid, list(known), n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `cleaner rules`"
        raise ValueError(f"unknown rule {rid!r}{hint}")
    return ids


#: The largest value of an option counted in whole units (words, lines, gaps, ...): far
#: above any document's, and within what the compiled core reads.
MAX_COUNT = 2**31 - 1

#: Whole-number options that shift another bound rather than count something, so may be
#: negative (narrowing it, or switching their rule off): words added to
#: ``short_max_words`` for ``context.appeal_tail``, columns of indentation slack for
#: ``block.set_off``.
OFFSETS = frozenset({"appeal_tail_extra_words", "block_set_off_indent_slack"})


def check_value(name: str, value: object) -> object:
    """``value`` for the option ``name`` when it is of the kind the default is, else
    `TypeError` (another type) or `ValueError` (a negative or huge count, a number that
    is not finite).  Options whose default is neither a number nor a bool are left to
    their own checks.  A count given as another integer type (``numpy.int64``) becomes
    an ``int``."""
    default = DEFAULTS.get(name)
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(f"{name} must be True or False, not {value!r}")
        return value
    if isinstance(default, int):
        least = -MAX_COUNT if name in OFFSETS else 0
        what = f"{name} must be a whole number from {least} to {MAX_COUNT}, not {value!r}"
        try:
            count = operator.index(value) if not isinstance(value, bool) else None
        except TypeError:
            count = None
        if count is None:
            raise TypeError(what)
        if not least <= count <= MAX_COUNT:
            raise ValueError(what)
        return count
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise TypeError(f"{name} must be a number, not {value!r}")
        try:
            finite = math.isfinite(value)
        except OverflowError:  # an int too large for a float
            finite = False
        if not finite:
            raise ValueError(f"{name} must be a finite number, not {value!r}")
        return value if type(value) in (int, float) else float(value)
    return value


def check_values(values: dict) -> dict:
    """``values`` (option name -> value) each held to its option's kind (`check_value`),
    with ``language`` and ``disabled_rules`` checked and normalised: every construction of
    `Options` runs it, so ``Options(...)`` and `dataclasses.replace` refuse what
    `Options.make` refuses, in the same words."""
    out = {name: check_value(name, value) for name, value in values.items()}
    if "language" in out:
        out["language"] = check_language(out["language"])
    if "disabled_rules" in out:
        out["disabled_rules"] = check_rules(out["disabled_rules"])
    return out


if check_values not in VALUE_CHECKS:
    VALUE_CHECKS.append(check_values)
