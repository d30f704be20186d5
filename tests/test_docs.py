"""The README documents every command and setting (a new one cannot slip in undocumented)."""
import subprocess
from pathlib import Path

from click.testing import CliRunner

from kb.cli import cli
from kb.config import Settings

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"`kb {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_setting_is_in_the_readme():
    missing = [name for name, _, _ in Settings.describe() if f"`{name}`" not in README]
    assert not missing, f"undocumented settings: {missing}"


def test_every_command_help_ends_with_an_example():
    runner = CliRunner()
    for name, command in cli.commands.items():
        if name in ("status", "settings"):
            continue
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0 and "Example" in result.output, name


def test_ci_runs_the_readme_test_command():
    out = subprocess.run(["awk", "/<!-- test-command -->/{getline; getline; print; exit}", "README.md"],
                         cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert "pytest" in out
    assert "test-command" in (ROOT / ".ci" / "run").read_text()
