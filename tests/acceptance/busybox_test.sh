#!/bin/bash
# Busybox acceptance: runs busybox-static (arm64, fetched by
# tools/fetch_artifacts.sh) applets on generated files under qemu-aarch64 (the
# reference) and under the simulator, and compares stdout and exit status byte
# for byte.
# Usage: busybox_test.sh SIM MAKE_INPUTS_PY [GROUP]
#   SIM is the a64sim binary (run as `SIM user $A64SIM_ENGINE busybox ...`,
#   the engine option from tests/support/engines.bzl) or `qemu` to run the
#   reference against itself (validates the harness).
#   GROUP: `applets` (default): one process per case, no fork/exec;
#          `processes`: shell pipelines, command substitution and awk's popen,
#          which need clone/fork, wait4 and pipes in the simulator.
set -u
sim=$1 make_inputs=$2 group=${3:-applets}

# The cache lives outside git, by default under the real home directory (Bazel
# sets HOME to the test's temporary directory, so ask the passwd database).
home=$(getent passwd "$(id -u)" | cut -d: -f6)
cache=${A64SIM_CACHE:-${home:-$HOME}/.cache/a64sim}
busybox=$cache/busybox-static/bin/busybox
if [ ! -x "$busybox" ]; then
  echo "FAIL: $busybox is missing. Run tools/fetch_artifacts.sh first"
  echo "(it needs 'dpkg --add-architecture arm64 && apt-get update' once; tools/install_deps.sh does that)."
  exit 1
fi
qemu=$(command -v qemu-aarch64) || { echo "FAIL: qemu-aarch64 not found (apt-get install qemu-user)"; exit 1; }
engine=${A64SIM_ENGINE:---engine=jit}
if [ "$sim" = qemu ]; then simcmd=("$qemu"); else simcmd=("$(realpath "$sim")" user "$engine"); fi

tmp=${TEST_TMPDIR:-$(mktemp -d)}
work=$tmp/work
rm -rf "$work"
mkdir -p "$work"
python3 "$make_inputs" "$work" || { echo "FAIL: make_inputs.py failed"; exit 1; }
cd "$work"
# Inputs made by the reference busybox, for the decompress/list cases.
"$qemu" "$busybox" gzip -c -9 data.txt >data.txt.gz
"$qemu" "$busybox" bzip2 -c data.txt >data.txt.bz2
"$qemu" "$busybox" tar -cf tree.tar tree
# A fixed, old mtime for every listed directory: ls prints the year instead of
# the time for old files, and the simulator's clock may be virtual.
touch -d @1000000000 . tree

limit=${A64SIM_ACCEPT_TIMEOUT:-120}  # seconds per command
pass=0 fail=0
# check NAME STDIN ARGS...: runs `busybox ARGS...` under both, stdin from STDIN.
check() {
  local name=$1 in=$2
  shift 2
  local envv=(env -i LC_ALL=C TZ=UTC HOME=/nonexistent PATH=/bin:/usr/bin)
  timeout "$limit" "${envv[@]}" "$qemu" "$busybox" "$@" <"$in" >"$tmp/$name.ref" 2>"$tmp/$name.ref.err"
  local ref_rc=$?
  timeout "$limit" "${envv[@]}" "${simcmd[@]}" "$busybox" "$@" <"$in" >"$tmp/$name.sim" 2>"$tmp/$name.sim.err"
  local sim_rc=$?
  if [ "$ref_rc" = "$sim_rc" ] && cmp -s "$tmp/$name.ref" "$tmp/$name.sim"; then
    echo "PASS $name (exit $ref_rc, $(wc -c <"$tmp/$name.ref") bytes)"
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    echo "FAIL $name: busybox $*"
    echo "    exit qemu=$ref_rc sim=$sim_rc, stdout $(wc -c <"$tmp/$name.ref") vs $(wc -c <"$tmp/$name.sim") bytes"
    if grep -qI . "$tmp/$name.ref" && grep -qI . "$tmp/$name.sim"; then
      diff "$tmp/$name.ref" "$tmp/$name.sim" | head -8 | cut -c1-160 | sed 's/^/    /'
    else
      cmp "$tmp/$name.ref" "$tmp/$name.sim" 2>&1 | head -1 | sed "s|$tmp/||g; s/^/    /"
    fi
    echo "    sim stderr:"
    tail -5 "$tmp/$name.sim.err" | sed 's/^/    /'
  fi
}

