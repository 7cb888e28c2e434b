// Conditional compare and conditional select, with LLVM's CSET/CSETM/CINC/
// CINV/CNEG aliases.
#include "frontend/disasm/formatters_dp.h"

namespace a64 {

// CCMN/CCMP Rn, Rm, #nzcv, cond
void FmtCondCmpReg(Disasm& d) {
  const bool sf = d.Bit(31);
  d.Operand(GpReg(sf, d.Bits(9, 5)));
  d.Operand(GpReg(sf, d.Bits(20, 16)));
  d.Operand(ImmDec(d.Bits(3, 0)));
  d.Operand(CondName(d.Bits(15, 12)));
}

// CCMN/CCMP Rn, #imm5, #nzcv, cond
void FmtCondCmpImm(Disasm& d) {
  const bool sf = d.Bit(31);
  d.Operand(GpReg(sf, d.Bits(9, 5)));
  d.Operand(ImmDec(d.Bits(20, 16)));
  d.Operand(ImmDec(d.Bits(3, 0)));
  d.Operand(CondName(d.Bits(15, 12)));
}

// With Rn == Rm and cond not AL/NV: CSINC -> CSET (Rn == ZR) or CINC,
// CSINV -> CSETM or CINV, CSNEG -> CNEG; all print the inverted condition.
void FmtCondSelect(Disasm& d) {
  const bool sf = d.Bit(31), invert = d.Bit(30), increment = d.Bit(10);
  const unsigned rm = d.Bits(20, 16), cond = d.Bits(15, 12), rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  const bool is_select = !invert && !increment;
  if (!is_select && rn == rm && cond < 14) {
    const bool negate = invert && increment;
    if (rn == 31 && !negate) {
      d.Mnemonic(invert ? "csetm" : "cset");
      d.Operand(GpReg(sf, rd));
    } else {
      d.Mnemonic(negate ? "cneg" : invert ? "cinv" : "cinc");
      d.Operand(GpReg(sf, rd));
      d.Operand(GpReg(sf, rn));
    }
    d.Operand(CondName(cond ^ 1));
    return;
  }
  d.Operand(GpReg(sf, rd));
  d.Operand(GpReg(sf, rn));
  d.Operand(GpReg(sf, rm));
  d.Operand(CondName(cond));
}

}  // namespace a64
