#!/usr/bin/env bash
# The README's test command: install dependencies, fetch the arm64 test
# artifacts and the Linux kernel (into a cache outside git), run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install_deps.sh
tools/fetch_artifacts.sh
tools/fetch_linux.sh

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
bazel test //... "$@" 2>&1 | tee "$log" || status=$?
passed=$(grep -cE '^//[^ ]+ +(\(cached\) )?PASSED' "$log" || true)
failed=$(grep -cE '^//[^ ]+ +(\(cached\) )?(FAILED|TIMEOUT|NO STATUS|FLAKY)' "$log" || true)
echo "tests: $passed passed, $failed failed"
exit "$status"
