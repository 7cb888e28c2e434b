// Process creation and program execution: clone (fork semantics), execve,
// execveat, wait4, waitid.
//
// * clone without CLONE_VM is a host fork: the whole simulator forks, the
//   guest address space (a private host mapping) is copied by the host's
//   copy-on-write, and each copy goes on running its guest.
// * clone(CLONE_VM | CLONE_VFORK) (glibc's posix_spawn, vfork) is also a
//   fork, as qemu-user does. That is safe because with CLONE_VFORK the parent
//   is suspended until the child execs or exits, so it cannot observe the
//   difference, except through memory the child writes before its exec: a
//   posix_spawn whose exec fails reports the error through shared memory,
//   which here the parent does not see (the child exits with 127 and
//   posix_spawn succeeds, as under qemu-user). The parent does wait: the
//   child holds the write end of a close-on-exec pipe the parent reads until
//   EOF.
// * Threads (CLONE_VM without CLONE_VFORK, CLONE_THREAD) are not supported:
//   -ENOSYS with a one-time warning. clone3 is -ENOSYS (glibc falls back to
//   clone).
// * execve of a static AArch64 ELF replaces the guest in place; "#!" scripts
//   run their interpreter (Linux rules); an ELF for the host machine is run by
//   the host (a host execve, as qemu-user does without binfmt_misc: that is
//   how a guest shell runs /bin/sh or /usr/bin/tr); anything else is
//   -ENOEXEC.
#include <dirent.h>
#include <elf.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>
#include <vector>

#include "user/host_signals.h"
#include "user/signal_delivery.h"
#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

#if defined(__x86_64__)
constexpr uint16_t kHostMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr uint16_t kHostMachine = EM_AARCH64;
#else
constexpr uint16_t kHostMachine = EM_NONE;
#endif

constexpr int kAtFdcwd = -100;
constexpr int kAtSymlinkNofollow = 0x100;
constexpr int kAtEmptyPath = 0x1000;
constexpr int kBinprmBufSize = 256;   // bytes of a file execve looks at
constexpr int kMaxInterpreters = 4;   // BINPRM_MAX_RECURSION
constexpr uint64_t kMaxArgStrings = 0x7fffffff;
constexpr uint64_t kChildSeedSalt = 0x6368696c64ull;  // "child"

// ---- clone -------------------------------------------------------------------

int64_t Clone(UserProcess& p, const SyscallArgs& a) {
  // arm64 argument order (CONFIG_CLONE_BACKWARDS): flags, stack, parent_tid,
  // tls, child_tid.
  const uint64_t flags = a[0], newsp = a[1], ptid = a[2], tls = a[3], ctid = a[4];
  if ((flags & abi::kCloneThread) || ((flags & abi::kCloneVm) && !(flags & abi::kCloneVfork))) {
    p.WarnOnce("clone-thread",
               "clone: threads (CLONE_VM without CLONE_VFORK, CLONE_THREAD) are not supported");
    return -ENOSYS;
  }
  constexpr uint64_t kSupported = abi::kCsignal | abi::kCloneVm | abi::kCloneVfork |
                                  abi::kCloneSettls | abi::kCloneParentSettid |
                                  abi::kCloneChildSettid | abi::kCloneChildCleartid |
                                  abi::kCloneDetached | abi::kCloneUntraced;
  if (flags & ~kSupported) {
    p.WarnOnce("clone-flags", "clone: unsupported flags " + std::to_string(flags & ~kSupported));
    return -EINVAL;
  }
  const int exit_signal = static_cast<int>(flags & abi::kCsignal);
  if (exit_signal > static_cast<int>(abi::kNsig)) return -EINVAL;

  int vfork_pipe[2] = {-1, -1};
  if ((flags & abi::kCloneVfork) && pipe2(vfork_pipe, O_CLOEXEC) != 0) return -errno;
  std::fflush(nullptr);  // no host stdio buffer is written twice
  // Host signals are blocked across the fork: those recorded before it are
  // the parent's; those sent to the child right after it stay pending in the
  // host kernel until the child unblocks them.
  sigset_t all, old_mask;
  sigfillset(&all);
  sigprocmask(SIG_BLOCK, &all, &old_mask);
  // A raw clone: fork semantics with the guest's exit signal.
  const long pid = syscall(SYS_clone, static_cast<unsigned long>(exit_signal), 0, 0, 0, 0);
  const int clone_errno = errno;
  if (pid == 0) ClearHostSignals();
  sigprocmask(SIG_SETMASK, &old_mask, nullptr);
  if (pid < 0) {
    const int e = clone_errno;
    if (vfork_pipe[0] >= 0) close(vfork_pipe[0]), close(vfork_pipe[1]);
    return -e;
  }
  if (pid == 0) {
    // The child: nothing pending, a random stream of its own.
    p.sigpending = 0;
    if (p.vfork_fd >= 0) close(p.vfork_fd);
    p.vfork_fd = vfork_pipe[1];
    if (vfork_pipe[0] >= 0) close(vfork_pipe[0]);
    p.random = RandomStream(p.random.Next() ^ kChildSeedSalt);
    if (newsp) p.cpu.st.sp = newsp;
    if (flags & abi::kCloneSettls) p.cpu.st.tpidr_el0 = tls;
    if (flags & abi::kCloneChildSettid) PutGuest(p, ctid, static_cast<int32_t>(getpid()));
    if (flags & abi::kCloneChildCleartid) p.clear_child_tid = ctid;
    return 0;
  }
  p.random.Next();  // the parent's stream moves on too
  if (flags & abi::kCloneParentSettid) PutGuest(p, ptid, static_cast<int32_t>(pid));
  if (vfork_pipe[0] >= 0) {
    close(vfork_pipe[1]);
    char c;
    while (read(vfork_pipe[0], &c, 1) != 0 && errno == EINTR) {
    }
    close(vfork_pipe[0]);
  }
  return pid;
}

