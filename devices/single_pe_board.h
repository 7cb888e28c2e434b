// What a board with one PE does whatever its devices: it owns the physical
// memory, the generic timer, semihosting, the PE with its MMU and the runner
// that executes it; resets the PE; answers the Platform calls that concern
// only the PE (TLB and address-translation maintenance, the counter); and
// evaluates the EL1 timers, which each board wires to its own interrupt
// inputs. BareMachine and VirtMachine build on it.
#pragma once

#include <cstdint>
#include <memory>

#include "devices/generic_timer.h"
#include "devices/semihosting.h"
#include "frontend/semantics/cpu.h"
#include "frontend/semantics/platform.h"
#include "jit/engine_options.h"
#include "jit/interrupt_source.h"
#include "jit/system_runner.h"
#include "mmu/mmu.h"
#include "mmu/physical_memory.h"

namespace a64 {

class SinglePeBoard : public Platform, public InterruptSource {
 public:
  PhysicalMemory& physical_memory() { return phys_; }
  Cpu& cpu() { return cpu_; }
  const Cpu& cpu() const { return cpu_; }

  SystemRunResult Run(uint64_t max_insns) { return runner_.Run(cpu_, max_insns); }
  const SystemRunner& runner() const { return runner_; }

  // Platform.
  void TlbInvalidate(Cpu& cpu, TlbiScope scope, uint16_t asid, uint64_t va) override;
  bool AddressTranslate(Cpu& cpu, uint64_t va, bool as_el0, bool write, uint64_t* par,
                        MemFault* abort) override;
  // The interpreter fetches every instruction from memory, and translated
  // code is dropped when its page is written (jit/code_port.h): no copy of
  // the code is left for IC maintenance to invalidate.
  void InstructionCacheInvalidate(Cpu&, bool, uint64_t) override {}
  uint64_t CounterValue(const Cpu& cpu) const override { return timer_.Counter(cpu.icount); }
  uint64_t CounterFrequency() const override { return GenericTimer::kFrequency; }
  void TimerChanged(Cpu&) override { attention = 0; }

 protected:
  SinglePeBoard(bool host_time, bool semihosting, const EngineOptions& engine);
  ~SinglePeBoard() override;

  // Cold reset of the PE into EL1h at `entry`: a fresh Cpu on a fresh MMU,
  // system registers at their reset values, X0..X30 = 0, every interrupt
  // masked (ARM ARM D1.9 "Reset" for a PE without EL2/EL3; the MMU is off
  // because SCTLR_EL1.M resets to 0).
  void ResetPe(uint64_t entry);

  // The EL1 virtual and physical timers' outputs now, and the instruction
  // count at which the next one that is low rises (kNever: none armed).
  struct TimerOutputs {
    bool virt;
    bool phys;
    uint64_t next;
  };
  TimerOutputs EvaluateTimers(const Cpu& cpu) const;
  // WFI/WFE: sleeps (host time) until the earlier armed timer fires; false
  // when neither is armed.
  bool SleepUntilTimer(const Cpu& cpu);

  PhysicalMemory phys_;
  GenericTimer timer_;
  Semihosting semihosting_;
  Cpu cpu_;
  std::unique_ptr<Mmu> mmu_;  // created by ResetPe
  SystemRunner runner_;
};

}  // namespace a64
