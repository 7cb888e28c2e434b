// The generic timer registers of EL0/EL1 (ARM ARM D11.2 "The AArch64 view
// of the Generic Timer", D17.10). The count comes from the platform; the
// virtual offset is 0 (no EL2, so CNTVOFF_EL2 is treated as 0), so the
// virtual and physical counts are equal.
#include "frontend/semantics/branch_system/sysreg_accessors.h"

namespace a64 {

namespace {

constexpr uint64_t kCtlEnable = 1;
constexpr uint64_t kCtlIstatus = 4;

uint64_t Count(const Cpu& cpu) { return cpu.platform->CounterValue(cpu); }

// ISTATUS: the timer condition is met when the counter has reached the
// compare value, CVAL <= count as unsigned 64-bit values (ARM ARM D11.2.4).
// It reads 0 while the timer is disabled (ENABLE == 0: ISTATUS is UNKNOWN).
uint64_t Ctl(const Cpu& cpu, uint64_t ctl, uint64_t cval) {
  const bool met = (ctl & kCtlEnable) && Count(cpu) >= cval;
  return (ctl & 3) | (met ? kCtlIstatus : 0);
}

// TVAL reads (CVAL - count)<31:0>, a signed 32-bit down-counter; bits 63:32
// are RES0. A write sets CVAL = count + SignExtend(TVAL<31:0>).
uint64_t Tval(const Cpu& cpu, uint64_t cval) { return (cval - Count(cpu)) & 0xffffffffu; }
uint64_t CvalFromTval(const Cpu& cpu, uint64_t v) {
  return Count(cpu) + static_cast<uint64_t>(static_cast<int64_t>(static_cast<int32_t>(v)));
}

}  // namespace

uint64_t ReadCntpct(const Cpu& cpu) { return Count(cpu); }
uint64_t ReadCntvct(const Cpu& cpu) { return Count(cpu); }

uint64_t ReadCntvCtl(const Cpu& cpu) {
  return Ctl(cpu, cpu.st.sys.cntv_ctl_el0, cpu.st.sys.cntv_cval_el0);
}
void WriteCntvCtl(Cpu& cpu, uint64_t v) {
  cpu.st.sys.cntv_ctl_el0 = v & 3;
  cpu.platform->TimerChanged(cpu);
}
void WriteCntvCval(Cpu& cpu, uint64_t v) {
  cpu.st.sys.cntv_cval_el0 = v;
  cpu.platform->TimerChanged(cpu);
}
uint64_t ReadCntvTval(const Cpu& cpu) { return Tval(cpu, cpu.st.sys.cntv_cval_el0); }
void WriteCntvTval(Cpu& cpu, uint64_t v) { WriteCntvCval(cpu, CvalFromTval(cpu, v)); }

uint64_t ReadCntpCtl(const Cpu& cpu) {
  return Ctl(cpu, cpu.st.sys.cntp_ctl_el0, cpu.st.sys.cntp_cval_el0);
}
void WriteCntpCtl(Cpu& cpu, uint64_t v) {
  cpu.st.sys.cntp_ctl_el0 = v & 3;
  cpu.platform->TimerChanged(cpu);
}
void WriteCntpCval(Cpu& cpu, uint64_t v) {
  cpu.st.sys.cntp_cval_el0 = v;
  cpu.platform->TimerChanged(cpu);
}
uint64_t ReadCntpTval(const Cpu& cpu) { return Tval(cpu, cpu.st.sys.cntp_cval_el0); }
void WriteCntpTval(Cpu& cpu, uint64_t v) { WriteCntpCval(cpu, CvalFromTval(cpu, v)); }

}  // namespace a64
