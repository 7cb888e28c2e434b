#!/bin/bash
# Exact instruction counting on every engine (--engine=jit, --no-chain,
# --engine=interp), for three runs: busybox sha256sum of a small file (busybox
# from tools/fetch_artifacts.sh) and the two parts of the self-modifying code
# program.
# - A whole run retires the same number of instructions T on every engine
#   (the --stats count) with the same output and exit status; busybox's
#   output is the host sha256sum's.
# - `--max-insns N --stats` stops after exactly N instructions (exit 124, the
#   --stats count N) at the same PC with the same output on every engine, for
#   N from 1 to T - 1: small counts, primes that fall inside translated
#   blocks, T / 2 + 1; with N = T the run completes.
# Usage: insn_count_test.sh A64SIM SELF_MODIFYING_PROGRAM
set -u
sim=$1 smc=$2
engines=(--engine=jit --no-chain --engine=interp)
tmp=${TEST_TMPDIR:-$(mktemp -d)}
home=$(getent passwd "$(id -u)" | cut -d: -f6)
busybox=${A64SIM_CACHE:-${home:-$HOME}/.cache/a64sim}/busybox-static/bin/busybox
[ -x "$busybox" ] || { echo "FAIL: $busybox is missing. Run tools/fetch_artifacts.sh first"; exit 1; }
fail=0 checks=0

# run ENGINE ARGS...: `a64sim user ENGINE --stats ARGS`; sets status, count
# (the --stats count) and result (what must not depend on the engine).
run() {
  local engine=$1
  shift
  "$sim" user "$engine" --stats "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  status=$?
  count=$(sed -nE 's/^a64sim: ([0-9]+) instructions retired .*/\1/p' "$tmp/err")
  result="exit $status, $count instructions, $(grep -E '^a64sim: instruction limit' "$tmp/err")"
  result+=" stdout $(sha256sum <"$tmp/out" | cut -c1-16)"
}

# same_on_all WANT_STATUS WANT_COUNT ARGS...: runs ARGS on every engine; the
# exit status and count must be as wanted (WANT_COUNT "any": any count) and
# the results equal. Leaves the last run's stdout in $tmp/out, count in $count.
same_on_all() {
  local want_status=$1 want_count=$2 engine first=""
  shift 2
  for engine in "${engines[@]}"; do
    run "$engine" "$@"
    checks=$((checks + 1))
    if [ "$status" != "$want_status" ] || [ -z "$count" ] ||
       { [ "$want_count" != any ] && [ "$count" != "$want_count" ]; }; then
      echo "FAIL: a64sim user $engine --stats $*: exit $status, $count instructions" \
           "(want exit $want_status, $want_count instructions)"
      sed 's/^/    /' "$tmp/err" | head -5
      fail=1
    fi
    if [ -z "$first" ]; then
      first=$result
    elif [ "$result" != "$first" ]; then
      echo "FAIL: $*: ${engines[0]}: $first; $engine: $result"
      fail=1
    fi
  done
}

printf 'one retired instruction at a time\n%.0s' $(seq 300) >"$tmp/small.txt"
for prog in "busybox" "smc" "smc same-block"; do
  case $prog in
    busybox) cmd=("$busybox" sha256sum "$tmp/small.txt") ;;
    smc) cmd=("$smc") ;;
    *) cmd=("$smc" same-block) ;;
  esac
  same_on_all 0 any "${cmd[@]}"
  total=$count
  if [ "$prog" = busybox ] && [ "$(cat "$tmp/out")" != "$(sha256sum "$tmp/small.txt")" ]; then
    echo "FAIL: busybox sha256sum printed: $(cat "$tmp/out")"
    fail=1
  fi
  [ -n "$total" ] || continue
  echo "$prog: $total instructions on every engine"
  for n in 1 2 3 5 8 13 100 1009 4099 10007 65521 $((total / 2 + 1)) $((total - 1)); do
    [ "$n" -lt "$total" ] && same_on_all 124 "$n" --max-insns "$n" "${cmd[@]}"
  done
  same_on_all 0 "$total" --max-insns "$total" "${cmd[@]}"
done
echo "insn_count: $checks runs, $([ $fail = 0 ] && echo PASS || echo FAIL)"
exit "$fail"
