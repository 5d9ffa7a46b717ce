"""Adapters that plug `cleaner` into other tools; each imports its tool lazily, so
`cleaner` itself never depends on them."""
