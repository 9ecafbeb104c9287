"""The staff guide explains every message the validator can give, because it is generated from
the rule catalogue; every rule the source names is in the catalogue, and every rule is used."""

from __future__ import annotations

import ast
from pathlib import Path

from macros.model.catalogue import Rule
from tests.conftest import PROJECT, html


def named_rules() -> set[str]:
    """Every `Rule.NAME` written in the validator's source, and every rule code written as text."""
    names = set()
    for path in (PROJECT / "macros").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and getattr(node.value, "id", None) == "Rule":
                names.add(node.attr)
    return names


def test_every_rule_the_source_names_is_in_the_catalogue_and_every_rule_is_used():
    names = named_rules()
    assert len(names) > 25, "the source scan found too few rules to be trusted"
    catalogue = {rule.name for rule in Rule}
    assert names - catalogue - {"_value2member_map_"} == set(), "rules named in the source but not catalogued"
    assert catalogue - names == set(), "catalogued rules that nothing reports"


def test_rule_codes_are_lower_case_words_joined_by_hyphens():
    for rule in Rule:
        assert rule.value.replace("-", "").isalpha() and rule.value == rule.value.lower(), rule
        assert rule.name == rule.value.upper().replace("-", "_"), rule
        assert rule.meaning.endswith(".") and rule.fix.endswith("."), rule


def test_every_rule_appears_in_the_built_staff_guide_with_its_fix(minimal_site: Path):
    guide = html(minimal_site, "staff")
    for rule in Rule:
        row = guide.get_element_by_id(f"rule-{rule.value}")
        assert [c.text for c in row.cssselect("code")] == [rule.value]
        assert rule.meaning in row.text_content() and rule.fix in row.text_content(), rule
    assert "Create a new branch for this commit" in guide.text_content()
