#!/usr/bin/env python3
"""Builds a Linux initramfs (newc cpio, gzip-compressed) around busybox-static.

The archive holds /bin/busybox, /init, the mount points and the device nodes
the kernel needs before devtmpfs is mounted (/dev/console, /dev/null). /init
mounts proc, sysfs and devtmpfs, installs the busybox applets, prints a
banner, then runs /etc/a64sim/script (when built with --script or --command)
followed by `poweroff -f`, or else an interactive shell on the console.

  tools/make_initramfs.py --busybox ~/.cache/a64sim/linux/busybox \\
      --command 'uname -a; cat /proc/cpuinfo' -o initramfs.cpio.gz
"""
import argparse
import gzip
import os
import stat
import sys

BANNER = "a64sim initramfs"

INIT = r"""#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev 2>/dev/null
/bin/busybox --install -s
export PATH=/sbin:/usr/sbin:/bin:/usr/bin
echo "=== %s: $(uname -r) ==="
if [ -f /etc/a64sim/script ]; then
  sh /etc/a64sim/script
  echo "=== a64sim script done (status $?) ==="
  poweroff -f
fi
exec setsid cttyhack sh
""" % BANNER


class CpioWriter:
    """SVR4 "newc" format (070701), as the kernel's initramfs unpacker reads."""

    def __init__(self):
        self.out = bytearray()
        self.ino = 1

    def _entry(self, name, mode, data=b"", rdev=(0, 0), nlink=1):
        name_b = name.encode() + b"\0"
        fields = [self.ino, mode, 0, 0, nlink, 0, len(data), 0, 0,
                  rdev[0], rdev[1], len(name_b), 0]
        self.ino += 1
        hdr = b"070701" + b"".join(b"%08X" % f for f in fields)
        self.out += hdr + name_b
        self.out += b"\0" * (-len(self.out) % 4)
        self.out += data
        self.out += b"\0" * (-len(self.out) % 4)

    def directory(self, name, perm=0o755):
        self._entry(name, stat.S_IFDIR | perm, nlink=2)

    def file(self, name, data, perm=0o644):
        self._entry(name, stat.S_IFREG | perm, data)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor, perm=0o600):
        self._entry(name, stat.S_IFCHR | perm, rdev=(major, minor))

    def finish(self):
        self.ino = 0
        self._entry("TRAILER!!!", 0, nlink=1)
        self.out += b"\0" * (-len(self.out) % 512)
        return bytes(self.out)


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    default_bb = os.path.join(os.environ.get("A64SIM_CACHE",
                                             os.path.expanduser("~/.cache/a64sim")),
                              "linux", "busybox")
    p.add_argument("--busybox", default=default_bb,
                   help="busybox-static for arm64 (default: %(default)s)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--script", help="shell script run by /init, then poweroff")
    g.add_argument("--command", help="shell commands run by /init, then poweroff")
    p.add_argument("-o", "--output", required=True, help="the .cpio.gz to write")
    args = p.parse_args()

    try:
        with open(args.busybox, "rb") as f:
            busybox = f.read()
    except OSError as e:
        sys.exit("make_initramfs.py: cannot read busybox: %s (run tools/fetch_linux.sh)" % e)
    if busybox[:4] != b"\x7fELF" or busybox[18:20] != b"\xb7\x00":
        sys.exit("make_initramfs.py: %s is not an AArch64 ELF" % args.busybox)

    script = None
    if args.script:
        with open(args.script, "rb") as f:
            script = f.read()
    elif args.command is not None:
        script = args.command.encode() + b"\n"

    c = CpioWriter()
    for d in ("bin", "dev", "etc", "proc", "sys", "tmp", "root", "sbin",
              "usr", "usr/bin", "usr/sbin"):
        c.directory(d)
    c.chardev("dev/console", 5, 1)
    c.chardev("dev/null", 1, 3, 0o666)
    c.file("bin/busybox", busybox, 0o755)
    c.symlink("bin/sh", "busybox")
    c.file("init", INIT.encode(), 0o755)
    if script is not None:
        c.directory("etc/a64sim")
        c.file("etc/a64sim/script", script, 0o755)
    data = gzip.compress(c.finish(), compresslevel=6, mtime=0)
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
