#!/usr/bin/env bash
# The README's first command: install dependencies, build a64sim, and run the
# built-in default program (tools/demo/demo.c, cross-compiled as a static
# AArch64 Linux executable) under `a64sim user`.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
bazel build //tools/a64sim //tools/demo:demo
echo "--- a64sim user bazel-bin/tools/demo/demo"
bazel-bin/tools/a64sim/a64sim user --stats bazel-bin/tools/demo/demo "$@"
