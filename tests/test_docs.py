"""The README documents every command and setting (a new one cannot slip in undocumented), every
command's help shows an example, and the checkout names no machine path."""
import re
import subprocess
from pathlib import Path

from click.testing import CliRunner

from kb.cli import cli
from kb.config import Settings
from tests.conftest import needs_shared, shared_path

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_in_the_readme():
    missing = [name for name in cli.commands if f"`kb {name}" not in README]
    assert not missing, f"undocumented commands: {missing}"


def test_every_setting_is_in_the_readme():
    missing = [name for name, _, _ in Settings.describe() if f"`{name}`" not in README]
    assert not missing, f"undocumented settings: {missing}"


def _commands(group, prefix=()):
    """(path, command) of every command, including the subcommands of command groups."""
    for name, command in group.commands.items():
        path = (*prefix, name)
        yield path, command
        if hasattr(command, "commands"):
            yield from _commands(command, path)


def test_every_command_help_has_an_example():
    runner = CliRunner()
    without = []
    for path, _ in _commands(cli):
        result = runner.invoke(cli, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        example = re.search(r"Examples?:\n((?:  +kb .+\n?)+)", result.output)
        if not example:
            without.append(" ".join(path))
    assert not without, f"commands whose --help has no 'Example:' block of `kb ...` lines: {without}"


def test_the_example_test_sees_every_command():
    assert {"build", "search", "show", "status", "settings", "facts", "export"} <= {p[0] for p, _ in _commands(cli)}


# ------------------------------------------------------------------ a checkout that runs anywhere
MACHINE_PATH = re.compile("/" + r"(?:work|home|Users|root|tmp)/[\w.-]+")


def test_no_machine_paths_in_the_package_the_app_or_the_tests():
    found = []
    for folder in ("kb", "tests", "app_pages"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if MACHINE_PATH.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()[:80]}")
    assert not found, "\n".join(found)


def test_tests_find_the_shared_data_one_way():
    # Only tests/conftest.py says where shared/ is; every other module asks shared_path/needs_shared.
    own_way = re.compile(r"""/\s*["']shared["']|["']/[^"']*/shared\b""")   # `x / "shared"`, "/abs/shared"
    found = [p.name for p in sorted((ROOT / "tests").glob("*.py"))
             if p.name not in ("conftest.py", "test_docs.py") and own_way.search(p.read_text(encoding="utf-8"))]
    assert not found, found


def test_shared_path_is_beside_the_checkout_whatever_the_working_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("KB_SHARED", raising=False)
    monkeypatch.chdir(tmp_path)
    assert shared_path("eval", "dev") == ROOT.parent / "shared" / "eval" / "dev"
    monkeypatch.setenv("KB_SHARED", str(tmp_path))
    assert shared_path("extcorpus") == tmp_path / "extcorpus"


def test_absent_shared_data_skips_with_the_reason(monkeypatch, tmp_path):
    monkeypatch.setenv("KB_SHARED", str(tmp_path / "nowhere"))
    mark = needs_shared("extcorpus")
    assert mark.args[0] is True and "KB_SHARED" in mark.kwargs["reason"] and "nowhere" in mark.kwargs["reason"]


def test_ci_runs_the_readme_test_command():
    out = subprocess.run(["awk", "/<!-- test-command -->/{getline; getline; print; exit}", "README.md"],
                         cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert "pytest" in out
    assert "test-command" in (ROOT / ".ci" / "run").read_text()


def test_sql_is_written_only_in_the_store():
    # The embedding cache (kb/embed.py) is a database of its own, not the knowledge base.
    allowed = {"kb/store.py", "kb/embed.py"}
    sql = re.compile(r"""["']\s*(?:SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM|CREATE TABLE|ALTER TABLE|PRAGMA)\b""")
    found = []
    for path in sorted([*(ROOT / "kb").rglob("*.py"), ROOT / "app.py", *(ROOT / "app_pages").glob("*.py")]):
        name = path.relative_to(ROOT).as_posix()
        if name not in allowed and sql.search(path.read_text(encoding="utf-8")):
            found.append(name)
    assert not found, found


def _kb_imports() -> dict[str, set[str]]:
    """kb module -> the kb modules it imports, at the top or inside functions."""
    import ast

    modules = {".".join(p.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__"): p
               for p in (ROOT / "kb").rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")[: len(package.split(".")) - node.level + 1] if node.level else []
                module = ".".join([*base, *([node.module] if node.module else [])])
                targets |= {module, *(f"{module}.{a.name}" for a in node.names)}
            elif isinstance(node, ast.Import):
                targets |= {a.name for a in node.names}
        graph[name] = {t for t in targets if t in modules and t != name and t != "kb"}
    return graph


def test_kb_imports_flow_one_way():
    graph = _kb_imports()
    assert {"kb.tables", "kb.api"} <= graph["kb.views"] | graph["kb.tables"]   # the graph sees real imports
    cycles = []
    for start in graph:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    cycles.append(" → ".join([*path, start]))
                elif nxt not in path and nxt > start:   # each cycle once, from its smallest module
                    stack.append((nxt, [*path, nxt]))
    assert not cycles, cycles
