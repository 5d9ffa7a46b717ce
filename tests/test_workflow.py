"""The GitHub workflow runs the README's test command on Python 3.11 and 3.12."""

from pathlib import Path

from test_readme_ci import readme_setup_commands

ROOT = Path(__file__).resolve().parents[1]


def test_workflow_runs_the_readme_test_command_on_both_pythons():
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    runs = [line.strip().removeprefix("run:").strip() for line in workflow.splitlines()
            if line.strip().startswith("run:")]
    assert readme_setup_commands()[1] in runs
    assert 'python-version: ["3.11", "3.12"]' in workflow
    assert "python-version: ${{ matrix.python-version }}" in workflow
