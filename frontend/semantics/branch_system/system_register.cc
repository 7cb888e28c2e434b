// MRS, MSR (register) and SYS at EL0 (ARM ARM C5.2-C5.3, C6.2 MRS/MSR/SYS).
// Only the registers and operations EL0 can use under Linux's SCTLR_EL1
// settings (UCT = 1: CTR_EL0 readable; DZE = 1: DC ZVA allowed; UCI = 1: DC
// CVAC/CVAU/CIVAC and IC IVAU allowed) are implemented. Any other access is
// UNDEFINED here; the full-system model will add the EL1+ registers and the
// traps to EL1 (EC 0x18) that the SCTLR_EL1 controls select.
//
// MSR (immediate) and SYSL are not registered: MSR SPSel/PAN/UAO are
// UNDEFINED at EL0 ("if PSTATE.EL == EL0 then UNDEFINED"), MSR DAIFSet/DAIFClr
// at EL0 trap to EL1 unless SCTLR_EL1.UMA == 1 (Linux leaves it 0), and no
// SYSL operation is defined.
#include "frontend/bits.h"
#include "frontend/disasm/formatters_branch_system.h"  // SysRegEncoding
#include "frontend/semantics/dispatch.h"
#include "frontend/semantics/branch_system/system_state.h"

namespace a64 {

namespace {

constexpr uint16_t kNZCV = SysRegEncoding(3, 3, 4, 2, 0);
constexpr uint16_t kFPCR = SysRegEncoding(3, 3, 4, 4, 0);
constexpr uint16_t kFPSR = SysRegEncoding(3, 3, 4, 4, 1);
constexpr uint16_t kCTR_EL0 = SysRegEncoding(3, 3, 0, 0, 1);
constexpr uint16_t kDCZID_EL0 = SysRegEncoding(3, 3, 0, 0, 7);
constexpr uint16_t kTPIDR_EL0 = SysRegEncoding(3, 3, 13, 0, 2);
constexpr uint16_t kTPIDRRO_EL0 = SysRegEncoding(3, 3, 13, 0, 3);

// MRS Xt, <systemreg>
ExecStatus ExecMRS(Cpu& cpu, uint32_t insn) {
  const unsigned t = Bits(insn, 4, 0);
  uint64_t value;
  switch (Bits(insn, 20, 5)) {
    case kNZCV: value = cpu.st.nzcv & kNzcvMask; break;
    case kFPCR: value = cpu.st.fpcr & kFpcrWritable; break;
    case kFPSR: value = cpu.st.fpsr & kFpsrWritable; break;
    case kCTR_EL0: value = kCtrEl0; break;
    case kDCZID_EL0: value = kDczidEl0; break;
    case kTPIDR_EL0: value = cpu.st.tpidr_el0; break;
    case kTPIDRRO_EL0: value = cpu.st.tpidrro_el0; break;
    default: return Undefined(cpu);
  }
  WriteX(cpu, t, value);
  return ExecStatus::kNext;
}

// MSR <systemreg>, Xt. Writes to RES0 bits are ignored (they read as zero).
// CTR_EL0, DCZID_EL0 are read-only and TPIDRRO_EL0 is read-only at EL0: MSR
// to them is UNDEFINED.
ExecStatus ExecMSR(Cpu& cpu, uint32_t insn) {
  const uint64_t value = ReadX(cpu, Bits(insn, 4, 0));
  switch (Bits(insn, 20, 5)) {
    case kNZCV: cpu.st.nzcv = static_cast<uint32_t>(value) & kNzcvMask; break;
    case kFPCR: cpu.st.fpcr = static_cast<uint32_t>(value) & kFpcrWritable; break;
    case kFPSR: cpu.st.fpsr = static_cast<uint32_t>(value) & kFpsrWritable; break;
    case kTPIDR_EL0: cpu.st.tpidr_el0 = value; break;
    default: return Undefined(cpu);
  }
  return ExecStatus::kNext;
}

// DC ZVA, Xt: zeroes the DCZID_EL0-sized block containing Xt, aligned down
// (ARM ARM C6.2 DC ZVA); it is checked
// and faults as a write of the whole block.
ExecStatus DcZva(Cpu& cpu, uint64_t va) {
  static constexpr uint8_t kZeros[kDcZvaBlockBytes] = {};
  const uint64_t block = va & ~(kDcZvaBlockBytes - 1);
  if (!MemWrite(cpu, block, kZeros, kDcZvaBlockBytes)) return ExecStatus::kException;
  return ExecStatus::kNext;
}

// DC CVAC/CVAU/CIVAC, IC IVAU by VA: this model has no caches, memory is
// always coherent and instruction fetch always reads memory, so there is no
// data to clean or invalidate. The access is still checked like a read, as on
// hardware an EL0 cache maintenance to an unmapped address takes a Data Abort
// (ARM ARM D4.4, cache maintenance by VA is treated as a read for
// permission checks; the ESR reports CM = 1, WnR = 1). The probe reads one
// byte; the full-system model should use a side-effect-free translation
// instead, for device memory.
// Note for the JIT: IC IVAU (with DSB/ISB) is where guest self-modifying code
// announces itself; translated code for that line must be dropped there.
ExecStatus CacheMaintenanceByVa(Cpu& cpu, uint64_t va) {
  uint8_t byte;
  if (MemRead(cpu, va, &byte, 1)) return ExecStatus::kNext;
  cpu.exc.is_write = true;  // WnR: cache maintenance reports 1
  cpu.exc.iss |= 1u << 8;   // ISS.CM
  return ExecStatus::kException;
}

// SYS #op1, Cn, Cm, #op2, Xt
ExecStatus ExecSYS(Cpu& cpu, uint32_t insn) {
  const uint64_t va = ReadX(cpu, Bits(insn, 4, 0));
  // op1:CRn:CRm:op2 of the operation (CRn is 7 for every EL0 operation).
  switch (Bits(insn, 18, 5)) {
    case (3 << 11) | (7 << 7) | (4 << 3) | 1: return DcZva(cpu, va);                  // DC ZVA
    case (3 << 11) | (7 << 7) | (10 << 3) | 1:                                      // DC CVAC
    case (3 << 11) | (7 << 7) | (11 << 3) | 1:                                      // DC CVAU
    case (3 << 11) | (7 << 7) | (12 << 3) | 1:                                      // DC CVAP
    case (3 << 11) | (7 << 7) | (14 << 3) | 1:                                      // DC CIVAC
    case (3 << 11) | (7 << 7) | (5 << 3) | 1: return CacheMaintenanceByVa(cpu, va);  // IC IVAU
    default: return Undefined(cpu);
  }
}

}  // namespace

void RegisterSystemRegisterMoves(ExecTable& t) {
  t.Set(Op::MRS_RS_systemmove, &ExecMRS);
  t.Set(Op::MSR_SR_systemmove, &ExecMSR);
  t.Set(Op::SYS_CR_systeminstrs, &ExecSYS);
}

}  // namespace a64
