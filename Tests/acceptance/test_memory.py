"""Every cmark allocation is freed: the sample build leaks nothing under valgrind."""
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BINARY = Path(os.environ.get("SCHOOLSITE_BIN", ROOT / ".build/debug/schoolsite"))


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_sample_build_leaks_nothing(tmp_path):
    # valgrind cannot read the DWARF 5 debug info Swift writes, so run a stripped copy.
    stripped = tmp_path / "schoolsite"
    subprocess.run(["strip", "-o", str(stripped), str(BINARY)], check=True)
    run = subprocess.run(
        ["valgrind", "--leak-check=full", "--undef-value-errors=no",
         "--errors-for-leak-kinds=definite,indirect", "--error-exitcode=9",
         str(stripped), "build", "--site", str(ROOT), "--output", str(tmp_path / "out"),
         "--date", "2026-11-25", "--quiet"],
        capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "definitely lost: 0 bytes in 0 blocks" in run.stderr
    assert "indirectly lost: 0 bytes in 0 blocks" in run.stderr
    assert (tmp_path / "out" / "feed.xml").is_file()
