#!/bin/bash
# Boots Debian's arm64 cloud kernel (fetched by tools/fetch_linux.sh) on the
# virt board with a busybox initramfs whose /init runs a script, and checks
# the console output and that poweroff (PSCI SYSTEM_OFF) ends a64sim with
# status 0.
# Usage: linux_boot_test.sh A64SIM MAKE_INITRAMFS_PY
set -u
sim=$(realpath "$1") make_initramfs=$2

# The cache lives outside git, under the real home directory (Bazel sets HOME
# to the test's temporary directory, so ask the passwd database).
home=$(getent passwd "$(id -u)" | cut -d: -f6)
cache=${A64SIM_CACHE:-${home:-$HOME}/.cache/a64sim}/linux
if [ ! -f "$cache/vmlinuz" ] || [ ! -x "$cache/busybox" ]; then
  echo "FAIL: the Linux kernel or busybox is missing from $cache."
  echo "Run tools/fetch_linux.sh first (it needs 'dpkg --add-architecture arm64 &&"
  echo "apt-get update' once; tools/install_deps.sh does that)."
  exit 1
fi

tmp=${TEST_TMPDIR:-$(mktemp -d)}
python3 "$make_initramfs" --busybox "$cache/busybox" \
  --command 'uname -a; cat /proc/cpuinfo; poweroff -f' -o "$tmp/initramfs.cpio.gz" ||
  { echo "FAIL: make_initramfs.py failed"; exit 1; }

start=$(date +%s)
"$sim" boot --kernel "$cache/vmlinuz" --initrd "$tmp/initramfs.cpio.gz" \
  --max-insns 4000000000 --stats --dump-dtb "$tmp/virt.dtb" \
  </dev/null >"$tmp/console.out" 2>"$tmp/a64sim.err"
status=$?
end=$(date +%s)
echo "a64sim exited with $status after $((end - start)) s:"
cat "$tmp/a64sim.err"

fail=0
expect() {
  if ! grep -qF -- "$1" "$tmp/console.out"; then
    echo "FAIL: the console output lacks: $1"
    fail=1
  fi
}
expect "Booting Linux on physical CPU 0x0000000000"
expect "Machine model: linux,dummy-virt"
expect "psci: PSCIv1.1 detected in firmware."
expect "arch_timer: cp15 timer(s) running at 62.50MHz (virt)."
expect "ttyAMA0 at MMIO 0x9000000"
expect "rtc-pl031 9010000.pl031: registered as rtc0"
expect "Run /init as init process"
expect "=== a64sim initramfs: "
expect "Linux (none) 6.1.0-"
expect "aarch64 GNU/Linux"
expect "CPU implementer	: 0x41"
expect "CPU part	: 0xd07"
expect "reboot: Power down"
if grep -qE "Kernel panic|Oops|BUG:|Call trace:|WARNING:" "$tmp/console.out"; then
  echo "FAIL: the kernel reported a problem:"
  grep -E -A5 "Kernel panic|Oops|BUG:|Call trace:|WARNING:" "$tmp/console.out" | head -40
  fail=1
fi
if [ "$status" -ne 0 ]; then
  echo "FAIL: a64sim exited with $status, expected 0 (PSCI SYSTEM_OFF)"
  fail=1
fi
# The generated device tree must be valid for dtc, when it is installed.
if command -v dtc >/dev/null && ! dtc -q -I dtb -O dts "$tmp/virt.dtb" >/dev/null; then
  echo "FAIL: dtc rejects the generated device tree"
  fail=1
fi
if [ "$fail" -ne 0 ]; then
  echo "--- console output (last 60 lines) ---"
  tail -n 60 "$tmp/console.out"
  exit 1
fi
echo PASS
