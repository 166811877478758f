"""Hostile input and injected faults, run on the real binary.

Whatever is in content/, a build must end with a plain message naming the file
and the right exit code, within a time limit (no hang), under 1 GB of memory,
and with the previous output/ exactly as it was.
"""

from __future__ import annotations

import errno
import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SAMPLE_DATE, build, schoolsite_bin, snapshot

MEMORY_LIMIT_KB = 1 << 20
FRONT = "---\ntitle: Hostile\ndate: 2026-01-05\nauthor: Mr G. Hughes\ncategory: update\npeople: []\nphotos: {photos}\n---\n"


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    peak_kb: int


def measured(*args: str, timeout: float = 120) -> Outcome:
    """Runs schoolsite under GNU time; the peak resident memory comes with the result."""
    with tempfile.NamedTemporaryFile("r") as timing:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", timing.name, str(schoolsite_bin()), *args],
                              capture_output=True, text=True, errors="replace", timeout=timeout)
        peak = int(timing.read().split()[-1])
    assert peak < MEMORY_LIMIT_KB, f"peak memory {peak} KB for {args}"
    return Outcome(proc.returncode, proc.stdout, proc.stderr, peak)


def approved_post(site: Path, slug: str, body: str | bytes, photos: str = "{}") -> Path:
    """A post folder the build reads: it has an approval.json (one that can never verify)."""
    folder = site / "content" / "posts" / slug
    folder.mkdir(parents=True, exist_ok=True)
    data = body if isinstance(body, bytes) else body.encode()
    (folder / "index.md").write_bytes(FRONT.format(photos=photos).encode() + data)
    (folder / "approval.json").write_text('{"post":"%s","sha256":"0","approver":"Sam Taylor","approved_at":"2026-01-05T09:00:00Z","signature":"AA=="}' % slug)
    return folder


@pytest.fixture
def built(site: Path) -> tuple[Path, dict]:
    """The sample site, built once: the output a hostile build must leave alone."""
    assert build(site).returncode == 0
    return site, snapshot(site / "output")


def refused(site: Path, live: dict, code: int, *messages: str) -> Outcome:
    """Builds, and expects exit CODE, every message in the errors, and the old output whole."""
    outcome = measured("build", "--site", str(site), "--date", SAMPLE_DATE)
    assert outcome.code == code, outcome.stderr
    for message in messages:
        assert message in outcome.stderr, outcome.stderr
    assert snapshot(site / "output") == live
    assert not list(site.glob(".output.staging-*"))
    return outcome


# ---------------------------------------------------------------- oversized and deep input


def test_a_50_mb_post_is_refused_by_its_size(built):
    site, live = built
    approved_post(site, "2026-01-05-huge", "word " * (10 << 20))
    refused(site, live, 1, "content/posts/2026-01-05-huge/index.md:1:1: error[post.front-matter] index.md is 50 MB, over the 4 MB limit")


@pytest.mark.parametrize("body", ["> " * 10_000 + "deep\n", "- " * 10_000 + "deep\n", "[" * 10_000 + "x" + "]" * 10_000 + "\n"])
def test_10000_deep_nesting_neither_crashes_nor_hangs(built, body):
    site, live = built
    approved_post(site, "2026-01-05-deep", body)
    outcome = refused(site, live, 1, "content/posts/2026-01-05-deep/approval.json:1:1: error[approval.signature]")
    assert "post.front-matter" not in outcome.stderr
    check = measured("check", "2026-01-05-deep", "--site", str(site), "--date", SAMPLE_DATE)
    assert check.code == 1 and "Checked 1 post" in check.stdout


def test_a_100000_row_register_builds(site):
    register = site / "content" / "register.csv"
    rows = register.read_text(encoding="utf-8")
    # Names made of letters no sample post uses as a word.
    extra = "".join(f"Q{index:06d},Qx{index:x}z,Zq{index:x}x,,pupil,yes,no,no,\n" for index in range(100_000))
    register.write_text(rows + extra, encoding="utf-8")
    outcome = measured("build", "--site", str(site), "--date", SAMPLE_DATE)
    assert outcome.code == 0, outcome.stderr
    assert (site / "output" / "index.html").is_file()


# ---------------------------------------------------------------- bytes that are not clean text


def test_invalid_utf8_names_the_line(built):
    site, live = built
    approved_post(site, "2026-01-05-latin1", b"Caf\xe9 open today.\n")
    refused(site, live, 1, "content/posts/2026-01-05-latin1/index.md:1:1: error[post.front-matter] index.md is not valid UTF-8 text (first bad byte on line 9); save it as UTF-8")


