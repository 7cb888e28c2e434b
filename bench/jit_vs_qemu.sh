#!/bin/bash
# Runs a64sim's engines and QEMU (TCG) side by side on the same guest work and
# prints wall times, ratios (a64sim time / QEMU time; <= 1.0: a64sim at least
# as fast) and MIPS. A benchmark, not a test: nothing is asserted about speed.
#
#   bench/jit_vs_qemu.sh [--a64sim BIN] [--output-base DIR] [--repeat N]
#                        [--only boot|user] [--with-interp | --no-interp]
#
# boot  Debian's cloud arm64 kernel (tools/fetch_linux.sh) with a busybox
#       initramfs (tools/make_initramfs.py --script), `a64sim boot` (jit,
#       jit --no-chain; interp with --with-interp) against
#       qemu-system-aarch64 -M virt -cpu cortex-a57 -m 512M, twice: "boot to
#       poweroff" with an empty script, and "boot + workload" with a script
#       that generates ~1 MB of data with an LCG in awk, runs sha256sum,
#       gzip/gunzip, bzip2/bunzip2, sort, awk and a shell loop over it and
#       prints the checksums.
# user  busybox-static (tools/fetch_artifacts.sh) `sha256sum FILE` and
#       `gzip -c FILE` on a 16 MB file of seeded pseudo-random text: `a64sim
#       user` (jit, jit --no-chain, interp) against qemu-aarch64.
#
# Every a64sim run's output must equal QEMU's (the boot workload's checksum
# lines; the user programs' whole standard output); a difference is printed
# as MISMATCH and makes the exit status 1, as does a failed run or a setup
# error (a usage error exits 2).
#   --a64sim BIN       use BIN instead of building //tools/a64sim with bazel
#   --output-base DIR  bazel's --output_base for that build
#   --repeat N         run every configuration N times, report the fastest (1)
#   --only boot|user   run one of the two groups
#   --with-interp      also boot with --engine=interp (slow: minutes)
#   --no-interp        leave the interpreter out of the user group as well
# MIPS is what `a64sim --stats` prints (retired instructions / its run time);
# QEMU's column is a64sim's instruction count over QEMU's wall time (the same
# program for user mode; an approximation for boot, where the kernels' timing
# differs).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${A64SIM_CACHE:-$HOME/.cache/a64sim}
kernel=$cache/linux/vmlinuz
initramfs_busybox=$cache/linux/busybox
user_busybox=$cache/busybox-static/bin/busybox
memory=512M
append="console=ttyAMA0 rdinit=/init"
boot_lines=50000      # lines of generated data in the boot workload (~1.1 MB)
user_mb=16            # size of the user-mode input file
timeout_s=3600        # per run; a hung run counts as failed

sim='' output_base='' only='' repeat=1 boot_interp=0 user_interp=1
usage() { echo "usage: $0 [--a64sim BIN] [--output-base DIR] [--repeat N] [--only boot|user] [--with-interp | --no-interp]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --a64sim) sim=${2:?}; shift 2 ;;
    --output-base) output_base=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --only) only=${2:?}; shift 2 ;;
    --with-interp) boot_interp=1; shift ;;
    --no-interp) boot_interp=0 user_interp=0; shift ;;
    -h|--help) sed -n '2,34p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) usage ;;
  esac
done
[[ $repeat =~ ^[1-9][0-9]*$ ]] || usage
case $only in ""|boot|user) ;; *) usage ;; esac
run_boot=1 run_user=1
[ "$only" = user ] && run_boot=0
[ "$only" = boot ] && run_user=0

die() { echo "jit_vs_qemu.sh: $*" >&2; exit 1; }

# --- setup -----------------------------------------------------------------
if [ -z "$sim" ]; then
  bazel=(bazel)
  [ -n "$output_base" ] && bazel+=(--output_base="$output_base")
  (cd "$root" && "${bazel[@]}" build //tools/a64sim) || die "bazel build //tools/a64sim failed"
  sim=$(cd "$root" && "${bazel[@]}" info bazel-bin 2>/dev/null)/tools/a64sim/a64sim
fi
[ -x "$sim" ] || die "no a64sim binary at $sim"
sim=$(realpath "$sim")
if [ $run_boot = 1 ]; then
  command -v qemu-system-aarch64 >/dev/null || die "qemu-system-aarch64 is not installed (tools/install_deps.sh)"
  for f in "$kernel" "$initramfs_busybox"; do
    [ -f "$f" ] || die "$f is missing: run tools/fetch_linux.sh"
  done
fi
if [ $run_user = 1 ]; then
  qemu_user=$(command -v qemu-aarch64) || die "qemu-aarch64 is not installed (tools/install_deps.sh)"
  [ -x "$user_busybox" ] || die "$user_busybox is missing: run tools/fetch_artifacts.sh"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv   # bench, engine, seconds, instructions, MIPS, check
: > "$results"
mismatch=0

echo "a64sim: $sim"
echo "repo:   $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$root" diff --quiet HEAD 2>/dev/null || echo ' (working tree differs from HEAD)')"
echo "qemu:   $(qemu-system-aarch64 --version 2>/dev/null | head -n 1 || echo '?')"
echo "host:   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); repeat $repeat, best time kept"