// ---- execve ------------------------------------------------------------------

// Reads a NULL-terminated array of string pointers (argv, envp).
int ReadStringArray(const UserProcess& p, uint64_t va, std::vector<std::string>* out) {
  if (va == 0) return 0;
  uint64_t total = 0;
  for (uint64_t i = 0;; ++i) {
    if (i >= kMaxArgStrings) return -E2BIG;
    uint64_t ptr;
    if (!GetGuest(p, va + 8 * i, &ptr)) return -EFAULT;
    if (ptr == 0) return 0;
    std::vector<char> s;
    // MAX_ARG_STRLEN is 32 pages; the whole set must fit in the stack
    // budget (checked again when the stack is built).
    const int r = p.mem.ReadCString(ptr, 32 * kPageSize - 1, &s);
    if (r == -ENAMETOOLONG) return -E2BIG;
    if (r != 0) return r;
    total += std::strlen(s.data()) + 1;
    if (total > kStackSize / 4) return -E2BIG;
    out->emplace_back(s.data());
  }
}

// Closes the host fds marked close-on-exec: an in-place exec does not go
// through the host kernel, which would otherwise close them.
void CloseOnExecFds() {
  DIR* d = opendir("/proc/self/fd");
  if (!d) return;
  std::vector<int> fds;
  while (dirent* e = readdir(d)) {
    char* end;
    const long fd = std::strtol(e->d_name, &end, 10);
    if (*end == 0 && e->d_name[0] != 0 && fd != dirfd(d)) fds.push_back(static_cast<int>(fd));
  }
  closedir(d);
  for (int fd : fds) {
    const int f = fcntl(fd, F_GETFD);
    if (f >= 0 && (f & FD_CLOEXEC)) close(fd);
  }
}

// Parses a "#!" line (fs/binfmt_script.c): the interpreter path and at most
// one argument (the rest of the line, trimmed). False when there is no
// interpreter or the line does not fit in the buffer.
bool ParseShebang(const char* buf, size_t n, std::string* interp, std::string* arg) {
  size_t end = 2;
  while (end < n && buf[end] != '\n') ++end;
  if (end == n && n == kBinprmBufSize) {
    // No newline in the buffer: acceptable only if the interpreter name
    // itself ends within it (Linux then truncates the argument).
  }
  std::string line(buf + 2, end - 2);
  size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  size_t j = i;
  while (j < line.size() && line[j] != ' ' && line[j] != '\t' && line[j] != 0) ++j;
  if (j == i) return false;
  if (j == line.size() && end == n && n == kBinprmBufSize) return false;  // name too long
  *interp = line.substr(i, j - i);
  size_t k = j;
  while (k < line.size() && (line[k] == ' ' || line[k] == '\t')) ++k;
  size_t e = line.size();
  while (e > k && (line[e - 1] == ' ' || line[e - 1] == '\t' || line[e - 1] == '\r' ||
                   line[e - 1] == 0))
    --e;
  *arg = line.substr(k, e - k);
  const size_t nul = arg->find('\0');
  if (nul != std::string::npos) arg->resize(nul);
  return true;
}