N=/dev/null
if [ "$group" = applets ]; then
  check sha256sum $N sha256sum data.txt bin.dat small.txt
  check sha1sum $N sha1sum data.txt bin.dat
  check sha512sum $N sha512sum data.txt bin.dat
  check sha3sum $N sha3sum bin.dat
  check md5sum $N md5sum data.txt bin.dat small.txt
  check md5sum_stdin bin.dat md5sum
  check gzip $N gzip -c -9 data.txt
  check gzip_fast bin.dat gzip -1
  check gunzip $N gunzip -c data.txt.gz
  check bzip2 $N bzip2 -c data.txt
  check bzip2_bin bin.dat bzip2 -c
  check bunzip2 $N bunzip2 -c data.txt.bz2
  check sort $N sort data.txt
  check sort_num $N sort -n -k2 data.txt
  check sort_float $N sort -g -r -k3 floats.txt
  check sort_unique $N sort -u -f -k1,1 data.txt
  check awk_count $N awk '{ s += $2; n[$1]++ } END { printf "%d %.3f\n", s, s / NR; for (w in n) t = t " " w "=" n[w]; print length(t) }' data.txt
  check awk_fmt $N awk 'NR % 97 == 0 { gsub(/a/, "A", $1); split($3, p, "t"); printf "%-10s|%12.4e|%g|%s|%d\n", $1, $4, $4 / 7, p[1], length($0) }' data.txt
  # (This busybox has no awk math library: arithmetic and formatting only.)
  check awk_arith $N awk 'BEGIN { x = 1; for (i = 1; i <= 60; i++) { x = x * 1.37 + 1 / i; printf "%.10g %e %d %o %x %c|\n", x, x / 3, int(x) % 1000, i, i * 4099, 64 + i } }'
  check sed_sub $N sed -e 's/[aeiou]/_/g' -e '5,20d' -e 'y/xyz/XYZ/' data.txt
  check sed_print $N sed -n -e '/^foo .*[0-9]5 /p' -e '$=' data.txt
  check sed_small small.txt sed -e 's/line/LINE/2' -e '/^$/d' -e 'G'
  check grep_count $N grep -c -E '^(alpha|beta) -?[0-9]+ ' data.txt
  check grep_n $N grep -n -i 'quux.*corge' data.txt
  check grep_v $N grep -v -F 'a' data.txt
  check grep_o small.txt grep -o -w 'line [a-z]*'
  check tar_create $N tar -cf - tree
  check tar_list $N tar -tvf tree.tar
  check tar_extract $N tar -xOf tree.tar tree/sub/deeper/d.txt
  check bc calc.bc bc -l
  # Floating point: printf formats (%.17g %e %f %a %g ...) of special and
  # boundary values, double arithmetic, strtod; bc -l to 200 digits.
  check awk_fp_formats $N awk -f fp.awk
  check awk_fp_sum $N awk '{ s += $3; p = p * 1.0000001 + $3 / 1e6; q += 1 / ($1 + 0.5) } END { printf "%.17g %.17g %a %.17g %e\n", s, p, s, q, s / NR }' floats.txt
  check awk_fp_convert $N awk 'BEGIN { for (i = -40; i <= 40; i++) { x = i / 8; printf "%d %d %.0f %.1f %i %x|", x, -x, x, x * 1e15, x * 2147483648, x * 4096 } print "" }'
  check bc_fp200 fp200.bc bc -l
  check ls $N ls -ln tree tree/sub
  check ls_recursive $N ls -lnaR tree
  check wc $N wc data.txt bin.dat small.txt
  check hexdump $N hexdump -C small.txt
  check od $N od -A x -t x1 -N 512 bin.dat
  check factor $N factor 4294967297 600851475143 18446744073709551615
  check cut $N cut -d " " -f 1,3 data.txt
  check tr small.txt tr a-z A-Z
  check uniq small.txt uniq -c -i
  check tail $N tail -n 25 data.txt
  check seq $N seq -w 1 7 1000
  check expr $N expr 123456789 \* 987654321
  check crc32 $N crc32 bin.dat data.txt
  check ash_builtins $N sh -c 'i=0; s=0; while [ $i -lt 2000 ]; do i=$((i + 1)); s=$((s + i * i % 7)); done; echo $i $s; printf "%x %o %s\n" 255 8 done'
else
  check awk_sum $N awk '{ s += $2; n[$1]++ } END { printf "%d %.3f\n", s, s / NR; for (w in n) print w, n[w] | "sort" }' data.txt
  check cut_tr $N sh -c 'cut -d " " -f 1,3 data.txt | tr a-z A-Z | uniq -c | tail -20'
  check ash $N sh -c 'i=0; s=0; while [ $i -lt 2000 ]; do i=$((i + 1)); s=$((s + i * i % 7)); done; echo $i $s; printf "%x %o %s\n" 255 8 "$(echo nested)"'
  check seq_expr $N sh -c 'seq 1 3 100 | xargs echo; expr 123456789 \* 987654321; expr length "hello world"'
  check gzip_pipe $N sh -c 'gzip -c small.txt | gunzip -c | md5sum'
fi
echo "busybox $group on ${simcmd[*]}: $pass passed, $fail failed"
[ "$fail" = 0 ]