# run_timed OUT ERR CMD...: runs CMD (stdin /dev/null) with a timeout; sets
# $secs (wall time) and $status.
run_timed() {
  local out=$1 err=$2 t0 t1
  shift 2
  status=0
  t0=$(date +%s.%N)
  timeout "$timeout_s" "$@" </dev/null >"$out" 2>"$err" || status=$?
  t1=$(date +%s.%N)
  secs=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# stats ERR: "INSNS MIPS" from a64sim --stats' line in ERR (user: "a64sim: N
# instructions retired in S s (M MIPS)", boot: "a64sim: N instructions, ...,
# S s, M MIPS"), or "- -".
stats() {
  sed -nE 's/^a64sim: ([0-9]+) instructions.* \(?([0-9.]+) MIPS\)?$/\1 \2/p' "$1" | tail -n 1 | grep . || echo "- -"
}

# engine_args ENGINE: a64sim's options for jit, nochain, interp.
engine_args() {
  case $1 in
    jit) echo "--engine=jit" ;;
    nochain) echo "--engine=jit --no-chain" ;;
    interp) echo "--engine=interp" ;;
  esac
}

# record BENCH ENGINE CHECK [ERR]: one result line, and a progress line.
record() {
  local insns=- mips=-
  [ -n "${4:-}" ] && read -r insns mips < <(stats "$4")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$secs" "$insns" "$mips" "$3" >> "$results"
  local label=$2
  [ "$2" = nochain ] && label="jit --no-chain"
  printf '  %-10s %-15s %8.2f s  %s\n' "$1" "$label" "$secs" "$3"
}

# report_mismatch WHAT REF GOT: the loud part of a mismatch.
report_mismatch() {
  mismatch=1
  echo "!!! MISMATCH: $1 differs from QEMU (< QEMU, > a64sim):"
  diff "$2" "$3" | head -n 20 | sed 's/^/!!!   /' || true
}

# --- boot ------------------------------------------------------------------
# The workload: deterministic data (a 32-bit LCG, exact in awk's doubles), each
# step's result printed as a "bench:" line; these lines are compared. The
# "boot" benchmark boots the same kernel with an empty script, to tell the
# kernel's boot from the workload.
echo 'echo "bench: end"' > "$work/boot.sh"
cat > "$work/workload.sh" <<EOF
cd /tmp
n=$boot_lines
EOF
cat >> "$work/workload.sh" <<'EOF'
h() { sha256sum | cut -d' ' -f1; }
echo "bench: start"
awk -v n="$n" 'BEGIN {
  x = 1; split("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", w, " ")
  for (i = 0; i < n; i++) { x = (x * 69069 + 1) % 4294967296; printf "%010d %s %d\n", x, w[x % 12 + 1], i }
}' > data.txt
echo "bench: data $(wc -c < data.txt) bytes, sha256 $(h < data.txt)"
gzip -c data.txt > data.gz
echo "bench: gzip $(wc -c < data.gz) bytes, sha256 $(h < data.gz)"
echo "bench: gunzip $(gunzip -c data.gz | h)"
bzip2 -c data.txt > data.bz2
echo "bench: bzip2 $(wc -c < data.bz2) bytes, sha256 $(h < data.bz2)"
echo "bench: bunzip2 $(bunzip2 -c data.bz2 | h)"
echo "bench: sort $(sort data.txt | h)"
echo "bench: sort -k2,2 -k1,1n $(sort -k2,2 -k1,1n data.txt | h)"
echo "bench: awk $(awk '{ c[$2]++; s += $3; if ($1 > m) m = $1 } END { for (k in c) print k, c[k]; print s, m }' data.txt | sort | h)"
i=0 s=0
while [ $i -lt 20000 ]; do s=$(( (s * 31 + i) % 1000003 )); i=$((i + 1)); done
echo "bench: shell loop $s"
echo "bench: end"
EOF

