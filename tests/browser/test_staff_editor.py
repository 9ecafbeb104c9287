"""The staff editor, end to end, offline: /admin/ in Debian's Chromium against decap-server in git
mode on a throwaway clone. A funded project is created and a campaign edited through the forms;
each change lands on its own branch (the pull request it would open on GitHub) touching only its
record's file, the files validate, the form refuses a wrong date before saving, and the page asks
for nothing beyond 127.0.0.1.

Run with -s to see how long each step took.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from macros.build.editor import DIST
from tests.conftest import FIXTURES, PROJECT

from .editor_servers import PROXY, editor_servers, git

NEW = "youth-diversion-pilot-2024"
CAMPAIGN = "test-awareness-week"
TODAY = "2023-08-01"

pytestmark = pytest.mark.skipif(
    not (PROXY.is_file() and (DIST / "decap-cms.js").is_file()),
    reason="the npm packages decap-cms and decap-server are missing: run 'make install' (npm ci)")


def pick(page, field: str, typed: str, option: str) -> None:
    """Choose in a picker (a relation or a select): type, then click the option shown."""
    box = page.locator(f"input[id^='{field}-field-']").first
    box.click()
    box.fill(typed)
    choice = page.locator("[class*='-option']", has_text=option).first
    choice.wait_for(timeout=15000)
    choice.click()


def fill(page, field: str, value: str, nth: int = 0) -> None:
    box = page.locator(f"[id^='{field}-field-']").nth(nth)
    box.clear()
    box.fill(value)


def save(page) -> None:
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Entry saved", exact=False).first.wait_for(timeout=30000)
    page.get_by_role("button", name="Status:", exact=False).wait_for(timeout=30000)


def set_status(page, status: str) -> None:
    page.get_by_role("button", name="Status:", exact=False).click()
    page.get_by_text(status, exact=True).click()
    page.get_by_text("Entry status updated", exact=False).first.wait_for(timeout=30000)


def branch_files(clone: Path, branch: str) -> dict[str, str]:
    """The data/ folder as a branch has it: path -> text."""
    archive = subprocess.run(["git", "-C", str(clone), "archive", "--format=tar", branch, "data"],
                             check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return {m.name: tar.extractfile(m).read().decode() for m in tar.getmembers() if m.isfile()}


def validates(clone: Path, branch: str, where: Path) -> subprocess.CompletedProcess:
    for name, text in branch_files(clone, branch).items():
        (where / name).parent.mkdir(parents=True, exist_ok=True)
        (where / name).write_text(text)
    return subprocess.run([sys.executable, "-m", "macros.cli", "validate", "--data", str(where / "data"),
                           "--today", TODAY, "--strict"], cwd=PROJECT, capture_output=True, text=True)


def test_staff_add_and_change_records_in_forms_each_change_on_its_own_branch(browser, minimal_site, tmp_path):
    requests: list[str] = []
    elsewhere: list[str] = []
    timings: dict[str, float] = {}

    def only_this_machine(route):
        url = route.request.url
        if urlsplit(url).scheme in {"http", "https"} and urlsplit(url).hostname != "127.0.0.1":
            elsewhere.append(url)
            return route.abort()
        return route.continue_()

    def timed(label: str, started: float) -> None:
        timings[label] = round(time.perf_counter() - started, 2)

    with editor_servers(tmp_path, minimal_site / "admin", FIXTURES / "minimal" / "data") as editor:
        base = git(editor.clone, "rev-parse", "main").strip()
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, service_workers="block")
        context.route("**/*", only_this_machine)
        page = context.new_page()
        page.on("request", lambda request: requests.append(request.url))
        try:
            started = time.perf_counter()
            page.goto(editor.url)
            page.get_by_role("button", name="Login").click()
            page.get_by_text("Funded projects").first.wait_for()
            timed("open /admin/ and sign in", started)

            # 1. A new funded project, through the forms.
            started = time.perf_counter()
            page.goto(editor.url + "#/collections/funded-projects/new")
            page.locator("[id^='id-field-']").wait_for()
            timed("open the new-project form", started)
            fill(page, "id", NEW)
            page.locator("[data-slate-editor]").first.click()
            page.keyboard.type("A pilot that offers young people a mentor instead of a charge.")
            fill(page, "amount", "-5")  # below the model's range
            fill(page, "award_date", "May 2024")  # not a date the validator reads
            # (title, required, left empty)
            pick(page, "funder", "District", "Test District Council (test-council)")
            pick(page, "area", "Partnership", "Test Community Safety Partnership (test-csp)")
            pick(page, "priorities", "Criminal", "Criminal Exploitation (test-criminal-exploitation)")
            page.get_by_role("button", name="Add outcomes").click()
            fill(page, "metric", "Young people mentored")
            fill(page, "value", "37")
            fill(page, "unit", "people")
            page.get_by_role("button", name="Add sources").click()
            pick(page, "document", "Test", "(test-report)")
            fill(page, "section", "2.6")

            # The form says why before anything is saved: the pattern in the validator's words, the
            # range and the required field from the model.
            page.get_by_role("button", name="Save", exact=True).click()
            refusal = page.get_by_text("didn't match the pattern", exact=False).first
            refusal.wait_for(timeout=10000)
            assert "A date is not a real date in the form YYYY-MM-DD" in refusal.text_content()
            page.get_by_text("Amount must be at least 0", exact=False).first.wait_for(timeout=5000)
            page.get_by_text("Title is required", exact=False).first.wait_for(timeout=5000)
            assert not [b for b in git(editor.clone, "branch").split() if b.startswith("cms/")]

            fill(page, "title", "Youth diversion pilot")
            fill(page, "award_date", "2024-05")
            fill(page, "amount", "12500.50")
            fill(page, "financial_year", "2024/25")
            started = time.perf_counter()
            save(page)
            timed("save the new project (opens its branch)", started)
            started = time.perf_counter()
            set_status(page, "In review")
            timed("ask for review", started)

            # 2. An existing campaign, changed through the forms.
            started = time.perf_counter()
            page.goto("about:blank")  # a full load: a hash jump would carry the last form's values
            page.goto(editor.url + f"#/collections/campaigns/entries/{CAMPAIGN}")
            page.locator("[id^='when-field-']").wait_for()
            assert page.locator("[id^='name-field-']").input_value() == "Test Awareness Week"
            timed("open an existing campaign", started)
            fill(page, "when", "26 to 30 June 2023")
            page.get_by_text("People reached", exact=True).locator(
                "xpath=preceding-sibling::div[1]//button").first.click()  # the item opens collapsed
            fill(page, "value", "68600")
            started = time.perf_counter()
            save(page)
            timed("save the campaign change (opens its branch)", started)
            set_status(page, "Ready")

            page.goto(editor.url + "#/workflow")
            page.get_by_text("Youth diversion pilot").first.wait_for()
            page.get_by_text("Test Awareness Week").first.wait_for()
        finally:
            context.close()

        # Each change is on a branch of its own, touching only its record's file.
        branches = sorted(b for b in git(editor.clone, "branch", "--format=%(refname:short)").split()
                          if b.startswith("cms/"))
        new_branch, edit_branch = f"cms/funded-projects/{NEW}", f"cms/campaigns/{CAMPAIGN}"
        assert branches == [edit_branch, new_branch]
        assert git(editor.clone, "diff", "--name-status", f"{base}..{new_branch}").splitlines() == [
            f"A\tdata/funded-projects/{NEW}.yml"]
        assert git(editor.clone, "diff", "--name-status", f"{base}..{edit_branch}").splitlines() == [
            f"M\tdata/campaigns/{CAMPAIGN}.yml"]
        assert git(editor.clone, "rev-parse", "main").strip() == base, "nothing reaches main unreviewed"
        # the workflow's column, kept where GitHub keeps it as the pull request's label
        status = {b: git(editor.clone, "config", f"branch.{b}.description").strip() for b in branches}
        assert status == {new_branch: "decap-cms/pending_review", edit_branch: "decap-cms/pending_publish"}

        # What was saved is what was typed, and each branch validates.
        project = yaml.safe_load(branch_files(editor.clone, new_branch)[f"data/funded-projects/{NEW}.yml"])
        assert project["amount"] == 12500.5 and project["funder"] == "test-council"
        assert project["outcomes"] == [{"qualifier": "exactly", "metric": "Young people mentored",
                                        "value": 37, "unit": "people"}]
        before = yaml.safe_load(branch_files(editor.clone, "main")[f"data/campaigns/{CAMPAIGN}.yml"])
        after = yaml.safe_load(branch_files(editor.clone, edit_branch)[f"data/campaigns/{CAMPAIGN}.yml"])
        assert after.pop("when") == "26 to 30 June 2023" and after["reach"][0].pop("value") == 68600
        before["reach"][0].pop("value")
        assert after == before, "no other value of the campaign changed"
        for branch in branches:
            run = validates(editor.clone, branch, tmp_path / branch.replace("/", "-"))
            assert run.returncode == 0, run.stdout + run.stderr
        proxy = editor.proxy
    assert proxy.poll() is not None, "decap-server is stopped"
    with pytest.raises(ProcessLookupError):
        os.killpg(proxy.pid, 0)  # and nothing it started is left

    assert elsewhere == [], f"the editor asked for {elsewhere}"
    assert any("/api/v1" in url for url in requests), "the editor talked to the local proxy"
    print("\nstaff editor timings (s):", timings)
