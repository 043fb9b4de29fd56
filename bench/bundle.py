"""Reads the builds of bench/bundle.sh and prints figure 5 as JSON.

For each build: the initial JS (the entry script of index.html plus the chunks it
modulepreloads), raw and gzipped (level 9), and which chunk holds connect.js, found by a string
that only connect.js's own bundle contains.
"""
import gzip
import json
import os
import re
import sys

work, connectjs = sys.argv[1], sys.argv[2]
MARKER = b"withmono.com/coverage"
assert MARKER in open(os.path.join(connectjs, "index.js"), "rb").read(), "connect.js no longer contains the marker string"


def gz(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


out = {}
for variant in ["plain", "core", "hook", "button", "starter", "documented", "lazy"]:
    dist = os.path.join(work, "dist-" + variant)
    html = open(os.path.join(dist, "index.html")).read()
    initial = re.findall(r'<script type="module"[^>]*src="/([^"]+)"', html)
    initial += re.findall(r'<link rel="modulepreload"[^>]*href="/([^"]+)"', html)
    chunks = {}
    for dirpath, _, files in os.walk(os.path.join(dist, "assets")):
        for f in files:
            if f.endswith(".js"):
                rel = os.path.relpath(os.path.join(dirpath, f), dist)
                data = open(os.path.join(dirpath, f), "rb").read()
                chunks[rel] = {"raw": len(data), "gzip": gz(data), "initial": rel in initial, "connectjs": MARKER in data}
    missing = [p for p in initial if p not in chunks]
    assert not missing, f"{variant}: index.html names {missing}, not found in {dist}/assets"
    out[variant] = {
        "initial_raw": sum(c["raw"] for c in chunks.values() if c["initial"]),
        "initial_gzip": sum(c["gzip"] for c in chunks.values() if c["initial"]),
        "connectjs_in_initial": any(c["connectjs"] and c["initial"] for c in chunks.values()),
        "connectjs_chunk": next((dict(name=n, **c) for n, c in chunks.items() if c["connectjs"] and not c["initial"]), None),
        "chunks": chunks,
    }
json.dump(out, sys.stdout, indent=1)
print()
