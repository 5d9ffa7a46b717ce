"""The benchmark of `cleaner`: corpora, metrics, baselines and the evaluation table.

Run ``python3 benchmarks/evaluate.py`` from the repository root (see the README).
"""
