#!/usr/bin/env bash
# Installs every build and test dependency of a64sim from Debian bookworm's
# archive. Idempotent; run as root (or it re-runs itself with sudo).
set -euo pipefail

if [ "$(id -u)" -ne 0 ]; then
  exec sudo --preserve-env=DEBIAN_FRONTEND "$0" "$@"
fi

export DEBIAN_FRONTEND=noninteractive

# arm64 packages (busybox-static, kernels) are downloaded, not installed, for tests.
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
fi

packages=(
  # build
  bazel-bootstrap bazel-rules-java g++ python3
  # libraries (third_party/system/system.BUILD)
  libasmjit-dev libcapstone-dev libgtest-dev libgmock-dev libbenchmark-dev libfdt-dev
  libzstd-dev zlib1g-dev
  # oracles, cross toolchain and fuzzing
  llvm-14 clang-14 libclang-rt-14-dev gcc-aarch64-linux-gnu g++-aarch64-linux-gnu
  libc6-dev-arm64-cross qemu-user qemu-system-arm
  # checks the generated device tree; ext4 images for virtio-blk (tests/boot)
  device-tree-compiler e2fsprogs
)

apt-get update -q
apt-get install -y -q --no-install-recommends "${packages[@]}"
