#!/bin/bash
# virtio-blk end to end on the cloud kernel: /init loads virtio_mmio.ko and
# virtio_blk.ko from the kernel package (tools/fetch_linux.sh keeps them;
# ext4 is built into the cloud kernel, a module in the generic one), then
# mounts two ext4 images given with --drive:
#   disk0.img             the guest writes a file, which must be in the image
#                         after exit
#   disk1.img,snapshot    the guest writes a file and reads it back, but the
#                         image must stay byte-for-byte unchanged
# The names follow QEMU's virt board (checked with qemu-system-aarch64 and two
# -device virtio-blk-device): the first drive takes the highest virtio-mmio
# transport, the device tree lists the transports lowest address first, and
# Linux probes them in that order; so a single drive is /dev/vda, and with
# two the second drive is /dev/vda and the first /dev/vdb.
# The guest's dmesg must hold no warning or failure (check_kernel_log).
# Usage: virtio_blk_test.sh A64SIM MAKE_INITRAMFS_PY BOOT_LIB
set -u
sim=$(realpath "$1") make_initramfs=$2
source "$3"
require_files "$linux_cache/vmlinuz" "$linux_cache/busybox" "$linux_cache/modules/modules.builtin"
mkfs=$(find_tool mkfs.ext4) || exit 1
debugfs=$(find_tool debugfs) || exit 1

for n in 0 1; do
  rm -rf "$tmp/content$n" "$tmp/disk$n.img"
  mkdir -p "$tmp/content$n"
  echo "host wrote disk$n" > "$tmp/content$n/host.txt"
  "$mkfs" -q -F -L "disk$n" -d "$tmp/content$n" "$tmp/disk$n.img" 16M >/dev/null ||
    { echo "FAIL: mkfs.ext4 failed"; exit 1; }
done
before=$(sha256sum < "$tmp/disk1.img")

cat > "$tmp/script" <<'SCRIPT'
mkdir -p /mnt/a /mnt/b
cat /proc/partitions
mount -t ext4 /dev/vdb /mnt/a && echo "vdb says: $(cat /mnt/a/host.txt)"
echo "guest wrote this" > /mnt/a/guest.txt
mount -t ext4 /dev/vda /mnt/b && echo "vda says: $(cat /mnt/b/host.txt)"
echo "lost on exit" > /mnt/b/guest.txt
sync
umount /mnt/a
umount /mnt/b
mount -t ext4 -o ro /dev/vda /mnt/b && echo "vda reread: $(cat /mnt/b/guest.txt)"
umount /mnt/b
echo "=== dmesg ==="
dmesg
echo "=== end of dmesg ==="
SCRIPT
python3 "$make_initramfs" --busybox "$linux_cache/busybox" --script "$tmp/script" \
  --modules "$linux_cache/modules" --load-module virtio_mmio --load-module virtio_blk \
  --load-module ext4 -o "$tmp/initramfs.cpio.gz" ||
  { echo "FAIL: make_initramfs.py failed"; exit 1; }

boot_sim console "$engine" --kernel "$linux_cache/vmlinuz" --initrd "$tmp/initramfs.cpio.gz" \
  --drive "$tmp/disk0.img" --drive "$tmp/disk1.img,snapshot" --max-insns 4000000000
console=$tmp/console.out
expect "$console" "virtio_blk virtio0: [vda] 32768 512-byte logical blocks"
expect "$console" "virtio_blk virtio1: [vdb] 32768 512-byte logical blocks"
expect "$console" "vdb says: host wrote disk0"
expect "$console" "vda says: host wrote disk1"
expect "$console" "vda reread: lost on exit"
expect "$console" "EXT4-fs (vdb): mounted filesystem"
expect "$console" "=== end of dmesg ==="
expect "$console" "reboot: Power down"
grep -q "insmod .* failed" "$console" && { echo "FAIL: a module did not load"; fail=1; }
sed -n '/^=== dmesg ===/,/^=== end of dmesg ===/p' "$console" > "$tmp/dmesg"
check_kernel_log "$console"
check_kernel_log "$tmp/dmesg"
if [ "$status" -ne 0 ]; then
  echo "FAIL: a64sim exited with $status, expected 0 (PSCI SYSTEM_OFF)"
  fail=1
fi

# After exit: the write to vda is in disk0.img, disk1.img is unchanged.
got=$("$debugfs" -R 'cat /guest.txt' "$tmp/disk0.img" 2>/dev/null)
if [ "$got" != "guest wrote this" ]; then
  echo "FAIL: disk0.img's /guest.txt is '$got', expected 'guest wrote this'"
  fail=1
fi
if [ "$(sha256sum < "$tmp/disk1.img")" != "$before" ]; then
  echo "FAIL: disk1.img changed although it was attached with snapshot"
  fail=1
fi
if "$debugfs" -R 'stat /guest.txt' "$tmp/disk1.img" 2>&1 | grep -q Inode:; then
  echo "FAIL: disk1.img holds the guest's /guest.txt"
  fail=1
fi
# fsck must find the written image clean (the guest unmounted it).
if ! "$(dirname "$mkfs")/e2fsck" -fn "$tmp/disk0.img" >"$tmp/fsck.out" 2>&1; then
  echo "FAIL: e2fsck finds disk0.img damaged:"
  cat "$tmp/fsck.out"
  fail=1
fi
finish "$console"
