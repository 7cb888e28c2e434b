#include "devices/generic_timer.h"

#include <ctime>

namespace a64 {
namespace {

// Host time has no instruction count at which a deadline falls: an armed
// timer is re-examined every this many instructions.
constexpr uint64_t kHostPollInsns = 4096;

}  // namespace

GenericTimer::GenericTimer(bool host_time) : host_time_(host_time) {
  if (host_time_) host_start_ns_ = HostNs();
}

uint64_t GenericTimer::HostNs() const {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1'000'000'000u + static_cast<uint64_t>(ts.tv_nsec);
}

uint64_t GenericTimer::Counter(uint64_t icount) const {
  if (host_time_) return (HostNs() - host_start_ns_) / kNsPerTick;
  return (icount + slept_ns_) / kNsPerTick;
}

uint64_t GenericTimer::FireIcount(uint64_t ctl, uint64_t cval, uint64_t icount) const {
  if (!(ctl & kTimerCtlEnable) || (ctl & kTimerCtlImask)) return kNever;
  if (ConditionMet(cval, Counter(icount))) return icount;
  if (host_time_) return icount + kHostPollInsns;
  // Counter(n) >= cval  <=>  n + slept >= cval * 16.
  if (cval > kNever / kNsPerTick) return kNever;
  return cval * kNsPerTick - slept_ns_;
}

void GenericTimer::SleepUntil(uint64_t cval, uint64_t icount) {
  const uint64_t now = Counter(icount);
  if (ConditionMet(cval, now)) return;
  if (host_time_) {
    const uint64_t ns = (cval - now) * kNsPerTick;
    timespec ts{static_cast<time_t>(ns / 1'000'000'000u), static_cast<long>(ns % 1'000'000'000u)};
    nanosleep(&ts, nullptr);
    return;
  }
  if (cval > kNever / kNsPerTick) return;  // never reached: the caller checks
  slept_ns_ = cval * kNsPerTick - icount;
}

}  // namespace a64
