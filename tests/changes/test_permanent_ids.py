"""Permanent ids (issue 17): a published address keeps working. Renaming or deleting a public
record fails the pull-request check, naming the old id, unless the renamed record says which id
it replaces; the built site then redirects the old address. Closing keeps the record."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import lxml.html
import pytest

from tests.conftest import PROJECT, build
from tests.data_repo import edit, git, make_data_repo

TODAY = "2023-09-15"


@pytest.fixture
def repo(tmp_path) -> Path:
    (tmp_path / "repo").mkdir()
    repo = make_data_repo(tmp_path / "repo")
    git(repo, "checkout", "-q", "-b", "rename")
    return repo


def check(repo: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros.cli", "diff", "main", "HEAD", "--checks", *extra,
                           "--data", str(repo / "data"), "--today", TODAY],
                          cwd=PROJECT, capture_output=True, text=True)


def rename_helpline(repo: Path, replaces: str = "") -> None:
    edit(repo / "data/routes.yml", "- id: test-helpline\n", f"- id: testshire-abuse-helpline\n{replaces}")
    git(repo, "commit", "-q", "-am", "Rename the helpline")


def test_renaming_a_published_id_fails_the_check_naming_the_old_id(repo):
    rename_helpline(repo)
    run = check(repo)
    assert run.returncode == 1
    [line] = [line for line in run.stderr.splitlines() if "[id-gone]" in line]
    assert line.startswith("data/routes.yml:21: id: the published route id 'test-helpline' is gone")
    assert "/routes/test-helpline/ would stop working" in line and "'replaces: test-helpline'" in line
    summary = check(repo, "--markdown")  # the pull request's job summary says the same
    assert summary.returncode == 1 and "Errors (these stop publishing): 1" in summary.stdout
    assert "'test-helpline' is gone" in summary.stdout
    assert "Traceback" not in run.stderr + summary.stderr


def test_deleting_a_published_record_fails_but_a_draft_may_go(repo):
    campaigns = repo / "data/campaigns.yml"
    git(repo, "checkout", "-q", "main~1", "--", "data/campaigns.yml")  # the two campaigns back
    git(repo, "commit", "-q", "-am", "Campaigns back")
    git(repo, "branch", "-f", "main", "HEAD")
    campaigns.write_text("[]\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Remove both campaigns")
    run = check(repo)
    gone = [line for line in run.stderr.splitlines() if "[id-gone]" in line]
    assert run.returncode == 1 and len(gone) == 1  # the public week; the draft campaign was never published
    assert "the published campaign id 'test-awareness-week' is gone" in gone[0]


def test_with_replaces_the_check_passes_and_the_old_address_redirects(repo, tmp_path):
    rename_helpline(repo, "  replaces: test-helpline\n")
    run = check(repo)
    assert run.returncode == 0, run.stderr
    site = tmp_path / "site"
    built = build(repo / "data", site, TODAY)
    assert built.returncode == 0, built.stdout + built.stderr
    assert (site / "routes/testshire-abuse-helpline/index.html").exists()
    page = lxml.html.parse(str(site / "routes/test-helpline/index.html")).getroot()
    [refresh] = page.xpath("//meta[@http-equiv='refresh']/@content")
    assert refresh == "0; url=../../routes/testshire-abuse-helpline/"
    # the link works without the refresh
    assert page.xpath("//main//a/@href") == ["../../routes/testshire-abuse-helpline/"]
    assert page.xpath("//link[@rel='canonical']/@href") == [
        "http://127.0.0.1:8000/routes/testshire-abuse-helpline/"]
    assert not page.xpath("//script")


def test_a_second_rename_keeps_the_first_old_address(repo):
    rename_helpline(repo, "  replaces: test-helpline\n")
    git(repo, "branch", "-f", "main", "HEAD")  # published
    edit(repo / "data/routes.yml", "- id: testshire-abuse-helpline\n  replaces: test-helpline\n",
         "- id: abuse-helpline\n  replaces: testshire-abuse-helpline\n")
    git(repo, "commit", "-q", "-am", "Rename again")
    run = check(repo)
    assert run.returncode == 1 and "'test-helpline' is gone" in run.stderr
    edit(repo / "data/routes.yml", "  replaces: testshire-abuse-helpline\n",
         "  replaces: [testshire-abuse-helpline, test-helpline]\n")
    git(repo, "commit", "-q", "-am", "Keep both old addresses")
    assert check(repo).returncode == 0


def test_closing_keeps_the_record_and_its_page_says_it_closed(repo, tmp_path):
    edit(repo / "data/routes.yml", "  verified_on: 2024-07-01\n",
         "  verified_on: 2024-07-01\n  closed_on: 2023-09-01\n")
    git(repo, "commit", "-q", "-am", "The helpline closed")
    assert check(repo).returncode == 0
    site = tmp_path / "site"
    assert build(repo / "data", site, TODAY).returncode == 0
    page = lxml.html.parse(str(site / "routes/test-helpline/index.html")).getroot()
    [notice] = page.cssselect(".csp-closed")
    assert " ".join(notice.text_content().split()) == (
        "Closed This route closed on 1 September 2023. It is kept here so that links to it keep "
        "working; it is no longer available.")
    # no longer offered as a way to get help (it is, until it closes: tests/site)
    finder = (site / "report/domestic-abuse/index.html").read_text(encoding="utf-8")
    assert "tel:999" in finder  # the page is the one that lists it when open
    assert "Testshire Abuse Helpline" not in finder


def test_an_old_id_is_replaced_by_one_record_only_once_no_record_has_it(minimal_data):
    routes = minimal_data / "routes.yml"
    edit(routes, "- id: test-helpline\n", "- id: test-helpline\n  replaces: [test-emergency, old-line]\n")
    edit(routes, "- id: test-emergency\n", "- id: test-emergency\n  replaces: old-line\n")
    run = subprocess.run([sys.executable, "-m", "macros.cli", "validate", "--data", str(minimal_data),
                          "--today", "2023-08-01"], cwd=PROJECT, capture_output=True, text=True)
    found = [line.split(": ", 1)[1] for line in run.stdout.splitlines() if "[replaces]" in line]
    assert run.returncode == 1
    assert found == [
        "replaces[1]: 'test-emergency' is still the id of a record, so its address cannot redirect here; "
        "remove it from replaces (a record replaces an id only once no record has it) [replaces]",
        f"replaces[2]: 'old-line' is already replaced by 'test-emergency' at {minimal_data}/routes.yml:1; "
        "an old address redirects to one record only, so keep it in one of them [replaces]"]
