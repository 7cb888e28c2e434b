// The EL1 controls that trap or enable EL0 use of system instructions, and
// the exceptions those traps raise (ARM ARM D1.11.1 "EL1 configurable
// controls"; ESR_EL1 syndromes D17.2.37).
#pragma once

#include <cstdint>

#include "frontend/semantics/cpu.h"

namespace a64 {

// SCTLR_EL1 bits that control EL0 (ARM ARM D17.2.118).
constexpr uint64_t kSctlrUma = 1ull << 9;
constexpr uint64_t kSctlrDze = 1ull << 14;
constexpr uint64_t kSctlrUct = 1ull << 15;
constexpr uint64_t kSctlrNTwi = 1ull << 16;
constexpr uint64_t kSctlrNTwe = 1ull << 18;
constexpr uint64_t kSctlrUci = 1ull << 26;
// CPACR_EL1.FPEN, bits 21:20 (ARM ARM D17.2.30).
constexpr uint64_t kCpacrFpenEl1 = 1ull << 20;
constexpr uint64_t kCpacrFpen = 3ull << 20;
// CNTKCTL_EL1 (ARM ARM D17.10.1).
constexpr uint64_t kCntkctlEl0Pcten = 1ull << 0;
constexpr uint64_t kCntkctlEl0Vcten = 1ull << 1;
constexpr uint64_t kCntkctlEl0Vten = 1ull << 8;
constexpr uint64_t kCntkctlEl0Pten = 1ull << 9;

inline ExecStatus RaiseSync(Cpu& cpu, ExceptionClass ec, uint32_t iss) {
  cpu.exc = PendingException{ec, iss, 0, FaultKind::kNone, false};
  return ExecStatus::kException;
}

// ISS of an MSR, MRS or SYS trapped with EC 0x18 (ARM ARM D17.2.37, "ISS
// encoding for an exception from MSR, MRS, or System instruction execution
// in AArch64 state"): Op0 21:20, Op2 19:17, Op1 16:14, CRn 13:10, Rt 9:5,
// CRm 4:1, Direction 0 (1 = read, MRS). `insn` is the MSR/MRS/SYS word, whose
// bits 20:5 hold op0:op1:CRn:CRm:op2 (op0 is 0b01 for SYS).
inline uint32_t SysRegTrapIss(uint32_t insn) {
  const uint32_t op0 = (insn >> 19) & 3, op1 = (insn >> 16) & 7, crn = (insn >> 12) & 15;
  const uint32_t crm = (insn >> 8) & 15, op2 = (insn >> 5) & 7, rt = insn & 31;
  const uint32_t read = (insn >> 21) & 1;  // L: MRS, SYSL
  return op0 << 20 | op2 << 17 | op1 << 14 | crn << 10 | rt << 5 | crm << 1 | read;
}

inline ExecStatus SysRegTrap(Cpu& cpu, uint32_t insn) {
  return RaiseSync(cpu, ExceptionClass::kSysReg, SysRegTrapIss(insn));
}

// The CV:COND part of the ISS of EC 0x01 (WFI/WFE) and EC 0x07 (FP access):
// for an instruction trapped from AArch64 state CV is 1 and COND 0b1110
// (ARM ARM D17.2.37, ISS encodings for EC 0x01 and 0x07).
constexpr uint32_t kIssCvCondAl = 1u << 24 | 0xeu << 20;

inline ExecStatus FpAccessTrap(Cpu& cpu) {
  return RaiseSync(cpu, ExceptionClass::kFpAccess, kIssCvCondAl);
}

// Logs, once per encoding and Cpu, an access to a system register or system
// instruction this model does not implement (the access is UNDEFINED).
void ReportUnimplementedSystemAccess(Cpu& cpu, uint32_t insn);

}  // namespace a64
