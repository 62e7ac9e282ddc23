#!/usr/bin/env python3
"""Regenerates test-data/images: small placeholder car pictures laid out like the static bucket.

Layout: images/<manufacturer>/<model>/<name>.png with spaces in manufacturer and model
replaced by '-'. Exactly one name per model contains 'Highlight' (the card image).
Each picture is a 320x180 PNG: a gradient and stripes in colours derived from the model
name (so every model looks different), a simple car drawing for the view named in the file,
and the manufacturer and model written on it. Standard library only; output is deterministic.

Usage: python3 test-data/tools/make_images.py   (from anywhere; paths are relative to this file)
"""
import colorsys
import csv
import shutil
import struct
import unicodedata
import zlib
from pathlib import Path

WIDTH, HEIGHT = 320, 180
TEST_DATA = Path(__file__).resolve().parent.parent
IMAGES = TEST_DATA / "images"

# (manufacturer, model, image names): every pair must be a model in cars.csv.
MODELS = [
    ("Toyota", "Corolla", ["Highlight-front", "side"]),
    ("Toyota", "RAV4", ["Highlight", "rear", "interior"]),
    ("Volkswagen", "Golf", ["Highlight-front", "side", "rear"]),
    ("Volkswagen", "ID.3", ["Highlight", "side"]),
    ("Škoda", "Octavia", ["Highlight", "side"]),
    ("Škoda", "Enyaq", ["Highlight-side", "front", "interior"]),
    ("Citroën", "ë-C4", ["Highlight", "rear"]),
    ("Alfa Romeo", "Giulia", ["Highlight-front", "side"]),
    ("Land Rover", "Range Rover Evoque", ["Highlight", "side", "rear"]),
    ("Mercedes-Benz", "C-Class", ["Highlight-side", "front"]),
    ("BMW", "3 Series", ["Highlight", "rear"]),
    ("Tesla", "Model 3", ["Highlight", "side", "interior"]),
    ("Ford", "Mustang", ["Highlight-front", "side"]),
    ("Kia", "EV6", ["Highlight", "front"]),
    ("Porsche", "911", ["Highlight-side", "rear"]),
    ("Fiat", "500e", ["Highlight", "side"]),
    ("Volvo", "XC40", ["Highlight-front", "rear"]),
    ("Dacia", "Duster", ["Highlight", "side"]),
]

# A 5x7 bitmap font: enough for upper-case names, digits and a little punctuation.
GLYPHS = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "####. ....# ....# .###. ....# ....# ####.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    "-": "..... ..... ..... .###. ..... ..... .....",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    " ": "..... ..... ..... ..... ..... ..... .....",
}


def bucket_segment(name):
    return name.replace(" ", "-")


def ascii_upper(text):
    """The font has no accents: Š -> S, ë -> E."""
    folded = unicodedata.normalize("NFKD", text)
    return "".join(c for c in folded if not unicodedata.combining(c)).upper()


