// Process, identity, resource and miscellaneous system calls. The guest is
// one single-threaded process whose ids are the host process's ids.
#include <sys/sysinfo.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

constexpr uint64_t kRobustListHeadSize = 24;
constexpr int kGrndFlags = 1 | 2 | 4;  // GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE

void CopyField(char (&dst)[65], const char* src) {
  std::memset(dst, 0, sizeof(dst));
  std::strncpy(dst, src, sizeof(dst) - 1);
}

int64_t Futex(UserProcess& p, const SyscallArgs& a) {
  const uint64_t uaddr = a[0];
  const int op = a.Int(1) & ~(abi::kFutexPrivateFlag | abi::kFutexClockRealtime);
  const uint32_t val = static_cast<uint32_t>(a[2]);
  switch (op) {
    case abi::kFutexWait:
    case abi::kFutexWaitBitset: {
      if (uaddr & 3) return -EINVAL;
      if (op == abi::kFutexWaitBitset && static_cast<uint32_t>(a[5]) == 0) return -EINVAL;
      uint32_t cur;
      if (!GetGuest(p, uaddr, &cur)) return -EFAULT;
      if (cur != val) return -EAGAIN;
      // One thread: nobody can wake us, so only a timeout ends the wait.
      if (a[3] == 0) {
        std::fprintf(stderr,
                     "a64sim: deadlock: FUTEX_WAIT without timeout in a single-threaded "
                     "process (pc 0x%llx)\n",
                     static_cast<unsigned long long>(p.cpu.st.pc - 4));
        p.Exit(kExitDeadlock);
        return 0;
      }
      abi::Timespec t;
      if (!GetGuest(p, a[3], &t)) return -EFAULT;
      if (t.tv_sec < 0 || t.tv_nsec < 0 || t.tv_nsec >= 1000000000) return -EINVAL;
      uint64_t ns = static_cast<uint64_t>(t.tv_sec) * 1000000000u + t.tv_nsec;
      if (op == abi::kFutexWaitBitset) {  // absolute, on CLOCK_MONOTONIC or REALTIME
        abi::Timespec now;
        p.clock.Get(a.Int(1) & abi::kFutexClockRealtime ? 0 : 1, p.cpu.icount, &now);
        const uint64_t now_ns = static_cast<uint64_t>(now.tv_sec) * 1000000000u + now.tv_nsec;
        ns = ns > now_ns ? ns - now_ns : 0;
      }
      p.clock.Sleep(ns);
      return -ETIMEDOUT;
    }
    case abi::kFutexWake:
    case abi::kFutexWakeBitset:
      if (uaddr & 3) return -EINVAL;
      return 0;  // no other thread waits
    case abi::kFutexRequeue:
      return 0;
    case abi::kFutexCmpRequeue: {
      uint32_t cur;
      if (!GetGuest(p, uaddr, &cur)) return -EFAULT;
      return cur == static_cast<uint32_t>(a[5]) ? 0 : -EAGAIN;
    }
    default:
      p.WarnOnce("futex-op-" + std::to_string(op),
                 "unsupported futex operation " + std::to_string(op));
      return -ENOSYS;
  }
}

int64_t Rlimit(UserProcess& p, uint64_t resource, uint64_t new_va, uint64_t old_va) {
  if (resource >= abi::kRlimNlimits) return -EINVAL;
  abi::Rlimit nl;
  if (new_va) {
    if (!GetGuest(p, new_va, &nl)) return -EFAULT;
    if (nl.rlim_cur > nl.rlim_max) return -EINVAL;
    if (nl.rlim_max > p.rlimits[resource].rlim_max && geteuid() != 0) return -EPERM;
  }
  if (old_va && !PutGuest(p, old_va, p.rlimits[resource])) return -EFAULT;
  // Limits are recorded, not enforced (nor applied to the host).
  if (new_va) p.rlimits[resource] = nl;
  return 0;
}

}  // namespace

