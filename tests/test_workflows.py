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
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "read"}
    runs = " ".join(step.get("run", "") for step in job["steps"])
    for command in ("make install", "cspsite validate", "make test", "cspsite build",
                    "cspsite diff", "GITHUB_STEP_SUMMARY"):
        assert command in runs, command
    assert any("upload-artifact" in step.get("uses", "") for step in job["steps"])
    assert any(step.get("with", {}).get("cache") == "pip" for step in job["steps"])


def test_main_is_published_to_pages_and_only_the_deploy_job_can_write_to_pages():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"] and "workflow_dispatch" in workflow["on"]
    assert workflow["on"]["schedule"], "a daily run publishes records whose embargo has lifted"
    assert workflow["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    with_pages_write = [name for name, job in workflow["jobs"].items()
                        if job["permissions"].get("pages") == "write"]
    assert with_pages_write == ["deploy"]
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    # A shallow clone would make the public changelog unavailable on the published site.
    checkout = next(step for step in workflow["jobs"]["build"]["steps"]
                    if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


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


def _changed_step_says(tmp_path: Path, changed: str) -> str:
    """Run check.yml's 'Which files changed' step in a repository where one commit changed `changed`."""
    from tests.data_repo import git

    [step] = [s for s in load("check.yml")["jobs"]["check"]["steps"] if s.get("id") == "changed"]
    repo = tmp_path / changed.replace("/", "-")
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    (repo / "data").mkdir()
    (repo / "data" / "routes.yml").write_text("[]\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "base")
    base = git(repo, "rev-parse", "HEAD").strip()
    (repo / changed).parent.mkdir(parents=True, exist_ok=True)
    (repo / changed).write_text("changed\n")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "change")
    output = tmp_path / f"{repo.name}.out"
    run = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "BASE_SHA": base, "GITHUB_OUTPUT": str(output),
                              "GIT_CONFIG_NOSYSTEM": "1", "HOME": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    return output.read_text().strip()


def test_a_data_only_pull_request_runs_the_smoke_check_and_a_code_change_the_whole_suite(tmp_path):
    assert _changed_step_says(tmp_path, "data/routes.yml") == "code=false"
    assert _changed_step_says(tmp_path, "data/campaigns/new-week.yml") == "code=false"
    assert _changed_step_says(tmp_path, "macros/cli.py") == "code=true"
    assert _changed_step_says(tmp_path, "Makefile") == "code=true"
    steps = {step["name"]: step for step in load("check.yml")["jobs"]["check"]["steps"] if "name" in step}
    by_command = {command: [s for s in steps.values() if command in s.get("run", "")]
                  for command in ("make test", "make smoke", "cspsite validate", "build --preview",
                                  "--checks")}
    assert [s.get("if") for s in by_command["make test"]] == ["steps.changed.outputs.code == 'true'"]
    assert [s.get("if") for s in by_command["make smoke"]] == ["steps.changed.outputs.code == 'false'"]
    for always in ("cspsite validate", "build --preview", "--checks"):  # every pull request
        assert [s.get("if") for s in by_command[always]] == [None], always


def test_the_job_summary_says_how_to_open_the_preview():
    steps = load("check.yml")["jobs"]["check"]["steps"]
    [say] = [s for s in steps if "## Preview" in s.get("run", "")]
    assert "index.html" in say["run"] and "cspsite preview site.zip" in say["run"]
    assert say["env"] == {"ARTIFACT_URL": "${{ steps.upload.outputs.artifact-url }}"}


def test_ci_and_publishing_install_the_locked_versions():
    import importlib.metadata
    import re

    lock = (PROJECT / "requirements.lock.txt").read_text(encoding="utf-8")
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", lock, re.MULTILINE))
    project = importlib.metadata.metadata("cspsite")
    wanted = {re.split(r"[\s\[<>=;]", r, maxsplit=1)[0].lower().replace("_", "-")
              for r in project.get_all("Requires-Dist")}
    locked = {name.lower().replace("_", "-") for name in pins}
    assert wanted - locked == set(), "a dependency of pyproject.toml is not pinned"
    differs = {n: (v, importlib.metadata.version(n)) for n, v in pins.items()
               if importlib.metadata.version(n) != v}
    assert differs == {}, "this .venv is not what the lock says: run 'make install'"
    makefile = (PROJECT / "Makefile").read_text(encoding="utf-8")
    assert "pip install --quiet -r requirements.lock.txt" in makefile
    for name in ("check.yml", "publish.yml"):  # both install with make install, so from the lock
        runs = [s.get("run", "") for job in load(name)["jobs"].values() for s in job["steps"]]
        assert "make install" in runs, name
