#!/bin/bash
# Downloads the arm64 test artifacts the acceptance tests need into a cache
# outside git: ${A64SIM_CACHE:-$HOME/.cache/a64sim}. Idempotent: an artifact
# already unpacked is left alone (--force fetches again).
#
# Artifacts:
#   busybox-static:arm64  ->  $CACHE/busybox-static/bin/busybox
#
# `apt-get download PKG:arm64` needs the arm64 architecture in dpkg and its
# package lists, once per machine (tools/install_deps.sh does it):
#   dpkg --add-architecture arm64 && apt-get update
set -euo pipefail

cache=${A64SIM_CACHE:-$HOME/.cache/a64sim}
force=0
case ${1:-} in
  --force) force=1 ;;
  -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
  "") ;;
  *) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

# fetch_deb PKG DIR: unpacks PKG (an arm64 Debian package) into $cache/DIR.
fetch_deb() {
  local pkg=$1 dir=$cache/$2
  if [ -d "$dir" ] && [ -f "$dir/.complete" ] && [ $force = 0 ]; then
    echo "fetch_artifacts: $pkg already in $dir"
    return 0
  fi
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    echo "fetch_artifacts: dpkg has no arm64 architecture. Run once (as root):" >&2
    echo "  dpkg --add-architecture arm64 && apt-get update" >&2
    echo "(tools/install_deps.sh does this.)" >&2
    exit 1
  fi
  local tmp
  tmp=$(mktemp -d)
  chmod 755 "$tmp"
  chown _apt "$tmp" 2>/dev/null || true  # apt downloads as _apt where it can
  trap 'rm -rf "$tmp"' RETURN
  if ! (cd "$tmp" && apt-get download "$pkg" >/dev/null); then
    echo "fetch_artifacts: 'apt-get download $pkg' failed. If apt says the package is" >&2
    echo "unknown, the arm64 package lists are missing: run 'apt-get update' after" >&2
    echo "'dpkg --add-architecture arm64'." >&2
    exit 1
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  dpkg-deb -x "$tmp"/*.deb "$dir"
  basename "$tmp"/*.deb >"$dir/.complete"
  echo "fetch_artifacts: $pkg -> $dir ($(cat "$dir/.complete"))"
}

fetch_deb busybox-static:arm64 busybox-static
test -x "$cache/busybox-static/bin/busybox"