class Canvas:
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.pixels = bytearray(width * height * 3)

    def set(self, x, y, rgb):
        if 0 <= x < self.width and 0 <= y < self.height:
            i = (y * self.width + x) * 3
            self.pixels[i:i + 3] = bytes(rgb)

    def rect(self, x0, y0, x1, y1, rgb):
        for y in range(max(y0, 0), min(y1, self.height)):
            for x in range(max(x0, 0), min(x1, self.width)):
                self.set(x, y, rgb)

    def disc(self, cx, cy, r, rgb):
        for y in range(cy - r, cy + r + 1):
            for x in range(cx - r, cx + r + 1):
                if (x - cx) ** 2 + (y - cy) ** 2 <= r * r:
                    self.set(x, y, rgb)

    def trapezoid(self, y0, y1, top_x0, top_x1, bottom_x0, bottom_x1, rgb):
        for y in range(y0, y1):
            t = (y - y0) / max(y1 - y0 - 1, 1)
            self.rect(round(top_x0 + (bottom_x0 - top_x0) * t), y,
                      round(top_x1 + (bottom_x1 - top_x1) * t), y + 1, rgb)

    def text(self, x, y, text, scale, rgb):
        for ch in ascii_upper(text):
            rows = GLYPHS.get(ch, GLYPHS[" "]).split()
            for gy, row in enumerate(rows):
                for gx, cell in enumerate(row):
                    if cell == "#":
                        self.rect(x + gx * scale, y + gy * scale,
                                  x + (gx + 1) * scale, y + (gy + 1) * scale, rgb)
            x += 6 * scale

    def png(self):
        stride = self.width * 3
        raw = bytearray()
        previous = bytes(stride)
        for y in range(self.height):
            line = bytes(self.pixels[y * stride:(y + 1) * stride])
            kind, filtered = best_filter(line, previous)
            raw.append(kind)
            raw += filtered
            previous = line
        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
                + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def best_filter(line, previous):
    """PNG filters 0-4; keep the one with the smallest sum of absolute residuals."""
    candidates = []
    for kind in range(5):
        out = bytearray(len(line))
        for i, value in enumerate(line):
            left = line[i - 3] if i >= 3 else 0
            up = previous[i]
            up_left = previous[i - 3] if i >= 3 else 0
            predictor = (0, left, up, (left + up) // 2, paeth(left, up, up_left))[kind]
            out[i] = (value - predictor) & 0xFF
        candidates.append((sum(min(b, 256 - b) for b in out), kind, bytes(out)))
    _, kind, data = min(candidates)
    return kind, data


def colour(hue, saturation, value):
    return tuple(round(c * 255) for c in colorsys.hsv_to_rgb(hue % 1.0, saturation, value))


def shade(rgb, factor):
    return tuple(min(255, round(c * factor)) for c in rgb)


def draw(manufacturer, model, name):
    seed = zlib.crc32(f"{manufacturer}/{model}".encode("utf-8"))
    hue = (seed % 360) / 360
    top, bottom = colour(hue, 0.45, 0.95), colour(hue + 0.12, 0.70, 0.45)
    stripe_period = 18 + seed % 23
    canvas = Canvas(WIDTH, HEIGHT)
    for y in range(HEIGHT):
        t = y / (HEIGHT - 1)
        base = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        light = shade(base, 1.12)
        for x in range(WIDTH):
            in_stripe = ((x + y) // stripe_period) % 2 == 0
            canvas.set(x, y, light if in_stripe else base)
    body = colour(hue + 0.5, 0.65, 0.55)
    view = name.lower()
    canvas.rect(0, 150, WIDTH, HEIGHT, (60, 60, 64))
    if "front" in view or "rear" in view:
        canvas.trapezoid(72, 100, 115, 205, 95, 225, shade(body, 0.8))
        canvas.rect(85, 100, 235, 140, body)
        canvas.rect(100, 78, 220, 98, (170, 205, 230))
        lamp = (255, 245, 200) if "front" in view else (220, 30, 30)
        canvas.rect(92, 108, 122, 120, lamp)
        canvas.rect(198, 108, 228, 120, lamp)
        canvas.rect(95, 140, 115, 155, (20, 20, 20))
        canvas.rect(205, 140, 225, 155, (20, 20, 20))
    elif "interior" in view:
        canvas.rect(40, 60, 280, 150, shade(body, 0.6))
        canvas.disc(120, 110, 34, (25, 25, 25))
        canvas.disc(120, 110, 24, shade(body, 0.6))
        canvas.rect(90, 106, 150, 114, (25, 25, 25))
        canvas.rect(190, 80, 260, 120, (30, 60, 90))
    else:
        canvas.trapezoid(78, 104, 115, 200, 90, 235, shade(body, 0.8))
        canvas.rect(122, 84, 156, 102, (170, 205, 230))
        canvas.rect(162, 84, 196, 102, (170, 205, 230))
        canvas.rect(55, 104, 265, 138, body)
        for cx in (100, 220):
            canvas.disc(cx, 140, 17, (20, 20, 20))
            canvas.disc(cx, 140, 7, (180, 180, 185))
    canvas.rect(0, 0, WIDTH, 44, shade(bottom, 0.5))
    canvas.text(8, 6, manufacturer, 2, (255, 255, 255))
    canvas.text(8, 25, model, 2, (255, 230, 120))
    canvas.text(8, 163, name, 1, (235, 235, 235))
    return canvas.png()


def catalog_models():
    with open(TEST_DATA / "cars.csv", encoding="utf-8", newline="") as f:
        return {(row["manufacturer"], row["model"]) for row in csv.DictReader(f)}


def main():
    known = catalog_models()
    if IMAGES.exists():
        shutil.rmtree(IMAGES)
    total = 0
    for manufacturer, model, names in MODELS:
        if (manufacturer, model) not in known:
            raise SystemExit(f"{manufacturer} {model} is not in cars.csv")
        if sum("Highlight" in n for n in names) != 1:
            raise SystemExit(f"{manufacturer} {model} needs exactly one Highlight image")
        folder = IMAGES / bucket_segment(manufacturer) / bucket_segment(model)
        folder.mkdir(parents=True)
        for name in names:
            data = draw(manufacturer, model, name)
            (folder / f"{name}.png").write_bytes(data)
            total += len(data)
    print(f"{sum(len(n) for _, _, n in MODELS)} images, {total} bytes")


if __name__ == "__main__":
    main()
