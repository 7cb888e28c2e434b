#include "devices/single_pe_board.h"

#include <algorithm>
#include <cstdio>

#include "frontend/semantics/branch_system/sysreg_table.h"

namespace a64 {

SinglePeBoard::SinglePeBoard(bool host_time, bool semihosting, const EngineOptions& engine)
    : timer_(host_time),
      semihosting_(stdout, stderr),
      runner_(this, semihosting ? &semihosting_ : nullptr, engine) {}

SinglePeBoard::~SinglePeBoard() = default;

void SinglePeBoard::ResetPe(uint64_t entry) {
  runner_.AttachCode(nullptr);  // the engine refers to the old MMU
  cpu_ = Cpu{};
  mmu_ = std::make_unique<Mmu>(cpu_.st, phys_);
  runner_.AttachCode(mmu_.get());
  cpu_.mem = mmu_.get();
  cpu_.platform = this;
  ResetSystemRegisters(cpu_);
  cpu_.st.pstate = ProcState{};
  cpu_.st.pstate.el = 1;
  cpu_.st.pstate.sp = 1;
  cpu_.st.pstate.daif = kDaifD | kDaifA | kDaifI | kDaifF;
  cpu_.st.pc = entry;
}

void SinglePeBoard::TlbInvalidate(Cpu&, TlbiScope scope, uint16_t asid, uint64_t va) {
  mmu_->TlbInvalidate(scope, asid, va);
}

bool SinglePeBoard::AddressTranslate(Cpu&, uint64_t va, bool as_el0, bool write, uint64_t* par,
                                     MemFault* abort) {
  return mmu_->AddressTranslate(va, as_el0, write, par, abort);
}

SinglePeBoard::TimerOutputs SinglePeBoard::EvaluateTimers(const Cpu& cpu) const {
  const SystemRegisters& s = cpu.st.sys;
  const uint64_t now = timer_.Counter(cpu.icount);
  TimerOutputs t;
  t.virt = GenericTimer::Asserted(s.cntv_ctl_el0, s.cntv_cval_el0, now);
  t.phys = GenericTimer::Asserted(s.cntp_ctl_el0, s.cntp_cval_el0, now);
  t.next = kNever;
  if (!t.virt)
    t.next = std::min(t.next, timer_.FireIcount(s.cntv_ctl_el0, s.cntv_cval_el0, cpu.icount));
  if (!t.phys)
    t.next = std::min(t.next, timer_.FireIcount(s.cntp_ctl_el0, s.cntp_cval_el0, cpu.icount));
  return t;
}

bool SinglePeBoard::SleepUntilTimer(const Cpu& cpu) {
  const SystemRegisters& s = cpu.st.sys;
  const uint64_t v = timer_.FireIcount(s.cntv_ctl_el0, s.cntv_cval_el0, cpu.icount);
  const uint64_t p = timer_.FireIcount(s.cntp_ctl_el0, s.cntp_cval_el0, cpu.icount);
  if (v == kNever && p == kNever) return false;
  timer_.SleepUntil(v <= p ? s.cntv_cval_el0 : s.cntp_cval_el0, cpu.icount);
  return true;
}

}  // namespace a64
