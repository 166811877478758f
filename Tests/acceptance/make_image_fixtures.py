#!/usr/bin/env python3
"""Make the image fixtures for the metadata-stripping tests (test_images.py and
the Swift unit tests), written to Tests/acceptance/fixtures/images/.

Each one carries the kind of metadata a phone or a photo editor leaves behind,
so the tests can check that a build publishes none of it:

  phone.jpg         EXIF (GPS, make, model, camera serial, DateTimeOriginal,
                    Orientation 1, a thumbnail), XMP, IPTC, a JPEG comment, and
                    a payload appended after the JPEG end marker
  sideways.jpg      stored rotated, EXIF Orientation 6 plus GPS and serial: a big
                    "UP" arrow that points up only when the orientation is honoured
  poster.png        tEXt, zTXt, iTXt, XMP, eXIf (GPS) and tIME chunks, and bytes after IEND
  sticker.webp      EXIF (GPS, serial) and XMP chunks
  wave.gif          animated, looping, with a comment extension and XMP

Deterministic: fixed drawings and fixed metadata values, so running it again
gives the same bytes for the same Pillow and exiftool versions.

Usage: python3 Tests/acceptance/make_image_fixtures.py   (needs Pillow and exiftool)
"""

import shutil
import subprocess
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from PIL.PngImagePlugin import PngInfo

OUT = Path(__file__).resolve().parent / "fixtures" / "images"

GPS = ["-GPSLatitude=52.9548", "-GPSLatitudeRef=N", "-GPSLongitude=1.1581", "-GPSLongitudeRef=W"]
CAMERA = ["-Make=SamplePhone", "-Model=SamplePhone 12", "-SerialNumber=SN-0042-TEST",
          "-DateTimeOriginal=2024:06:14 10:31:07", "-Software=SamplePhone Camera 1.0"]
XMP = ["-XMP-dc:Creator=Mrs A. Patel", "-XMP-dc:Description=Relay race, Year 3",
       "-XMP-photoshop:City=Nottingham"]
IPTC = ["-IPTC:By-line=Mrs A. Patel", "-IPTC:Keywords=sports day", "-IPTC:City=Nottingham"]
TRAILER = b"HIDDEN-TRAILER-PAYLOAD: a second image or a phone's depth map could sit here" * 4


def font(size):
    return ImageFont.load_default(size=size)


def scene(width, height, seed_colour):
    """A simple drawing with flat areas and edges, as a photo stand-in."""
    img = Image.new("RGB", (width, height), (135, 196, 235))
    d = ImageDraw.Draw(img)
    d.rectangle([0, height * 2 // 3, width, height], fill=(96, 168, 78))
    d.ellipse([width - 90, 20, width - 30, 80], fill=(250, 210, 60))
    for i in range(5):
        x = 30 + i * (width - 60) // 5
        d.rectangle([x, height // 2, x + 30, height * 2 // 3 + 20], fill=((seed_colour * (i + 3)) % 256, 80, 160))
    return img


def up_arrow(width, height):
    """An upright picture: a big arrow with UP written under it, on white."""
    img = Image.new("RGB", (width, height), (255, 255, 255))
    d = ImageDraw.Draw(img)
    cx = width // 2
    d.polygon([(cx, 20), (cx + 90, 130), (cx + 35, 130), (cx + 35, 240), (cx - 35, 240),
               (cx - 35, 130), (cx - 90, 130)], fill=(200, 30, 30))
    d.text((cx, 290), "UP", fill=(0, 0, 0), font=font(60), anchor="mm")
    return img


def exiftool(path, *args):
    subprocess.run(["exiftool", "-q", "-q", "-overwrite_original", *args, str(path)], check=True)


def make_phone_jpeg():
    path = OUT / "phone.jpg"
    scene(320, 240, 40).save(path, "JPEG", quality=75)
    thumb = OUT / "thumb.tmp.jpg"
    scene(160, 120, 41).save(thumb, "JPEG", quality=60)
    exiftool(path, *GPS, *CAMERA, *XMP, *IPTC, "-Orientation#=1",
             "-Comment=Taken on the school field by Mrs Patel", f"-ThumbnailImage<={thumb}")
    thumb.unlink()
    with open(path, "ab") as f:
        f.write(TRAILER)


def make_sideways_jpeg():
    path = OUT / "sideways.jpg"
    # Orientation 6: the viewer turns the stored pixels 90° clockwise, so store
    # them turned 90° anticlockwise.
    up_arrow(240, 320).transpose(Image.Transpose.ROTATE_90).save(path, "JPEG", quality=80)
    exiftool(path, *GPS, *CAMERA, "-Orientation#=6")


def make_png():
    path = OUT / "poster.png"
    info = PngInfo()
    info.add_text("Author", "Mrs A. Patel")
    info.add_text("Comment", "Made on the office computer", zip=True)
    info.add_itxt("Description", "Poster for sports day", lang="en-GB", tkey="Description")
    info.add(b"tIME", bytes([0x07, 0xE8, 6, 14, 10, 31, 7]))
    exif = Image.Exif()
    exif[0x010F] = "SamplePhone"  # Make
    exif[0x8825] = {1: "N", 2: (52.0, 57.0, 17.0), 3: "W", 4: (1.0, 9.0, 29.0)}  # GPS IFD
    img = scene(200, 150, 90).convert("P", palette=Image.Palette.ADAPTIVE, colors=16)
    img.save(path, "PNG", pnginfo=info, exif=exif, optimize=False)
    exiftool(path, *XMP)
    with open(path, "ab") as f:
        f.write(TRAILER)


def make_webp():
    path = OUT / "sticker.webp"
    exif = Image.Exif()
    exif[0x010F] = "SamplePhone"  # Make
    exif[0xA431] = "SN-0042-TEST"  # BodySerialNumber… stored in IFD0 here, still metadata
    exif[0x8825] = {1: "N", 2: (52.0, 57.0, 17.0), 3: "W", 4: (1.0, 9.0, 29.0)}
    xmp = (b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">'
           b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
           b'xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/webp"><dc:creator><rdf:Seq>'
           b'<rdf:li>Mrs A. Patel</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>'
           b'</x:xmpmeta><?xpacket end="w"?>')
    scene(160, 120, 120).save(path, "WEBP", lossless=True, exif=exif, xmp=xmp)


def make_gif():
    path = OUT / "wave.gif"
    frames = []
    for i in range(3):
        img = Image.new("P", (96, 64), 0)
        img.putpalette([255, 255, 255, 30, 90, 200, 240, 190, 40] + [0] * (256 - 3) * 3)
        d = ImageDraw.Draw(img)
        d.rectangle([10 + i * 25, 10, 30 + i * 25, 50], fill=1)
        d.ellipse([60 - i * 10, 20, 80 - i * 10, 40], fill=2)
        frames.append(img)
    frames[0].save(path, "GIF", save_all=True, append_images=frames[1:], duration=200, loop=0,
                   comment=b"Drawn by Mrs Patel for Year 3")
    exiftool(path, *XMP)


def main():
    if not shutil.which("exiftool"):
        sys.exit("exiftool not found: apt-get install libimage-exiftool-perl")
    OUT.mkdir(parents=True, exist_ok=True)
    make_phone_jpeg()
    make_sideways_jpeg()
    make_png()
    make_webp()
    make_gif()
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
