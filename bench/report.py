"""Turns the measurements of bench/run.sh into bench/results.md (and the results section of
BENCHMARKS.md, between its two marker comments, when that file is named).

    python3 bench/report.py WORK_DIR bench/results.md [BENCHMARKS.md]

Every figure is a ratio to a peer measured in the same run; each row says whether its goal
(from issues 10 and 19) is met.
"""
import json
import os
import statistics
import sys

work, out = sys.argv[1], sys.argv[2]
doc = sys.argv[3] if len(sys.argv) > 3 else None
BEGIN, END = "<!-- bench/run.sh: results begin -->", "<!-- bench/run.sh: results end -->"


def have(name):
    return os.path.exists(os.path.join(work, name))


def load(name):
    with open(os.path.join(work, name)) as f:
        return json.load(f)


def timed(name):
    """bench/paired's measurement of figure NAME: (load before, load after, runs, rows); each row is
    (command, median wall ms, min, max, median CPU ms, instructions or None)."""
    t = load(f"times/{name}.json")
    counts = {}
    if have("instructions.jsonl"):
        for line in open(os.path.join(work, "instructions.jsonl")):
            c = json.loads(line)
            if c["figure"] == name:
                counts[c["name"]] = c["instructions"]
    rows = [(c["name"], statistics.median(c["wall_ms"]), min(c["wall_ms"]), max(c["wall_ms"]),
             statistics.median(c["cpu_ms"]), counts.get(c["name"])) for c in t["commands"]]
    return t["load_before"], t["load_after"], t["runs"], rows


def paired_ratio(name, i, j):
    """The median over rounds of command i's wall time over command j's in the same round."""
    cs = load(f"times/{name}.json")["commands"]
    return statistics.median(a / b for a, b in zip(cs[i]["wall_ms"], cs[j]["wall_ms"]))


def cpu_and_instr(rows, i, j):
    """The ratio of command i to command j in CPU time (medians) and, when counted, instructions."""
    text = f"CPU {rows[i][4] / rows[j][4]:.2f}x"
    if rows[i][5] and rows[j][5]:
        text += f", instructions {rows[i][5] / rows[j][5]:.1f}x"
    return text


def verdict(ok):
    return "**met**" if ok else "**missed**"


m = load("machine.json")
summary, details = [], []
summary.append("| # | figure | ours | peer, same run | ratio | goal | |")
summary.append("| --- | --- | --- | --- | --- | --- | --- |")

def ratio_text(name, rows, i, j):
    """Command i over command j of figure NAME: medians' ratio, the paired one, CPU, instructions."""
    return f"{rows[i][1] / rows[j][1]:.2f}x (paired {paired_ratio(name, i, j):.2f}x; {cpu_and_instr(rows, i, j)})"


def figure(name):
    """The rows of timed figure NAME and their median wall times; (None, None) if it was not run."""
    if not have(f"times/{name}.json"):
        return None, None
    rows = timed(name)[3]
    return rows, [r[1] for r in rows]


rows, med = figure("version")
if rows:
    empty, cobra, ours = med
    summary.append(f"| 1 | `mono-connect version`, median | {ours:.2f} ms | empty Go program {empty:.2f} ms (same temp-dir wrapper); bare cobra root {cobra:.2f} ms ({cobra / empty:.2f}x) | {ratio_text('version', rows, 2, 0)} | <= 2x | {verdict(ours / empty <= 2)} |")
rows, med = figure("init")
if rows:
    empty, ours, vite = med
    summary.append(f"| 2 | `init app --framework react --lang ts --yes`, median | {ours:.2f} ms | empty Go program {empty:.2f} ms (same temp-dir wrapper) | {ratio_text('init', rows, 1, 0)} | <= 3x | {verdict(ours / empty <= 3)} |")
    summary.append(f"| 2 | create-vite react-ts scaffold (peer), median | {vite:.2f} ms | mono-connect init {ours:.2f} ms | create-vite / init = {ratio_text('init', rows, 2, 1)} | >= 5x | {verdict(vite / ours >= 5)} |")
rows, med = figure("init-tmpfs")
if rows:
    empty, ours, vite = med
    summary.append(f"| 2 | the same, directories on tmpfs (no free-inode search), median | {ours:.2f} ms | empty Go program {empty:.2f} ms; create-vite {vite:.2f} ms | {ratio_text('init-tmpfs', rows, 1, 0)}; create-vite / init = {vite / ours:.2f}x | reported | |")
rows, med = figure("check")
if rows:
    empty, ours = med
    summary.append(f"| 3 | `generate --check` on that app, median | {ours:.2f} ms | empty Go program {empty:.2f} ms (same temp-dir wrapper) | {ratio_text('check', rows, 1, 0)} | <= 3x | {verdict(ours / empty <= 3)} |")

