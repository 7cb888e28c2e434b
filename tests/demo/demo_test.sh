#!/usr/bin/env bash
# The README's built-in default program must behave under a64sim exactly as
# under qemu-aarch64 (stdout and exit status), on the engine A64SIM_ENGINE
# names (tests/support/engines.bzl).
set -u
a64sim="$1"; demo="$2"; engine=${A64SIM_ENGINE:---engine=jit}
want=$(qemu-aarch64 "$demo" one two 2>&1); want_rc=$?
got=$("$a64sim" user "$engine" "$demo" one two 2>&1); got_rc=$?
if [ "$want" != "$got" ] || [ "$want_rc" != "$got_rc" ]; then
  echo "demo differs from qemu-aarch64 (status $got_rc, want $want_rc)"
  diff <(echo "$want") <(echo "$got")
  exit 1
fi
echo "demo output identical to qemu-aarch64 ($engine)"
