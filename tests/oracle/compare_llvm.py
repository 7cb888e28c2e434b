#!/usr/bin/env python3
"""Compares `a64sim disasm` with llvm-mc-14 on 32-bit words.

Words come from --words FILE (hex, one per line) or are random (--random N),
optionally constrained to a class with --mask/--value (word & mask == value).
Prints a summary and the first differences; exits 1 if any verdict differs or
the text agreement is below --min-agree (a fraction, default 0.999).
Differences listed (by word or by regex on LLVM's text) in --known FILE are
counted as known and reported separately.
"""
import argparse
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
                       capture_output=True, text=True, check=True)
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
    return words, patterns


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
    ap.add_argument("--min-agree", type=float, default=0.999)
    ap.add_argument("--show", type=int, default=40)
    ap.add_argument("--chunk", type=int, default=200000)
    a = ap.parse_args()

    if a.words:
        words = [int(l.strip(), 16) for l in open(a.words) if l.strip()]
    else:
        rng = random.Random(a.seed)
        words = [(rng.getrandbits(32) & ~a.mask) | (a.value & a.mask) for _ in range(a.random)]
    known_words, known_res = load_known(a.known)

    verdict_diff, text_diff, known, valid_both = [], [], 0, 0
    for off in range(0, len(words), a.chunk):
        chunk = words[off:off + a.chunk]
        for w, l, o in zip(chunk, llvm_disasm(chunk, a.llvm_mc), ours(chunk, a.a64sim)):
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
    agree = (valid_both - len(text_diff) - known) / valid_both if valid_both else 1.0
    print("words: %d  llvm-valid: %d  verdict differences: %d  text differences: %d (+%d known)  "
          "text agreement: %.5f" % (len(words), n_valid, len(verdict_diff), len(text_diff), known, agree))
    for w, l, o in verdict_diff[:a.show]:
        print("VERDICT %08x  llvm: %-40s ours: %s" % (w, l or "<invalid>", o or "<invalid>"))
    for w, l, o in text_diff[:a.show]:
        print("TEXT    %08x  llvm: %-40s ours: %s" % (w, l, o))
    all_agree = valid_both and (valid_both - len(text_diff)) / valid_both >= a.min_agree
    return 0 if not verdict_diff and (all_agree or not valid_both) else 1


if __name__ == "__main__":
    sys.exit(main())