for name in ["version", "init", "init-tmpfs", "check"]:
    if have(f"times/{name}.json"):
        before, after, runs, rows = timed(name)
        details.append(f"\n**{name}** (bench/paired: {runs} runs of each command, taking turns run by run; load average {', '.join(before)} before, {', '.join(after)} after)\n")
        details.append("| command | median ms | min ms | max ms | ratio to the first row | CPU ms (user + system), median | instructions (callgrind) |")
        details.append("| --- | --- | --- | --- | --- | --- | --- |")
        for cmd, med, lo, hi, cpu, ins in rows:
            details.append(f"| {cmd} | {med:.2f} | {lo:.2f} | {hi:.2f} | {med / rows[0][1]:.2f}x | {cpu:.2f} | {f'{ins / 1e6:.2f} M' if ins else 'not counted'} |")

if have("load.jsonl"):
    runs, mono = {}, {}
    for line in open(os.path.join(work, "load.jsonl")):
        r = json.loads(line)
        if "wrk" in r:
            runs.setdefault(r["target"], []).append(r["wrk"])
        else:
            mono[r["target"]] = r["mono"]

    def rps(t):
        return sum(w["requests"] for w in runs[t]) / (sum(w["duration_us"] for w in runs[t]) / 1e6)

    def p99(t):
        return statistics.median(w["p99_us"] for w in runs[t]) / 1000

    def errors(t):
        return sum(w["socket_errors"] + w["non2xx"] for w in runs[t])

    def paired(a, b):
        """The median over rounds of a's throughput over b's in the same round: the targets of a
        round run one after the other, so a drift in the machine's load touches both alike."""
        return statistics.median((x["requests"] / x["duration_us"]) / (y["requests"] / y["duration_us"]) for x, y in zip(runs[a], runs[b]))

    conns = int(os.environ.get("CONNS", "64"))
    g, gp, ps, pg, pp, pd = "generated", "generated-postgres", "peer-sqlite", "peer-postgres", "peer-pooled", "peer-default"
    rs, rp = paired(g, ps), paired(gp, pg)
    summary.append(f"| 4 | generated exchange handler on SQLite (its default), {conns} connections: throughput | {rps(g):,.0f} req/s | hand-written proxy storing the same row in SQLite, opened alike, {rps(ps):,.0f} req/s | {rs:.0%} of the peer, median of the rounds ({rps(g) / rps(ps):.0%} over all rounds) | >= 95% | {verdict(rs >= 0.95)} |")
    summary.append(f"| 4 | the same on PostgreSQL (a local cluster, 20 connections per pool) | {rps(gp):,.0f} req/s | the peer on PostgreSQL {rps(pg):,.0f} req/s | {rp:.0%} of the peer, median of the rounds ({rps(gp) / rps(pg):.0%} over all rounds) | >= 95% | {verdict(rp >= 0.95)} |")
    summary.append(f"| 4 | reference: proxies that store nothing | | pooled client {rps(pp):,.0f} req/s; http.DefaultClient {rps(pd):,.0f} req/s | | reported | |")
    summary.append(f"| 4 | p99 latency (median of rounds) | SQLite {p99(g):.1f} ms; PostgreSQL {p99(gp):.1f} ms | peers {p99(ps):.1f} ms, {p99(pg):.1f} ms | | reported | |")
    summary.append(f"| 4 | new connections to the fake Mono, whole run | {mono[g]['new_conns']}; {mono[gp]['new_conns']} | peers {mono[ps]['new_conns']}, {mono[pg]['new_conns']}; default client {mono[pd]['new_conns']} | | <= {conns} | {verdict(max(mono[g]['new_conns'], mono[gp]['new_conns']) <= conns)} |")
    details.append(f"\n**exchange load test** (wrk -t2 -c{conns}, one signed-in demo user, {len(runs[g])} rounds per target, the targets taking turns; every process on 127.0.0.1)\n")
    details.append("| target | req/s, all rounds | req/s per round | p50 ms | p99 ms | max ms | errors | exchanges seen by the fake Mono | new upstream connections | of which closed during the run |")
    details.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    names = {g: "generated server (server/, as init writes it), SQLite", gp: "generated server, DATABASE_URL=postgres://…", ps: "peer: pooled proxy storing the row in SQLite", pg: "peer: pooled proxy storing the row in PostgreSQL", pp: "peer: minimal proxy, client keeping 64 idle connections, no storage", pd: "peer: minimal proxy, http.DefaultClient, no storage"}
    for t in [x for x in [g, ps, gp, pg, pp, pd] if x in runs]:
        per = ", ".join(f"{w['requests'] / (w['duration_us'] / 1e6):,.0f}" for w in runs[t])
        p50 = statistics.median(w["p50_us"] for w in runs[t]) / 1000
        mx = max(w["max_us"] for w in runs[t]) / 1000
        details.append(f"| {names[t]} | {rps(t):,.0f} | {per} | {p50:.1f} | {p99(t):.1f} | {mx:.1f} | {errors(t)} | {mono[t]['exchanges']:,} | {mono[t]['new_conns']:,} | {mono[t].get('closed_conns', 0):,} |")

