#!/usr/bin/env bash
# Downloads the Linux kernels and busybox a64sim boots (tests/boot), from
# Debian bookworm's arm64 archive, into ${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux/:
#   vmlinuz          linux-image-6.1.0-N-cloud-arm64-unsigned's arm64 Image
#                    (gzip-compressed, as Debian ships it)
#   modules/         a few of its modules: virtio-mmio, virtio-blk, ext4 and
#                    what they need (kernel/... as in lib/modules/VERSION),
#                    plus its modules.builtin
#   generic/vmlinuz  the same for the generic flavour,
#   generic/modules/ linux-image-6.1.0-N-arm64-unsigned
#   busybox          busybox-static for arm64
#   VERSION          the package versions
# tools/make_initramfs.py --modules DIR --load-module NAME puts modules in an
# initramfs. Needs `dpkg --add-architecture arm64` and `apt-get update`
# (tools/install_deps.sh). Idempotent: does nothing when the newest versions
# are already there.
set -euo pipefail

cache="${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux"
make_initramfs="$(cd "$(dirname "$0")" && pwd)/make_initramfs.py"
# The modules kept, with their dependencies (the tests load these).
modules=(virtio_mmio virtio_blk ext4)
mkdir -p "$cache"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "fetch_linux.sh: the arm64 architecture is not enabled; run tools/install_deps.sh" >&2
  exit 1
fi

# newest_kernel FLAVOUR_SUFFIX: the newest linux-image-6.1.0-N-SUFFIX the
# archive knows.
newest_kernel() {
  local pkg
  pkg=$(apt-cache search --names-only "^linux-image-6\\.1\\.0-[0-9]+-$1\$" \
          | awk '{print $1}' | sort -V | tail -n 1)
  if [ -z "$pkg" ]; then
    echo "fetch_linux.sh: no linux-image-6.1.0-*-$1 in the apt lists (run apt-get update)" >&2
    exit 1
  fi
  echo "$pkg"
}
cloud_pkg=$(newest_kernel cloud-arm64-unsigned)
generic_pkg=$(newest_kernel arm64-unsigned)
version() { apt-cache policy "$1:arm64" | awk '/Candidate:/ {print $2}'; }
stamp="$cloud_pkg $(version "$cloud_pkg") $generic_pkg $(version "$generic_pkg")"
stamp="$stamp busybox-static $(version busybox-static)"

if [ -f "$cache/VERSION" ] && [ "$(cat "$cache/VERSION")" = "$stamp" ] \
   && [ -f "$cache/vmlinuz" ] && [ -f "$cache/modules/modules.builtin" ] \
   && [ -f "$cache/generic/vmlinuz" ] && [ -f "$cache/generic/modules/modules.builtin" ] \
   && [ -x "$cache/busybox" ]; then
  echo "fetch_linux.sh: up to date ($stamp)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q "$cloud_pkg:arm64" "$generic_pkg:arm64" \
                 "busybox-static:arm64")

# install_kernel PKG DEST: the Image to DEST/vmlinuz, the modules to DEST/modules.
install_kernel() {
  local pkg=$1 dest=$2 root=$work/$1 moddir rel
  mkdir -p "$root" "$dest"
  dpkg -x "$work/${pkg}"_*.deb "$root"
  moddir=$(ls -d "$root"/lib/modules/* | head -n 1)
  rm -rf "$dest/modules.tmp"
  mkdir -p "$dest/modules.tmp"
  cp "$moddir/modules.builtin" "$dest/modules.tmp/"
  local args=()
  for m in "${modules[@]}"; do args+=(--load-module "$m"); done
  python3 "$make_initramfs" --modules "$moddir" "${args[@]}" --list-modules \
    > "$work/$pkg.list"
  while read -r rel; do
    mkdir -p "$dest/modules.tmp/$(dirname "$rel")"
    cp "$moddir/$rel" "$dest/modules.tmp/$rel"
  done < "$work/$pkg.list"
  rm -rf "$dest/modules"
  mv "$dest/modules.tmp" "$dest/modules"
  cp "$root"/boot/vmlinuz-* "$dest/vmlinuz.tmp"
  mv "$dest/vmlinuz.tmp" "$dest/vmlinuz"
  echo "fetch_linux.sh: $pkg -> $dest (modules: $(xargs -n1 basename < "$work/$pkg.list" | xargs))"
}
install_kernel "$cloud_pkg" "$cache"
install_kernel "$generic_pkg" "$cache/generic"

mkdir -p "$work/busybox"
dpkg -x "$work"/busybox-static_*.deb "$work/busybox"
cp "$work/busybox/bin/busybox" "$cache/busybox.tmp"
chmod 755 "$cache/busybox.tmp"
mv "$cache/busybox.tmp" "$cache/busybox"
echo "$stamp" > "$cache/VERSION"
echo "fetch_linux.sh: $stamp -> $cache"
