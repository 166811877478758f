"""Acceptance: a build publishes images with no metadata but the orientation,
no trailer, and the very same pixels (SPEC §8, last bullet).

Runs the real `schoolsite build` on a throwaway site holding the fixtures of
make_image_fixtures.py, then looks at the output with exiftool and Pillow,
tools schoolsite has no part in.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image, ImageSequence

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "images"
SLUG = "2024-06-14-photos-from-the-field"
IMAGES = {
    "phone.jpg": "A green field under a blue sky",
    "sideways.jpg": "A red arrow pointing up",
    "poster.png": "A poster of the school field",
    "sticker.webp": "A sticker of the school field",
    "wave.gif": "Blue and yellow shapes moving across",
}

# What exiftool may report about a published image: the file and its structure,
# and EXIF IFD0 Orientation. Anything else is metadata that leaked.
ALLOWED = {
    "ExifTool": {"ExifToolVersion"},
    "System": None,  # file name, size, dates and permissions on this disk
    "File": {"FileType", "FileTypeExtension", "MIMEType", "ImageWidth", "ImageHeight", "EncodingProcess",
             "BitsPerSample", "ColorComponents", "YCbCrSubSampling", "ExifByteOrder"},
    "JFIF": {"JFIFVersion", "ResolutionUnit", "XResolution", "YResolution"},
    "IFD0": {"Orientation"},
    "PNG": {"ImageWidth", "ImageHeight", "BitDepth", "ColorType", "Compression", "Filter", "Interlace",
            "Palette", "Transparency", "Gamma", "SRGBRendering", "PixelsPerUnitX", "PixelsPerUnitY",
            "PixelUnits", "BackgroundColor"},
    "RIFF": {"WebP_Flags", "ImageWidth", "ImageHeight", "VP8Version", "HorizontalScale", "VerticalScale",
             "AlphaPreprocessing", "AlphaFiltering", "AlphaCompression", "BackgroundColor", "AnimationLoopCount"},
    "GIF": {"GIFVersion", "ImageWidth", "ImageHeight", "HasColorMap", "ColorResolutionDepth", "BitsPerPixel",
            "BackgroundColor", "PixelAspectRatio", "AnimationIterations", "TransparentColor", "FrameCount",
            "Duration"},
}
FORBIDDEN = re.compile(r"GPS|Make|Model|Serial|XMP|IPTC|Comment|DateTimeOriginal|Patel|Nottingham|SamplePhone|SN-0042",
                       re.IGNORECASE)


def run(*args, **kwargs):
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, **kwargs)


@pytest.fixture(scope="session")
def schoolsite():
    binary = os.environ.get("SCHOOLSITE_BIN")
    if binary:
        return Path(binary)
    subprocess.run(["swift", "build", "--product", "schoolsite"], cwd=ROOT, check=True)
    return ROOT / ".build" / "debug" / "schoolsite"


# A well-formed key nobody holds, until approve() puts in a fresh one.
PLACEHOLDER_KEY = "ed25519:" + "A" * 43 + "="


def approve(schoolsite, site):
    """Signs the post with a fresh key where this schoolsite can; else a placeholder approval."""
    key = site.parent / "approver.key"
    keygen = run(schoolsite, "keygen", "--name", "Sam Taylor", "--out", key)
    line = re.search(r"public_key:\s*(\S+)", keygen.stdout)
    if keygen.returncode != 0 or not line:
        (site / "content/posts" / SLUG / "approval.json").write_text(json.dumps({
            "post": SLUG, "sha256": "", "approver": "Sam Taylor",
            "approved_at": "2024-06-14T15:30:00+01:00", "signature": ""}))
        return
    config = site / "site.yml"
    config.write_text(config.read_text().replace(PLACEHOLDER_KEY, line.group(1)))
    approval = run(schoolsite, "approve", f"content/posts/{SLUG}", "--key", key, "--site", site)
    assert approval.returncode == 0, approval.stderr


@pytest.fixture(scope="session")
def built(schoolsite, tmp_path_factory):
    """(source folder, output folder) after building a site that shows every fixture."""
    site = tmp_path_factory.mktemp("images") / "site"
    shutil.copytree(ROOT / "themes", site / "themes")
    post = site / "content" / "posts" / SLUG
    post.mkdir(parents=True)
    (site / "site.yml").write_text(
        "title: Test School News\nschool: Test Primary School\nbase_url: https://www.example.sch.uk/news/\n"
        "language: en-GB\ntimezone: Europe/London\ntheme: school\nposts_per_page: 10\n"
        "register: content/register.csv\napprovers:\n  - name: Sam Taylor\n    public_key: " + PLACEHOLDER_KEY + "\n"
        "policy:\n  categories: [achievement, celebration, update, reminder]\n  pupil_full_names: forbid\n")
    (site / "content" / "register.csv").write_text(
        "id,given_name,family_name,known_as,role,photo_consent,name_consent,do_not_publish,consent_until\n"
        "S001,Sam,Taylor,,staff,yes,yes,no,\n")
    photos = "".join(f"  {name}: []\n" for name in IMAGES)
    body = "\n\n".join(f"![{alt}]({name})" for name, alt in IMAGES.items())
    (post / "index.md").write_text(
        f"---\ntitle: Photos from the field\ndate: 2024-06-14\nauthor: Office\ncategory: update\n"
        f"summary: Pictures from around the school.\npeople: []\nphotos:\n{photos}---\n{body}\n")
    for name in IMAGES:
        shutil.copy(FIXTURES / name, post / name)
    approve(schoolsite, site)
    build = run(schoolsite, "build", "--site", site, "--date", "2024-06-20")
    assert build.returncode == 0, build.stdout + build.stderr
    return post, site / "output" / SLUG


@pytest.mark.parametrize("name", IMAGES)
def test_only_structure_and_orientation_remain(built, name):
    _, output = built
    report = json.loads(run("exiftool", "-j", "-a", "-u", "-e", "-G1", output / name).stdout)[0]
    leaked = []
    for key, value in report.items():
        if key == "SourceFile":
            continue
        group, _, tag = key.partition(":")
        allowed = ALLOWED.get(group, set())
        if allowed is not None and tag not in allowed:
            leaked.append(f"{key} = {value}")
        elif group != "System" and FORBIDDEN.search(f"{tag} {value}"):
            leaked.append(f"{key} = {value}")
    assert not leaked, f"{name} still carries: {leaked}"


@pytest.mark.parametrize("name", IMAGES)
def test_no_trailer(built, name):
    _, output = built
    verbose = run("exiftool", "-v3", output / name).stdout
    assert not re.search(r"trailer", verbose, re.IGNORECASE), verbose


@pytest.mark.parametrize("name", IMAGES)
def test_sources_carried_metadata(built, name):
    """The fixtures really hold what the other tests say is gone."""
    source, _ = built
    report = run("exiftool", "-j", "-a", "-u", "-e", "-G1", source / name).stdout
    assert FORBIDDEN.search(report), report


def frames(path):
    with Image.open(path) as image:
        return [(frame.mode, frame.size, frame.convert("RGBA").tobytes()) for frame in ImageSequence.Iterator(image)]


@pytest.mark.parametrize("name", IMAGES)
def test_pixels_untouched(built, name):
    source, output = built
    # Raw stored pixels: no orientation applied on either side.
    assert frames(output / name) == frames(source / name)


def test_orientation_kept(built):
    _, output = built
    orientation = run("exiftool", "-s3", "-Orientation", "-n", output / "sideways.jpg").stdout.strip()
    assert orientation == "6"


def test_orientation_one_writes_no_exif(built):
    _, output = built
    assert b"Exif\0\0" not in (output / "phone.jpg").read_bytes()
