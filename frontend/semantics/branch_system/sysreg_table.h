// The declarative table of the AArch64 system registers this PE implements
// (ARM ARM D17, "AArch64 System Register Descriptions"): one row per
// register, saying where its state lives, its reset value, the bits a write
// cannot change, and who may access it. MRS and MSR (register) go through it
// (system_register.cc); the checkpoint code walks it.
#pragma once

#include <cstdint>
#include <span>

#include "frontend/semantics/cpu.h"

namespace a64 {

// Whether an access is permitted at one Exception level for one direction,
// and if not what happens (ARM ARM D17 "Accessing <register>" pseudocode of
// each register, reduced to the configuration of this PE: no EL2, no EL3).
enum class SysRegGate : uint8_t {
  kUndefined,     // the access is UNDEFINED (EC 0x00)
  kAllowed,
  kSctlrUct,      // SCTLR_EL1.UCT == 1, else trap EC 0x18
  kSctlrUma,      // SCTLR_EL1.UMA == 1, else trap EC 0x18
  kSctlrDze,      // SCTLR_EL1.DZE == 1 (DC ZVA), else trap EC 0x18
  kSctlrUci,      // SCTLR_EL1.UCI == 1 (EL0 cache maintenance), else trap EC 0x18
  kCpacrFpenEl0,  // CPACR_EL1.FPEN == 0b11, else trap EC 0x07
  kCpacrFpenEl1,  // CPACR_EL1.FPEN == 0bx1, else trap EC 0x07
  kCntkctlPct,    // CNTKCTL_EL1.EL0PCTEN == 1, else trap EC 0x18
  kCntkctlVct,    // CNTKCTL_EL1.EL0VCTEN == 1, else trap EC 0x18
  kCntkctlAnyCt,  // EL0PCTEN or EL0VCTEN (CNTFRQ_EL0), else trap EC 0x18
  kCntkctlPt,     // CNTKCTL_EL1.EL0PTEN == 1, else trap EC 0x18
  kCntkctlVt,     // CNTKCTL_EL1.EL0VTEN == 1, else trap EC 0x18
  kSpSel,         // SP_EL0 at EL1: UNDEFINED when PSTATE.SP == 0
};

using SysRegReadFn = uint64_t (*)(const Cpu& cpu);
using SysRegWriteFn = void (*)(Cpu& cpu, uint64_t value);

constexpr uint32_t kNoField = 0xffffffffu;

struct SysRegRow {
  uint16_t enc;          // SysRegEncoding(op0, op1, CRn, CRm, op2)
  const char* name;      // ARM ARM name
  // State: a field of CpuState (offset and width in bytes), or none for
  // constants and registers that are views of other state (CurrentEL, DAIF...).
  uint32_t offset;
  uint8_t width;
  uint64_t constant;     // the value of a register without state and read fn
  SysRegReadFn read;     // computed read (nullptr: the field or the constant)
  SysRegWriteFn write;   // computed write, given the masked value (nullptr:
                         // store in the field)
  uint64_t reset;        // value after a Warm reset (ResetSystemRegisters)
  uint64_t res0;         // bits a write leaves 0 (RES0, RAZ/WI, read-only)
  uint64_t res1;         // bits a write leaves 1
  SysRegGate el0_read, el0_write, el1_read, el1_write;
  bool needs_platform;   // counters and timers: absent in user mode
};

// Every row, sorted by encoding.
std::span<const SysRegRow> SysRegTable();

// The row of `enc`, or nullptr when this PE has no such register. The
// reserved encodings of the ID register space (op0 = 3, op1 = 0, CRn = 0,
// CRm = 1..7) that name no register are RAZ at EL1 (ARM ARM D17.1.3,
// "Reserved encodings in the ID register space"); they share one row.
const SysRegRow* FindSysReg(uint16_t enc);

// kNext when `gate` permits the access made by `insn` (an MRS, MSR or SYS
// word); otherwise the UNDEFINED or trap exception, in cpu.exc.
ExecStatus CheckSysRegGate(Cpu& cpu, SysRegGate gate, uint32_t insn);

// MRS / MSR of a row once the access has been permitted.
uint64_t ReadSysReg(const Cpu& cpu, const SysRegRow& row);
void WriteSysReg(Cpu& cpu, const SysRegRow& row, uint64_t value);

// Puts every register with state to its reset value (the PE resets into
// EL1; architecturally UNKNOWN fields reset to 0). CNTFRQ_EL0 gets the
// platform's counter frequency, as the firmware of a system with EL3 would
// program it.
void ResetSystemRegisters(Cpu& cpu);

}  // namespace a64
