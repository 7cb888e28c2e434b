#!/usr/bin/env python3
"""Writes the deterministic input files of busybox_test.sh into DIR."""
import os
import random
import sys

out = sys.argv[1]
rng = random.Random(2024)
words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa",
         "lambda", "mu", "foo", "bar", "baz", "qux", "Quux", "CORGE", "grault", "garply"]

os.makedirs(os.path.join(out, "tree", "sub", "deeper"), exist_ok=True)
with open(os.path.join(out, "data.txt"), "w") as f:
    for i in range(20000):
        f.write("%s %d %s %.6f %s\n" % (rng.choice(words), rng.randint(-100000, 100000), rng.choice(words),
                                        rng.uniform(-1e6, 1e6), "x" * rng.randint(0, 12)))
# sort -g parses every key at every comparison: keep its input small.
with open(os.path.join(out, "floats.txt"), "w") as f:
    for i in range(3000):
        f.write("%d %s %.*g\n" % (i, rng.choice(words), rng.randint(1, 17), rng.uniform(-1e6, 1e6) * 10 ** rng.randint(-30, 30)))
with open(os.path.join(out, "bin.dat"), "wb") as f:
    f.write(bytes(rng.getrandbits(8) for _ in range(300000)))
with open(os.path.join(out, "small.txt"), "w") as f:
    f.write("line one\nline two\n\ttabbed line\nline one\nLINE ONE\n\nlast line without newline")
with open(os.path.join(out, "calc.bc"), "w") as f:
    f.write("scale=60\n4*a(1)\ne(1)\nl(2)\nsqrt(2)\ns(1)+c(1)\nscale=0\n2^512\n"
            "define f(n) { if (n <= 1) return 1; return n * f(n - 1); }\nf(60)\n"
            "obase=16\n2^100-1\nobase=2\n12345\nobase=10\n-7/2\n-7%2\n")
for name, size in [("a.txt", 100), ("b.bin", 5000), ("sub/c.txt", 12), ("sub/deeper/d.txt", 70000),
                   ("sub/empty", 0)]:
    with open(os.path.join(out, "tree", name), "wb") as f:
        f.write(bytes(rng.choice(b"abcdefgh\n") for _ in range(size)))
# Fixed modification times (ls -l, tar headers): 2001-09-09 01:46:40 UTC and later.
for root, dirs, files in os.walk(os.path.join(out, "tree"), topdown=False):
    for n in files + dirs:
        os.utime(os.path.join(root, n), (1000000000, 1000000000 + len(n)))
os.utime(os.path.join(out, "tree"), (1000000000, 1000000000))