// Runs a host executable in place of the simulator, the guest's signal
// dispositions and mask carried over as an execve would.
int64_t HostExec(UserProcess& p, const std::string& file, const std::vector<std::string>& argv,
                 const std::vector<std::string>& envp) {
  std::vector<char*> av, ev;
  for (const std::string& s : argv) av.push_back(const_cast<char*>(s.c_str()));
  av.push_back(nullptr);
  for (const std::string& s : envp) ev.push_back(const_cast<char*>(s.c_str()));
  ev.push_back(nullptr);
  uint64_t handlers[abi::kNsig + 1];
  for (int sig = 0; sig <= static_cast<int>(abi::kNsig); ++sig)
    handlers[sig] = p.sigactions[sig].handler;
  PrepareHostExec(handlers, p.sigmask);
  std::fflush(nullptr);
  execve(file.c_str(), av.data(), ev.data());
  const int e = errno;
  // Still here: put the simulator's host signal state back.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int sig = 1; sig <= static_cast<int>(abi::kNsig); ++sig)
    SyncHostDisposition(sig, p.sigactions[sig].handler);
  signal(SIGPIPE, SIG_IGN);
  return -e;
}

// Replaces the guest with the static AArch64 ELF `file`.
int64_t GuestExec(UserProcess& p, const std::string& file, const std::string& filename,
                  const std::vector<std::string>& argv, const std::vector<std::string>& envp) {
  std::vector<uint8_t> data;
  ElfImage image;
  std::string error;
  if (!UserProcess::ReadProgram(file, &data, &image, &error)) {
    p.WarnOnce("exec-" + file, "execve " + file + ": " + error + " (ENOEXEC)");
    return -ENOEXEC;
  }
  // The point of no return.
  CloseOnExecFds();
  if (p.vfork_fd >= 0) {
    close(p.vfork_fd);  // the vfork parent resumes
    p.vfork_fd = -1;
  }
  ResetSignalsForExec(p);
  p.clear_child_tid = 0;
  p.mem.UnmapAll();
  if (!p.StartImage(data, image, filename, argv, envp, &error)) {
    std::fprintf(stderr, "a64sim: execve %s: %s\n", file.c_str(), error.c_str());
    p.KillBySignal(SIGSEGV);
  }
  return 0;
}

int64_t Exec(UserProcess& p, int dirfd, uint64_t path_va, uint64_t argv_va, uint64_t envp_va,
             int flags) {
  if (flags & ~(kAtEmptyPath | kAtSymlinkNofollow)) return -EINVAL;
  std::string path;
  if (int r = ReadPath(p, path_va, &path)) return r;
  std::vector<std::string> argv, envp;
  if (int r = ReadStringArray(p, argv_va, &argv)) return r;
  if (int r = ReadStringArray(p, envp_va, &envp)) return r;

  // The host path of the file; `filename` is what the guest named it
  // (AT_EXECFN, and the script path a "#!" interpreter receives).
  std::string file = path, filename = path;
  if (path.empty()) {
    if (!(flags & kAtEmptyPath)) return -ENOENT;
    file = filename = "/dev/fd/" + std::to_string(dirfd);
  } else if (path[0] != '/' && dirfd != kAtFdcwd) {
    file = "/proc/self/fd/" + std::to_string(dirfd) + "/" + path;
    filename = "/dev/fd/" + std::to_string(dirfd) + "/" + path;
  }
  for (int depth = 0;; ++depth) {
    if (depth > kMaxInterpreters) return -ELOOP;
    if (IsSelfExe(file)) file = p.exe_path;
    struct stat st;
    if (((flags & kAtSymlinkNofollow) && depth == 0 ? lstat(file.c_str(), &st)
                                                    : stat(file.c_str(), &st)) != 0)
      return -errno;
    if (S_ISLNK(st.st_mode)) return -ELOOP;  // AT_SYMLINK_NOFOLLOW on a link
    if (!S_ISREG(st.st_mode)) return -EACCES;
    if (access(file.c_str(), X_OK) != 0) return -errno;
    const int fd = open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return -errno;
    char buf[kBinprmBufSize];
    ssize_t n;
    do {
      n = pread(fd, buf, sizeof(buf), 0);
    } while (n < 0 && errno == EINTR);
    const int read_errno = errno;
    close(fd);
    if (n < 0) return -read_errno;

    if (n >= 2 && buf[0] == '#' && buf[1] == '!') {
      std::string interp, arg;
      if (!ParseShebang(buf, n, &interp, &arg)) return -ENOEXEC;
      // argv[0] is replaced by: interpreter, [argument], script path.
      std::vector<std::string> args{interp};
      if (!arg.empty()) args.push_back(arg);
      args.push_back(filename);
      for (size_t i = 1; i < argv.size(); ++i) args.push_back(argv[i]);
      argv.swap(args);
      file = filename = interp;
      continue;
    }
    if (n >= static_cast<ssize_t>(sizeof(Elf64_Ehdr)) && std::memcmp(buf, ELFMAG, SELFMAG) == 0) {
      Elf64_Ehdr eh;
      std::memcpy(&eh, buf, sizeof(eh));
      if (eh.e_machine == EM_AARCH64) return GuestExec(p, file, filename, argv, envp);
      if (eh.e_machine == kHostMachine && kHostMachine != EM_NONE)
        return HostExec(p, file, argv, envp);
    }
    return -ENOEXEC;
  }
}

