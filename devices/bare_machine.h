// The bare-metal machine: one PE, RAM, the generic timer wired straight to the
// PE's IRQ input (no interrupt controller yet) and optional semihosting. It
// is the Platform the system instructions call and the InterruptSource the
// runner polls.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "devices/single_pe_board.h"

namespace a64 {

struct BareMachineConfig {
  uint64_t ram_base = 0x4000'0000;   // as QEMU's virt board
  uint64_t ram_size = 128ull << 20;
  bool host_time = false;
  bool semihosting = false;
  EngineOptions engine;
};

class BareMachine final : public SinglePeBoard {
 public:
  explicit BareMachine(const BareMachineConfig& config);
  ~BareMachine() override;

  // Creates the RAM. False with a reason on error.
  bool Init(std::string* error);

  const BareMachineConfig& config() const { return config_; }

  // Cold reset into EL1h at `entry` (SinglePeBoard::ResetPe).
  void Reset(uint64_t entry);

  // Platform: no firmware yet (PSCI comes with the virt board): HVC and SMC
  // are UNDEFINED.
  bool FirmwareCall(Cpu&, bool, uint16_t) override { return false; }

  // InterruptSource.
  uint64_t Update(Cpu& cpu) override;
  bool IrqLine() const override { return irq_; }
  bool FiqLine() const override { return false; }
  bool WaitForEvent(Cpu& cpu) override { return SleepUntilTimer(cpu); }

 private:
  BareMachineConfig config_;
  bool irq_ = false;
};

}  // namespace a64
