// What the full-system runner needs from the machine around the PE besides
// the Platform interface: the IRQ/FIQ input lines and the notion of time that
// drives the devices raising them.
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

class InterruptSource {
 public:
  static constexpr uint64_t kNever = ~uint64_t{0};

  virtual ~InterruptSource() = default;

  // Brings the devices to the current time (derived from cpu.icount) and
  // updates the lines. Returns the instruction count at which a line may
  // change next on its own (kNever: only a register write can change it).
  virtual uint64_t Update(Cpu& cpu) = 0;

  // The level-sensitive interrupt inputs of the PE, as of the last Update.
  virtual bool IrqLine() const = 0;
  virtual bool FiqLine() const = 0;

  // WFI with no interrupt asserted: lets time pass until the next event a
  // device has scheduled (virtual time jumps there at once; host time
  // sleeps). Returns false when no event can ever come (the PE would sleep
  // forever).
  virtual bool WaitForEvent(Cpu& cpu) = 0;

  // The runner calls Update (and re-evaluates interrupts) before the
  // instruction whose count reaches this value. Devices set it to 0 when a
  // register write changes a line (Platform::TimerChanged, ...).
  uint64_t attention = 0;

  // Set by the machine when the guest asked it to stop (PSCI SYSTEM_OFF,
  // SYSTEM_RESET, ...), together with attention = 0: the runner returns
  // SystemStop::kMachineStop before the next instruction.
  bool stop_requested = false;
};

}  // namespace a64
