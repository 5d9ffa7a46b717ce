"""CI runs exactly what the README tells a newcomer to run."""

import os
import re
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def readme_setup_commands() -> list[str]:
    """The commands of the README's first code block (right after the title)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```(?:sh|bash)?\n(.*?)```", text, re.S)
    assert block, "README.md has no code block"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_readme_opens_with_two_setup_commands():
    commands = readme_setup_commands()
    assert len(commands) == 2, commands
    assert all(c.startswith("python3 -m venv .venv && ") for c in commands)
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    lines = [line.strip() for line in ci.splitlines()]
    assert readme_setup_commands()[1] in lines, ".ci/run does not run the README's test command"
    assert os.access(ROOT / ".ci" / "run", os.X_OK), ".ci/run is not executable"


@pytest.mark.parametrize("pytest_status, ci_status", [(0, 0), (1, 1), (2, 2), (5, 1)])
def test_ci_exit_codes(tmp_path, pytest_status, ci_status):
    """.ci/run with the test command stubbed by one that exits with ``pytest_status``:
    pytest's 5 (no tests collected) must fail the run, other codes pass through."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = readme_setup_commands()[1]
    stubbed = ci.replace(command, f"(exit {pytest_status})")
    assert stubbed != ci
    (tmp_path / ".ci").mkdir()
    (tmp_path / ".ci" / "run").write_text(stubbed, encoding="utf-8")
    done = subprocess.run(["bash", str(tmp_path / ".ci" / "run")], capture_output=True, text=True)
    assert done.returncode == ci_status
    if pytest_status == 5:
        assert "no tests" in done.stderr