def test_invalid_utf8_in_the_register_or_settings_stops_with_exit_2(built):
    site, live = built
    register = site / "content" / "register.csv"
    good = register.read_bytes()
    register.write_bytes(good + b"P0999,Ren\xe9e,Dubois,,pupil,yes,yes,no,\n")
    refused(site, live, 2, "content/register.csv:1:1: error[register.invalid] the consent register is not valid UTF-8 text (first bad byte on line")
    register.write_bytes(good)
    settings = site / "site.yml"
    settings.write_bytes(settings.read_bytes().replace(b"News", b"N\xffws", 1))
    refused(site, live, 2, "site.yml", "is not valid UTF-8 text")


def test_nul_bytes_are_neither_a_crash_nor_published(site):
    folder = site / "content" / "posts" / "2026-01-05-nul"
    folder.mkdir()
    (folder / "index.md").write_bytes(FRONT.format(photos="{}").encode() + b"Before\x00after.\n")
    outcome = measured("check", "2026-01-05-nul", "--site", str(site), "--date", SAMPLE_DATE)
    assert outcome.code == 0, outcome.stderr
    preview = measured("build", "--site", str(site), "--date", SAMPLE_DATE)
    assert preview.code == 0
    assert not any(b"\x00" in path.read_bytes() for path in (site / "output").rglob("*.html"))


