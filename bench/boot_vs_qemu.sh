#!/bin/bash
# Boots one kernel and initramfs to poweroff under a64sim and under
# qemu-system-aarch64 (-M virt -cpu cortex-a57, TCG), one after the other,
# and prints both wall times, their ratio and a64sim's retired instructions.
#   bench/boot_vs_qemu.sh [--a64sim BIN] [--kernel K] [--initrd I] [--memory M]
# Defaults: bazel-bin's a64sim, tools/fetch_linux.sh's cloud kernel, an
# initramfs (tools/make_initramfs.py) running `uname -a; poweroff -f`, 512M.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux
sim=$root/bazel-bin/tools/a64sim/a64sim
kernel=$cache/vmlinuz
initrd=
memory=512M
while [ $# -gt 0 ]; do
  case $1 in
    --a64sim) sim=$2; shift 2 ;;
    --kernel) kernel=$2; shift 2 ;;
    --initrd) initrd=$2; shift 2 ;;
    --memory) memory=$2; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "usage: $0 [--a64sim BIN] [--kernel K] [--initrd I] [--memory M]" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$initrd" ]; then
  initrd=$work/initramfs.cpio.gz
  python3 "$root/tools/make_initramfs.py" --busybox "$cache/busybox" \
    --command 'uname -a; poweroff -f' -o "$initrd"
fi
append="console=ttyAMA0 rdinit=/init"

now() { date +%s.%N; }
t0=$(now)
"$sim" boot --kernel "$kernel" --initrd "$initrd" --memory "$memory" --append "$append" \
  --stats </dev/null >"$work/a64sim.out" 2>"$work/a64sim.err" || {
  echo "a64sim failed:"; cat "$work/a64sim.err"; tail "$work/a64sim.out"; exit 1; }
t1=$(now)
qemu-system-aarch64 -M virt -cpu cortex-a57 -m "$memory" -nographic -no-reboot -nic none \
  -kernel "$kernel" -initrd "$initrd" -append "$append" \
  </dev/null >"$work/qemu.out" 2>"$work/qemu.err" || {
  echo "qemu-system-aarch64 failed:"; cat "$work/qemu.err"; exit 1; }
t2=$(now)
for f in a64sim qemu; do
  grep -q "reboot: Power down" "$work/$f.out" || { echo "$f did not power off"; exit 1; }
done
insns=$(sed -nE 's/^a64sim: ([0-9]+) instructions.*/\1/p' "$work/a64sim.err")
awk -v a="$t0" -v b="$t1" -v c="$t2" -v n="$insns" 'BEGIN {
  sim = b - a; qemu = c - b
  printf "a64sim:              %7.2f s  (%d instructions, %.1f MIPS)\n", sim, n, n / sim / 1e6
  printf "qemu-system-aarch64: %7.2f s\n", qemu
  printf "ratio a64sim/qemu:   %7.2f\n", sim / qemu
}'
