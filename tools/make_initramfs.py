#!/usr/bin/env python3
"""Builds a Linux initramfs (newc cpio, gzip-compressed) around busybox-static.

The archive holds /bin/busybox, /init, the mount points (/mnt free for
disks) and the device nodes the kernel needs before devtmpfs is mounted
(/dev/console, /dev/null). /init mounts proc, sysfs and devtmpfs, installs
the busybox applets, prints a banner, then runs /etc/a64sim/script (when
built with --script or --command) followed by `poweroff -f`, or else an
interactive shell on the console.

  tools/make_initramfs.py --busybox ~/.cache/a64sim/linux/busybox \\
      --command 'uname -a; cat /proc/cpuinfo' -o initramfs.cpio.gz

With --modules DIR and --load-module NAME (repeatable), the archive also holds
the kernel modules NAME needs, found under DIR (a kernel package's
lib/modules/VERSION or tools/fetch_linux.sh's copy of a few of them), and /init
loads them with busybox insmod before anything else, dependencies first. The
dependencies are read from each module's .modinfo section ("depends=" and the
"softdep=pre:" modules, resolved through "alias=" when needed), as depmod
would; a module named in DIR/modules.builtin is built into the kernel and is
skipped. Compressed modules (.ko.xz) are decompressed into the archive.

  tools/make_initramfs.py --modules ~/.cache/a64sim/linux/modules \\
      --load-module virtio_mmio --load-module virtio_blk --load-module ext4 \\
      --command 'mount /dev/vda /mnt' -o initramfs.cpio.gz

--list-modules prints the resolved modules' paths relative to DIR, in load
order, and writes no archive (tools/fetch_linux.sh uses it).
"""
import argparse
import gzip
import lzma
import os
import stat
import struct
import sys

BANNER = "a64sim initramfs"

