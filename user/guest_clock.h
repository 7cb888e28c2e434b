// The guest's clocks. Determinism is a project principle, so by default time
// is virtual: the guest runs on a nominal 1 GHz clock where one retired
// instruction takes 1 ns, plus whatever it slept (sleeps advance virtual time
// without waiting). CLOCK_REALTIME starts at 2026-01-01T00:00:00Z, the
// monotonic/boot clocks at 0, the CPU-time clocks count retired instructions.
// With host time (--host-time) every clock and sleep is the host's.
#pragma once

#include <cstdint>

#include "user/linux_abi.h"

namespace a64::user {

constexpr int64_t kVirtualEpoch = 1767225600;  // 2026-01-01T00:00:00Z
constexpr uint64_t kNsPerInsn = 1;               // nominal 1 GHz

class GuestClock {
 public:
  explicit GuestClock(bool host_time) : host_(host_time) {}
  bool host() const { return host_; }

  // Reads clock `id` (Linux clockid) at `retired` instructions; returns 0 or
  // -EINVAL.
  int Get(int id, uint64_t retired, abi::Timespec* ts) const;
  int Resolution(int id, abi::Timespec* ts) const;
  // Sleeps `ns` (virtual: advances the clock).
  void Sleep(uint64_t ns);
  // Nanoseconds of guest CPU time so far.
  uint64_t CpuNs(uint64_t retired) const { return retired * kNsPerInsn; }

 private:
  uint64_t VirtualNs(uint64_t retired) const { return retired * kNsPerInsn + slept_ns_; }
  bool host_;
  uint64_t slept_ns_ = 0;
};

}  // namespace a64::user
