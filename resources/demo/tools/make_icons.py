#!/usr/bin/env python3
"""Draws the demo's PNG images (tab bar icons and the logo) with the standard
library only. Run from anywhere: python3 resources/demo/tools/make_icons.py
It rewrites resources/demo/images/*.png; app.json does not reference it."""

import math
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(os.path.dirname(HERE), "images")

GREY = (0x7F, 0x7F, 0x7F)
GREEN = (0x07, 0xC1, 0x60)
WHITE = (0xFF, 0xFF, 0xFF)


def write_png(path, width, height, pixels):
    """pixels: rows of (r, g, b, a) tuples."""
    raw = bytearray()
    for row in pixels:
        raw.append(0)  # filter: none
        for r, g, b, a in row:
            raw += bytes((r, g, b, a))

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    png = b"\x89PNG\r\n\x1a\n"
    png += chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
    png += chunk(b"IDAT", zlib.compress(bytes(raw), 9))
    png += chunk(b"IEND", b"")
    with open(path, "wb") as f:
        f.write(png)


# Shapes are predicates inside(x, y) in a 0..1 square; coverage is sampled
# 4x4 per pixel for smooth edges.

def segment(ax, ay, bx, by, radius):
    def inside(x, y):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
        px, py = ax + t * dx, ay + t * dy
        return (x - px) ** 2 + (y - py) ** 2 <= radius * radius
    return inside


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def ring(cx, cy, r, width):
    return lambda x, y: abs(math.hypot(x - cx, y - cy) - r) <= width / 2


def rounded_rect(x0, y0, x1, y1, r):
    def inside(x, y):
        qx = max(x0 + r - x, 0, x - (x1 - r))
        qy = max(y0 + r - y, 0, y - (y1 - r))
        return x0 <= x <= x1 and y0 <= y <= y1 and qx * qx + qy * qy <= r * r
    return inside


def union(*shapes):
    return lambda x, y: any(s(x, y) for s in shapes)


def render(size, layers):
    """layers: [(shape, (r, g, b))], later layers paint over earlier ones."""
    n = 4
    rows = []
    for py in range(size):
        row = []
        for px in range(size):
            acc = [0.0, 0.0, 0.0, 0.0]  # premultiplied
            for sy in range(n):
                for sx in range(n):
                    x = (px + (sx + 0.5) / n) / size
                    y = (py + (sy + 0.5) / n) / size
                    colour = None
                    for shape, rgb in layers:
                        if shape(x, y):
                            colour = rgb
                    if colour:
                        acc[0] += colour[0]
                        acc[1] += colour[1]
                        acc[2] += colour[2]
                        acc[3] += 1
            a = acc[3] / (n * n)
            if acc[3]:
                row.append(tuple(round(c / acc[3]) for c in acc[:3]) + (round(a * 255),))
            else:
                row.append((0, 0, 0, 0))
        rows.append(row)
    return rows


def apis_icon():
    # "</>": two chevrons and a slash.
    w = 0.045
    return union(
        segment(0.30, 0.30, 0.12, 0.50, w), segment(0.12, 0.50, 0.30, 0.70, w),
        segment(0.70, 0.30, 0.88, 0.50, w), segment(0.88, 0.50, 0.70, 0.70, w),
        segment(0.57, 0.22, 0.43, 0.78, w),
    )


def components_icon():
    # Four rounded tiles, one of them a circle.
    return union(
        rounded_rect(0.14, 0.14, 0.45, 0.45, 0.07), rounded_rect(0.55, 0.14, 0.86, 0.45, 0.07),
        rounded_rect(0.14, 0.55, 0.45, 0.86, 0.07), circle(0.705, 0.705, 0.16),
    )


def about_icon():
    # An "i" in a ring.
    return union(
        ring(0.5, 0.5, 0.36, 0.08), circle(0.5, 0.32, 0.055),
        segment(0.5, 0.45, 0.5, 0.70, 0.045),
    )


def logo():
    w = 0.05
    chevrons = union(
        segment(0.36, 0.34, 0.22, 0.50, w), segment(0.22, 0.50, 0.36, 0.66, w),
        segment(0.64, 0.34, 0.78, 0.50, w), segment(0.78, 0.50, 0.64, 0.66, w),
        segment(0.555, 0.28, 0.445, 0.72, w),
    )
    return [(rounded_rect(0.04, 0.04, 0.96, 0.96, 0.2), GREEN), (chevrons, WHITE)]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, shape in (("tab-apis", apis_icon()), ("tab-components", components_icon()),
                        ("tab-about", about_icon())):
        write_png(os.path.join(OUT, name + ".png"), 81, 81, render(81, [(shape, GREY)]))
        write_png(os.path.join(OUT, name + "-active.png"), 81, 81, render(81, [(shape, GREEN)]))
    write_png(os.path.join(OUT, "logo.png"), 240, 240, render(240, logo()))


if __name__ == "__main__":
    main()