# run_boot BENCH ENGINE ROUND: one boot with $work/BENCH.cpio.gz (boot or
# workload), on qemu or an a64sim engine.
run_boot() {
  local bench=$1 engine=$2 out=$work/$1-$2-$3.out err=$work/$1-$2-$3.err
  local initrd=$work/$1.cpio.gz ref=$work/$1.ref check
  if [ "$engine" = qemu ]; then
    # As tests/boot/qemu_console_test.sh: dtb-randomness=off keeps KASLR (and
    # so KPTI) off, as on a64sim, whose device tree has no kaslr-seed.
    run_timed "$out" "$err" qemu-system-aarch64 -M virt,dtb-randomness=off -cpu cortex-a57 \
      -m "$memory" -nographic -no-reboot -nic none -kernel "$kernel" \
      -initrd "$initrd" -append "$append"
  else
    # shellcheck disable=SC2046
    run_timed "$out" "$err" "$sim" boot $(engine_args "$engine") --stats --kernel "$kernel" \
      --initrd "$initrd" --memory "$memory" --append "$append"
  fi
  tr -d '\r' < "$out" | grep -a '^bench: ' > "$out.lines" || true
  if [ "$status" -ne 0 ] || ! grep -aq 'reboot: Power down' "$out" \
     || ! grep -aq '=== a64sim script done (status 0) ===' "$out"; then
    check="FAILED (exit $status)"
    mismatch=1
    echo "!!! $bench $engine failed (exit $status); console tail and stderr:"
    tail -n 15 "$out" | sed 's/^/!!!   /'
    tail -n 5 "$err" | sed 's/^/!!!   /'
    [ "$engine" = qemu ] && die "QEMU's run is the reference; cannot go on"
  elif [ ! -f "$ref" ]; then
    cp "$out.lines" "$ref"
    check="reference"
  elif cmp -s "$ref" "$out.lines"; then
    check="same"
    [ "$engine" = qemu ] || echo "$out" >> "$work/$bench.a64sim-ok"
  else
    check="MISMATCH"
    report_mismatch "$bench $engine's output" "$ref" "$out.lines"
  fi
  if [ "$engine" = qemu ]; then record "$bench" "$engine" "$check"; else record "$bench" "$engine" "$check" "$err"; fi
}

if [ $run_boot = 1 ]; then
  for bench in boot workload; do
    python3 "$root/tools/make_initramfs.py" --busybox "$initramfs_busybox" \
      --script "$work/$bench.sh" -o "$work/$bench.cpio.gz" || die "make_initramfs.py failed"
  done
  boot_engines=(qemu jit nochain)
  [ $boot_interp = 1 ] && boot_engines+=(interp)
  echo
  echo "boot: $(basename "$kernel") ($(cut -d' ' -f1-2 "$cache/linux/VERSION" 2>/dev/null)), $memory;" \
       "boot = to poweroff, workload = boot + workload on $boot_lines lines"
  for round in $(seq "$repeat"); do
    for bench in boot workload; do
      for engine in "${boot_engines[@]}"; do run_boot "$bench" "$engine" "$round"; done
    done
  done
  # Virtual time makes a64sim deterministic: its good runs' whole console
  # outputs (timestamps included) should be equal, whatever the engine.
  for bench in boot workload; do
    [ -f "$work/$bench.a64sim-ok" ] || continue
    first=$(head -n 1 "$work/$bench.a64sim-ok")
    while read -r f; do
      cmp -s "$first" "$f" || echo "note: a64sim's console differs between" \
        "$(basename "$first" .out) and $(basename "$f" .out) (nondeterminism?)"
    done < "$work/$bench.a64sim-ok"
  done
  echo "workload output (QEMU's):"
  sed 's/^bench: /  /' "$work/workload.ref"
fi

# --- user ------------------------------------------------------------------
# run_user BENCH ENGINE ROUND ARGS...: busybox ARGS under qemu-aarch64 or an
# a64sim engine; the output's sha256 is compared.
run_user() {
  local bench=$1 engine=$2 out=$work/user.out err=$work/user-$2-$3.err ref=$work/user-$1.ref check
  shift 3
  # An empty environment on both, so the guest's work does not depend on ours.
  if [ "$engine" = qemu ]; then
    run_timed "$out" "$err" env -i "$qemu_user" "$user_busybox" "$@"
  else
    # shellcheck disable=SC2046
    run_timed "$out" "$err" env -i "$sim" user $(engine_args "$engine") --stats "$user_busybox" "$@"
  fi
  sha256sum < "$out" > "$out.sum"
  if [ "$status" -ne 0 ]; then
    check="FAILED (exit $status)"
    mismatch=1
    echo "!!! $bench $engine failed (exit $status): $(tail -n 3 "$err")"
    [ "$engine" = qemu ] && die "QEMU's run is the reference; cannot go on"
  elif [ ! -f "$ref" ]; then
    cp "$out.sum" "$ref"
    check="reference"
    case $bench in  # QEMU's own output, against the host's tools
      sha256sum) [ "$(cut -d' ' -f1 "$out")" = "$(sha256sum < "$work/input" | cut -d' ' -f1)" ] \
                   || { mismatch=1; echo "!!! QEMU's busybox sha256sum disagrees with the host's"; } ;;
      gzip) gzip -dc < "$out" | cmp -s - "$work/input" \
              || { mismatch=1; echo "!!! QEMU's busybox gzip output does not decompress to the input"; } ;;
    esac
  elif cmp -s "$ref" "$out.sum"; then
    check="same"
  else
    check="MISMATCH"
    report_mismatch "$bench $engine's output (sha256)" "$ref" "$out.sum"
  fi
  if [ "$engine" = qemu ]; then record "$bench" "$engine" "$check"; else record "$bench" "$engine" "$check" "$err"; fi
  rm -f "$out"
}

