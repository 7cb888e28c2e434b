#!/bin/bash
# Boots the cloud kernel and one initramfs under qemu-system-aarch64
# (-M virt -cpu cortex-a57, GICv2, the same memory size and command line) and
# under a64sim, and compares the two console outputs line by line after
# removing the "[    1.234567] " timestamps and the lines that legitimately
# differ (console_filter below justifies each pattern). Any other difference
# fails the test and is printed as a diff (QEMU's lines "<", a64sim's ">").
# Usage: qemu_console_test.sh A64SIM MAKE_INITRAMFS_PY BOOT_LIB
set -u
sim=$(realpath "$1") make_initramfs=$2
source "$3"
require_files "$linux_cache/vmlinuz" "$linux_cache/busybox"
qemu=$(find_tool qemu-system-aarch64) || exit 1

memory=512M  # a64sim's default; QEMU's is 128M, so pass it to both
append="console=ttyAMA0 rdinit=/init"
python3 "$make_initramfs" --busybox "$linux_cache/busybox" \
  --command 'uname -a; cat /proc/cpuinfo; cat /proc/interrupts; cat /proc/iomem; poweroff -f' \
  -o "$tmp/initramfs.cpio.gz" || { echo "FAIL: make_initramfs.py failed"; exit 1; }

# QEMU: dtb-randomness=off leaves out /chosen/kaslr-seed and rng-seed, which
# a64sim's device tree does not have either (with them the kernel enables
# KASLR, hence KPTI, and seeds the CRNG early, changing a dozen lines); no NIC.
start=$(date +%s)
timeout 300 "$qemu" -M virt,dtb-randomness=off -cpu cortex-a57 -m "$memory" \
  -nographic -no-reboot -nic none -kernel "$linux_cache/vmlinuz" \
  -initrd "$tmp/initramfs.cpio.gz" -append "$append" \
  </dev/null >"$tmp/qemu.out" 2>"$tmp/qemu.err"
qstatus=$?
echo "qemu-system-aarch64 exited with $qstatus after $(($(date +%s) - start)) s"
boot_sim a64sim "$engine" --kernel "$linux_cache/vmlinuz" --initrd "$tmp/initramfs.cpio.gz" \
  --memory "$memory" --append "$append" --max-insns 4000000000
[ "$qstatus" -eq 0 ] || { echo "FAIL: QEMU failed:"; cat "$tmp/qemu.err"; fail=1; }
[ "$status" -eq 0 ] || { echo "FAIL: a64sim exited with $status"; fail=1; }

# console_filter FILE: the console output, comparable. The /proc/interrupts
# rows lose their Linux IRQ numbers and counts (QEMU's PMU takes an extra
# number; counts depend on timing), then the lines that legitimately differ
# are left out.
console_filter() {
  sed -E -e 's/\r$//' -e 's/^\[ *[0-9]+\.[0-9]+\] //' \
      -e 's/^ *[0-9]+: +[0-9]+ +(GIC-0 )/\1/' -e 's/^(IPI[0-9]+|Err): +[0-9]+/\1:/' "$1" |
    grep -vE -e "$(paste -sd'|' <<'PATTERNS'
^Booting Linux on physical CPU 0x0+ \[0x411fd07[0-9]\]$
^CPU revision	: [0-9]+$
^CPU features: detected: ARM erratum 83(2075|4220)$
^CPU features: detected: (Data cache clean to Point of Persistence|RCpc load-acquire \(LDAPR\)|LSE atomic instructions|Privileged Access Never)$
^CPU features: detected: 32-bit EL[01] Support$
^Registered setend emulation handler$|^setend instruction emulation is not supported on this system$
^Features	: 
^hw-breakpoint: found [0-9]+ breakpoint and [0-9]+ watchpoint registers\.$
^psci: SMC Calling Convention v1\.[01]$
^hw perfevents: |^GIC-0 +23 Level +arm-pmu$
^(pci|pci_bus|pci-host-generic) |^GICv2m: |^pl061_gpio 
^ *[0-9a-f]+-[0-9a-f]+ : (.*pl061.*|pcie@10000000|PCI ECAM)$
^rtc-pl031 9010000\.pl031: setting system clock to 
^(NUMA: NODE_DATA|cma: Reserved 64 MiB at) 
^Memory: [0-9]+K/[0-9]+K available .* [0-9]+K reserved, 
^  [0-9a-f]+-[0-9a-f]+ : (Kernel code|Kernel data|reserved)$
^node 0 deferred pages initialised in [0-9]+ms$
^audit: type=2000 audit\(
^Trying to unpack rootfs image as initramfs\.\.\.$|^Freeing initrd memory: 
PATTERNS
  )"
}
# Why each pattern differs:
# - MIDR: a64sim is a Cortex-A57 r1p3 (0x411fd073), QEMU's cortex-a57 r1p0;
#   errata 832075 and 834220 affect r0p0-r1p2 only, so the kernel detects
#   them under QEMU, not under a64sim.
# - a64sim implements Armv8.3 features QEMU's cortex-a57 (Armv8.0) lacks
#   (LSE, RDM, PAN, LRCPC, DC CVAP, JSCVT, FCMA: the CPU features lines and
#   /proc/cpuinfo's Features), and is AArch64-only (no 32-bit EL0/EL1, hence
#   no setend emulation).
# - ID_AA64DFR0_EL1: a64sim reports the architectural minimum of 2
#   breakpoints and 2 watchpoints; QEMU's cortex-a57 reports 6 and 4.
# - SMCCC: a64sim's firmware implements SMCCC_VERSION (1.1) and
#   SMCCC_ARCH_FEATURES; QEMU's answers NOT_SUPPORTED, meaning v1.0.
# - Devices a64sim's virt board does not have: the PMU (its interrupt), the
#   PCIe host bridge with its GICv2m MSI frame, the PL061 GPIO (and their
#   /proc/iomem lines).
# - Time: a64sim's RTC starts at 2026-01-01 in virtual time, QEMU's at the
#   host's time; durations in ms.
# - Memory layout: QEMU loads the Image 2 MiB above the start of RAM, the
#   initrd at +128 MiB and a 1 MiB device tree blob after it; a64sim loads
#   the Image at the start of RAM and the initrd and a few KiB of device tree
#   near the top (both as Documentation/arm64/booting.rst allows). The
#   reserved total, the addresses of the early allocations (NODE_DATA, CMA)
#   and /proc/iomem's RAM sub-ranges follow.
# - Lines printed by asynchronous work (the kauditd thread, the initramfs
#   unpacking in an async initcall) land at timing-dependent places.
console_filter "$tmp/qemu.out" > "$tmp/qemu.filtered"
console_filter "$tmp/a64sim.out" > "$tmp/a64sim.filtered"
echo "compared $(wc -l < "$tmp/qemu.filtered") QEMU lines with $(wc -l < "$tmp/a64sim.filtered") a64sim lines" \
     "($(wc -l < "$tmp/qemu.out") and $(wc -l < "$tmp/a64sim.out") before filtering)"
if ! diff "$tmp/qemu.filtered" "$tmp/a64sim.filtered" > "$tmp/console.diff"; then
  echo "FAIL: the console outputs differ (< QEMU, > a64sim):"
  head -80 "$tmp/console.diff"
  fail=1
fi
expect "$tmp/a64sim.out" "reboot: Power down"
finish "$tmp/a64sim.out"