def test_bom_and_crlf_are_read_like_plain_text(site):
    folder = site / "content" / "posts" / "2026-01-05-windows"
    folder.mkdir()
    (folder / "index.md").write_bytes(b"\xef\xbb\xbf" + FRONT.format(photos="{}").replace("\n", "\r\n").encode() + b"From Windows.\r\n")
    register = site / "content" / "register.csv"
    register.write_bytes(b"\xef\xbb\xbf" + register.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    outcome = measured("check", "2026-01-05-windows", "--site", str(site), "--date", SAMPLE_DATE)
    assert outcome.code == 0 and "no errors" in outcome.stdout, outcome.stderr + outcome.stdout


# ---------------------------------------------------------------- files that are not files


def test_a_fifo_a_device_and_a_link_loop_do_not_hang(built):
    site, live = built
    fifo = approved_post(site, "2026-01-05-fifo", "x\n")
    (fifo / "index.md").unlink()
    os.mkfifo(fifo / "index.md")
    image = approved_post(site, "2026-01-05-pipe-image", "![A pipe](pipe.jpg)\n", photos="{pipe.jpg: []}")
    os.mkfifo(image / "pipe.jpg")
    device = approved_post(site, "2026-01-05-device", "![Zeros](zero.jpg)\n", photos="{zero.jpg: []}")
    os.mknod(device / "zero.jpg", 0o600 | 0o020000, os.makedev(1, 5))
    loop = approved_post(site, "2026-01-05-loop", "![Loop](a.jpg)\n", photos="{a.jpg: []}")
    os.symlink("b.jpg", loop / "a.jpg")
    os.symlink("a.jpg", loop / "b.jpg")
    refused(site, live, 1,
            "content/posts/2026-01-05-fifo/index.md:1:1: error[post.front-matter] index.md is not a regular file (a folder, pipe or device)",
            "content/posts/2026-01-05-pipe-image/index.md:9:1: error[image.missing] this image `pipe.jpg` in content/posts/2026-01-05-pipe-image/ is not a regular file",
            "content/posts/2026-01-05-device/index.md:9:1: error[image.missing] this image `zero.jpg` in content/posts/2026-01-05-device/ is not a regular file",
            "content/posts/2026-01-05-loop/index.md:9:1: error[image.missing] this image `a.jpg` in content/posts/2026-01-05-loop/ is not a regular file")


def test_a_fifo_as_the_register_stops_with_exit_2(built):
    site, live = built
    (site / "content" / "register.csv").unlink()
    os.mkfifo(site / "content" / "register.csv")
    refused(site, live, 2, "content/register.csv:1:1: error[register.invalid] the consent register is not a regular file")


def test_file_names_with_spaces_unicode_and_newlines(site):
    folder = site / "content" / "posts" / "2026-07-10-sports-day"
    (folder / "stray\nname.txt").write_text("not shown")
    odd = site / "content" / "posts" / "2026-01-05 odd\nname"
    odd.mkdir()
    (odd / "index.md").write_text(FRONT.format(photos="{}") + "x\n")
    spaced = site / "content" / "posts" / "2026-01-05-spaced"
    spaced.mkdir()
    (spaced / "index.md").write_text(FRONT.format(photos="{my photo.jpg: [], café.jpg: []}") +
                                     "![The field](my%20photo.jpg) ![The hall](café.jpg)\n", encoding="utf-8")
    for name in ("my photo.jpg", "café.jpg"):
        (spaced / name).write_bytes((folder / "relay.jpg").read_bytes())
    outcome = measured("check", "--site", str(site), "--date", SAMPLE_DATE)
    assert "the folder name `2026-01-05 odd\nname` is not a valid slug" in outcome.stderr, outcome.stderr
    assert "2026-01-05-spaced" not in outcome.stderr
    assert "content/posts/2026-07-10-sports-day" not in outcome.stderr


# ---------------------------------------------------------------- YAML that is valid but hostile


def billion_laughs() -> str:
    levels = ['&a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh"):
        levels.append(f"&{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "[" + ", ".join(levels) + "]"


def test_a_yaml_bomb_is_refused_quickly(built):
    site, live = built
    folder = approved_post(site, "2026-01-05-bomb", "x\n")
    source = (folder / "index.md").read_text().replace("photos: {}", f"photos: {{}}\nnot_names: {billion_laughs()}")
    (folder / "index.md").write_text(source)
    outcome = refused(site, live, 1, "content/posts/2026-01-05-bomb/index.md:8:")
    assert outcome.peak_kb < 200 << 10
    settings = site / "site.yml"
    settings.write_text(settings.read_text().replace("categories: [achievement, celebration, update, reminder]",
                                                     f"categories: {billion_laughs()}"))
    refused(site, live, 2, "site.yml:")


def test_duplicate_yaml_keys_are_named(built):
    site, live = built
    folder = approved_post(site, "2026-01-05-twice", "x\n")
    (folder / "index.md").write_text((folder / "index.md").read_text().replace("author:", "title: Again\nauthor:"))
    again = (folder / "index.md").read_text().splitlines().index("title: Again") + 1
    assert again > 2
    refused(site, live, 1, f"content/posts/2026-01-05-twice/index.md:{again}:1: error[post.front-matter] "
                           "the key `title` is given more than once (first on line 2); keep one")
    settings = site / "site.yml"
    settings.write_text(settings.read_text() + "title: Twice\n")
    refused(site, live, 2, "site.yml:", "given more than once")


# ---------------------------------------------------------------- faults of the machine


@pytest.fixture
def small_disk(tmp_path: Path):
    """A tmpfs of MEGABYTES, unmounted afterwards; skipped where mounting is not allowed."""
    mounted: list[Path] = []

    def make(megabytes: int) -> Path:
        point = tmp_path / f"disk-{len(mounted)}"
        point.mkdir()
        proc = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={megabytes}m", "tmpfs", str(point)], capture_output=True, text=True)
        if proc.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {proc.stderr.strip()}")
        mounted.append(point)
        return point

    yield make
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def fill(path: Path) -> None:
    """Writes `path` until the file system holding it is full."""
    with path.open("wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC, error


def test_a_full_disk_names_the_cause_and_keeps_the_old_site(site, small_disk):
    disk = small_disk(1)
    out = disk / "output"
    first = measured("build", "--site", str(site), "--output", str(out), "--date", SAMPLE_DATE)
    assert first.code == 0, first.stderr
    live = snapshot(out)
    # The disk fills up; on another date the news list changes, and its new pages cannot be written.
    fill(disk / "filler")
    outcome = measured("build", "--site", str(site), "--output", str(out), "--date", "2027-01-15")
    assert outcome.code == 2, outcome.stderr
    assert "No space left on device" in outcome.stderr, outcome.stderr
    assert snapshot(out) == live
    assert not list(disk.glob(".output.staging-*"))


def test_a_read_only_output_folder_names_the_cause(site, small_disk):
    disk = small_disk(8)
    out = disk / "output"
    assert measured("build", "--site", str(site), "--output", str(out), "--date", SAMPLE_DATE).code == 0
    live = snapshot(out)
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
    outcome = measured("build", "--site", str(site), "--output", str(out), "--date", "2027-01-15")
    assert outcome.code == 2, outcome.stderr
    assert "Read-only file system" in outcome.stderr, outcome.stderr
    assert snapshot(out) == live
