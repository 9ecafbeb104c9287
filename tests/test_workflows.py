"""The GitHub Actions workflows: valid, least privilege, and safe by zizmor's measure."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import PROJECT

WORKFLOWS = PROJECT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); put it back.
    workflow = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def test_workflows_validate_against_githubs_workflow_schema():
    files = sorted(str(p) for p in WORKFLOWS.glob("*.yml"))
    assert len(files) == 2
    run = subprocess.run([BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *files],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_zizmor_finds_nothing_of_medium_or_high_severity():
    run = subprocess.run([BIN / "zizmor", "--offline", "--format", "json", str(PROJECT / ".github")],
                         capture_output=True, text=True)
    findings = json.loads(run.stdout)
    serious = [(f["ident"], f["determinations"]["severity"]) for f in findings
               if f["determinations"]["severity"] in {"Medium", "High"}]
    assert serious == []


@pytest.mark.parametrize("name", ["check.yml", "publish.yml"])
def test_no_workflow_runs_untrusted_code_with_secrets_and_none_has_default_permissions(name):
    workflow = load(name)
    assert "pull_request_target" not in workflow["on"]
    assert workflow["permissions"] == {}, "jobs ask for what they need; the workflow grants nothing"
    for job in workflow["jobs"].values():
        assert "permissions" in job
        for step in job["steps"]:
            uses = step.get("uses", "")
            assert not uses or len(uses.split("@")[1].split()[0]) == 40, f"{uses} is not pinned to a commit"


def test_pull_requests_are_checked_and_summarised_with_read_only_access():
    workflow = load("check.yml")
    assert list(workflow["on"]) == ["pull_request"]
    job = workflow["jobs"]["check"]
    assert all(each["permissions"] == {"contents": "read"} for each in workflow["jobs"].values())
    runs = " ".join(step.get("run", "") for step in job["steps"])
    for command in ("make install", "cspsite validate", "make test", "cspsite build",
                    "cspsite diff", "GITHUB_STEP_SUMMARY"):
        assert command in runs, command
    assert any("upload-artifact" in step.get("uses", "") for step in job["steps"])
    assert any(step.get("with", {}).get("cache") == "pip" for step in job["steps"])


def test_the_successor_engine_is_built_and_browser_checked_without_blocking_a_change():
    job = load("check.yml")["jobs"]["zensical"]
    assert job["continue-on-error"] is True
    steps = {step.get("run", ""): step.get("env", {}) for step in job["steps"]}
    assert any("cspsite build --engine zensical" in run for run in steps)
    [browser] = [env for run, env in steps.items() if "tests/browser" in run]
    assert browser["CSPSITE_TEST_ENGINE"] == "zensical"


def test_main_is_published_to_pages_and_only_the_deploy_job_can_write_to_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["on"]["schedule"], "a daily run publishes records whose embargo has lifted"
    assert "github.ref == 'refs/heads/main'" in workflow["jobs"]["deploy"]["if"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    with_pages_write = [name for name, job in workflow["jobs"].items()
                        if job["permissions"].get("pages") == "write"]
    assert with_pages_write == ["deploy"]
    assert all(job["permissions"] == {"contents": "read"} for name, job in workflow["jobs"].items()
               if name != "deploy")
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    # A shallow clone would make the public changelog unavailable on the published site.
    for name in ("build", "shard"):
        checkout = next(step for step in workflow["jobs"][name]["steps"]
                        if step.get("uses", "").startswith("actions/checkout@"))
        assert checkout["with"]["fetch-depth"] == 0


def test_above_the_threshold_the_site_is_built_in_shards_and_merged_otherwise_in_one_job():
    jobs = load("publish.yml")["jobs"]
    assert int(jobs["plan"]["env"]["SHARD_ABOVE_PARTNERSHIPS"]) > 0
    assert jobs["build"]["if"] == "needs.plan.outputs.sharded == 'false'"
    assert jobs["shard"]["if"] == "needs.plan.outputs.sharded == 'true'"
    assert "fromJSON(needs.plan.outputs.shards)" in jobs["shard"]["strategy"]["matrix"]["shard"]
    shard_runs = " ".join(step.get("run", "") for step in jobs["shard"]["steps"])
    assert "--shard \"$SHARD/$SHARDS\"" in shard_runs
    merge_runs = " ".join(step.get("run", "") for step in jobs["merge"]["steps"])
    assert "cspsite merge" in merge_runs and jobs["merge"]["needs"] == "shard"
    assert set(jobs["deploy"]["needs"]) == {"build", "merge"}


def test_pre_commit_runs_the_validator_and_ruff():
    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert any("cspsite validate" in e for e in entries) and any("ruff" in e for e in entries)
    run = subprocess.run([BIN / "pre-commit", "validate-config", ".pre-commit-config.yaml"], cwd=PROJECT,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr


def test_dependabot_watches_the_actions_and_the_python_dependencies():
    config = yaml.safe_load((PROJECT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} >= {"github-actions", "pip"}
