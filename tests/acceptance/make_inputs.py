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
# Floating point through busybox awk (no math library in this busybox: only
# + - * / %, string -> number (strtod) and printf, which is plenty of FP work).
with open(os.path.join(out, "fp.awk"), "w") as f:
    f.write(r'''BEGIN {
  big = 1e308 * 10; nan = big - big
  n = split("0.1 0.2 0.3 1e-310 5e-324 2.2250738585072014e-308 1.7976931348623157e308 1e400 -1e400 123456789012345678 9007199254740993 -0 0.5 1.5 2.5 -2.5 0x1p-3 3.14159265358979 2.718281828459045 1e22 1e23 4.35 0.000123456789", v, " ")
  for (i = 1; i <= n; i++) {
    x = v[i] + 0
    printf "%s|%.17g|%e|%f|%a|%g|%.0f|%.30e|%E|%G|%10.3f|%-12.5e|%+g|% g|%#g|%.3a|%A\n", v[i], x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x
    printf "  ops %.17g %.17g %.17g %.17g %.17g %d %.17g\n", x * 3, x / 7, x + 1e-17, x - 0.1, x * x, int(x), x % 0.7
  }
  printf "%.17g %.17g %.17g %g %g %g\n", 0.1 + 0.2, 1 / 3, 2 / 3, big, -big, nan
  s = 0; for (i = 1; i <= 100000; i++) s += 1 / i; printf "harmonic %.17g\n", s
  p = 1; for (i = 1; i <= 170; i++) p *= i; printf "170! %.17g %e\n", p, p * 171
  t = 1; for (i = 0; i < 1070; i++) t /= 2; printf "tiny %.17g %a %g\n", t, t, t * 3
}
''')
# bc -l to 200 digits: pi, e, ln 2, sin 1, cos 1, sqrt 2 (arbitrary precision
# decimal arithmetic in integer code, a long-running computation).
with open(os.path.join(out, "fp200.bc"), "w") as f:
    f.write("scale=200\n4*a(1)\ne(1)\nl(2)\ns(1)\nc(1)\nsqrt(2)\ne(l(10)*1.5)\nscale=50\na(0.2)*16-a(1/239)*4\n")
for name, size in [("a.txt", 100), ("b.bin", 5000), ("sub/c.txt", 12), ("sub/deeper/d.txt", 70000),
                   ("sub/empty", 0)]:
    with open(os.path.join(out, "tree", name), "wb") as f:
        f.write(bytes(rng.choice(b"abcdefgh\n") for _ in range(size)))
# Fixed modification times (ls -l, tar headers): 2001-09-09 01:46:40 UTC and later.
for root, dirs, files in os.walk(os.path.join(out, "tree"), topdown=False):
    for n in files + dirs:
        os.utime(os.path.join(root, n), (1000000000, 1000000000 + len(n)))
os.utime(os.path.join(out, "tree"), (1000000000, 1000000000))
