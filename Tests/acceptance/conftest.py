"""Shared fixtures for the schoolsite acceptance tests.

The tests run the real `schoolsite` binary (SCHOOLSITE_BIN, default
.build/debug/schoolsite under the repository root) against copies of the sample
site in pytest's temporary folders, so the repository's own content/ and output/
are never touched.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]

# The build date every test uses unless it is testing dates on purpose.
SAMPLE_DATE = "2026-11-25"
DRAFT_SLUG = "2026-11-24-odd-socks-day"
SCHEDULED_SLUG = "2027-01-15-spring-term-clubs"
EXPIRED_SLUG = "2025-10-01-parents-evening-reminder"
SAMPLE_PUBLISHED = [
    "2025-09-19-harvest-festival",
    "2025-10-17-reading-week",
    "2025-11-21-charity-bake-sale",
    "2026-01-08-snow-closure",
    "2026-03-13-science-fair",
    "2026-05-15-nursery-open-morning",
    "2026-06-26-year-6-residential",
    "2026-07-10-sports-day",
]


def schoolsite_bin() -> Path:
    configured = os.environ.get("SCHOOLSITE_BIN", ".build/debug/schoolsite")
    path = Path(configured)
    if not path.is_absolute():
        path = REPO_ROOT / path
    return path


@pytest.fixture(scope="session")
def bin_path() -> Path:
    path = schoolsite_bin()
    if not (path.is_file() and os.access(path, os.X_OK)):
        pytest.fail(f"schoolsite binary not found at {path}; build it or set SCHOOLSITE_BIN")
    return path


def run(*args: str, timeout: float = 120, **kwargs) -> subprocess.CompletedProcess:
    """Runs schoolsite with ARGS and returns the finished process (text mode)."""
    return subprocess.run(
        [str(schoolsite_bin()), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        **kwargs,
    )


def build(site: Path, date: str = SAMPLE_DATE, *extra: str, **kwargs) -> subprocess.CompletedProcess:
    return run("build", "--site", str(site), "--date", date, *extra, **kwargs)


def build_json(site: Path, date: str = SAMPLE_DATE, *extra: str) -> tuple[subprocess.CompletedProcess, dict]:
    proc = build(site, date, "--format", "json", *extra)
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError as error:
        raise AssertionError(
            f"--format json did not print one JSON object ({error}):\n"
            f"stdout: {proc.stdout!r}\nstderr: {proc.stderr!r}"
        ) from None
    return proc, report


def copy_sample_site(dest: Path) -> Path:
    """Copies site.yml, content/ and themes/ of the sample site into DEST."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO_ROOT / "site.yml", dest / "site.yml")
    shutil.copytree(REPO_ROOT / "content", dest / "content", symlinks=True)
    shutil.copytree(REPO_ROOT / "themes", dest / "themes", symlinks=True)
    return dest


def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every path under ROOT mapped to its bytes (None for a folder)."""
    tree: dict[str, bytes | None] = {}
    if not root.exists():
        return tree
    for dirpath, dirnames, filenames in os.walk(root):
        base = Path(dirpath)
        for name in dirnames:
            tree[str((base / name).relative_to(root))] = None
        for name in filenames:
            path = base / name
            tree[str(path.relative_to(root))] = path.read_bytes()
    return tree


def diff_trees(a: dict, b: dict) -> str:
    """A short human-readable description of how two snapshots differ."""
    only_a = sorted(set(a) - set(b))
    only_b = sorted(set(b) - set(a))
    changed = sorted(p for p in set(a) & set(b) if a[p] != b[p])
    parts = []
    if only_a:
        parts.append(f"only in first: {only_a[:10]}")
    if only_b:
        parts.append(f"only in second: {only_b[:10]}")
    if changed:
        parts.append(f"different bytes: {changed[:10]}")
    return "; ".join(parts) or "identical"


def output_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


@dataclass
class SampleBuild:
    site: Path
    output: Path
    stdout: str
    stderr: str


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A fresh, writable copy of the sample site."""
    return copy_sample_site(tmp_path / "site")


@pytest.fixture(scope="session")
def sample_build(bin_path: Path, tmp_path_factory: pytest.TempPathFactory) -> SampleBuild:
    """The sample site built once at SAMPLE_DATE; tests must only read it."""
    root = copy_sample_site(tmp_path_factory.mktemp("sample") / "site")
    proc = build(root)
    assert proc.returncode == 0, f"sample build failed ({proc.returncode}):\n{proc.stderr}"
    return SampleBuild(site=root, output=root / "output", stdout=proc.stdout, stderr=proc.stderr)
