// Logical and add/subtract (shifted and extended register) and add/subtract
// with carry, with LLVM's MOV/MVN/TST/NEG/NEGS/CMP/CMN/NGC/NGCS aliases.
#include "frontend/disasm/formatters_dp.h"

namespace a64 {
namespace {

// ", lsl #n" etc.; LSL #0 prints nothing, other shifts by 0 print.
void Shift(Disasm& d) {
  const unsigned type = d.Bits(23, 22), amount = d.Bits(15, 10);
  if (type == 0 && amount == 0) return;
  d.Operand(std::string(ShiftName(type)) + " #" + std::to_string(amount));
}

}  // namespace

void FmtLogicalShift(Disasm& d) {
  const bool sf = d.Bit(31), invert = d.Bit(21);
  const unsigned opc = d.Bits(30, 29), rm = d.Bits(20, 16), rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  const bool no_shift = d.Bits(23, 22) == 0 && d.Bits(15, 10) == 0;
  if (opc == 1 && rn == 31 && !invert && no_shift) {  // ORR Rd, ZR, Rm
    d.Mnemonic("mov");
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rm));
    return;
  }
  if (opc == 1 && rn == 31 && invert) {  // ORN Rd, ZR, Rm{, shift}
    d.Mnemonic("mvn");
    d.Operand(GpReg(sf, rd));
  } else if (opc == 3 && rd == 31 && !invert) {  // ANDS ZR, Rn, Rm{, shift}
    d.Mnemonic("tst");
    d.Operand(GpReg(sf, rn));
  } else {
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
  }
  d.Operand(GpReg(sf, rm));
  Shift(d);
}

// CMP/CMN (Rd == ZR) take precedence over NEGS (Rn == ZR).
void FmtAddSubShift(Disasm& d) {
  const bool sf = d.Bit(31), sub = d.Bit(30), setflags = d.Bit(29);
  const unsigned rm = d.Bits(20, 16), rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  if (setflags && rd == 31) {
    d.Mnemonic(sub ? "cmp" : "cmn");
    d.Operand(GpReg(sf, rn));
  } else if (sub && rn == 31) {
    d.Mnemonic(setflags ? "negs" : "neg");
    d.Operand(GpReg(sf, rd));
  } else {
    d.Operand(GpReg(sf, rd));
    d.Operand(GpReg(sf, rn));
  }
  d.Operand(GpReg(sf, rm));
  Shift(d);
}

// UXTW (32-bit) / UXTX (64-bit) print as LSL, or not at all when the shift is
// 0, if Rd or Rn is SP (LLVM's printArithExtend). Rm is an X register only for
// the 64-bit UXTX/SXTX.
void FmtAddSubExt(Disasm& d) {
  static constexpr const char* kExtend[8] = {"uxtb", "uxth", "uxtw", "uxtx",
                                             "sxtb", "sxth", "sxtw", "sxtx"};
  const bool sf = d.Bit(31), sub = d.Bit(30), setflags = d.Bit(29);
  const unsigned rm = d.Bits(20, 16), option = d.Bits(15, 13), amount = d.Bits(12, 10);
  const unsigned rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  if (setflags && rd == 31) {
    d.Mnemonic(sub ? "cmp" : "cmn");
  } else {
    d.Operand(setflags ? GpReg(sf, rd) : GpRegSp(sf, rd));
  }
  d.Operand(GpRegSp(sf, rn));
  d.Operand(GpReg(sf && (option & 3) == 3, rm));
  const bool rd_is_sp = !setflags && rd == 31;
  if ((rd_is_sp || rn == 31) && option == (sf ? 3u : 2u)) {
    if (amount) d.Operand("lsl #" + std::to_string(amount));
    return;
  }
  std::string ext = kExtend[option];
  if (amount) ext += " #" + std::to_string(amount);
  d.Operand(ext);
}

// SBC/SBCS with Rn == ZR print as NGC/NGCS.
void FmtAddSubCarry(Disasm& d) {
  const bool sf = d.Bit(31), sub = d.Bit(30), setflags = d.Bit(29);
  const unsigned rm = d.Bits(20, 16), rn = d.Bits(9, 5), rd = d.Bits(4, 0);
  d.Operand(GpReg(sf, rd));
  if (sub && rn == 31) {
    d.Mnemonic(setflags ? "ngcs" : "ngc");
    d.Operand(GpReg(sf, rd));
  } else {
    d.Operand(GpReg(sf, rn));
  }
  d.Operand(GpReg(sf, rm));
}

}  // namespace a64
