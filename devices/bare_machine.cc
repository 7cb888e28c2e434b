#include "devices/bare_machine.h"

#include <algorithm>

#include "frontend/semantics/branch_system/sysreg_table.h"

namespace a64 {
BareMachine::BareMachine(const BareMachineConfig& config)
    : config_(config),
      timer_(config.host_time),
      semihosting_(stdout, stderr),
      runner_(this, config.semihosting ? &semihosting_ : nullptr, config.engine) {}

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
  runner_.AttachCode(nullptr);  // the engine refers to the old MMU
  cpu_ = Cpu{};
  mmu_ = std::make_unique<Mmu>(cpu_.st, phys_);
  runner_.AttachCode(mmu_.get());
  cpu_.mem = mmu_.get();
  cpu_.platform = this;
  ResetSystemRegisters(cpu_);
  // EL1 with SP_EL1 selected (EL1h) and every interrupt masked, as a PE
  // without EL2/EL3 comes out of reset (ARM ARM D1.9 "Reset"; the MMU is off
  // because SCTLR_EL1.M resets to 0).
  cpu_.st.pstate = ProcState{};
  cpu_.st.pstate.el = 1;
  cpu_.st.pstate.sp = 1;
  cpu_.st.pstate.daif = kDaifD | kDaifA | kDaifI | kDaifF;
  cpu_.st.pc = entry;
  irq_ = false;
}

void BareMachine::TlbInvalidate(Cpu&, TlbiScope scope, uint16_t asid, uint64_t va) {
  mmu_->TlbInvalidate(scope, asid, va);
}

bool BareMachine::AddressTranslate(Cpu&, uint64_t va, bool as_el0, bool write, uint64_t* par,
                                   MemFault* abort) {
  return mmu_->AddressTranslate(va, as_el0, write, par, abort);
}

// The interpreter fetches every instruction from memory: no cached code.
void BareMachine::InstructionCacheInvalidate(Cpu&, bool, uint64_t) {}

// No firmware yet (PSCI comes with the virt board): HVC and SMC are
// UNDEFINED.
bool BareMachine::FirmwareCall(Cpu&, bool, uint16_t) { return false; }

uint64_t BareMachine::CounterValue(const Cpu& cpu) const { return timer_.Counter(cpu.icount); }

void BareMachine::TimerChanged(Cpu&) { attention = 0; }

// The EL1 virtual and physical timers drive the IRQ input directly (on the
// virt board they are PPIs 27 and 30 of the GIC).
uint64_t BareMachine::Update(Cpu& cpu) {
  const SystemRegisters& s = cpu.st.sys;
  const uint64_t now = timer_.Counter(cpu.icount);
  const bool virt = GenericTimer::Asserted(s.cntv_ctl_el0, s.cntv_cval_el0, now);
  const bool phys = GenericTimer::Asserted(s.cntp_ctl_el0, s.cntp_cval_el0, now);
  irq_ = virt || phys;
  uint64_t next = kNever;
  if (!virt) next = std::min(next, timer_.FireIcount(s.cntv_ctl_el0, s.cntv_cval_el0, cpu.icount));
  if (!phys) next = std::min(next, timer_.FireIcount(s.cntp_ctl_el0, s.cntp_cval_el0, cpu.icount));
  return next;
}

bool BareMachine::WaitForEvent(Cpu& cpu) {
  const SystemRegisters& s = cpu.st.sys;
  const uint64_t v = timer_.FireIcount(s.cntv_ctl_el0, s.cntv_cval_el0, cpu.icount);
  const uint64_t p = timer_.FireIcount(s.cntp_ctl_el0, s.cntp_cval_el0, cpu.icount);
  if (v == kNever && p == kNever) return false;
  timer_.SleepUntil(v <= p ? s.cntv_cval_el0 : s.cntp_cval_el0, cpu.icount);
  return true;
}

}  // namespace a64
