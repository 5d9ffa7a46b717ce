"""cleaner: turn scraped web pages into clean article text.

>>> from cleaner import clean
>>> clean("Short Url\\nFollow\\nThe minister arrived in the capital on Tuesday for talks.")
'The minister arrived in the capital on Tuesday for talks.'

`clean` returns the main story's text, `split` every story as an `Article`, `analyze`
every line with its decision, the rule that made it and why.  A panic of the compiled
core is raised as `CoreError`, a ``RuntimeError``.
"""

from . import validate  # noqa: F401  (Options.make checks language and disabled_rules)
from .errors import CoreError
from .options import PRESETS, Options
from .pipeline import analyze, clean, clean_html, split
from .types import Analysis, Article, Decision, Features, Line, Verdict

__all__ = [
    "clean", "clean_html", "split", "analyze", "Options", "PRESETS", "CoreError",
    "Analysis", "Article", "Decision", "Features", "Line", "Verdict",
]
__version__ = "0.1.0"
