"""Test configuration: one temporary folder for the whole run, and hypothesis profiles.

Everything a test run writes goes inside the checkout or inside one temporary folder made
at the start and removed at the end: pytest's ``tmp_path`` folders live there, and
``TMPDIR`` (and ``RAY_TMPDIR``) point there for this process and every process it starts,
so `tempfile`, Ray's session files and the subprocesses under test write there too.
``--basetemp`` given on the command line is kept as it is (and not removed).

``ci`` (the default) runs a bounded, derandomised number of examples per property so the
whole property suite stays well under two minutes on a 2-core machine and every run sees
the same examples.  ``deep`` runs many more, randomised examples; select it with
``HYPOTHESIS_PROFILE=deep`` (see docs/testing.md).  Example counts are the profile's; a
test that needs fewer (each example spawns a process, or parses a large page) divides
them with `tests.strategies.scaled`.
"""

import os
import shutil
import sys
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis.internal.conjecture import providers as _hypothesis_providers
from hypothesis.internal.constants_ast import Constants as _HypothesisConstants

# `strategies` (beside this file) is imported by the property tests as a plain module.
sys.path.insert(0, str(Path(__file__).parent))

_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example]

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=_SLOW_OK,
)
settings.register_profile(
    "deep",
    max_examples=2000,
    deadline=None,
    print_blob=True,
    suppress_health_check=_SLOW_OK,
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# Hypothesis mixes into its draws the literals it finds in every module imported so far from
# outside site-packages (the package and the benchmarks here).  Which modules those are
# depends on what ran before in the process (a file alone, the whole suite with its doctest
# collection, a lazily imported module), so a derandomised property would draw different
# examples alone and in a full run, and different ones again after any edit to a literal in
# the package.  The pool is kept empty: a test's examples depend on the test and its
# strategies only.  (Private to hypothesis, which pyproject.toml pins; the assert makes an
# upgrade that moves it fail here rather than silently bring the pool back.)
assert callable(getattr(_hypothesis_providers, "_get_local_constants", None))
_NO_LOCAL_CONSTANTS = _HypothesisConstants()
_hypothesis_providers._get_local_constants = lambda: _NO_LOCAL_CONSTANTS


#: Environment variables pointed at the run's temporary folder.
_TEMP_VARIABLES = ("TMPDIR", "RAY_TMPDIR")
_session: dict = {}


def pytest_configure(config):
    """Make the run's temporary folder and send every temporary file there."""
    if hasattr(config, "workerinput"):  # a pytest-xdist worker: the controller made it
        return
    folder = tempfile.mkdtemp(prefix="cleaner-tests-")
    _session["folder"] = folder
    _session["saved"] = {name: os.environ.get(name) for name in _TEMP_VARIABLES}
    for name in _TEMP_VARIABLES:
        os.environ[name] = folder
    tempfile.tempdir = None  # read TMPDIR again
    if config.option.basetemp is None:
        config.option.basetemp = os.path.join(folder, "pytest")


def pytest_unconfigure(config):
    """Remove the run's temporary folder and restore the environment."""
    folder = _session.pop("folder", None)
    if folder is None:
        return
    for name, value in _session.pop("saved").items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    tempfile.tempdir = None
    shutil.rmtree(folder, ignore_errors=True)
