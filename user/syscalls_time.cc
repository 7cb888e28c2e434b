// Clock and sleep system calls, over GuestClock (virtual time by default).
#include <sys/resource.h>

#include "user/syscall_numbers.h"
#include "user/syscalls_internal.h"

namespace a64::user {

namespace {

constexpr int kTimerAbstime = 1;

bool ValidTimespec(const abi::Timespec& t) {
  return t.tv_sec >= 0 && t.tv_nsec >= 0 && t.tv_nsec < 1000000000;
}

uint64_t ToNs(const abi::Timespec& t) {
  return static_cast<uint64_t>(t.tv_sec) * 1000000000u + static_cast<uint64_t>(t.tv_nsec);
}

abi::Timeval NsToTimeval(uint64_t ns) {
  return abi::Timeval{static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000 / 1000)};
}

// Sleeps until `req` (relative, or absolute on clock `id`).
int64_t Sleep(UserProcess& p, int id, bool absolute, uint64_t req_va) {
  abi::Timespec req;
  if (!GetGuest(p, req_va, &req)) return -EFAULT;
  if (!ValidTimespec(req)) return -EINVAL;
  uint64_t ns = ToNs(req);
  if (absolute) {
    abi::Timespec now;
    if (int r = p.clock.Get(id, p.cpu.icount, &now)) return r;
    const uint64_t now_ns = ToNs(now);
    ns = ns > now_ns ? ns - now_ns : 0;
  }
  p.clock.Sleep(ns);
  return 0;
}

}  // namespace

bool TimeSyscall(UserProcess& p, uint64_t nr, const SyscallArgs& a, int64_t* result) {
  int64_t& r = *result;
  abi::Timespec ts;
  switch (nr) {
    case kSysClockGettime:
      if ((r = p.clock.Get(a.Int(0), p.cpu.icount, &ts))) return true;
      r = PutGuest(p, a[1], ts) ? 0 : -EFAULT;
      return true;
    case kSysClockGetres:
      if ((r = p.clock.Resolution(a.Int(0), &ts))) return true;
      r = a[1] == 0 || PutGuest(p, a[1], ts) ? 0 : -EFAULT;
      return true;
    case kSysGettimeofday: {
      p.clock.Get(0, p.cpu.icount, &ts);
      r = 0;
      if (a[0] && !PutGuest(p, a[0], abi::Timeval{ts.tv_sec, ts.tv_nsec / 1000})) r = -EFAULT;
      if (a[1] && !PutGuest(p, a[1], abi::Timezone{0, 0})) r = -EFAULT;
      return true;
    }
    case kSysNanosleep:
      r = Sleep(p, 1, false, a[0]);
      return true;
    case kSysClockNanosleep: {
      const int id = a.Int(0);
      if (id == 2 || id == 3) return r = -EINVAL, true;  // CPU-time clocks: not supported
      if (p.clock.Get(id, p.cpu.icount, &ts) != 0) return r = -EINVAL, true;
      r = Sleep(p, id, a.Int(1) & kTimerAbstime, a[2]);
      return true;
    }
    case kSysTimes: {
      // Clock ticks at AT_CLKTCK = 100 Hz.
      const int64_t ticks = static_cast<int64_t>(p.clock.CpuNs(p.cpu.icount) / 10000000);
      if (a[0] && !PutGuest(p, a[0], abi::Tms{ticks, 0, 0, 0})) return r = -EFAULT, true;
      p.clock.Get(1, p.cpu.icount, &ts);
      r = static_cast<int64_t>(ToNs(ts) / 10000000);
      return true;
    }
    case kSysGetrusage: {
      const int who = a.Int(0);
      if (who != RUSAGE_SELF && who != RUSAGE_CHILDREN && who != RUSAGE_THREAD)
        return r = -EINVAL, true;
      abi::Rusage u{};
      if (who != RUSAGE_CHILDREN) u.ru_utime = NsToTimeval(p.clock.CpuNs(p.cpu.icount));
      r = PutGuest(p, a[1], u) ? 0 : -EFAULT;
      return true;
    }
    default:
      return false;
  }
}

}  // namespace a64::user
