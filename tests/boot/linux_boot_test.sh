#!/bin/bash
# Boots Debian's arm64 cloud kernel (fetched by tools/fetch_linux.sh) on the
# virt board with a busybox initramfs whose /init runs a script, on every
# engine: the translator, the translator without block linking, the
# interpreter. Each boot must print the expected console lines and end with
# poweroff (PSCI SYSTEM_OFF: a64sim exits 0). The boots must be the same
# execution: the same --stats counts (retired instructions, exceptions,
# interrupts) and the same console output byte for byte (guest time derives
# from retired instructions).
# Usage: linux_boot_test.sh A64SIM MAKE_INITRAMFS_PY BOOT_LIB
set -u
sim=$(realpath "$1") make_initramfs=$2
source "$3"
require_files "$linux_cache/vmlinuz" "$linux_cache/busybox"

python3 "$make_initramfs" --busybox "$linux_cache/busybox" \
  --command 'uname -a; cat /proc/cpuinfo; poweroff -f' -o "$tmp/initramfs.cpio.gz" ||
  { echo "FAIL: make_initramfs.py failed"; exit 1; }

# boot NAME ENGINE_OPTION: console in $tmp/NAME.out, the --stats counts in
# $tmp/NAME.counts.
boot() {
  local name=$1 option=$2 console=$tmp/$1.out status
  boot_sim "$name" "$option" --kernel "$linux_cache/vmlinuz" --initrd "$tmp/initramfs.cpio.gz" \
    --max-insns 4000000000 --dump-dtb "$tmp/$name.dtb"
  # "a64sim: N instructions, N exceptions (N interrupts), S s, M MIPS"
  sed -nE 's/^a64sim: ([0-9]+ instructions, [0-9]+ exceptions \([0-9]+ interrupts\)), .*/\1/p' \
    "$tmp/$name.err" >"$tmp/$name.counts"
  [ -s "$tmp/$name.counts" ] || { echo "FAIL: $name: no --stats line"; fail=1; }
  local line
  for line in "Booting Linux on physical CPU 0x0000000000" \
      "Machine model: linux,dummy-virt" \
      "psci: PSCIv1.1 detected in firmware." \
      "arch_timer: cp15 timer(s) running at 62.50MHz (virt)." \
      "ttyAMA0 at MMIO 0x9000000" \
      "rtc-pl031 9010000.pl031: registered as rtc0" \
      "Run /init as init process" \
      "=== a64sim initramfs: " \
      "Linux (none) 6.1.0-" \
      "aarch64 GNU/Linux" \
      "CPU implementer	: 0x41" \
      "CPU part	: 0xd07" \
      "reboot: Power down"; do
    expect "$console" "$line"
  done
  if grep -qE "Kernel panic|Oops|BUG:|Call trace:|WARNING:" "$console"; then
    echo "FAIL: $name: the kernel reported a problem:"
    grep -E -A5 "Kernel panic|Oops|BUG:|Call trace:|WARNING:" "$console" | head -40
    fail=1
  fi
  if [ "$status" -ne 0 ]; then
    echo "FAIL: $name: a64sim exited with $status, expected 0 (PSCI SYSTEM_OFF)"
    fail=1
  fi
}

boot jit --engine=jit
boot nochain --no-chain
boot interp --engine=interp

for name in nochain interp; do
  if ! cmp -s "$tmp/jit.counts" "$tmp/$name.counts"; then
    echo "FAIL: the counts differ: jit: $(cat "$tmp/jit.counts"); $name: $(cat "$tmp/$name.counts")"
    fail=1
  fi
  if ! cmp -s "$tmp/jit.out" "$tmp/$name.out"; then
    echo "FAIL: the console output differs between jit (<) and $name (>):"
    diff "$tmp/jit.out" "$tmp/$name.out" | head -20
    fail=1
  fi
done
[ "$fail" -eq 0 ] && echo "all engines: $(cat "$tmp/jit.counts"), identical console output"
# The generated device tree must be valid for dtc, when it is installed.
if command -v dtc >/dev/null && ! dtc -q -I dtb -O dts "$tmp/jit.dtb" >/dev/null; then
  echo "FAIL: dtc rejects the generated device tree"
  fail=1
fi
finish "$tmp/jit.out"
