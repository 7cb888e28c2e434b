#!/usr/bin/env bash
# Rebuilds the golden-vector generators (tests/*/gen_golden.c) and runs them
# under qemu-aarch64. Never runs our simulator: the files record qemu.
#   tests/support/regen_golden.sh            rewrite the golden files
#   tests/support/regen_golden.sh --check    only compare with them
# Also //tests/support:golden_generators_test (--check, in Bazel's runfiles).
set -euo pipefail
cd "$(dirname "$0")/../.."
check=0
[[ "${1:-}" == "--check" ]] && check=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
# suite directory : golden file
for entry in fp_scalar:fp_golden.txt simd_scalar:simd_scalar_golden.txt \
             simd_fp:simd_fp_golden.txt simd:simd_int_golden.txt crypto:crypto_golden.txt; do
  dir=${entry%%:*} file=tests/${entry%%:*}/${entry#*:}
  aarch64-linux-gnu-gcc -O1 -static -I. "tests/$dir/gen_golden.c" -o "$tmp/gen_$dir"
  qemu-aarch64 -cpu max "$tmp/gen_$dir" > "$tmp/$dir.txt"
  if cmp -s "$tmp/$dir.txt" "$file"; then
    echo "$file: the generator reproduces it, $(wc -l < "$file") cases"
  elif (( check )); then
    echo "$file: DIFFERS from the generator ($(wc -l < "$tmp/$dir.txt") vs $(wc -l < "$file") cases)"
    status=1
  else
    cp "$tmp/$dir.txt" "$file"
    echo "$file: rewritten, $(wc -l < "$file") cases"
  fi
done
exit $status
