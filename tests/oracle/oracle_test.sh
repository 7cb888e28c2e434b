#!/bin/bash
# Decoder/disassembler oracle: a64sim disasm vs llvm-mc-14.
#   (a) 10^6 random words (fixed seed);
#   (b) the encoding sweep: every table entry, its one-bit near misses and every
#       top-level class region (tests/oracle/encoding_sweep.cc).
# Fails on any valid/invalid verdict difference, on text agreement < 99.9%, or
# on a text difference not listed in tests/oracle/known_differences.txt.
# Usage: oracle_test.sh A64SIM ENCODING_SWEEP COMPARE_PY KNOWN [RANDOM_WORDS]
set -u
a64sim=$1 sweep=$2 compare=$3 known=$4 nrandom=${5:-1000000}
tmp=${TEST_TMPDIR:-$(mktemp -d)}
command -v llvm-mc-14 >/dev/null || { echo "FAIL: llvm-mc-14 not found (apt-get install llvm-14)"; exit 1; }

status=0
python3 "$compare" --a64sim "$a64sim" --random "$nrandom" --seed 20240601 --known "$known" \
  --require-known --jobs 2 --label "random $nrandom" || status=1

"$sweep" --per-entry 256 --per-class 20000 --per-region 4 --seed 7 >"$tmp/sweep.txt" || {
  echo "FAIL: encoding_sweep failed"; exit 1; }
python3 "$compare" --a64sim "$a64sim" --words "$tmp/sweep.txt" --known "$known" \
  --require-known --jobs 2 --label "encoding sweep" || status=1

[ $status = 0 ] && echo "oracle: PASS" || echo "oracle: FAIL"
exit $status
