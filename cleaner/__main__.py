"""``python -m cleaner``: the same as the ``cleaner`` command (see `cleaner.cli`)."""

import sys

from .cli import main

if __name__ == "__main__":
    sys.exit(main())
