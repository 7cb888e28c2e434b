#!/bin/bash
# --perf-map: a64sim user writes /tmp/perf-PID.map, one "START SIZE NAME" line
# per translated block (perf's JIT symbol convention), naming the block's
# guest PC; the program's entry point is among them, and every code range is
# disjoint from the others (no flush happens in so short a run).
# Usage: perf_map_test.sh A64SIM PROGRAM
set -u
sim=$1 prog=$2
tmp=${TEST_TMPDIR:-$(mktemp -d)}
"$sim" user --perf-map "$prog" >"$tmp/out" 2>&1 &
pid=$!
wait "$pid"
map=/tmp/perf-$pid.map
[ -s "$map" ] || { echo "FAIL: no $map"; exit 1; }
mv "$map" "$tmp/perf.map"
entry=$(python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(64); print(hex(struct.unpack_from("<Q", d, 24)[0]))' "$prog")
python3 - "$tmp/perf.map" "$entry" <<'PY'
import re, sys
lines = open(sys.argv[1]).read().splitlines()
pat = re.compile(r"^([0-9a-f]+) ([0-9a-f]+) a64sim:(0x[0-9a-f]+)$")
ranges, pcs = [], set()
for l in lines:
    m = pat.match(l)
    if not m:
        sys.exit("FAIL: malformed line: %r" % l)
    start, size = int(m.group(1), 16), int(m.group(2), 16)
    if size == 0:
        sys.exit("FAIL: empty code range: %r" % l)
    ranges.append((start, start + size))
    pcs.add(int(m.group(3), 16))
ranges.sort()
for (a, b), (c, d) in zip(ranges, ranges[1:]):
    if c < b:
        sys.exit("FAIL: overlapping code ranges %x-%x and %x-%x" % (a, b, c, d))
if int(sys.argv[2], 16) not in pcs:
    sys.exit("FAIL: the entry point %s is not named" % sys.argv[2])
print("PASS: %d blocks named, entry point %s among them" % (len(lines), sys.argv[2]))
PY
