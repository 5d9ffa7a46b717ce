"""A test run writes nothing outside the checkout and one temporary folder that it removes
(see tests/conftest.py): the benchmark cache defaults to a git-ignored folder of the
checkout, and temporary files (pytest's, `tempfile`'s, Ray's) go to the run's folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from benchmarks.cache import default_dir

ROOT = Path(__file__).resolve().parents[1]


def test_benchmark_cache_defaults_to_an_ignored_folder_of_the_checkout(monkeypatch):
    monkeypatch.delenv("CLEANER_BENCH_CACHE", raising=False)
    folder = default_dir()
    assert folder.is_relative_to(ROOT)
    if shutil.which("git") and (ROOT / ".git").exists():
        probe = folder / "text" / "entry.json"
        done = subprocess.run(["git", "check-ignore", "-q", str(probe)], cwd=ROOT)
        assert done.returncode == 0, f"{probe} is not ignored by git"


def test_benchmark_cache_folder_can_be_chosen(monkeypatch, tmp_path):
    monkeypatch.setenv("CLEANER_BENCH_CACHE", str(tmp_path / "cache"))
    assert default_dir() == tmp_path / "cache"


def test_temporary_files_of_this_run_go_to_one_folder():
    folder = os.environ["TMPDIR"]
    assert Path(tempfile.gettempdir()) == Path(folder)
    assert os.environ["RAY_TMPDIR"] == folder
    assert Path(folder).name.startswith("cleaner-tests-")


INNER_TEST = '''
import json, os, tempfile

def test_writes(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    handle, name = tempfile.mkstemp()
    os.close(handle)
    with open(os.environ["HYGIENE_REPORT"], "w") as f:
        json.dump({"tmp_path": str(tmp_path), "mkstemp": name, "folder": os.environ["TMPDIR"],
                   "ray": os.environ.get("RAY_TMPDIR")}, f)
'''


def test_a_run_removes_its_temporary_folder(tmp_path):
    """A small pytest run with this conftest: what it wrote is gone when it ends."""
    suite = tmp_path / "suite"
    suite.mkdir()
    shutil.copy(ROOT / "tests" / "conftest.py", suite / "conftest.py")
    shutil.copy(ROOT / "tests" / "strategies.py", suite / "strategies.py")
    (suite / "test_inner.py").write_text(INNER_TEST, encoding="utf-8")
    report = tmp_path / "report.json"
    env = dict(os.environ, HYGIENE_REPORT=str(report))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--rootdir", str(suite),
         "-c", os.devnull, str(suite)], capture_output=True, text=True, env=env, cwd=suite)
    assert done.returncode == 0, done.stdout + done.stderr
    seen = json.loads(report.read_text())
    folder = Path(seen["folder"])
    assert seen["ray"] == seen["folder"]
    for key in ("tmp_path", "mkstemp"):
        assert Path(seen[key]).is_relative_to(folder), (key, seen)
    assert not folder.exists()
