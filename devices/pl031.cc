#include "devices/pl031.h"

#include <utility>

namespace a64 {

namespace {

// RTCPeriphID0-3 and RTCPCellID0-3 (DDI 0224): part number
// 0x031, designer 0x41 (ARM), revision 1 — the values QEMU's model returns —
// then the PrimeCell identification 0xB105F00D.
constexpr uint8_t kIdRegisters[8] = {0x31, 0x10, 0x14, 0x00, 0x0d, 0xf0, 0x05, 0xb1};

constexpr uint64_t kNsPerSecond = 1'000'000'000;
constexpr uint32_t kIntMatch = 1;  // RTCIMSC/RIS/MIS/ICR bit 0
constexpr uint32_t kCrStart = 1;   // RTCCR bit 0

}  // namespace

Pl031::Pl031(Clock clock, InterruptSink* irq, unsigned intid, uint32_t epoch)
    : ApbDevice(kMmioSize),
      clock_(std::move(clock)),
      irq_(irq),
      intid_(intid),
      offset_(epoch),
      last_count_(epoch) {}

void Pl031::Reset() {
  Update();
  mr_ = 0;
  lr_ = 0;
  cr_ = 0;
  imsc_ = 0;
  ris_ = 0;
  UpdateInterrupt();
}

uint32_t Pl031::Counter() const {
  return offset_ + static_cast<uint32_t>(clock_() / kNsPerSecond);
}

uint32_t Pl031::ReadRegister(uint64_t reg) {
  if (reg >= kPeriphID0) return kIdRegisters[(reg - kPeriphID0) / 4];
  switch (reg) {
    case kDR:
      Update();
      return last_count_;
    case kMR:
      return mr_;
    case kLR:
      return lr_;  // the last value loaded
    case kCR:
      return cr_;
    case kIMSC:
      return imsc_;
    case kRIS:
      Update();
      return ris_;
    case kMIS:
      Update();
      return ris_ & imsc_;
    default:
      return 0;  // RTCICR (write-only) and reserved offsets
  }
}

void Pl031::WriteRegister(uint64_t reg, uint32_t value) {
  switch (reg) {
    case kMR:
      Update();
      mr_ = value;
      if (last_count_ == mr_) ris_ |= kIntMatch;  // the comparator matches now
      break;
    case kLR: {
      Update();
      lr_ = value;
      uint32_t seconds = static_cast<uint32_t>(clock_() / kNsPerSecond);
      offset_ = value - seconds;
      last_count_ = value;
      if (last_count_ == mr_) ris_ |= kIntMatch;
      break;
    }
    case kCR:
      // RTCStart: once set, writes have no effect until reset (DDI 0224,
      // RTCCR). The counter runs regardless, as in QEMU: the board's RTC is
      // already running when the guest starts.
      cr_ |= value & kCrStart;
      break;
    case kIMSC:
      Update();
      imsc_ = value & kIntMatch;
      break;
    case kICR:
      ris_ &= ~(value & kIntMatch);
      break;
    default:
      break;  // RTCDR, RTCRIS, RTCMIS and the ID registers are read-only
  }
  UpdateInterrupt();
}

// The match interrupt is an event: it latches when the counter reaches RTCMR
// (DDI 0224, RTCMR), so passing over it between two updates also latches it.
void Pl031::Update() {
  uint32_t now = Counter();
  uint32_t elapsed = now - last_count_;
  uint32_t to_match = mr_ - last_count_;
  if (elapsed != 0 && to_match != 0 && to_match <= elapsed) ris_ |= kIntMatch;
  last_count_ = now;
  UpdateInterrupt();
}

uint64_t Pl031::NextEventNs() const {
  if (!(imsc_ & kIntMatch) || (ris_ & kIntMatch)) return kNever;
  uint64_t seconds = clock_() / kNsPerSecond;
  uint32_t count = offset_ + static_cast<uint32_t>(seconds);
  uint64_t wait = static_cast<uint32_t>(mr_ - count);
  if (wait == 0) wait = uint64_t{1} << 32;  // matched already: next wrap
  return (seconds + wait) * kNsPerSecond;
}

// RTCINTR = RTCMIS (DDI 0224, RTCMIS).
void Pl031::UpdateInterrupt() {
  bool level = (ris_ & imsc_ & kIntMatch) != 0;
  if (level == irq_level_) return;
  irq_level_ = level;
  if (irq_ != nullptr) irq_->SetLevel(intid_, level);
}

}  // namespace a64
