#!/bin/bash
# Boots Debian's generic arm64 kernel (linux-image-6.1.0-N-arm64-unsigned,
# bigger than the cloud flavour and with virtio and ext4 as modules) to the
# busybox shell: /init loads virtio_mmio, virtio_blk and ext4 with their
# dependencies (crc32c_generic, jbd2, mbcache, crc16) from the package, mounts
# a read-only --drive, prints dmesg and powers off.
# Usage: linux_generic_boot_test.sh A64SIM MAKE_INITRAMFS_PY BOOT_LIB
set -u
sim=$(realpath "$1") make_initramfs=$2
source "$3"
kernel_dir=$linux_cache/generic
require_files "$kernel_dir/vmlinuz" "$linux_cache/busybox" "$kernel_dir/modules/modules.builtin"
mkfs=$(find_tool mkfs.ext4) || exit 1

rm -rf "$tmp/content" "$tmp/disk.img"
mkdir -p "$tmp/content"
echo "read from a module-driven disk" > "$tmp/content/host.txt"
"$mkfs" -q -F -d "$tmp/content" "$tmp/disk.img" 8M >/dev/null || { echo "FAIL: mkfs.ext4 failed"; exit 1; }

python3 "$make_initramfs" --busybox "$linux_cache/busybox" \
  --modules "$kernel_dir/modules" --load-module virtio_mmio --load-module virtio_blk \
  --load-module ext4 \
  --command 'uname -a; cat /proc/modules; mkdir -p /mnt; mount -t ext4 -o ro /dev/vda /mnt && cat /mnt/host.txt; umount /mnt; echo "=== dmesg ==="; dmesg; echo "=== end of dmesg ==="' \
  -o "$tmp/initramfs.cpio.gz" || { echo "FAIL: make_initramfs.py failed"; exit 1; }

boot_sim console "$engine" --kernel "$kernel_dir/vmlinuz" --initrd "$tmp/initramfs.cpio.gz" \
  --drive "$tmp/disk.img,readonly" --max-insns 5000000000
console=$tmp/console.out
expect "$console" "Booting Linux on physical CPU 0x0000000000"
expect "$console" "Machine model: linux,dummy-virt"
expect "$console" "Run /init as init process"
expect "$console" "=== a64sim initramfs: 6.1.0-"
expect "$console" "-arm64 #1 SMP"
for m in virtio_mmio virtio_blk ext4 jbd2 mbcache crc16 crc32c_generic; do
  expect "$console" "$m "  # a /proc/modules line
done
expect "$console" "read from a module-driven disk"
expect "$console" "=== end of dmesg ==="
expect "$console" "reboot: Power down"
grep -q "insmod .* failed" "$console" && { echo "FAIL: a module did not load"; fail=1; }
check_kernel_log "$console"
if [ "$status" -ne 0 ]; then
  echo "FAIL: a64sim exited with $status, expected 0 (PSCI SYSTEM_OFF)"
  fail=1
fi
finish "$console"
