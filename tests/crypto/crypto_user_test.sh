#!/bin/bash
# Runs the crypto intrinsics program under `a64sim user` and qemu-aarch64:
# both must exit 0 (all FIPS known answers correct) with identical output.
# Args: a64sim crypto_intrinsics; the engine option in A64SIM_ENGINE
# (tests/support/engines.bzl).
set -u
SIM=$1 PROG=$2 ENGINE=${A64SIM_ENGINE:---engine=jit}
T=${TEST_TMPDIR:-$(mktemp -d)}
command -v qemu-aarch64 >/dev/null || { echo "qemu-aarch64 not on PATH"; exit 1; }

"$SIM" user "$ENGINE" "$PROG" >"$T/sim.out" 2>"$T/sim.err"
sim_rc=$?
qemu-aarch64 "$PROG" >"$T/qemu.out" 2>"$T/qemu.err"
qemu_rc=$?
status=0
if [[ $qemu_rc -ne 0 ]]; then
  echo "FAIL: qemu-aarch64 exited $qemu_rc"; cat "$T/qemu.out" "$T/qemu.err"; status=1
fi
if [[ $sim_rc -ne 0 ]]; then
  echo "FAIL: a64sim exited $sim_rc"; cat "$T/sim.err"; status=1
fi
if ! diff -u "$T/qemu.out" "$T/sim.out"; then
  echo "FAIL: output differs (- qemu, + a64sim)"; status=1
fi
grep -q '^all known answers ok$' "$T/sim.out" || { echo "FAIL: known answers"; status=1; }
[[ $status -eq 0 ]] && echo "PASS: $(grep -c '^ok ' "$T/sim.out") known answers, $(wc -l <"$T/sim.out") identical lines"
exit $status
