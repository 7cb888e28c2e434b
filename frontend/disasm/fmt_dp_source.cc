// Data-processing (1, 2 and 3 source), CRC32 and pointer authentication, with
// LLVM's MUL/MNEG/SMULL/SMNEGL/UMULL/UMNEGL aliases.
#include "frontend/disasm/formatters_dp.h"

namespace a64 {

// UDIV..RORV: the table's mnemonics are already LLVM's (LSL for LSLV, ...).
void FmtDp2Src(Disasm& d) {
  const bool sf = d.Bit(31);
  d.Operand(GpReg(sf, d.Bits(4, 0)));
  d.Operand(GpReg(sf, d.Bits(9, 5)));
  d.Operand(GpReg(sf, d.Bits(20, 16)));
}

// CRC32{C}{B,H,W,X} Wd, Wn, Wm or Xm (the X forms take a 64-bit Rm).
void FmtCrc32(Disasm& d) {
  d.Operand(WReg(d.Bits(4, 0)));
  d.Operand(WReg(d.Bits(9, 5)));
  d.Operand(GpReg(d.Bit(31), d.Bits(20, 16)));
}

// PACGA Xd, Xn, Xm|SP
void FmtPacga(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(XReg(d.Bits(9, 5)));
  d.Operand(XRegSp(d.Bits(20, 16)));
}

void FmtDp1Src(Disasm& d) {
  const bool sf = d.Bit(31);
  d.Operand(GpReg(sf, d.Bits(4, 0)));
  d.Operand(GpReg(sf, d.Bits(9, 5)));
}

// PACIA..AUTDB Xd, Xn|SP (the modifier)
void FmtPacKeyed(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(XRegSp(d.Bits(9, 5)));
}

// PACIZA..AUTDZB, XPACI, XPACD Xd
void FmtPacZero(Disasm& d) { d.Operand(XReg(d.Bits(4, 0))); }

// MADD/MSUB; Ra == ZR prints as MUL/MNEG.
void FmtDp3Src(Disasm& d) {
  const bool sf = d.Bit(31), sub = d.Bit(15);
  const unsigned ra = d.Bits(14, 10);
  if (ra == 31) d.Mnemonic(sub ? "mneg" : "mul");
  d.Operand(GpReg(sf, d.Bits(4, 0)));
  d.Operand(GpReg(sf, d.Bits(9, 5)));
  d.Operand(GpReg(sf, d.Bits(20, 16)));
  if (ra != 31) d.Operand(GpReg(sf, ra));
}

// {S,U}M{ADD,SUB}L Xd, Wn, Wm, Xa; Ra == XZR prints as {S,U}MULL / {S,U}MNEGL.
void FmtDp3SrcLong(Disasm& d) {
  const bool is_unsigned = d.Bit(23), sub = d.Bit(15);
  const unsigned ra = d.Bits(14, 10);
  if (ra == 31) {
    d.Mnemonic(std::string(is_unsigned ? "u" : "s") + (sub ? "mnegl" : "mull"));
  }
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(WReg(d.Bits(9, 5)));
  d.Operand(WReg(d.Bits(20, 16)));
  if (ra != 31) d.Operand(XReg(ra));
}

// SMULH/UMULH Xd, Xn, Xm (Ra ignored).
void FmtMulHigh(Disasm& d) {
  d.Operand(XReg(d.Bits(4, 0)));
  d.Operand(XReg(d.Bits(9, 5)));
  d.Operand(XReg(d.Bits(20, 16)));
}

}  // namespace a64
