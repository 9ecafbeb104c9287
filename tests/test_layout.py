"""The package's folders show the pipeline: few modules at the root, small modules, one name each,
and a build that never loads the tooling."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT

MACROS = PROJECT / "macros"
STAGES = {"model", "data", "site", "figures", "exports", "changes", "build", "tools"}


def modules():
    return [p for p in MACROS.rglob("*.py") if "__pycache__" not in p.parts]


def test_the_root_holds_few_modules_and_every_other_sits_in_a_stage():
    root = [p.name for p in MACROS.glob("*.py")]
    assert len(root) <= 8, root
    folders = {p.relative_to(MACROS).parts[0] for p in modules() if len(p.relative_to(MACROS).parts) > 1}
    assert folders <= STAGES, folders - STAGES


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PROJECT)): n for p in modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_no_two_modules_differ_only_by_a_plural():
    stems = {p.stem for p in modules() if p.stem != "__init__"}
    assert {s for s in stems if s + "s" in stems} == set()


def test_the_build_entry_points_import_nothing_from_the_tools():
    probe = ("import sys, runpy; import macros; runpy.run_path('macros/build/hooks.py'); "
             "print([m for m in sys.modules if m.startswith('macros.tools')])")
    run = subprocess.run([sys.executable, "-c", probe], cwd=PROJECT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"


def test_lower_stages_never_import_higher_ones():
    """model < data < changes < figures < exports < site < build: a module imports only its own
    stage and those below (the CLI and the tools may use any)."""
    order = ["model", "data", "changes", "figures", "exports", "site", "build"]
    import ast

    wrong = []
    for path in modules():
        parts = path.relative_to(MACROS).parts
        if len(parts) < 2 or parts[0] not in order:
            continue
        rank = order.index(parts[0])
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("macros."):
                stage = node.module.split(".")[1]
                if stage in order and order.index(stage) > rank:
                    wrong.append(f"{path.relative_to(PROJECT)} imports {node.module}")
    assert wrong == []
