"""Each command's output and exit codes, run as a user would."""
import json
import os
import stat

from conftest import DRAFT_SLUG, SAMPLE_DATE, build, run


def test_new_makes_a_draft_and_never_overwrites(site):
    first = run("new", "Harvest: \"Thank you\" from Year 2", "--site", str(site), "--date", "2026-12-01")
    assert first.returncode == 0, first.stderr
    path = first.stdout.strip()
    assert path == "content/posts/2026-12-01-harvest-thank-you-from-year-2/index.md"
    text = (site / path).read_text()
    assert 'title: "Harvest: \\"Thank you\\" from Year 2"' in text
    assert "category: achievement" in text  # the first of policy.categories
    again = run("new", "Harvest: \"Thank you\" from Year 2", "--site", str(site), "--date", "2026-12-01")
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert (site / path).read_text() == text
    wrong = run("new", "Trip", "--category", "news", "--site", str(site))
    assert wrong.returncode == 2 and "not one of" in wrong.stderr


def test_check_lists_every_problem_of_the_draft(site):
    proc = run("check", "--site", str(site), "--date", SAMPLE_DATE)
    assert proc.returncode == 1
    lines = [l for l in proc.stderr.splitlines() if "error[" in l]
    assert lines == [
        f"content/posts/{DRAFT_SLUG}/index.md:12:26: error[consent.photo] P0014 is pictured in odd-socks.jpg but has no photo consent on {SAMPLE_DATE}",
        f"content/posts/{DRAFT_SLUG}/index.md:26:20: error[redaction.name] a name of P0006 appears in the text, but they are not `named: true` with name consent on {SAMPLE_DATE}; remove the name (or, only if the word is not a name here, like the month May, list it under `not_names`)",
    ]
    one = run("check", "2026-07-10-sports-day", "--site", str(site), "--date", SAMPLE_DATE)
    assert one.returncode == 0 and "no errors" in one.stdout
    missing = run("check", "no-such-post", "--site", str(site))
    assert missing.returncode == 2 and "No post folder" in missing.stderr


def test_check_json_is_the_build_report(site):
    proc = run("check", "--site", str(site), "--date", SAMPLE_DATE, "--format", "json")
    report = json.loads(proc.stdout)
    assert set(report) == {"ok", "date", "published", "scheduled", "expired", "drafts", "diagnostics"}
    assert report["ok"] is False and report["drafts"] == [DRAFT_SLUG]
    assert set(report["diagnostics"][0]) == {"file", "line", "column", "severity", "rule", "message"}


def test_check_and_status_after_a_build_say_what_they_say_without_one(site):
    def check_and_status():
        check = run("check", "--site", str(site), "--date", SAMPLE_DATE, "--format", "json")
        status = run("status", "--site", str(site), "--date", SAMPLE_DATE, "--format", "json")
        return check.returncode, json.loads(check.stdout), json.loads(status.stdout)

    def with_state(status, old, new):
        return [dict(entry, state=new if entry["state"] == old else entry["state"]) for entry in status]

    unbuilt = check_and_status()
    assert {e["slug"]: e["state"] for e in unbuilt[2]}["2026-07-10-sports-day"] == "approved"
    assert build(site).returncode == 0
    cache = site / ".output.cache"
    written = (cache.read_bytes(), cache.stat().st_mtime_ns)
    # The same findings; what was due is now published.
    assert check_and_status() == (unbuilt[0], unbuilt[1], with_state(unbuilt[2], "approved", "published"))
    assert (cache.read_bytes(), cache.stat().st_mtime_ns) == written, "check and status only read the cache"

    # A post edited after the build is read again, not taken from the cache.
    index = site / "content/posts/2026-07-10-sports-day/index.md"
    index.write_text(index.read_text() + "\nOne more line.\n")
    code, report, status = check_and_status()
    assert code == 1
    assert [(d["file"], d["rule"]) for d in report["diagnostics"] if d["rule"] == "approval.stale"] == [
        ("content/posts/2026-07-10-sports-day/approval.json", "approval.stale")]
    # Without the cache, status cannot tell what the site shows.
    cache.unlink()
    assert check_and_status() == (code, report, with_state(status, "published", "approved"))


