#include "user/guest_clock.h"

#include <cerrno>
#include <ctime>

namespace a64::user {

namespace {

// Linux clock ids (uapi/linux/time.h).
enum : int {
  kRealtime = 0,
  kMonotonic = 1,
  kProcessCputime = 2,
  kThreadCputime = 3,
  kMonotonicRaw = 4,
  kRealtimeCoarse = 5,
  kMonotonicCoarse = 6,
  kBoottime = 7,
  kRealtimeAlarm = 8,
  kBoottimeAlarm = 9,
  kTai = 11,
};

abi::Timespec FromNs(uint64_t ns) {
  return abi::Timespec{static_cast<int64_t>(ns / 1000000000), static_cast<int64_t>(ns % 1000000000)};
}

}  // namespace

int GuestClock::Get(int id, uint64_t retired, abi::Timespec* ts) const {
  if (host_) {
    if (id == kProcessCputime || id == kThreadCputime) {
      *ts = FromNs(CpuNs(retired));
      return 0;
    }
    timespec h;
    if (clock_gettime(id, &h) != 0) return -errno;
    *ts = abi::Timespec{h.tv_sec, h.tv_nsec};
    return 0;
  }
  switch (id) {
    case kRealtime:
    case kRealtimeCoarse:
    case kRealtimeAlarm:
    case kTai: {
      *ts = FromNs(VirtualNs(retired));
      ts->tv_sec += kVirtualEpoch;
      return 0;
    }
    case kMonotonic:
    case kMonotonicRaw:
    case kMonotonicCoarse:
    case kBoottime:
    case kBoottimeAlarm:
      *ts = FromNs(VirtualNs(retired));
      return 0;
    case kProcessCputime:
    case kThreadCputime:
      *ts = FromNs(CpuNs(retired));
      return 0;
    default:
      return -EINVAL;
  }
}

int GuestClock::Resolution(int id, abi::Timespec* ts) const {
  if (host_ && id != kProcessCputime && id != kThreadCputime) {
    timespec h;
    if (clock_getres(id, &h) != 0) return -errno;
    *ts = abi::Timespec{h.tv_sec, h.tv_nsec};
    return 0;
  }
  // Virtual clocks tick in nanoseconds.
  abi::Timespec unused;
  const int r = Get(id, 0, &unused);
  if (r != 0) return r;
  *ts = abi::Timespec{0, 1};
  return 0;
}

void GuestClock::Sleep(uint64_t ns) {
  if (!host_) {
    slept_ns_ += ns;
    return;
  }
  timespec req{static_cast<time_t>(ns / 1000000000), static_cast<long>(ns % 1000000000)};
  while (nanosleep(&req, &req) != 0 && errno == EINTR) {
  }
}

}  // namespace a64::user