// ---- wait --------------------------------------------------------------------

abi::Rusage GuestRusage(const struct rusage& h) {
  abi::Rusage g{};
  g.ru_utime = abi::Timeval{h.ru_utime.tv_sec, h.ru_utime.tv_usec};
  g.ru_stime = abi::Timeval{h.ru_stime.tv_sec, h.ru_stime.tv_usec};
  const long f[14] = {h.ru_maxrss, h.ru_ixrss,  h.ru_idrss,  h.ru_isrss,    h.ru_minflt,
                      h.ru_majflt, h.ru_nswap,  h.ru_inblock, h.ru_oublock, h.ru_msgsnd,
                      h.ru_msgrcv, h.ru_nsignals, h.ru_nvcsw, h.ru_nivcsw};
  for (int i = 0; i < 14; ++i) g.fields[i] = f[i];
  return g;
}

constexpr int kWaitOptions = WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL;

int64_t Wait4(UserProcess& p, const SyscallArgs& a) {
  const int options = a.Int(2);
  if (options & ~kWaitOptions) return -EINVAL;
  int status = 0;
  struct rusage ru {};
  const pid_t r = wait4(a.Int(0), &status, options, a[3] ? &ru : nullptr);
  if (r < 0) return -errno;
  if (r > 0 && a[1] && !PutGuest(p, a[1], static_cast<int32_t>(status))) return -EFAULT;
  if (a[3] && !PutGuest(p, a[3], GuestRusage(ru))) return -EFAULT;
  return r;
}

int64_t Waitid(UserProcess& p, const SyscallArgs& a) {
  // siginfo_t has one layout on every LP64 Linux: the host's is the guest's.
  abi::Siginfo info{};
  struct rusage ru {};
  const long r = syscall(SYS_waitid, a.Int(0), a.Int(1), a[2] ? &info : nullptr, a.Int(3),
                         a[4] ? &ru : nullptr);
  if (r < 0) return -errno;
  if (a[2] && !PutGuest(p, a[2], info)) return -EFAULT;
  if (a[4] && !PutGuest(p, a[4], GuestRusage(ru))) return -EFAULT;
  return r;
}

}  // namespace

bool ExecSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  switch (nr) {
    case kSysClone:
      r = Clone(p, a);
      return true;
    case kSysClone3:
      r = -ENOSYS;  // glibc falls back to clone
      return true;
    case kSysExecve:
      r = Exec(p, kAtFdcwd, a[0], a[1], a[2], 0);
      return true;
    case kSysExecveat:
      r = Exec(p, a.Int(0), a[1], a[2], a[3], a.Int(4));
      return true;
    case kSysWait4:
      r = Wait4(p, a);
      return true;
    case kSysWaitid:
      r = Waitid(p, a);
      return true;
    default:
      return false;
  }
}

}  // namespace a64::user
