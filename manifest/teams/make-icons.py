#!/usr/bin/env python3
"""Draws the Teams app icons beside this script: color.png (192x192) and outline.png (32x32).

The glyph is a speech bubble holding a check mark. Standard library only; run it again after
changing the shapes or the colours:  python3 manifest/teams/make-icons.py
"""

import math
import os
import struct
import zlib

ACCENT = (0x2F, 0x6F, 0xDB)  # keep equal to accentColor in manifest.template.json
WHITE = (0xFF, 0xFF, 0xFF)
SAMPLES = 4  # per axis, per pixel, for anti-aliasing

# Shapes in a unit square, y pointing down.
BUBBLE_CENTER = (0.5, 0.45)
BUBBLE_HALF = (0.36, 0.27)
BUBBLE_RADIUS = 0.12
TAIL = ((0.26, 0.62), (0.44, 0.62), (0.22, 0.86))
CHECK = ((0.33, 0.46), (0.45, 0.57), (0.67, 0.34))


def rounded_rect(px, py):
    qx = abs(px - BUBBLE_CENTER[0]) - (BUBBLE_HALF[0] - BUBBLE_RADIUS)
    qy = abs(py - BUBBLE_CENTER[1]) - (BUBBLE_HALF[1] - BUBBLE_RADIUS)
    outside = math.hypot(max(qx, 0.0), max(qy, 0.0))
    return outside + min(max(qx, qy), 0.0) - BUBBLE_RADIUS


def segment_distance(px, py, a, b):
    abx, aby = b[0] - a[0], b[1] - a[1]
    t = ((px - a[0]) * abx + (py - a[1]) * aby) / (abx * abx + aby * aby)
    t = min(max(t, 0.0), 1.0)
    return math.hypot(px - (a[0] + t * abx), py - (a[1] + t * aby))


def triangle(px, py):
    edges = [(TAIL[i], TAIL[(i + 1) % 3]) for i in range(3)]
    distance = min(segment_distance(px, py, a, b) for a, b in edges)
    crosses = [(b[0] - a[0]) * (py - a[1]) - (b[1] - a[1]) * (px - a[0]) for a, b in edges]
    inside = all(c >= 0 for c in crosses) or all(c <= 0 for c in crosses)
    return -distance if inside else distance


def bubble(px, py):
    """Signed distance to the bubble (negative inside)."""
    return min(rounded_rect(px, py), triangle(px, py))


def check(px, py):
    """Distance to the check mark's centre line."""
    return min(segment_distance(px, py, CHECK[0], CHECK[1]), segment_distance(px, py, CHECK[1], CHECK[2]))


def coverage(size, x, y, inside):
    hits = 0
    for sy in range(SAMPLES):
        for sx in range(SAMPLES):
            px = (x + (sx + 0.5) / SAMPLES) / size
            py = (y + (sy + 0.5) / SAMPLES) / size
            hits += inside(px, py)
    return hits / (SAMPLES * SAMPLES)


def mix(a, b, t):
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def colour_pixel(size, x, y):
    # Accent background, white bubble, accent check mark inside it.
    in_bubble = coverage(size, x, y, lambda px, py: bubble(px, py) <= 0)
    in_check = coverage(size, x, y, lambda px, py: bubble(px, py) <= 0 and check(px, py) <= 0.045)
    rgb = mix(ACCENT, WHITE, in_bubble)
    rgb = mix(rgb, ACCENT, in_check)
    return rgb + (255,)


def outline_pixel(size, x, y):
    # White only: the bubble's border and the check mark, on transparency.
    stroke = 2.0 / size
    alpha = coverage(size, x, y, lambda px, py: -stroke <= bubble(px, py) <= 0 or check(px, py) <= 1.3 / size)
    return WHITE + (round(255 * alpha),)


def write_png(path, size, pixel):
    rows = bytearray()
    for y in range(size):
        rows.append(0)  # filter: none
        for x in range(size):
            rows.extend(pixel(size, x, y))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA, not interlaced
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n")
        f.write(chunk(b"IHDR", header))
        f.write(chunk(b"IDAT", zlib.compress(bytes(rows), 9)))
        f.write(chunk(b"IEND", b""))


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    write_png(os.path.join(here, "color.png"), 192, colour_pixel)
    write_png(os.path.join(here, "outline.png"), 32, outline_pixel)
