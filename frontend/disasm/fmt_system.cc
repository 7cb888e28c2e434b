// Formatters of exception generation, hints, barriers, PSTATE and system
// register moves.
#include "frontend/disasm/formatters_branch_system.h"

namespace a64 {

namespace {

// LLVM prints 16-bit exception immediates in hex, except zero ("#0").
std::string Imm16(uint32_t v) { return v == 0 ? std::string("#0") : ImmHex(v); }

}  // namespace

void FmtNoOperands(Disasm&) {}

// SVC, HVC, SMC, BRK, HLT #imm16.
void FmtExceptionImm(Disasm& d) { d.Operand(Imm16(d.Bits(20, 5))); }

// DCPS1..3: the immediate is optional and omitted when zero.
void FmtDcps(Disasm& d) {
  if (d.Bits(20, 5) != 0) d.Operand(Imm16(d.Bits(20, 5)));
}

// HINT #CRm:op2 (the hints without a name of their own).
void FmtHint(Disasm& d) { d.Operand(ImmDec(d.Bits(11, 5))); }

// CLREX, ISB: CRm = 1111 is the default and is omitted.
void FmtBarrierImm(Disasm& d) {
  if (d.Bits(11, 8) != 15) d.Operand(ImmDec(d.Bits(11, 8)));
}

// DSB, DMB: the <option> names of ARM ARM C6.2 DMB (CRm = domain:types).
void FmtBarrierOption(Disasm& d) {
  static constexpr const char* kOptions[16] = {nullptr, "oshld", "oshst", "osh",
                                               nullptr, "nshld", "nshst", "nsh",
                                               nullptr, "ishld", "ishst", "ish",
                                               nullptr, "ld",    "st",    "sy"};
  const unsigned crm = d.Bits(11, 8);
  d.Operand(kOptions[crm] ? std::string(kOptions[crm]) : ImmDec(crm));
}

// MSR <pstatefield>, #imm: the allocation predicate admits only these fields.
void FmtMsrImm(Disasm& d) {
  const unsigned op1 = d.Bits(18, 16), op2 = d.Bits(7, 5);
  const char* field = "?";
  if (op1 == 0 && op2 == 3) field = "UAO";
  if (op1 == 0 && op2 == 4) field = "PAN";
  if (op1 == 0 && op2 == 5) field = "SPSel";
  if (op1 == 3 && op2 == 6) field = "DAIFSet";
  if (op1 == 3 && op2 == 7) field = "DAIFClr";
  d.Operand(field);
  d.Operand(ImmDec(d.Bits(11, 8)));
}

// MSR <systemreg>, Xt
void FmtMsrReg(Disasm& d) {
  d.Operand(SysRegText(static_cast<uint16_t>(d.Bits(20, 5)), /*for_read=*/false));
  d.Operand(XReg(d.Bits(4, 0)));
}

// MRS Xt, <systemreg>
void FmtMrs(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(SysRegText(static_cast<uint16_t>(d.Bits(20, 5)), /*for_read=*/true));
}

}  // namespace a64
