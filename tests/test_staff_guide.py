"""The staff guide explains every message the validator can give, because it is generated from
the same rule table; and every code the validator's source can emit is in that table."""

from __future__ import annotations

import ast
from pathlib import Path

from macros.messages import RULES

from .conftest import PROJECT, html


def emitted_codes() -> set[str]:
    """Rule codes written in the validator's source: problem("code", ...), Problem(rule="code"),
    _problem(p, loc, message, "code"), and the codes messages.explain returns."""
    codes = set()
    for path in (PROJECT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            returns_pair = isinstance(node, ast.Return) and isinstance(node.value, ast.Tuple)
            if returns_pair and path.name == "messages.py":
                first = node.value.elts[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes.add(first.value)
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            args = {"problem": 0, "_problem": 3}
            if name in args and len(node.args) > args[name]:
                arg = node.args[args[name]]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    codes.add(arg.value)
            for keyword in node.keywords:
                if keyword.arg == "rule" and isinstance(keyword.value, ast.Constant):
                    codes.add(keyword.value.value)
    return codes


def test_every_code_the_validator_emits_has_an_explanation():
    codes = emitted_codes()
    assert len(codes) > 25, "the source scan found too few codes to be trusted"
    assert codes - set(RULES) == set()


def test_every_rule_appears_in_the_built_staff_guide_with_its_fix(minimal_site: Path):
    guide = html(minimal_site, "staff")
    for code, (meaning, fix) in RULES.items():
        row = guide.get_element_by_id(f"rule-{code}")
        assert [c.text for c in row.cssselect("code")] == [code]
        assert meaning in row.text_content() and fix in row.text_content(), code
    assert "Create a new branch for this commit" in guide.text_content()
