// Branch formatters. PC-relative targets are printed as the signed byte offset
// from the instruction ("b #-4"), as llvm-mc does, not as an absolute address.
#include "frontend/disasm/formatters_branch_system.h"

namespace a64 {

// B.cond: offset = SignExtend(imm19:'00', 21).
void FmtCondBranch(Disasm& d) {
  d.Mnemonic(std::string("b.") + CondName(d.Bits(3, 0)));
  d.Operand(ImmDec(SignExtend(d.Bits(23, 5) << 2, 21)));
}

// B, BL: offset = SignExtend(imm26:'00', 28).
void FmtBranchImm(Disasm& d) { d.Operand(ImmDec(SignExtend(d.Bits(25, 0) << 2, 28))); }

// CBZ, CBNZ: sf selects Wt or Xt.
void FmtCompareBranch(Disasm& d) {
  d.Operand(GpReg(d.Bit(31), d.Bits(4, 0)));
  d.Operand(ImmDec(SignExtend(d.Bits(23, 5) << 2, 21)));
}

// TBZ, TBNZ: bit_pos = b5:b40; b5 = 1 means an X register (bit >= 32).
void FmtTestBranch(Disasm& d) {
  const unsigned bit = (d.Bit(31) << 5) | d.Bits(23, 19);
  d.Operand(GpReg(d.Bit(31), d.Bits(4, 0)));
  d.Operand(ImmDec(bit));
  d.Operand(ImmDec(SignExtend(d.Bits(18, 5) << 2, 16)));
}

// BR, BLR, BRAAZ, BRABZ, BLRAAZ, BLRABZ: one register, Xn (31 is XZR here).
void FmtBranchReg(Disasm& d) { d.Operand(XReg(d.Bits(9, 5))); }

// BRAA, BRAB, BLRAA, BLRAB: Xn and the modifier Xm|SP.
void FmtBranchRegPac(Disasm& d) {
  d.Operand(XReg(d.Bits(9, 5)));
  d.Operand(XRegSp(d.Bits(4, 0)));
}

// RET: the register is omitted when it is the default X30.
void FmtRet(Disasm& d) {
  if (d.Bits(9, 5) != 30) d.Operand(XReg(d.Bits(9, 5)));
}

}  // namespace a64
