"""Test configuration: hypothesis profiles.

``ci`` (the default) runs a bounded, derandomised number of examples per property so the
whole property suite stays well under two minutes on a 2-core machine and every run sees
the same examples.  ``deep`` runs many more, randomised examples; select it with
``HYPOTHESIS_PROFILE=deep`` (see docs/testing.md).  Example counts are the profile's; a
test that needs fewer (each example spawns a process, or parses a large page) divides
them with `tests.strategies.scaled`.
"""

import os
import sys
from pathlib import Path

from hypothesis import HealthCheck, settings

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
