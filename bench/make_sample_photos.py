#!/usr/bin/env python3
"""Generate the illustrative sample photos for the fictional Cantrell Primary site.

Every picture is drawn from simple shapes (no real people, no real places), so
the sample site can be published and shared freely. The output is deterministic:
fixed drawings plus a fixed-seed grain, so running it twice gives the same bytes
(for the same Pillow and exiftool versions).

Two JPEGs get phone-style EXIF (GPS, camera make/model/serial, DateTimeOriginal)
via exiftool, so the build's metadata stripping can be tested; one of them is
stored rotated with Orientation=6 and shows a big "UP" arrow, so a viewer that
honours the orientation shows it upright.

Usage:  python3 bench/make_sample_photos.py [--site DIR]   (needs Pillow + exiftool)
Note: regenerating the images invalidates the posts' approval.json (approval.stale);
re-approve the posts afterwards.
"""

import argparse
import random
import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

W, H = 800, 600
QUALITY = 80

# Palette
SKY = (135, 196, 235)
SKY_LOW = (206, 233, 248)
GRASS = (96, 168, 78)
GRASS_DARK = (70, 138, 60)
WOOD = (150, 102, 60)
WOOD_DARK = (112, 74, 42)
WHITE = (255, 255, 255)
SHIRT_COLOURS = [(220, 70, 70), (60, 110, 200), (240, 190, 40), (130, 80, 170), (40, 160, 150)]
SKIN_TONES = [(241, 205, 170), (198, 140, 100), (141, 90, 60), (224, 172, 130), (92, 58, 38)]


def font(size):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # very old Pillow without FreeType default font
        return ImageFont.load_default()


def gradient(img, top, bottom, y0=0, y1=None):
    y1 = H if y1 is None else y1
    d = ImageDraw.Draw(img)
    for y in range(y0, y1):
        t = (y - y0) / max(1, (y1 - y0 - 1))
        c = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        d.line([(0, y), (img.width, y)], fill=c)


def grain(img, seed, strength=6):
    """Add a fixed-seed photographic grain so JPEGs have realistic sizes."""
    rnd = random.Random(seed)
    noise = Image.frombytes("L", img.size, rnd.randbytes(img.width * img.height))
    noise_rgb = Image.merge("RGB", (noise, noise, noise))
    grey = Image.new("RGB", img.size, (128, 128, 128))
    # blend towards noise lightly; keeps colours, adds texture
    return Image.blend(img, Image.blend(grey, noise_rgb, 1.0), strength / 255.0 * 2)


def bunting(d, y=40, colours=None):
    colours = colours or [(230, 60, 60), (250, 200, 40), (60, 140, 220), (80, 180, 90), (200, 90, 180)]
    d.line([(0, y), (W, y + 10)], fill=(90, 90, 90), width=2)
    for i, x in enumerate(range(10, W, 50)):
        yy = y + (x * 10) // W
        d.polygon([(x, yy), (x + 36, yy + 1), (x + 18, yy + 40)], fill=colours[i % len(colours)])


def figure(d, x, base, scale=1.0, shirt=0, skin=0):
    """A friendly, faceless stick-and-block figure (not a real person)."""
    s = scale
    head_r = 22 * s
    body_h = 80 * s
    d.rectangle([x - 10 * s, base - 45 * s, x - 3 * s, base], fill=(50, 50, 70))       # legs
    d.rectangle([x + 3 * s, base - 45 * s, x + 10 * s, base], fill=(50, 50, 70))
    d.rounded_rectangle([x - 24 * s, base - 45 * s - body_h, x + 24 * s, base - 40 * s],
                        radius=int(10 * s), fill=SHIRT_COLOURS[shirt % len(SHIRT_COLOURS)])
    cy = base - 45 * s - body_h - head_r + 4 * s
    d.ellipse([x - head_r, cy - head_r, x + head_r, cy + head_r], fill=SKIN_TONES[skin % len(SKIN_TONES)])


def sun(d, x, y, r=45):
    d.ellipse([x - r, y - r, x + r, y + r], fill=(255, 214, 80))


