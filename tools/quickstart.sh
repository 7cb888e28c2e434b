#!/usr/bin/env bash
# The README's first command: installs the dependencies, fetches Debian's arm64
# kernel and busybox (into a cache outside git), builds a64sim and an
# initramfs, and boots Linux on a64sim's virt board to a busybox shell.
#
#   tools/quickstart.sh                      interactive shell (Ctrl-A x quits)
#   tools/quickstart.sh --command 'CMDS'     run CMDS in the guest, then power off
#   tools/quickstart.sh --user               run the user-mode demo program instead
set -euo pipefail
cd "$(dirname "$0")/.."

mode=shell command=
case ${1:-} in
  --command) mode=command; command=${2:?--command needs the commands to run} ;;
  --user) mode=user ;;
  -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
  "") ;;
  *) echo "usage: $0 [--command 'CMDS' | --user]" >&2; exit 2 ;;
esac

tools/install_deps.sh
if [ "$mode" = user ]; then
  bazel build //tools/a64sim //tools/demo:demo
  exec bazel-bin/tools/a64sim/a64sim user --stats bazel-bin/tools/demo/demo
fi

tools/fetch_linux.sh
bazel build //tools/a64sim
cache=${A64SIM_CACHE:-$HOME/.cache/a64sim}/linux
initramfs=$cache/initramfs-$mode.cpio.gz
if [ "$mode" = command ]; then
  python3 tools/make_initramfs.py --busybox "$cache/busybox" --command "$command" -o "$initramfs"
else
  python3 tools/make_initramfs.py --busybox "$cache/busybox" -o "$initramfs"
fi
exec bazel-bin/tools/a64sim/a64sim boot --kernel "$cache/vmlinuz" --initrd "$initramfs" --stats
