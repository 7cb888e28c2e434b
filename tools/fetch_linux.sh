#!/usr/bin/env bash
# Downloads the Linux kernel and busybox a64sim boots (tests/boot), from
# Debian bookworm's arm64 archive, into ${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux/:
#   vmlinuz        the arm64 Image (gzip-compressed, as Debian ships it)
#   busybox        busybox-static for arm64
#   VERSION        the kernel package version
# Needs `dpkg --add-architecture arm64` and `apt-get update` (tools/install_deps.sh).
# Idempotent: does nothing when the newest versions are already there.
set -euo pipefail

cache="${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux"
mkdir -p "$cache"

if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  echo "fetch_linux.sh: the arm64 architecture is not enabled; run tools/install_deps.sh" >&2
  exit 1
fi

# The newest linux-image-6.1.0-N-cloud-arm64-unsigned the archive knows.
kpkg=$(apt-cache search --names-only '^linux-image-6\.1\.0-[0-9]+-cloud-arm64-unsigned$' \
         | awk '{print $1}' | sort -V | tail -n 1)
if [ -z "$kpkg" ]; then
  echo "fetch_linux.sh: no linux-image-6.1.0-*-cloud-arm64-unsigned in the apt lists" \
       "(run apt-get update)" >&2
  exit 1
fi
kver=$(apt-cache policy "$kpkg:arm64" | awk '/Candidate:/ {print $2}')
bver=$(apt-cache policy busybox-static:arm64 | awk '/Candidate:/ {print $2}')
stamp="$kpkg $kver busybox-static $bver"

if [ -f "$cache/VERSION" ] && [ "$(cat "$cache/VERSION")" = "$stamp" ] \
   && [ -f "$cache/vmlinuz" ] && [ -x "$cache/busybox" ]; then
  echo "fetch_linux.sh: up to date ($stamp)"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q "$kpkg:arm64" "busybox-static:arm64")
mkdir -p "$work/root"
for deb in "$work"/*.deb; do
  dpkg -x "$deb" "$work/root"
done

vmlinuz=$(ls "$work"/root/boot/vmlinuz-* | head -n 1)
cp "$vmlinuz" "$cache/vmlinuz.tmp"
mv "$cache/vmlinuz.tmp" "$cache/vmlinuz"
cp "$work/root/bin/busybox" "$cache/busybox.tmp"
chmod 755 "$cache/busybox.tmp"
mv "$cache/busybox.tmp" "$cache/busybox"
echo "$stamp" > "$cache/VERSION"
echo "fetch_linux.sh: $stamp -> $cache"
