#!/bin/bash
# End-to-end tests of `a64sim user` on small guest programs.
# Args: a64sim hello_asm faults_asm syscalls_prog syscalls_prog_pie dynamic_prog
#       process_prog; the engine option in A64SIM_ENGINE
#       (tests/support/engines.bzl).
set -u
SIM=$1 HELLO=$2 FAULTS=$3 PROG=$4 PROG_PIE=$5 DYN=$6 PROC=$7
ENGINE=${A64SIM_ENGINE:---engine=jit}
pass=0 fail=0
T=${TEST_TMPDIR:-$(mktemp -d)}

# Succeeds when file $2 matches regex $1; the regex EMPTY wants an empty file.
matches() {
  if [[ $1 == EMPTY ]]; then [[ ! -s $2 ]]; else grep -qE -- "$1" "$2"; fi
}

# expect NAME WANT_STATUS STDOUT_REGEX STDERR_REGEX -- command...
expect() {
  local name=$1 want=$2 out_re=$3 err_re=$4
  shift 5
  "$@" >"$T/out" 2>"$T/err"
  local got=$?
  if [[ $got -eq $want ]] && matches "$out_re" "$T/out" && matches "$err_re" "$T/err"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: status $got (want $want)"
    echo "  stdout: $(head -c 500 "$T/out")"
    echo "  stderr: $(head -c 500 "$T/err")"
  fi
}

expect hello 7 '^hello from a64sim$' EMPTY -- "$SIM" user "$ENGINE" "$HELLO"
expect stats 7 'hello' 'instructions retired' -- "$SIM" user "$ENGINE" --stats "$HELLO"
expect segv 139 EMPTY 'segmentation fault at 0x1234 \(pc 0x' -- "$SIM" user "$ENGINE" "$FAULTS"
expect undefined 132 EMPTY 'UNDEFINED instruction at PC 0x[0-9a-f]+: word 0x00000000' -- "$SIM" user "$ENGINE" "$FAULTS" 2
expect brk 133 EMPTY 'BRK #0x5' -- "$SIM" user "$ENGINE" "$FAULTS" 2 3
expect max_insns 124 EMPTY 'instruction limit 1000 reached' -- "$SIM" user "$ENGINE" --max-insns 1000 "$FAULTS" 2 3 4
expect dynamic 1 EMPTY 'PT_INTERP' -- "$SIM" user "$ENGINE" "$DYN"
expect not_elf 1 EMPTY 'not an ELF file' -- "$SIM" user "$ENGINE" "$0"
expect missing 1 EMPTY 'cannot open' -- "$SIM" user "$ENGINE" "$T/does-not-exist"
expect bad_option 2 EMPTY "unknown option '--bogus'" -- "$SIM" user "$ENGINE" --bogus "$HELLO"
expect no_elf 2 EMPTY 'no ELF file' -- "$SIM" user "$ENGINE"
expect help 0 'max-insns' EMPTY -- "$SIM" user "$ENGINE" --help
expect syscalls 0 '^0 failures$' EMPTY -- "$SIM" user "$ENGINE" "$PROG" "$T"
expect syscalls_pie 0 '^0 failures$' EMPTY -- "$SIM" user "$ENGINE" "$PROG_PIE" "$T"
expect env_edit 0 '^B=2$' EMPTY -- "$SIM" user "$ENGINE" --env-clear -E A=1 -E B=1 -U A -E B=2 "$PROG" print-env
expect env_pass 0 '^A64SIM_TEST_VAR=x$' EMPTY -- env A64SIM_TEST_VAR=x "$SIM" user "$ENGINE" "$PROG" print-env

# Determinism: same seed, same output; another seed, another random value.
"$SIM" user "$ENGINE" "$PROG" print-entropy >"$T/e1" 2>&1
"$SIM" user "$ENGINE" "$PROG" print-entropy >"$T/e2" 2>&1
"$SIM" user "$ENGINE" --seed 42 "$PROG" print-entropy >"$T/e3" 2>&1
if cmp -s "$T/e1" "$T/e2" && ! cmp -s "$T/e1" "$T/e3" && grep -qE '^[0-9a-f]{16} 17672256[0-9]{2}$' "$T/e1"; then
  pass=$((pass + 1))
else
  fail=$((fail + 1))
  echo "FAIL determinism: $(cat "$T/e1") / $(cat "$T/e2") / $(cat "$T/e3")"
fi

# Processes and signals: the transcripts must equal qemu-aarch64's.
for mode in signals fork; do
  if command -v qemu-aarch64 >/dev/null; then
    qemu-aarch64 "$PROC" "$mode" >"$T/$mode.ref" 2>/dev/null
  else
    echo "FAIL $mode: qemu-aarch64 not found"
  fi
  timeout 60 "$SIM" user "$ENGINE" "$PROC" "$mode" >"$T/$mode.sim" 2>"$T/$mode.err"
  if [[ $? -eq 0 && -s $T/$mode.ref ]] && cmp -s "$T/$mode.ref" "$T/$mode.sim"; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL process $mode:"
    diff "$T/$mode.ref" "$T/$mode.sim" | head -10
    head -5 "$T/$mode.err"
  fi
done
mkdir -p "$T/exec"
expect exec 0 '^exec: 0 failures$' EMPTY -- timeout 60 "$SIM" user "$ENGINE" "$PROC" exec "$T/exec"
expect thread 0 '' 'clone: threads .* are not supported' -- "$SIM" user "$ENGINE" "$PROC" thread

echo "$ENGINE: $pass passed, $fail failed"
[[ $fail -eq 0 ]]
