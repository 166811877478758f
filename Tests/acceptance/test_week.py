"""A school week, played with the real binary: a member of staff writes a post,
fixes what `check` finds, the SBM approves it, the web host builds before and on
its day, consent is withdrawn, the build refuses, and the post is retired."""
import datetime
import json
import re
import shutil

import feedparser

from conftest import REPO_ROOT, build_json, run, snapshot

REGISTER_ROW_P0011 = "P0011,Ava,Thompson,,pupil,yes,no,no,"


def test_a_week_of_the_news_page(site, tmp_path):
    day = datetime.date.today() + datetime.timedelta(days=7)
    before, after = day - datetime.timedelta(days=1), day + datetime.timedelta(days=1)

    # Monday: the SBM's deputy gets a key of their own, listed beside the sample approver.
    key = tmp_path / "pat.key"
    keygen = run("keygen", "--name", "Pat Lee", "--out", str(key))
    assert keygen.returncode == 0, keygen.stderr
    public = re.search(r"public_key: (ed25519:\S+)", keygen.stdout).group(1)
    yml = (site / "site.yml").read_text()
    (site / "site.yml").write_text(yml.replace("policy:", f"  - name: Pat Lee\n    public_key: {public}\npolicy:"))

    # Staff start a post for next week and write it, naming a pupil they may not name.
    new = run("new", "Class 4 plant a tree", "--category", "celebration", "--date", day.isoformat(), "--site", str(site))
    assert new.returncode == 0, new.stderr
    index = site / new.stdout.strip()
    folder = index.parent
    shutil.copy(REPO_ROOT / "content/posts/2026-07-10-sports-day/relay.jpg", folder / "tree.jpg")
    draft = (f"---\ntitle: Class 4 plant a tree\ndate: {day}\nauthor: Mrs A. Patel\ncategory: celebration\n"
             "people: [P0011]\nphotos:\n  tree.jpg: [P0011, P0013]\n---\n"
             "Ava planted the first tree. ![Children planting an oak](tree.jpg)\n")
    index.write_text(draft)
    check = run("check", str(folder.relative_to(site)), "--site", str(site), "--format", "json")
    assert check.returncode == 1
    rules = sorted(d["rule"] for d in json.loads(check.stdout)["diagnostics"])
    assert rules == ["consent.photo", "people.undeclared", "redaction.name"]

    # Fixed: only pupils with consent in the photo, named only with name consent.
    fixed = (draft.replace("people: [P0011]", "people: [P0011, {id: P0018, named: true}]")
             .replace("[P0011, P0013]", "[P0011, P0018]").replace("Ava planted", "Yusuf planted"))
    index.write_text(fixed)
    assert run("check", folder.name, "--site", str(site)).returncode == 0

    # The SBM approves it: the approval names the people and their consent.
    approve = run("approve", str(folder), "--key", str(key), "--site", str(site))
    assert approve.returncode == 0, approve.stderr
    assert "P0011: photo consent yes, name consent no" in approve.stdout
    assert (folder / "approval.json").is_file()

    # The night before its day it is scheduled, not published.
    proc, report = build_json(site, before.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert folder.name in report["scheduled"]
    assert not (site / "output" / folder.name).exists()

    # On the day it is published and in the feed.
    proc, report = build_json(site, day.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert folder.name in report["published"]
    feed = feedparser.parse((site / "output/feed.xml").read_bytes())
    assert feed.entries[0].link.endswith(f"/{folder.name}/")
    live = snapshot(site / "output")

    # A parent withdraws photo consent: the next build refuses and the site stays as it was.
    register = (site / "content/register.csv").read_text()
    (site / "content/register.csv").write_text(register.replace(REGISTER_ROW_P0011, "P0011,Ava,Thompson,,pupil,no,no,no,"))
    refused = run("build", "--site", str(site), "--date", day.isoformat())
    assert refused.returncode == 1
    assert f"{folder.relative_to(site)}/index.md" in refused.stderr
    assert "error[consent.photo] P0011 is pictured in tree.jpg" in refused.stderr
    assert "Ava" not in refused.stderr and "Thompson" not in refused.stderr
    assert snapshot(site / "output") == live

    # The post is given an end date: from the next day the site builds without it.
    index.write_text(fixed.replace(f"date: {day}\n", f"date: {day}\nexpires: {day}\n"))
    proc, report = build_json(site, after.isoformat())
    assert proc.returncode == 0, proc.stderr
    assert folder.name in report["expired"]
    assert not (site / "output" / folder.name).exists()