bool ProcessSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  switch (nr) {
    case kSysExit:
    case kSysExitGroup:
      p.Exit(a.Int(0) & 0xff);
      r = 0;
      return true;
    case kSysGetpid:
    case kSysGettid:
      r = getpid();
      return true;
    case kSysGetppid:
      r = getppid();
      return true;
    case kSysGetuid:
      r = getuid();
      return true;
    case kSysGeteuid:
      r = geteuid();
      return true;
    case kSysGetgid:
      r = getgid();
      return true;
    case kSysGetegid:
      r = getegid();
      return true;
    case kSysGetgroups: {
      const int n = std::min(a.Int(0), 65536);  // NGROUPS_MAX
      if (n < 0) return r = -EINVAL, true;
      std::vector<gid_t> g(n);
      const int got = getgroups(n, g.data());
      if (got < 0) return r = -errno, true;
      static_assert(sizeof(gid_t) == 4);
      if (n > 0 && !p.mem.CopyToGuest(a[1], g.data(), got * sizeof(gid_t))) return r = -EFAULT, true;
      r = got;
      return true;
    }
    case kSysGetpgid:
      r = HostResult(getpgid(a.Int(0)));
      return true;
    case kSysSetpgid:
      r = HostResult(setpgid(a.Int(0), a.Int(1)));
      return true;
    case kSysGetsid:
      r = HostResult(getsid(a.Int(0)));
      return true;
    case kSysSetsid:
      r = HostResult(setsid());
      return true;
    case kSysSetTidAddress:
      p.clear_child_tid = a[0];
      r = getpid();
      return true;
    case kSysSetRobustList:
      r = a[1] == kRobustListHeadSize ? 0 : -EINVAL;
      return true;
    case kSysRseq:
    case kSysMembarrier:
      // Optional kernel features that glibc probes for and does without.
      r = -ENOSYS;
      return true;
    case kSysUname: {
      abi::Utsname u;
      CopyField(u.sysname, "Linux");
      CopyField(u.nodename, "a64sim");
      CopyField(u.release, "6.1.0");
      CopyField(u.version, "#1 SMP a64sim");
      CopyField(u.machine, "aarch64");
      CopyField(u.domainname, "(none)");
      r = PutGuest(p, a[0], u) ? 0 : -EFAULT;
      return true;
    }
    case kSysGetrandom: {
      if (a.Int(2) & ~kGrndFlags) return r = -EINVAL, true;
      const uint64_t len = std::min<uint64_t>(a[1], 1u << 25);
      if (len == 0) return r = 0, true;
      const uint64_t n = p.mem.AccessibleLength(a[0], len, kProtWrite);
      if (n == 0) return r = -EFAULT, true;
      p.random.Fill(p.mem.HostRange(a[0], n, kProtWrite), n);
      r = static_cast<int64_t>(n);
      return true;
    }
    case kSysPrlimit64:
      if (a[0] != 0 && static_cast<int>(a[0]) != getpid()) return r = -ESRCH, true;
      r = Rlimit(p, a[1], a[2], a[3]);
      return true;
    case kSysGetrlimit:
      r = Rlimit(p, a[0], 0, a[1]);
      return true;
    case kSysSetrlimit:
      r = Rlimit(p, a[0], a[1], 0);
      return true;
    case kSysSysinfo: {
      struct sysinfo h;
      if (sysinfo(&h) != 0) return r = -errno, true;
      abi::Sysinfo s{};
      abi::Timespec up;
      p.clock.Get(7 /*CLOCK_BOOTTIME*/, p.cpu.icount, &up);
      s.uptime = up.tv_sec;
      if (p.clock.host())
        for (int i = 0; i < 3; ++i) s.loads[i] = h.loads[i];
      s.totalram = h.totalram;
      s.freeram = h.freeram;
      s.sharedram = h.sharedram;
      s.bufferram = h.bufferram;
      s.totalswap = h.totalswap;
      s.freeswap = h.freeswap;
      s.procs = 1;
      s.totalhigh = h.totalhigh;
      s.freehigh = h.freehigh;
      s.mem_unit = h.mem_unit;
      r = PutGuest(p, a[0], s) ? 0 : -EFAULT;
      return true;
    }
    case kSysSchedGetaffinity: {
      // One CPU. Linux wants room for nr_cpu_ids bits, in whole longs.
      if (a[0] != 0 && static_cast<int>(a[0]) != getpid()) return r = -ESRCH, true;
      if (a[1] < 8 || (a[1] & 7)) return r = -EINVAL, true;
      const uint64_t mask = 1;
      r = PutGuest(p, a[2], mask) ? 8 : -EFAULT;
      return true;
    }
    case kSysSchedYield:
      r = 0;
      return true;
    case kSysPrctl:
      if (a.Int(0) == abi::kPrSetName) {
        // Like strncpy_from_user(comm, name, 15): up to the NUL or 15 bytes.
        char s[abi::kTaskCommLen] = {};
        const uint64_t n = p.mem.AccessibleLength(a[1], abi::kTaskCommLen - 1, kProtRead);
        if (n == 0) return r = -EFAULT, true;
        p.mem.CopyFromGuest(s, a[1], n);
        if (n < abi::kTaskCommLen - 1 && !std::memchr(s, 0, n)) return r = -EFAULT, true;
        std::memset(p.comm, 0, sizeof(p.comm));
        std::memcpy(p.comm, s, sizeof(p.comm) - 1);
        r = 0;
        return true;
      }
      if (a.Int(0) == abi::kPrGetName) {
        r = p.mem.CopyToGuest(a[1], p.comm, sizeof(p.comm)) ? 0 : -EFAULT;
        return true;
      }
      p.WarnOnce("prctl-" + std::to_string(a.Int(0)),
                 "unsupported prctl option " + std::to_string(a.Int(0)) + " (-EINVAL)");
      r = -EINVAL;
      return true;
    case kSysFutex:
      r = Futex(p, a);
      return true;
    default:
      return false;
  }
}

}  // namespace a64::user