if have("bundle.json"):
    b = load("bundle.json")
    plain = b["plain"]["initial_gzip"]

    def delta(v):
        return (b[v]["initial_gzip"] - plain) / 1000

    def raw(v):
        return (b[v]["initial_raw"] - b["plain"]["initial_raw"]) / 1000

    ours = delta("button")
    split = not b["button"]["connectjs_in_initial"] and b["button"]["connectjs_chunk"] is not None
    summary.append(f"| 5 | React build, initial JS added by `<MonoConnectButton>` (gzip) | +{ours:.2f} KB | Mono's documented static import +{delta('documented'):.2f} KB; bare lazy import() +{delta('lazy'):.2f} KB; plain app {plain / 1000:.1f} KB | | <= +2 KB | {verdict(ours <= 2)} |")
    summary.append(f"| 5 | connect.js in a chunk of its own, loaded on first use | {'yes' if split else 'no'} ({b['button']['connectjs_chunk']['gzip'] / 1000:.1f} KB gzip) | documented pattern: {'in the initial chunk' if b['documented']['connectjs_in_initial'] else 'separate'} | | separate | {verdict(split)} |" if b["button"]["connectjs_chunk"] else "| 5 | connect.js chunk | not found | | | separate | **missed** |")
    details.append("\n**React production build** (vite build of the react-ts starter, one install, only App.tsx differs; initial JS = entry script + modulepreloaded chunks; gzip -9; KB = 1000 bytes)\n")
    details.append("| App.tsx | initial JS raw KB | initial JS gzip KB | added to the plain app, gzip KB (raw KB) | connect.js |")
    details.append("| --- | --- | --- | --- | --- |")
    labels = {
        "plain": "plain page, no Mono (the baseline)",
        "core": "plain + our controller alone (`createMonoConnect`)",
        "hook": "plain + `useMonoConnect`",
        "button": "plain + `<MonoConnectButton>` (ours)",
        "starter": "the starter's App.tsx as init writes it (ours)",
        "documented": "plain + Mono's documented pattern (static import)",
        "lazy": "plain + a bare `import('@mono.co/connect.js')` on click",
    }
    for v, label in labels.items():
        c = b[v]
        where = "initial chunk" if c["connectjs_in_initial"] else (f"own chunk, {c['connectjs_chunk']['gzip'] / 1000:.1f} KB gzip" if c["connectjs_chunk"] else "-")
        added = "" if v == "plain" else f"+{delta(v):.2f} (+{raw(v):.1f})"
        details.append(f"| {label} | {c['initial_raw'] / 1000:.1f} | {c['initial_gzip'] / 1000:.2f} | {added} | {where} |")

if have("binsize.json"):
    s = load("binsize.json")
    rss = load("rss.json")["peak_rss_kb"] / 1024
    summary.append(f"| 6 | release binary, stripped (CGO_ENABLED=0, -trimpath, -s -w) | {s['stripped_bytes'] / 1e6:.2f} MB | | | <= 10 MB | {verdict(s['stripped_bytes'] <= 10e6)} |")
    summary.append(f"| 6 | peak RSS of a greenfield init | {rss:.1f} MB | | | reported | |")
    details.append("\n**binary size by module** (bench/binsize: symbol sizes from the same build without -s -w; line tables shared out by code size)\n")
    details.append("| module | code KB | data KB | line tables KB | total KB | share of the stripped file |")
    details.append("| --- | --- | --- | --- | --- | --- |")
    for r in s["modules"]:
        details.append(f"| {r['module']} | {r['code'] / 1000:.0f} | {r['data'] / 1000:.0f} | {r['lines'] / 1000:.0f} | {r['total'] / 1000:.0f} | {r['share']} |")
    details.append("\nLargest packages:\n")
    details.append("| package | total KB | share |")
    details.append("| --- | --- | --- |")
    for r in s["packages"][:15]:
        details.append(f"| {r['module']} | {r['total'] / 1000:.0f} | {r['share']} |")

machine = (f"Machine: {m['nproc']} cores, {m['cpu']}, Linux {m['kernel']}; {m['go']}; node {m['node']}. "
           f"Load average (1, 5, 15 min) at the start: {', '.join(m['load_start'])}; at the end: {', '.join(m.get('load_end', ['?']))}.")
text = "\n".join([machine, "", *summary, "", "### Details", *details]) + "\n"
with open(out, "w") as f:
    f.write(text)
if doc:
    cur = open(doc).read()
    if BEGIN in cur and END in cur:
        head, rest = cur.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        with open(doc, "w") as f:
            f.write(head + BEGIN + "\n" + text + END + tail)