def test_status_one_line_per_post_newest_first(site):
    proc = run("status", "--site", str(site), "--date", SAMPLE_DATE)
    assert proc.returncode == 0
    rows = [line.split() for line in proc.stdout.splitlines()]
    assert [r[0] for r in rows] == sorted((r[0] for r in rows), reverse=True)
    states = {r[0]: r[1] for r in rows}
    assert states[DRAFT_SLUG] == "draft"
    assert states["2027-01-15-spring-term-clubs"] == "scheduled"
    assert states["2025-10-01-parents-evening-reminder"] == "expired"
    assert states["2026-07-10-sports-day"] == "approved", "due, but not on the site until a build"
    elsewhere = site.parent / "www"
    assert build(site, SAMPLE_DATE, "--output", str(elsewhere)).returncode == 0

    def sports_day(*extra):
        proc = run("status", "--site", str(site), "--date", SAMPLE_DATE, *extra)
        return {line.split()[0]: line.split()[1] for line in proc.stdout.splitlines()}["2026-07-10-sports-day"]

    assert sports_day() == "approved", "output/ is not built"
    assert sports_day("--output", str(elsewhere)) == "published"
    assert build(site).returncode == 0
    assert sports_day() == "published"
    index = site / "content/posts/2026-07-10-sports-day/index.md"
    index.write_text(index.read_text() + "\nOne more line.\n")
    stale = run("status", "--site", str(site), "--date", SAMPLE_DATE, "--format", "json")
    entry = next(e for e in json.loads(stale.stdout) if e["slug"] == "2026-07-10-sports-day")
    assert entry["state"] == "stale" and entry["errors"] == 1


def test_sar_finds_listed_pictured_and_named(site):
    proc = run("sar", "P0002", "--site", str(site), "--format", "json")
    assert proc.returncode == 0
    report = json.loads(proc.stdout)
    sports = next(p for p in report["posts"] if p["post"] == "2026-07-10-sports-day")
    assert sports["listed"] and sports["images"] == ["relay.jpg"] and sports["namedAt"]
    assert sports["url"] == "https://www.example.sch.uk/news/2026-07-10-sports-day/"
    # Named in a draft that does not list her: still found, at the word.
    folder = site / "content/posts/2026-11-20-choir"
    folder.mkdir()
    (folder / "index.md").write_text("---\ntitle: Choir\ndate: 2026-11-20\nauthor: Mr G. Hughes\ncategory: update\n"
                                     "people: []\nphotos: {}\n---\nLovely solo from FREYA's group, and a duet by Fr3ya.\n")
    found = json.loads(run("sar", "P0009", "--site", str(site), "--format", "json").stdout)["posts"]
    assert [(p["post"], p["state"], p["listed"], p["namedAt"]) for p in found] == [
        ("2026-11-20-choir", "draft", False, ["content/posts/2026-11-20-choir/index.md:9:18",
                                               "content/posts/2026-11-20-choir/index.md:9:47"])]
    unknown = run("sar", "P9999", "--site", str(site))
    assert unknown.returncode == 0 and unknown.stdout == "0 posts mention P9999.\n"
    assert "P9999 is not in the consent register" in unknown.stderr


def test_sar_still_finds_someone_who_has_left_the_register(site):
    register = site / "content/register.csv"
    register.write_text("".join(l for l in register.read_text().splitlines(True) if not l.startswith("P0002,")))
    proc = run("sar", "P0002", "--site", str(site), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["inRegister"] is False and "searched for the id only" in proc.stderr
    sports = next(p for p in report["posts"] if p["post"] == "2026-07-10-sports-day")
    assert sports["listed"] and sports["images"] == ["relay.jpg"] and sports["namedAt"] == []


def test_keygen_writes_a_private_key_and_approve_refuses_a_shared_one(site, tmp_path):
    key = tmp_path / "sam.key"
    proc = run("keygen", "--name", "Sam Taylor", "--out", str(key))
    assert proc.returncode == 0 and "public_key: ed25519:" in proc.stdout
    assert stat.S_IMODE(os.stat(key).st_mode) == 0o600
    assert run("keygen", "--name", "Sam Taylor", "--out", str(key)).returncode == 2
    os.chmod(key, 0o644)
    refused = run("approve", "content/posts/2026-07-10-sports-day", "--key", str(key), "--site", str(site))
    assert refused.returncode == 2
    assert "can be read by other users" in refused.stderr and "chmod 600" in refused.stderr


def test_approve_refuses_a_post_with_problems_and_writes_nothing(site, tmp_path):
    key = tmp_path / "sam.key"
    public = run("keygen", "--name", "Sam Taylor", "--out", str(key)).stdout.split("public_key: ")[1].strip()
    yml = (site / "site.yml").read_text()
    (site / "site.yml").write_text("\n".join(
        f"    public_key: {public}" if line.startswith("    public_key:") else line for line in yml.splitlines()) + "\n")
    proc = run("approve", f"content/posts/{DRAFT_SLUG}", "--key", str(key), "--site", str(site))
    assert proc.returncode == 1
    assert "error[consent.photo]" in proc.stderr and "nothing was written" in proc.stderr
    assert not (site / f"content/posts/{DRAFT_SLUG}/approval.json").exists()


def test_usage_errors_exit_2_and_every_command_has_an_example():
    assert run("build", "--date", "2024-13-01").returncode == 2
    assert run("frobnicate").returncode == 2
    for command in ["new", "check", "preview", "keygen", "approve", "build", "status", "sar"]:
        help_text = run(command, "--help").stdout
        assert "Example" in help_text, command
