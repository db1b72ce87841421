#!/usr/bin/env python3
"""Compares two gallery folders (scripts/gallery --check).

Text that does not depend on fonts (DOT, traces, Markdown, LaTeX, manifests) must match byte
for byte. SVG and HTML must match once geometry is set aside: the same elements, ids, classes,
colours and text, in the same order; coordinates and sizes come from the machine's font metrics.
PDF and PNG files must exist on both sides with the right magic bytes.

    gallery-diff.py FRESH COMMITTED     exit 0 when they match, 1 with a list of differences
"""
import os
import re
import sys

GEOMETRY = re.compile(
    r'\b(x|y|x1|y1|x2|y2|cx|cy|rx|ry|r|d|points|width|height|viewBox|transform|font-size|stroke-width)="[^"]*"'
)
MAGIC = {".pdf": b"%PDF", ".png": b"\x89PNG"}


def normalized(path):
    with open(path, "rb") as handle:
        data = handle.read()
    extension = os.path.splitext(path)[1]
    if extension in MAGIC:
        return data.startswith(MAGIC[extension])
    if extension in (".svg", ".html"):
        return GEOMETRY.sub(lambda m: m.group(1) + '=""', data.decode("utf-8"))
    return data


def files(root):
    found = set()
    for folder, _, names in os.walk(root):
        for name in names:
            found.add(os.path.relpath(os.path.join(folder, name), root))
    return found


def main(fresh, committed):
    problems = []
    a, b = files(fresh), files(committed)
    problems += [f"only in the fresh gallery: {p}" for p in sorted(a - b)]
    problems += [f"only in the committed gallery: {p}" for p in sorted(b - a)]
    for path in sorted(a & b):
        if normalized(os.path.join(fresh, path)) != normalized(os.path.join(committed, path)):
            problems.append(f"differs: {path}")
    for line in problems[:30]:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
