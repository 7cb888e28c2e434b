#include "devices/bare_machine.h"

namespace a64 {
BareMachine::BareMachine(const BareMachineConfig& config)
    : SinglePeBoard(config.host_time, config.semihosting, config.engine), config_(config) {}

BareMachine::~BareMachine() = default;

bool BareMachine::Init(std::string* error) {
  if (!config_.ram_size || (config_.ram_size & 0xfff)) {
    *error = "the RAM size must be a non-zero multiple of 4 KiB";
    return false;
  }
  if (!phys_.AddRam(config_.ram_base, config_.ram_size)) {
    *error = "cannot allocate the RAM";
    return false;
  }
  return true;
}

void BareMachine::Reset(uint64_t entry) {
  ResetPe(entry);
  irq_ = false;
}

// The EL1 virtual and physical timers drive the IRQ input directly (on the
// virt board they are PPIs 27 and 30 of the GIC).
uint64_t BareMachine::Update(Cpu& cpu) {
  const TimerOutputs t = EvaluateTimers(cpu);
  irq_ = t.virt || t.phys;
  return t.next;
}

}  // namespace a64
