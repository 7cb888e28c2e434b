// The interrupt inputs of an interrupt controller, as devices drive them.
#pragma once

namespace a64 {

class InterruptSink {
 public:
  virtual ~InterruptSink() = default;
  // Drives the level-sensitive input `intid` (GIC numbering: SGIs 0-15, PPIs
  // 16-31, SPIs 32 and up). Devices call it whenever their output changes.
  virtual void SetLevel(unsigned intid, bool level) = 0;
};

}  // namespace a64
