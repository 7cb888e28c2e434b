#!/bin/bash
# Differential execution of the C corpus (tests/diff/programs): each static
# AArch64 binary runs under qemu-aarch64 (the reference) and under the
# simulator; stdout and exit status must be identical.
# Usage: programs_test.sh SIM BINARY...
#   SIM is the a64sim binary (run as `SIM user $A64SIM_ENGINE BINARY`, the
#   engine option from tests/support/engines.bzl), or `qemu` to run the
#   reference against itself (validates the harness).
set -u
sim=$1
shift
engine=${A64SIM_ENGINE:---engine=jit}
if [ "$sim" = qemu ]; then simcmd=(qemu-aarch64); else simcmd=("$sim" user "$engine"); fi
command -v qemu-aarch64 >/dev/null || { echo "FAIL: qemu-aarch64 not found (apt-get install qemu-user)"; exit 1; }
tmp=${TEST_TMPDIR:-$(mktemp -d)}
limit=${A64SIM_DIFF_TIMEOUT:-120}
pass=0 fail=0
for bin in "$@"; do
  name=$(basename "$bin")
  timeout "$limit" qemu-aarch64 "$bin" >"$tmp/$name.ref" 2>"$tmp/$name.ref.err" </dev/null
  ref_rc=$?
  timeout "$limit" "${simcmd[@]}" "$bin" >"$tmp/$name.sim" 2>"$tmp/$name.sim.err" </dev/null
  sim_rc=$?
  if [ "$ref_rc" = "$sim_rc" ] && cmp -s "$tmp/$name.ref" "$tmp/$name.sim"; then
    echo "PASS $name (exit $ref_rc, $(wc -c <"$tmp/$name.ref") bytes)"
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit qemu=$ref_rc sim=$sim_rc, stdout $(wc -c <"$tmp/$name.ref") vs $(wc -c <"$tmp/$name.sim") bytes"
    diff "$tmp/$name.ref" "$tmp/$name.sim" | head -10 | sed 's/^/    /'
    echo "    sim stderr:"
    tail -5 "$tmp/$name.sim.err" | sed 's/^/    /'
  fi
done
echo "programs on ${simcmd[*]}: $pass passed, $fail failed"
[ "$fail" = 0 ]
