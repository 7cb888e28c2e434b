// The bare-metal machine: one PE, RAM, the generic timer wired straight to the
// PE's IRQ input (no interrupt controller yet) and optional semihosting. It
// is the Platform the system instructions call and the InterruptSource the
// runner polls.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "devices/generic_timer.h"
#include "devices/semihosting.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/platform.h"
#include "jit/interrupt_source.h"
#include "jit/system_runner.h"
#include "mmu/mmu.h"
#include "mmu/physical_memory.h"

namespace a64 {

struct BareMachineConfig {
  uint64_t ram_base = 0x4000'0000;   // as QEMU's virt board
  uint64_t ram_size = 128ull << 20;
  bool host_time = false;
  bool semihosting = false;
  EngineOptions engine;
};

class BareMachine : public Platform, public InterruptSource {
 public:
  explicit BareMachine(const BareMachineConfig& config);
  ~BareMachine() override;

  // Creates the RAM. False with a reason on error.
  bool Init(std::string* error);

  PhysicalMemory& physical_memory() { return phys_; }
  Cpu& cpu() { return cpu_; }
  const BareMachineConfig& config() const { return config_; }

  // Cold reset into EL1h at `entry`: DAIF masked, MMU off, X0..X30 = 0,
  // system registers at their reset values.
  void Reset(uint64_t entry);

  SystemRunResult Run(uint64_t max_insns) { return runner_.Run(cpu_, max_insns); }
  const SystemRunner& runner() const { return runner_; }

  // Platform.
  void TlbInvalidate(Cpu& cpu, TlbiScope scope, uint16_t asid, uint64_t va) override;
  bool AddressTranslate(Cpu& cpu, uint64_t va, bool as_el0, bool write, uint64_t* par,
                        MemFault* abort) override;
  void InstructionCacheInvalidate(Cpu& cpu, bool all, uint64_t va) override;
  bool FirmwareCall(Cpu& cpu, bool smc, uint16_t imm) override;
  uint64_t CounterValue(const Cpu& cpu) const override;
  uint64_t CounterFrequency() const override { return GenericTimer::kFrequency; }
  void TimerChanged(Cpu& cpu) override;

  // InterruptSource.
  uint64_t Update(Cpu& cpu) override;
  bool IrqLine() const override { return irq_; }
  bool FiqLine() const override { return false; }
  bool WaitForEvent(Cpu& cpu) override;

 private:
  BareMachineConfig config_;
  PhysicalMemory phys_;
  GenericTimer timer_;
  Semihosting semihosting_;
  Cpu cpu_;
  std::unique_ptr<Mmu> mmu_;            // created by Reset
  SystemRunner runner_;
  bool irq_ = false;
};

}  // namespace a64
