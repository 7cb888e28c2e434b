# Shared by the tests/boot shell tests (sourced): where tools/fetch_linux.sh's
# cache is, the engine to run, and helpers to check a64sim's console output.

# The cache lives outside git, under the real home directory (Bazel sets HOME
# to the test's temporary directory, so ask the passwd database).
boot_home=$(getent passwd "$(id -u)" | cut -d: -f6)
linux_cache=${A64SIM_CACHE:-${boot_home:-$HOME}/.cache/a64sim}/linux
tmp=${TEST_TMPDIR:-$(mktemp -d)}
fail=0
# The a64sim option choosing the engine (tests/support/engines.bzl).
engine=${A64SIM_ENGINE:---engine=jit}

# require_files FILE...: fails the test when tools/fetch_linux.sh has not run.
require_files() {
  local f
  for f in "$@"; do
    if [ ! -e "$f" ]; then
      echo "FAIL: $f is missing."
      echo "Run tools/fetch_linux.sh first (it needs 'dpkg --add-architecture arm64 &&"
      echo "apt-get update' once; tools/install_deps.sh does that)."
      exit 1
    fi
  done
}

# find_tool NAME: NAME's path; also looks in /sbin and /usr/sbin, which are
# not on the PATH Bazel gives tests (mkfs.ext4, debugfs live there).
find_tool() {
  local p
  p=$(PATH=$PATH:/sbin:/usr/sbin command -v "$1") || {
    echo "FAIL: $1 is not installed (tools/install_deps.sh installs it)" >&2
    exit 1
  }
  echo "$p"
}

# boot_sim NAME ARGS...: `a64sim boot ARGS... --stats` ($sim) with no input;
# the console in $tmp/NAME.out, stderr in $tmp/NAME.err, the exit status in
# $status. Prints the status, the time taken and stderr.
boot_sim() {
  local name=$1 start
  shift
  start=$(date +%s)
  "$sim" boot "$@" --stats </dev/null >"$tmp/$name.out" 2>"$tmp/$name.err"
  status=$?
  echo "$name ($1): a64sim exited with $status after $(($(date +%s) - start)) s:"
  cat "$tmp/$name.err"
}

# expect FILE TEXT: FILE must contain the line fragment TEXT.
expect() {
  if ! grep -qF -- "$2" "$1"; then
    echo "FAIL: $1 lacks: $2"
    fail=1
  fi
}

# check_kernel_log FILE: no warning, oops or failure the kernel reported.
# Matches the kernel's own markers (WARNING:, Oops, BUG:, panics, call
# traces) and the words drivers use when something the board provides
# misbehaves: "unknown"/"unhandled" registers or interrupts, "failed".
kernel_problem='WARNING:|Oops|BUG:|Kernel panic|Call trace:|[Uu]nknown|[Uu]nhandled|[Ff]ailed'
check_kernel_log() {
  if grep -qE "$kernel_problem" "$1"; then
    echo "FAIL: the kernel reported a problem in $1:"
    grep -nE -A5 "$kernel_problem" "$1" | head -40
    fail=1
  fi
}

# finish CONSOLE: prints the console's tail on failure, PASS otherwise.
finish() {
  if [ "$fail" -ne 0 ]; then
    echo "--- $1 (last 60 lines) ---"
    tail -n 60 "$1"
    exit 1
  fi
  echo PASS
}
