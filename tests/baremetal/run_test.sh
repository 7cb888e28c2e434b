#!/usr/bin/env bash
# run_test.sh A64SIM PROGRAM.elf (qemu | qemu-max | EXPECTED_FILE)
# Runs a bare-metal test program on a64sim (a64sim boot --semihosting, on the
# engine option in A64SIM_ENGINE: tests/support/engines.bzl) and compares its console output with QEMU's (qemu-system-aarch64 -M virt -cpu
# cortex-a57, or -cpu max for features the Cortex-A57 lacks; the semihosting
# console is QEMU's standard error) or with a checked-in expected output. The output must end with "PASS" and the exit
# status must be 0 on both.
set -uo pipefail
a64sim=$1
elf=$2
oracle=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$a64sim" boot "${A64SIM_ENGINE:---engine=jit}" --semihosting --max-insns 50000000 --kernel "$elf" >"$tmp/a64sim.out" 2>"$tmp/a64sim.err"
status=$?
if [ "$oracle" = qemu ] || [ "$oracle" = qemu-max ]; then
  cpu=cortex-a57
  [ "$oracle" = qemu-max ] && cpu=max
  timeout 60 qemu-system-aarch64 -M virt -cpu "$cpu" -m 128M -nographic -semihosting \
    -kernel "$elf" >"$tmp/qemu.stdout" 2>"$tmp/expected.out" </dev/null
  qstatus=$?
  if [ "$qstatus" -ne 0 ]; then
    echo "QEMU exited with $qstatus; its output:"
    cat "$tmp/qemu.stdout" "$tmp/expected.out"
    exit 1
  fi
else
  cp "$oracle" "$tmp/expected.out"
fi

ok=1
if ! diff -u "$tmp/expected.out" "$tmp/a64sim.out"; then
  echo "a64sim's output (+) differs from the expected output (-)"
  ok=0
fi
if [ "$status" -ne 0 ]; then
  echo "a64sim exited with $status"
  cat "$tmp/a64sim.err"
  ok=0
fi
if [ "$(tail -n 1 "$tmp/a64sim.out")" != PASS ]; then
  echo "the last line is not PASS"
  ok=0
fi
if [ $ok = 1 ]; then
  cat "$tmp/a64sim.out"
  echo "OK: $(basename "$elf")"
  exit 0
fi
exit 1
