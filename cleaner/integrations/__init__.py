"""Optional integrations of `cleaner` with other tools.

Each submodule imports its tool when it is itself imported, never before: ``import cleaner``
stays free of optional dependencies.
"""
