#!/bin/bash
# A user-mode test program (programs/*.c) on the engine that A64SIM_ENGINE
# names (tests/support/engines.bzl): without arguments the program's output
# and exit status must equal qemu-aarch64's; run with MODE, where the
# architecture allows behaviour qemu-aarch64 does not share, it must print
# the checked-in EXPECTED output.
# Usage: vs_qemu_test.sh A64SIM PROGRAM MODE EXPECTED
set -u
sim=$1 prog=$2 mode=$3 expected=$4 engine=${A64SIM_ENGINE:---engine=jit}
tmp=${TEST_TMPDIR:-$(mktemp -d)}
command -v qemu-aarch64 >/dev/null || { echo "FAIL: qemu-aarch64 not found (apt-get install qemu-user)"; exit 1; }
fail=0

qemu-aarch64 "$prog" >"$tmp/qemu.out" 2>&1
qemu_rc=$?
"$sim" user "$engine" "$prog" >"$tmp/sim.out" 2>&1
sim_rc=$?
if [ "$qemu_rc" != 0 ] || [ "$sim_rc" != 0 ] || ! diff "$tmp/qemu.out" "$tmp/sim.out"; then
  echo "FAIL: a64sim user $engine (>, exit $sim_rc) differs from qemu-aarch64 (<, exit $qemu_rc)"
  fail=1
fi

"$sim" user "$engine" "$prog" "$mode" >"$tmp/mode.out" 2>&1
sim_rc=$?
if [ "$sim_rc" != 0 ] || ! diff "$expected" "$tmp/mode.out"; then
  echo "FAIL: $mode: a64sim user $engine (>, exit $sim_rc) differs from $expected (<)"
  fail=1
fi

[ "$fail" = 0 ] && echo "PASS: $engine: $(wc -l <"$tmp/sim.out") lines as qemu-aarch64, $(wc -l <"$tmp/mode.out") $mode lines as expected"
exit "$fail"
