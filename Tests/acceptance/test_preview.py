"""Acceptance tests: `schoolsite preview` on copies of the sample site, over real HTTP."""

from __future__ import annotations

import re
import socket
import subprocess
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from conftest import DRAFT_SLUG, SAMPLE_DATE, diff_trees, run, schoolsite_bin, snapshot


@contextmanager
def preview(site: Path, *extra: str):
    """Runs `schoolsite preview` on a free port; yields the process and its address."""
    proc = subprocess.Popen(
        [str(schoolsite_bin()), "preview", "--site", str(site), "--port", "0", "--date", SAMPLE_DATE, *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        found = re.search(r"http://\S+/", line)
        assert found, f"no address in {line!r}; stderr: {proc.stderr.read() if proc.poll() is not None else ''}"
        yield proc, found.group(0)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def test_preview_shows_the_draft_with_its_problems_and_writes_nothing(site):
    before = snapshot(site)
    with preview(site) as (_, url):
        status, page = get(f"{url}{DRAFT_SLUG}/")
        assert status == 200
        assert "Draft — not approved. Would be refused: 2 problems" in page
        assert "<code>consent.photo</code>" in page
        status, index = get(f"{url}_preview/")
        assert status == 200 and DRAFT_SLUG in index
        for path in ["register.csv", "content/register.csv", "site.yml", f"{DRAFT_SLUG}/index.md"]:
            assert get(url + path)[0] == 404, path
    assert snapshot(site) == before, diff_trees(before, snapshot(site))


def test_a_port_in_use_exits_2_with_a_clear_message(site):
    with socket.socket() as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        port = held.getsockname()[1]
        proc = run("preview", "--site", str(site), "--port", str(port), timeout=30)
    assert proc.returncode == 2, proc.stderr
    assert f"port {port} on 127.0.0.1 is already in use" in proc.stderr
    assert not (site / "output").exists()


def test_a_host_other_than_loopback_is_warned_about(site):
    with preview(site, "--host", "0.0.0.0") as (proc, url):
        assert get(url)[0] == 200
    assert "warning: listening on 0.0.0.0" in proc.stderr.read()


def test_bad_host_or_port_is_bad_usage(site):
    assert run("preview", "--site", str(site), "--host", "example.com").returncode == 2
    assert run("preview", "--site", str(site), "--port", "70000").returncode == 2
