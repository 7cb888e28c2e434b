#!/usr/bin/env python3
"""Compares `a64sim disasm` with llvm-mc-14 on 32-bit words.

Words come from --words FILE (hex, one per line) or are random (--random N),
optionally constrained to a class with --mask/--value (word & mask == value).
Prints a summary and the first differences; exits 1 if any verdict differs or
the text agreement is below --min-agree (a fraction, default 0.999).
Differences listed (by word or by regex on LLVM's text) in --known FILE are
counted as known and reported separately. With --require-known, any text
difference not listed in --known also fails.

Words are split into chunks; llvm-mc and a64sim run on --jobs chunks at once.
"""
import argparse
import concurrent.futures
import os
import random
import re
import subprocess
import sys

MATTR = "+v8.3a,+crypto,+crc,+lse,+rdm,+fp-armv8,+neon"


def llvm_disasm(words, llvm_mc):
    """Returns a list parallel to `words`: LLVM's text, or None if invalid."""
    src = "".join("0x%02x 0x%02x 0x%02x 0x%02x\n" % (w & 255, (w >> 8) & 255, (w >> 16) & 255, w >> 24)
                  for w in words)
    p = subprocess.run([llvm_mc, "--disassemble", "-triple=aarch64", "-mattr=" + MATTR],
                       input=src, capture_output=True, text=True)
    invalid = set()
    for m in re.finditer(r"<stdin>:(\d+):\d+: warning: invalid instruction encoding", p.stderr):
        invalid.add(int(m.group(1)) - 1)
    texts = [l for l in p.stdout.splitlines() if l.strip() and not l.strip().startswith(".text")]
    out, it = [], iter(texts)
    for i in range(len(words)):
        out.append(None if i in invalid else normalize(next(it)))
    if next(it, None) is not None:
        raise SystemExit("compare_llvm: llvm-mc printed more lines than expected")
    return out


def normalize(s):
    s = s.split("//")[0]
    return re.sub(r"\s+", " ", s.replace("\t", " ")).strip()


def ours(words, a64sim):
    p = subprocess.run([a64sim, "disasm"], input="".join("%08x\n" % w for w in words),
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("compare_llvm: a64sim disasm exited %d: %s" % (p.returncode, p.stderr[-2000:]))
    lines = p.stdout.splitlines()
    assert len(lines) == len(words), "a64sim disasm printed %d lines for %d words" % (len(lines), len(words))
    return [None if l == "<invalid>" else normalize(l) for l in lines]


def load_known(path):
    words, patterns = {}, []
    if not path:
        return words, patterns
    for line in open(path):
        line = line.split("#")[0].strip()
        if not line:
            continue
        kind, _, rest = line.partition(" ")
        if kind == "word":
            words[int(rest.split()[0], 16)] = rest
        elif kind == "regex":
            patterns.append(re.compile(rest.strip()))
        else:
            raise SystemExit("compare_llvm: %s: unknown line kind '%s'" % (path, kind))
    return words, patterns


def compare_chunk(chunk, a):
    """Runs both disassemblers on one chunk; returns (words, llvm, ours)."""
    return chunk, llvm_disasm(chunk, a.llvm_mc), ours(chunk, a.a64sim)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--a64sim", default="bazel-bin/tools/a64sim/a64sim")
    ap.add_argument("--llvm-mc", default="llvm-mc-14")
    ap.add_argument("--words")
    ap.add_argument("--random", type=int, default=0)
    ap.add_argument("--mask", type=lambda s: int(s, 0), default=0)
    ap.add_argument("--value", type=lambda s: int(s, 0), default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--known")
    ap.add_argument("--require-known", action="store_true",
                    help="fail on any text difference not listed in --known")
    ap.add_argument("--min-agree", type=float, default=0.999)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--chunk", type=int, default=50000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--label", default="", help="prefix of the summary line")
    a = ap.parse_args()

    if a.words:
        words = [int(l.strip(), 16) for l in open(a.words) if l.strip()]
    else:
        rng = random.Random(a.seed)
        words = [(rng.getrandbits(32) & ~a.mask) | (a.value & a.mask) for _ in range(a.random)]
    known_words, known_res = load_known(a.known)

    verdict_diff, text_diff, known, valid_both = [], [], 0, 0
    chunks = [words[off:off + a.chunk] for off in range(0, len(words), a.chunk)]
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, a.jobs)) as pool:
        for chunk, llvm, mine in pool.map(lambda c: compare_chunk(c, a), chunks):
            for w, l, o in zip(chunk, llvm, mine):
                if (l is None) != (o is None):
                    verdict_diff.append((w, l, o))
                elif l is not None:
                    valid_both += 1
                    if l != o:
                        if w in known_words or any(r.search(l) for r in known_res):
                            known += 1
                        else:
                            text_diff.append((w, l, o))
    n_valid = valid_both + sum(1 for _, l, _ in verdict_diff if l is not None)
    # Agreement counts known differences as differences: the known list explains
    # the remaining 0.1%, it does not raise the figure.
    agree = (valid_both - len(text_diff) - known) / valid_both if valid_both else 1.0
    print("%swords: %d  llvm-valid: %d  verdict differences: %d (llvm-valid/ours-invalid %d, "
          "llvm-invalid/ours-valid %d)  text differences: %d (+%d known)  text agreement: %.5f" %
          (a.label + ": " if a.label else "", len(words), n_valid, len(verdict_diff),
           sum(1 for _, l, _ in verdict_diff if l is not None),
           sum(1 for _, l, _ in verdict_diff if l is None), len(text_diff), known, agree))
    for w, l, o in verdict_diff[:a.show]:
        print("VERDICT %08x  llvm: %-40s ours: %s" % (w, l or "<invalid>", o or "<invalid>"))
    for w, l, o in text_diff[:a.show]:
        print("TEXT    %08x  llvm: %-40s ours: %s" % (w, l, o))
    ok = not verdict_diff and agree >= a.min_agree
    if a.require_known and text_diff:
        print("FAIL: %d text differences are not listed in %s" % (len(text_diff), a.known))
        ok = False
    if verdict_diff:
        print("FAIL: %d valid/invalid verdict differences" % len(verdict_diff))
    if agree < a.min_agree:
        print("FAIL: text agreement %.5f < %.5f" % (agree, a.min_agree))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
