#!/usr/bin/env bash
# The README's test command: install dependencies, fetch the arm64 test
# artifacts (into a cache outside git), and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
tools/fetch_artifacts.sh
bazel test //... "$@"
