"""Attributes a Vite build's initial JS to the source modules and functions it came from.

    python3 bench/attribute.py DIST [PREFIX]

DIST is a build made with `vite build --sourcemap` (bench/attribute.sh makes one); PREFIX, if
given, keeps only sources whose path contains it in the per-function table (default
"mono-connect"). Every byte of the initial chunks (the entry script of index.html and the chunks
it modulepreloads) is charged to the source position its source map names for it (a byte with no
mapping to "(unmapped)"), and the bytes of one source module are grouped by the function around
that position: the nearest line above it that starts a declaration (`function f`, `const f =`,
`f(...) {` for a method), nested ones named outer > inner.

Gzip does not add up by parts: a piece's size depends on what else is in the file. So beside its
raw bytes each part gets its marginal gzip size: gzip -9 of the whole initial JS minus gzip -9 of
the same bytes with that part's bytes cut out. It is what deleting the part would save, as near as
can be had without rebuilding (the minifier would also drop what only the part used).
"""
import base64
import gzip
import json
import os
import re
import sys

B64 = {c: i for i, c in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


def vlq(segment):
    values, shift, value = [], 0, 0
    for c in segment:
        digit = B64[c]
        value += (digit & 31) << shift
        if digit & 32:
            shift += 5
            continue
        values.append(-(value >> 1) if value & 1 else value >> 1)
        shift, value = 0, 0
    return values


def decode(mappings):
    """Yields (generated line, generated column, source index, source line) of every segment."""
    src = sline = 0
    for gline, line in enumerate(mappings.split(";")):
        gcol = 0
        for seg in line.split(","):
            if not seg:
                continue
            v = vlq(seg)
            gcol += v[0]
            if len(v) >= 4:
                src += v[1]
                sline += v[2]
                yield gline, gcol, src, sline
            else:
                yield gline, gcol, None, None


DECL = re.compile(r"^(\s*)(?:export\s+)?(?:async\s+)?(?:function\s*\*?\s*(\w+)|(?:const|let|var)\s+(\w+)\s*[:=]|(\w+)\s*\([^)]*\)\s*(?::[^{]*)?\{\s*$|get\s+(\w+)\s*\(|(\w+)\s*:\s*(?:async\s*)?\()")

# A nested const is a section of its own only when it holds a function or an object literal (of
# methods, usually); a local value is part of the function it is in.
FUNC_VALUE = re.compile(r"=\s*(?:async\s*)?(?:\(|function\b|\w+\s*=>|\{\s*$)")


def sections(text):
    """For each line of a source, the name of the function around it (outer > inner)."""
    names, stack = [], []
    for line in text.split("\n"):
        m = DECL.match(line)
        if m and not line.lstrip().startswith(("//", "*", "/*", "return", "if", "for", "while", "switch")):
            indent = len(m.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            # a nested value ends its siblings' sections but is part of the function it is in
            if not (indent and m.group(3) and not FUNC_VALUE.search(line)):
                stack.append((indent, next(g for g in m.groups()[1:] if g)))
        elif line.strip() and not line.lstrip().startswith(("}", ")", "]", "//", "/*", "*")):
            # another statement (a loop, an import) ends the sections it is not inside of
            indent = len(line) - len(line.lstrip())
            while stack and stack[-1][0] >= indent:
                stack.pop()
        names.append(" > ".join(n for _, n in stack) or "(module level)")
    return names


def gz(data):
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def main():
    dist = sys.argv[1]
    prefix = sys.argv[2] if len(sys.argv) > 2 else "mono-connect"
    html = open(os.path.join(dist, "index.html")).read()
    initial = re.findall(r'<script type="module"[^>]*src="/([^"]+)"', html)
    initial += re.findall(r'<link rel="modulepreload"[^>]*href="/([^"]+)"', html)

    # owner[i] for every byte of the concatenated initial chunks: (module, function)
    blob, owner = bytearray(), []
    for rel in initial:
        path = os.path.join(dist, rel)
        code = open(path, "rb").read()
        code = re.sub(rb"\n?//# sourceMappingURL=[^\n]*\n?$", b"", code)
        smap = json.load(open(path + ".map"))
        sources = [os.path.normpath(s) for s in smap["sources"]]
        contents = smap.get("sourcesContent") or [None] * len(sources)
        secs = [sections(c) if c is not None else None for c in contents]
        lines = code.split(b"\n")
        starts, off = [], 0
        for ln in lines:
            starts.append(off)
            off += len(ln) + 1
        chunk_owner = [("(unmapped)", "")] * len(code)
        # Columns are UTF-16 units; the minified output is ASCII in practice, so bytes = units.
        marks = sorted(decode(smap["mappings"]))
        for i, (gl, gc, s, sl) in enumerate(marks):
            begin = starts[gl] + gc
            if i + 1 < len(marks):
                nl, nc = marks[i + 1][0], marks[i + 1][1]
                end = starts[nl] + nc if nl == gl else starts[gl] + len(lines[gl])
            else:
                end = starts[gl] + len(lines[gl])
            who = ("(unmapped)", "") if s is None else (sources[s], secs[s][sl] if secs[s] and sl < len(secs[s]) else "")
            for b in range(begin, min(end, len(code))):
                chunk_owner[b] = who
        blob += code + b"\n"
        owner += chunk_owner + [("(unmapped)", "")]

    total = gz(bytes(blob))

    def without(pred):
        return total - gz(bytes(b for b, o in zip(blob, owner) if not pred(o)))

    def short(module):
        module = module.replace("\\", "/")
        m = re.search(r"node_modules/(@[^/]+/[^/]+|[^/]+)", module)
        if m and "mono-connect" not in module.split("node_modules/")[-1]:
            return "node_modules/" + m.group(1)
        return re.sub(r"^(\.\./)+", "", module)

    by_module = {}
    for o in owner:
        by_module[short(o[0])] = by_module.get(short(o[0]), 0) + 1
    print(f"initial JS: {len(blob)} bytes raw, {total} gzip -9 ({', '.join(initial)})\n")
    print("| module | raw bytes | marginal gzip bytes |")
    print("| --- | --- | --- |")
    for mod, raw in sorted(by_module.items(), key=lambda kv: -kv[1]):
        print(f"| {mod} | {raw} | {without(lambda o, mod=mod: short(o[0]) == mod)} |")

    by_fn = {}
    for o in owner:
        if prefix in o[0] and "node_modules" not in o[0]:
            key = (short(o[0]), o[1])
            by_fn[key] = by_fn.get(key, 0) + 1
    print(f"\n| module ({prefix}) | function | raw bytes | marginal gzip bytes |")
    print("| --- | --- | --- | --- |")
    for (mod, fn), raw in sorted(by_fn.items(), key=lambda kv: (kv[0][0], -kv[1])):
        print(f"| {os.path.basename(mod)} | {fn} | {raw} | {without(lambda o, k=(mod, fn): (short(o[0]), o[1]) == k)} |")


main()