if [ $run_user = 1 ]; then
  python3 - "$work/input" "$user_mb" <<'EOF'
import random, sys
# Text from a fixed vocabulary with a fixed seed: compressible, and the same
# bytes on every run.
rng = random.Random(20260101)
words = ("the of and to in is was for on that with as by at from his it an were are "
         "which this be or has had not but first one their its new after who they have "
         "her she two been other when there all during into time may years more most "
         "only over city some world would where later up such used").split()
words += ["%x" % rng.getrandbits(24) for _ in range(200)]
size = int(sys.argv[2]) << 20
out = bytearray()
while len(out) < size:
    out += " ".join(rng.choices(words, k=rng.randint(4, 16))).encode() + b"\n"
open(sys.argv[1], "wb").write(bytes(out[:size]))
EOF
  user_engines=(qemu jit nochain)
  [ $user_interp = 1 ] && user_engines+=(interp)
  echo
  echo "user: busybox ($(basename "$(dirname "$(dirname "$user_busybox")")")) on $user_mb MB of text, sha256 $(sha256sum < "$work/input" | cut -c1-16)...; engines ${user_engines[*]}"
  for round in $(seq "$repeat"); do
    for engine in "${user_engines[@]}"; do run_user sha256sum "$engine" "$round" sha256sum "$work/input"; done
    for engine in "${user_engines[@]}"; do run_user gzip "$engine" "$round" gzip -c "$work/input"; done
  done
fi

# --- summary ---------------------------------------------------------------
echo
python3 - "$results" <<'EOF'
import sys
label = {"qemu": "qemu", "jit": "jit", "nochain": "jit --no-chain", "interp": "interp"}
title = {"boot": "boot to poweroff", "workload": "boot + workload",
         "sha256sum": "user sha256sum", "gzip": "user gzip -c"}
runs = {}  # (bench, engine) -> [(seconds, instructions, MIPS, check)], in run order
for line in open(sys.argv[1]):
    bench, engine, secs, insns, mips, check = line.rstrip("\n").split("\t")
    runs.setdefault((bench, engine), []).append((float(secs), insns, mips, check))

def best(key):
    """The fastest run whose output was right, or None."""
    ok = [r for r in runs.get(key, []) if r[3] in ("reference", "same")]
    return min(ok) if ok else None

rows = [("benchmark", "engine", "time s", "a64sim/qemu", "instructions", "MIPS", "output")]
for (bench, engine), rs in runs.items():
    b, q, jit = best((bench, engine)), best((bench, "qemu")), best((bench, "jit"))
    bad = [r[3] for r in rs if r[3] not in ("reference", "same")]
    out = "reference" if engine == "qemu" else "same as qemu"
    if bad:
        out = "%s (%d of %d runs)" % (bad[0].split()[0], len(bad), len(rs))
    if b is None:
        rows.append((title[bench], label[engine], "-", "-", "-", "-", out))
        continue
    secs, insns, mips, _ = b
    if engine == "qemu":
        ratio = "1.00"
        mips = "~%.0f" % (int(jit[1]) / secs / 1e6) if jit and jit[1] != "-" else "-"
    else:
        ratio = "%.2f" % (secs / q[0]) if q else "-"
        mips = "%.0f" % float(mips) if mips != "-" else "-"
    rows.append((title[bench], label[engine], "%.2f" % secs, ratio, insns, mips, out))
w = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
for n, r in enumerate(rows):
    print("  ".join(c.ljust(w[i]) if i in (0, 1, 6) else c.rjust(w[i])
                    for i, c in enumerate(r)).rstrip())
    if n == 0:
        print("  ".join("-" * x for x in w))
for bench in dict.fromkeys(b for b, _ in runs):
    counts = {r[1] for (b, e), rs in runs.items() if b == bench and e != "qemu"
              for r in rs if r[3] in ("reference", "same")}
    if len(counts) > 1:
        print("note: %s: a64sim's instruction counts differ between runs: %s"
              % (title[bench], " ".join(sorted(counts))))
print("time: the fastest run with the right output; MIPS: a64sim --stats; qemu's (~):")
print("a64sim jit's instruction count / qemu's time.")
EOF
if [ $mismatch = 0 ]; then
  echo "outputs: every a64sim run matched QEMU's output."
else
  echo "outputs: MISMATCH or failed run (see the !!! lines above)."
  exit 1
fi