INIT = r"""#!/bin/busybox sh
/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t devtmpfs devtmpfs /dev 2>/dev/null
/bin/busybox --install -s
export PATH=/sbin:/usr/sbin:/bin:/usr/bin
if [ -f /lib/modules/load-order ]; then
  while read -r m; do
    insmod "/lib/modules/$m.ko" || echo "=== insmod $m failed ==="
  done < /lib/modules/load-order
fi
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


class KernelModules:
    """The .ko files under a directory and what their .modinfo says."""

    SUFFIXES = (".ko", ".ko.xz")

    def __init__(self, root):
        self.root = root
        self.paths = {}  # module name ("virtio_blk") -> path relative to root
        for dirpath, _, files in os.walk(root):
            for f in sorted(files):
                for suffix in self.SUFFIXES:
                    if f.endswith(suffix):
                        name = self.canonical(f[:-len(suffix)])
                        rel = os.path.relpath(os.path.join(dirpath, f), root)
                        self.paths.setdefault(name, rel)
        self.builtin = set()
        try:
            with open(os.path.join(root, "modules.builtin")) as f:
                for line in f:
                    base = os.path.basename(line.strip())
                    if base.endswith(".ko"):
                        self.builtin.add(self.canonical(base[:-3]))
        except OSError:
            pass
        self._info = {}
        self._aliases = None

    @staticmethod
    def canonical(name):
        # The kernel treats '-' and '_' in module names alike.
        return name.replace("-", "_")

    def contents(self, name):
        """The module's ELF image (decompressed)."""
        with open(os.path.join(self.root, self.paths[name]), "rb") as f:
            data = f.read()
        if self.paths[name].endswith(".xz"):
            data = lzma.decompress(data)
        return data

    def modinfo(self, name):
        """The "key=value" strings of the module's .modinfo section."""
        if name not in self._info:
            self._info[name] = self._read_modinfo(self.contents(name), name)
        return self._info[name]

    def _read_modinfo(self, d, name):
        if d[:4] != b"\x7fELF" or d[4] != 2 or d[5] != 1:
            sys.exit("make_initramfs.py: %s is not a 64-bit little-endian ELF"
                     % self.paths[name])
        shoff, = struct.unpack_from("<Q", d, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", d, 0x3a)
        sections = [struct.unpack_from("<IIQQQQIIQQ", d, shoff + i * shentsize)
                    for i in range(shnum)]
        strtab = sections[shstrndx][4]
        for sh_name, _, _, _, offset, size, *_ in sections:
            end = d.index(b"\0", strtab + sh_name)
            if d[strtab + sh_name:end] == b".modinfo":
                return [x.decode(errors="replace")
                        for x in d[offset:offset + size].split(b"\0") if x]
        return []

    def field(self, name, key):
        return [x[len(key) + 1:] for x in self.modinfo(name) if x.startswith(key + "=")]

    def resolve_alias(self, alias):
        """The module providing `alias` (a module name or an alias= value)."""
        name = self.canonical(alias)
        if name in self.paths or name in self.builtin:
            return name
        if self._aliases is None:
            self._aliases = {}
            for mod in sorted(self.paths):
                for a in self.field(mod, "alias"):
                    self._aliases.setdefault(a, mod)
        return self._aliases.get(alias)

    def load_order(self, wanted):
        """Modules to load for `wanted`, dependencies first, built-ins left out."""
        order, state = [], {}

        def visit(name, needed_by):
            if name in self.builtin and name not in self.paths:
                return
            if name not in self.paths:
                sys.exit("make_initramfs.py: module %s%s is neither in %s nor built in"
                         % (name, " (needed by %s)" % needed_by if needed_by else "",
                            self.root))
            if state.get(name) == "done":
                return
            if state.get(name) == "visiting":
                sys.exit("make_initramfs.py: circular module dependency at %s" % name)
            state[name] = "visiting"
            deps = [d for v in self.field(name, "depends") for d in v.split(",") if d]
            for v in self.field(name, "softdep"):
                # "pre: a b post: c": the pre modules load before this one.
                words, pre = v.split(), False
                for w in words:
                    if w.endswith(":"):
                        pre = w == "pre:"
                    elif pre:
                        mod = self.resolve_alias(w)
                        if mod is not None:  # a missing soft dependency is not fatal
                            deps.append(mod)
            for dep in deps:
                visit(self.canonical(dep), name)
            state[name] = "done"
            order.append(name)

        for w in wanted:
            mod = self.resolve_alias(w)
            visit(mod if mod is not None else self.canonical(w), None)
        return order


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
    p.add_argument("--modules", metavar="DIR",
                   help="where --load-module finds .ko files (searched recursively)")
    p.add_argument("--load-module", metavar="NAME", action="append", default=[],
                   help="a module /init loads, with its dependencies (repeatable)")
    p.add_argument("--list-modules", action="store_true",
                   help="print the modules' paths relative to DIR in load order and exit")
    p.add_argument("-o", "--output", help="the .cpio.gz to write")
    args = p.parse_args()
    if (args.load_module or args.list_modules) and not args.modules:
        p.error("--load-module and --list-modules need --modules")
    modules = KernelModules(args.modules) if args.modules else None
    order = modules.load_order(args.load_module) if modules else []
    if args.list_modules:
        for name in order:
            print(modules.paths[name])
        return
    if not args.output:
        p.error("the following arguments are required: -o/--output")

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
    for d in ("bin", "dev", "etc", "mnt", "proc", "sys", "tmp", "root", "sbin",
              "usr", "usr/bin", "usr/sbin"):
        c.directory(d)
    c.chardev("dev/console", 5, 1)
    c.chardev("dev/null", 1, 3, 0o666)
    c.file("bin/busybox", busybox, 0o755)
    c.symlink("bin/sh", "busybox")
    c.file("init", INIT.encode(), 0o755)
    if order:
        c.directory("lib")
        c.directory("lib/modules")
        for name in order:
            c.file("lib/modules/%s.ko" % name, modules.contents(name))
        c.file("lib/modules/load-order", "".join(n + "\n" for n in order).encode())
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
