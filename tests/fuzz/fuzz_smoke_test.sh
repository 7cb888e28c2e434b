#!/bin/bash
# Builds tests/fuzz/decoder_fuzzer.cc with clang++-14 (libFuzzer + ASan + UBSan)
# directly on the decoder's sources, then runs it for a short smoke run.
# Usage: fuzz_smoke_test.sh FUZZER_CC SECONDS SOURCE_FILES...
# The include root is the current directory (the runfiles tree in Bazel).
set -eu
fuzzer_cc=$1 seconds=$2
shift 2
out=${TEST_TMPDIR:-$(mktemp -d)}
cxx=${CXX_FUZZ:-clang++-14}
command -v "$cxx" >/dev/null || { echo "FAIL: $cxx not found (apt-get install clang-14 libclang-rt-14-dev)"; exit 1; }

srcs=()
for f in "$@"; do
  case $f in *.cc) srcs+=("$f") ;; esac
done
echo "fuzz: compiling ${#srcs[@]} decoder sources + $fuzzer_cc with $cxx"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -I.)
objs=()
pids=()
for s in "${srcs[@]}" "$fuzzer_cc"; do
  o="$out/$(echo "$s" | tr / _).o"
  objs+=("$o")
  flags_c=("${flags[@]}")
  # Only the fuzzer defines LLVMFuzzerTestOneInput; library code gets the
  # sanitizer instrumentation without libFuzzer's main.
  [ "$s" = "$fuzzer_cc" ] || flags_c=(-std=c++20 -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -I.)
  "$cxx" "${flags_c[@]}" -c "$s" -o "$o" &
  pids+=($!)
  # Two compilers at a time.
  if [ ${#pids[@]} -ge 2 ]; then wait "${pids[0]}"; pids=("${pids[@]:1}"); fi
done
for p in "${pids[@]}"; do wait "$p"; done
"$cxx" "${flags[@]}" "${objs[@]}" -o "$out/decoder_fuzzer"

mkdir -p "$out/corpus"
echo "fuzz: running for ${seconds}s"
set +e
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$out/decoder_fuzzer" -max_total_time="$seconds" -seed=1 -print_final_stats=1 \
  -artifact_prefix="$out/" "$out/corpus" >"$out/fuzz.log" 2>&1
rc=$?
grep -v -e '# Uses:' -e '^#[0-9]' -e 'recommended dictionary' "$out/fuzz.log" | tail -40
if [ "$rc" != 0 ]; then
  echo "fuzz: FAIL (exit $rc); crash inputs are in $out"
  ls "$out"/crash-* "$out"/leak-* "$out"/timeout-* 2>/dev/null | head
  for c in "$out"/crash-* ; do [ -f "$c" ] && od -An -tx1 "$c" | head -5; done
  exit 1
fi
echo "fuzz: PASS"
