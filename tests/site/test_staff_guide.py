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


def test_the_guide_covers_first_deployment_ids_closing_embargoes_and_the_preview(minimal_site: Path):
    guide = html(minimal_site, "staff")
    sections = {h.text_content().rstrip("¶").strip(): h for h in guide.cssselect("h2")}
    for heading, words in {
        "Before the first publication (for the council's GitHub administrator)":
            ("GitHub Actions", "SITE_URL", "branch protection", "requirements.lock.txt"),
        "Preview a change before it is published":
            ("index.html", "search does not", "cspsite preview site.zip"),
        "Embargoes: publish on a date":
            ("embargo_until", "every morning", "cspsite validate lists the coming"),
        "Ids are permanent: renaming a record": ("replaces:", "did you mean", "list both old ids"),
        "Take something down: close it, never delete it": ("closed_on:", "visibility: restricted"),
    }.items():
        assert heading in sections, heading
        text = []
        for node in sections[heading].itersiblings():
            if node.tag == "h2":
                break
            text.append(node.text_content())
        body = " ".join(" ".join(text).split())
        assert all(w in body for w in words), (heading, [w for w in words if w not in body])
