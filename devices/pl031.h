// ARM PrimeCell Real Time Clock (PL031), ARM DDI 0224, as Linux's rtc-pl031
// driver uses it.
//
// The 32-bit counter counts seconds: RTCDR = offset + floor(now / 1 s) mod
// 2^32, where `now` comes from the board's clock (nanoseconds since boot:
// virtual time derived from retired instructions by default, so a run is
// deterministic) and the offset starts at the Unix time `epoch` (fixed by
// default, not the host's clock). Writing RTCLR moves the offset, as QEMU
// does: the 1 Hz clock keeps its phase.
//
// The match interrupt (RTCINTR) latches in RTCRIS when the counter becomes
// equal to RTCMR. The device is passive: the board calls Update() when the
// time from NextEventNs() has come (register reads update it themselves).
#pragma once

#include <cstdint>
#include <functional>

#include "devices/interrupt_sink.h"
#include "devices/apb_device.h"

namespace a64 {

class Pl031 final : public ApbDevice {
 public:
  using Clock = std::function<uint64_t()>;  // nanoseconds since boot

  static constexpr uint64_t kMmioSize = 0x1000;
  static constexpr uint64_t kNever = ~uint64_t{0};
  static constexpr uint32_t kDefaultEpoch = 1'767'225'600;  // 2026-01-01T00:00:00Z

  // Register offsets (DDI 0224, Summary of RTC registers).
  static constexpr uint64_t kDR = 0x000;
  static constexpr uint64_t kMR = 0x004;
  static constexpr uint64_t kLR = 0x008;
  static constexpr uint64_t kCR = 0x00c;
  static constexpr uint64_t kIMSC = 0x010;
  static constexpr uint64_t kRIS = 0x014;
  static constexpr uint64_t kMIS = 0x018;
  static constexpr uint64_t kICR = 0x01c;
  static constexpr uint64_t kPeriphID0 = 0xfe0;  // ... kPCellID3 = 0xffc

  // `irq` is not owned and may be null; `intid` is the line driven on it
  // (SPI 2 = 34 on virt). `clock` must be callable for the device's life; it
  // is not called by the constructor.
  Pl031(Clock clock, InterruptSink* irq, unsigned intid, uint32_t epoch = kDefaultEpoch);

  // Registers to their reset values and the interrupt output low. The counter
  // keeps running (a system reset does not stop the time of day).
  void Reset();

  // MMIO: see ApbDevice. Reserved offsets read as zero and ignore writes,
  // as in QEMU.

  // Brings the match interrupt up to the clock's current time.
  void Update();
  // The time (ns since boot) at which the interrupt output rises next on its
  // own, or kNever (masked, already asserted). Valid after Update().
  uint64_t NextEventNs() const;

  // RTCDR at the clock's current time.
  uint32_t Counter() const;
  bool interrupt_level() const { return irq_level_; }

 private:
  // ApbDevice.
  uint32_t ReadRegister(uint64_t reg) override;
  void WriteRegister(uint64_t reg, uint32_t value) override;
  void UpdateInterrupt();

  Clock clock_;
  InterruptSink* irq_;
  unsigned intid_;

  uint32_t offset_;      // RTCDR - floor(now / 1 s), modulo 2^32
  uint32_t last_count_;  // the counter at the previous Update
  uint32_t mr_ = 0;
  uint32_t lr_ = 0;
  uint32_t cr_ = 0;
  uint32_t imsc_ = 0;
  uint32_t ris_ = 0;
  bool irq_level_ = false;
};

}  // namespace a64