def cloud(d, x, y):
    for dx, dy, r in [(0, 0, 28), (30, -12, 34), (64, 0, 28), (32, 8, 30)]:
        d.ellipse([x + dx - r, y + dy - r, x + dx + r, y + dy + r], fill=(250, 252, 255))


# --- scenes ----------------------------------------------------------------

def harvest_display():
    img = Image.new("RGB", (W, H))
    gradient(img, (244, 228, 196), (226, 200, 160))
    d = ImageDraw.Draw(img)
    bunting(d, 30, [(196, 90, 40), (230, 170, 50), (140, 110, 50), (170, 60, 40)])
    d.rectangle([60, 360, 740, 390], fill=WOOD)                          # table top
    d.rectangle([80, 390, 100, 580], fill=WOOD_DARK)
    d.rectangle([700, 390, 720, 580], fill=WOOD_DARK)
    d.rectangle([60, 390, 740, 470], fill=(200, 70, 60))                 # table cloth
    for x in range(60, 740, 40):
        d.rectangle([x, 390, x + 20, 470], fill=(230, 220, 200))
    # pumpkins
    for x, r in [(150, 60), (260, 45)]:
        d.ellipse([x - r, 360 - 2 * r + 10, x + r, 370], fill=(235, 130, 30))
        d.rectangle([x - 5, 360 - 2 * r, x + 5, 360 - 2 * r + 16], fill=(90, 120, 40))
    # basket of apples
    d.polygon([(360, 300), (560, 300), (530, 362), (390, 362)], fill=(180, 130, 70))
    for i, x in enumerate(range(380, 545, 30)):
        d.ellipse([x, 268, x + 32, 300], fill=(210, 40, 40) if i % 2 else (120, 180, 60))
    # loaf and tins
    d.ellipse([580, 300, 700, 362], fill=(200, 150, 80))
    for x in (330, 600, 650):
        d.rectangle([x, 230 if x == 330 else 250, x + 36, 300], fill=(170, 170, 185))
        d.rectangle([x, 255 if x == 330 else 270, x + 36, 285], fill=(60, 120, 190))
    d.text((W // 2, 140), "Harvest 2025", fill=(120, 70, 30), font=font(56), anchor="mm")
    return grain(img, 1)


def author_visit():
    img = Image.new("RGB", (W, H))
    gradient(img, (250, 240, 220), (235, 220, 195))
    d = ImageDraw.Draw(img)
    # bookshelves
    d.rectangle([40, 40, 760, 300], fill=WOOD_DARK)
    for row in range(3):
        y = 55 + row * 82
        x = 55
        i = 0
        while x < 740:
            w = 16 + (i * 7) % 18
            h = 55 + (i * 13) % 18
            d.rectangle([x, y + 70 - h, x + w, y + 70], fill=SHIRT_COLOURS[(i + row) % 5])
            x += w + 3
            i += 1
        d.rectangle([40, y + 70, 760, y + 78], fill=WOOD)
    d.rectangle([0, 430, W, H], fill=(120, 150, 200))                    # carpet
    # the visiting author in a chair, holding a book
    d.rectangle([470, 360, 620, 440], fill=(170, 60, 60))
    figure(d, 545, 450, 1.5, shirt=3, skin=1)
    d.polygon([(510, 300), (545, 310), (580, 300), (580, 340), (545, 350), (510, 340)], fill=(250, 250, 250))
    # two listeners sitting on the carpet
    figure(d, 230, 560, 1.0, shirt=1, skin=0)
    figure(d, 340, 570, 1.0, shirt=2, skin=2)
    return grain(img, 2)


def bake_stall():
    img = Image.new("RGB", (W, H))
    gradient(img, (235, 240, 250), (215, 225, 240))
    d = ImageDraw.Draw(img)
    bunting(d, 25)
    figure(d, 260, 470, 1.6, shirt=4, skin=4)
    figure(d, 560, 470, 1.5, shirt=0, skin=3)
    d.rectangle([40, 420, 760, 600], fill=(250, 250, 250))               # stall
    for x in range(40, 760, 60):
        d.rectangle([x, 420, x + 30, 600], fill=(240, 120, 150))
    # cakes on the counter
    for i, x in enumerate(range(90, 720, 110)):
        d.ellipse([x, 395, x + 90, 430], fill=(230, 230, 230))
        d.rectangle([x + 15, 360, x + 75, 410], fill=[(240, 200, 120), (120, 70, 40), (250, 220, 230)][i % 3])
        d.ellipse([x + 15, 350, x + 75, 372], fill=[(250, 240, 200), (90, 50, 30), (250, 180, 200)][i % 3])
    d.text((W // 2, 120), "Bake Sale", fill=(200, 60, 110), font=font(60), anchor="mm")
    return grain(img, 3)


def cake_png():
    """A flat illustration (PNG is the natural format for this)."""
    img = Image.new("RGB", (640, 480), (255, 246, 232))
    d = ImageDraw.Draw(img)
    d.ellipse([120, 360, 520, 420], fill=(220, 220, 225))                # plate
    d.rectangle([170, 220, 470, 390], fill=(245, 215, 140))              # sponge
    d.rectangle([170, 290, 470, 310], fill=(220, 60, 80))                # jam
    d.ellipse([170, 190, 470, 250], fill=(255, 250, 245))                # icing
    d.rectangle([170, 220, 470, 240], fill=(255, 250, 245))
    for i, x in enumerate(range(200, 450, 50)):
        d.ellipse([x, 196, x + 22, 218], fill=(220, 30, 50) if i % 2 else (250, 180, 40))
    d.text((320, 80), "Thank you!", fill=(160, 60, 90), font=font(52), anchor="mm")
    return img


def snowy_gate():
    img = Image.new("RGB", (W, H))
    gradient(img, (170, 180, 195), (225, 228, 235), 0, 380)
    d = ImageDraw.Draw(img)
    d.rectangle([0, 380, W, H], fill=(246, 248, 252))                    # snow
    d.rectangle([120, 180, 680, 380], fill=(170, 80, 60))                # school wall
    for y in range(190, 380, 24):
        off = 0 if (y // 24) % 2 else 30
        for x in range(120 + off, 680, 60):
            d.rectangle([x, y, x + 56, y + 20], outline=(150, 70, 50))
    d.polygon([(100, 180), (400, 70), (700, 180)], fill=(90, 90, 100))
    d.polygon([(130, 175), (400, 80), (670, 175), (400, 140)], fill=(250, 250, 255))  # snow on roof
    # closed gate
    d.rectangle([300, 260, 500, 400], fill=(40, 60, 50))
    for x in range(310, 500, 22):
        d.rectangle([x, 265, x + 8, 400], fill=(60, 90, 75))
    d.rectangle([330, 300, 470, 340], fill=(255, 255, 255))
    d.text((400, 320), "CLOSED", fill=(200, 30, 30), font=font(28), anchor="mm")
    # snowflakes at fixed positions
    rnd = random.Random(4)
    for _ in range(160):
        x, y, r = rnd.randrange(W), rnd.randrange(H), rnd.randrange(2, 6)
        d.ellipse([x - r, y - r, x + r, y + r], fill=WHITE)
    return grain(img, 4)


def volcano():
    img = Image.new("RGB", (W, H))
    gradient(img, (225, 235, 245), (200, 215, 230))
    d = ImageDraw.Draw(img)
    d.rectangle([0, 420, W, H], fill=(120, 100, 80))                     # bench
    # tri-fold display board
    d.polygon([(60, 120), (200, 150), (200, 420), (60, 420)], fill=(60, 110, 200))
    d.polygon([(600, 150), (740, 120), (740, 420), (600, 420)], fill=(60, 110, 200))
    figure(d, 230, 600, 1.5, shirt=2, skin=1)
    figure(d, 570, 600, 1.5, shirt=1, skin=2)
    d.polygon([(300, 420), (400, 240), (500, 420)], fill=(140, 90, 50))  # volcano
    d.polygon([(380, 250), (420, 250), (440, 320), (365, 330)], fill=(230, 60, 30))
    for i in range(7):
        x = 380 + i * 6
        d.ellipse([x - 14, 200 - (i % 3) * 25, x + 14, 228 - (i % 3) * 25], fill=(250, 120 + i * 15, 40))
    d.text((W // 2, 70), "Science Fair", fill=(40, 60, 120), font=font(52), anchor="mm")
    return grain(img, 5)


def trophy():
    img = Image.new("RGB", (W, H))
    gradient(img, (40, 50, 90), (90, 100, 150))
    d = ImageDraw.Draw(img)
    gold, shade = (240, 190, 50), (200, 150, 30)
    d.ellipse([300, 110, 500, 170], fill=gold)
    d.chord([300, 40, 500, 330], 0, 180, fill=gold)                       # cup bowl
    d.arc([240, 150, 330, 260], 90, 270, fill=gold, width=14)            # handles
    d.arc([470, 150, 560, 260], 270, 90, fill=gold, width=14)
    d.rectangle([380, 330, 420, 420], fill=shade)
    d.rectangle([320, 420, 480, 450], fill=gold)
    d.rectangle([300, 450, 500, 510], fill=(70, 40, 20))
    d.rectangle([340, 465, 460, 495], fill=(230, 220, 180))
    d.text((400, 480), "1st", fill=(60, 40, 20), font=font(26), anchor="mm")
    for i in range(12):                                                   # sparkles
        x, y = 120 + (i * 53) % 560, 60 + (i * 97) % 420
        d.line([(x - 8, y), (x + 8, y)], fill=WHITE, width=2)
        d.line([(x, y - 8), (x, y + 8)], fill=WHITE, width=2)
    return grain(img, 6)


def lakeside_upright():
    """Year 6 residential: canoes on a lake, drawn upright with an UP arrow."""
    img = Image.new("RGB", (W, H))
    gradient(img, SKY, SKY_LOW, 0, 260)
    d = ImageDraw.Draw(img)
    d.polygon([(0, 260), (160, 120), (330, 260)], fill=(90, 120, 100))   # fells
    d.polygon([(220, 260), (450, 90), (700, 260)], fill=(70, 105, 90))
    d.polygon([(560, 260), (720, 150), (W, 230), (W, 260)], fill=(100, 130, 105))
    gradient(img, (70, 130, 180), (40, 90, 150), 260, H)                 # lake
    d = ImageDraw.Draw(img)
    cloud(d, 90, 60)
    for i, x in enumerate((260, 470, 640)):                              # canoes with paddlers
        y = 420 + (i % 2) * 50
        d.polygon([(x - 90, y), (x + 90, y), (x + 60, y + 30), (x - 60, y + 30)], fill=[(220, 80, 40), (240, 190, 40), (200, 60, 60)][i])
        figure(d, x, y + 5, 0.75, shirt=i + 1, skin=i)
        d.line([(x - 50, y - 60), (x + 50, y + 10)], fill=(120, 80, 40), width=5)
    # the UP marker: big arrow in the top right corner
    d.rectangle([700, 110, 740, 230], fill=(255, 255, 255))
    d.polygon([(670, 120), (720, 40), (770, 120)], fill=(255, 255, 255))
    d.text((720, 260), "UP", fill=(255, 255, 255), font=font(44), anchor="mm", stroke_width=2, stroke_fill=(0, 0, 0))
    return grain(img, 7)


def relay():
    img = Image.new("RGB", (W, H))
    gradient(img, SKY, SKY_LOW, 0, 260)
    d = ImageDraw.Draw(img)
    sun(d, 690, 80)
    cloud(d, 120, 70)
    cloud(d, 420, 110)
    d.rectangle([0, 260, W, H], fill=GRASS)
    for i, y in enumerate(range(300, H, 70)):                             # track lanes
        d.rectangle([0, y, W, y + 60], fill=GRASS if i % 2 else GRASS_DARK)
        d.line([(0, y), (W, y)], fill=WHITE, width=4)
    bunting(d, 150)
    for i, (x, base) in enumerate([(160, 380), (330, 450), (500, 520), (660, 590)]):
        figure(d, x, base, 1.1, shirt=i, skin=i + 1)
    d.rectangle([395, 370, 440, 380], fill=(250, 200, 40))               # baton
    return grain(img, 8)


def odd_socks():
    img = Image.new("RGB", (W, H))
    gradient(img, (250, 235, 245), (235, 220, 240))
    d = ImageDraw.Draw(img)
    bunting(d, 30)
    figure(d, 300, 540, 1.8, shirt=1, skin=2)
    figure(d, 500, 540, 1.8, shirt=3, skin=0)
    for x, c1, c2 in [(282, (240, 60, 60), (60, 200, 90)), (482, (250, 200, 40), (60, 120, 220))]:
        d.rectangle([x - 2, 500, x + 12, 545], fill=c1)
        d.rectangle([x + 22, 500, x + 36, 545], fill=c2)
    d.text((W // 2, 120), "Odd Socks Day", fill=(120, 40, 140), font=font(56), anchor="mm")
    return grain(img, 9)


# --- writing ----------------------------------------------------------------

def save_jpeg(img, path):
    img.save(path, "JPEG", quality=QUALITY, optimize=True)


def add_phone_exif(path, *, make, model, serial, when, lat, lon, orientation=None):
    if not shutil.which("exiftool"):
        sys.exit("exiftool not found: apt-get install libimage-exiftool-perl")
    args = [
        "exiftool", "-q", "-overwrite_original",
        f"-Make={make}", f"-Model={model}", f"-SerialNumber={serial}",
        f"-DateTimeOriginal={when}", f"-CreateDate={when}",
        f"-GPSLatitude={abs(lat)}", f"-GPSLatitudeRef={'N' if lat >= 0 else 'S'}",
        f"-GPSLongitude={abs(lon)}", f"-GPSLongitudeRef={'E' if lon >= 0 else 'W'}",
        "-Software=SamplePhone Camera 1.0",
    ]
    if orientation is not None:
        args.append(f"-Orientation#={orientation}")
    args.append(str(path))
    subprocess.run(args, check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--site", default=str(Path(__file__).resolve().parent.parent))
    site = Path(ap.parse_args().site)
    posts = site / "content" / "posts"

    def out(slug, name):
        p = posts / slug
        if not p.is_dir():
            sys.exit(f"missing post folder {p}")
        return p / name

    jpegs = [
        ("2025-09-19-harvest-festival", "harvest-display.jpg", harvest_display),
        ("2025-10-17-reading-week", "author-visit.jpg", author_visit),
        ("2025-11-21-charity-bake-sale", "bake-stall.jpg", bake_stall),
        ("2026-01-08-snow-closure", "snowy-gate.jpg", snowy_gate),
        ("2026-03-13-science-fair", "volcano.jpg", volcano),
        ("2026-03-13-science-fair", "trophy.jpg", trophy),
        ("2026-07-10-sports-day", "relay.jpg", relay),
        ("2026-11-24-odd-socks-day", "odd-socks.jpg", odd_socks),
    ]
    for slug, name, draw in jpegs:
        save_jpeg(draw(), out(slug, name))

    cake_png().save(out("2025-11-21-charity-bake-sale", "cake.png"), "PNG", optimize=True)

    # Phone photo stored sideways: Orientation 6 means "rotate 90 degrees clockwise
    # to display", so the stored pixels are the upright scene turned 90 degrees
    # anticlockwise (PIL's rotate() is anticlockwise for positive angles).
    lake = out("2026-06-26-year-6-residential", "lakeside.jpg")
    save_jpeg(lakeside_upright().rotate(90, expand=True), lake)
    add_phone_exif(lake, make="SamplePhone", model="SP-12 Pro", serial="SPX0012345678",
                   when="2026:06:24 10:42:17", lat=54.3800, lon=-2.9070, orientation=6)

    relay_path = out("2026-07-10-sports-day", "relay.jpg")
    add_phone_exif(relay_path, make="SamplePhone", model="SP-9", serial="SPX0009876543",
                   when="2026:07:09 14:05:51", lat=52.1000, lon=-1.2000)

    for p in sorted(posts.glob("*/*")):
        if p.suffix in (".jpg", ".png"):
            print(f"{p.relative_to(site)}  {p.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
