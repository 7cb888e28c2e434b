// The generic timer's counter and the interrupt condition of its EL1 timers
// (ARM ARM D11.2 "The Generic Timer in AArch64 state").
//
// Virtual time (the default): 1 retired instruction = 1 ns, and the counter
// runs at 62.5 MHz as on QEMU's virt board, so CNTPCT = (icount + slept) / 16
// where `slept` is the time skipped by WFI. Host time (opt-in): the counter
// follows the host's monotonic clock from the machine's creation.
//
// Without EL2, CNTVOFF_EL2 is zero and CNTVCT_EL0 equals CNTPCT_EL0.
#pragma once

#include <cstdint>

namespace a64 {

// CNTP_CTL_EL0 / CNTV_CTL_EL0 bits (ARM ARM D13.8.{13,17}).
constexpr uint64_t kTimerCtlEnable = 1;
constexpr uint64_t kTimerCtlImask = 2;
constexpr uint64_t kTimerCtlIstatus = 4;

class GenericTimer {
 public:
  static constexpr uint64_t kFrequency = 62'500'000;
  static constexpr uint64_t kNsPerTick = 1'000'000'000 / kFrequency;  // 16
  static constexpr uint64_t kNever = ~uint64_t{0};

  explicit GenericTimer(bool host_time);

  bool host_time() const { return host_time_; }

  // CNTPCT_EL0 when `icount` instructions have retired.
  uint64_t Counter(uint64_t icount) const;

  // The timer condition (D11.2.4): CVAL <= counter. ISTATUS reads as it.
  static bool ConditionMet(uint64_t cval, uint64_t counter) { return cval <= counter; }
  // The timer's interrupt output: ENABLE = 1, IMASK = 0 and the condition met.
  static bool Asserted(uint64_t ctl, uint64_t cval, uint64_t counter) {
    return (ctl & kTimerCtlEnable) && !(ctl & kTimerCtlImask) && ConditionMet(cval, counter);
  }

  // Virtual time: the instruction count at which a timer with these
  // registers starts asserting its output (`icount` itself when it already
  // does), or kNever when it is disabled or masked. Host time: `icount` plus
  // a polling interval while the timer is armed.
  uint64_t FireIcount(uint64_t ctl, uint64_t cval, uint64_t icount) const;

  // Lets time pass until the counter reaches `cval` (virtual time: skips the
  // clock forward at once; host time: sleeps). `icount` is the current count.
  void SleepUntil(uint64_t cval, uint64_t icount);

  // Virtual nanoseconds skipped by SleepUntil so far.
  uint64_t slept_ns() const { return slept_ns_; }

 private:
  uint64_t HostNs() const;

  bool host_time_;
  uint64_t slept_ns_ = 0;
  uint64_t host_start_ns_ = 0;
};

}  // namespace a64
