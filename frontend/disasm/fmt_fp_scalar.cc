// Operand printing of the scalar floating-point classes (ARM ARM C4.1.96),
// spelled as llvm-mc prints them.
#include <cstdio>

#include "frontend/disasm/formatters_fp_scalar.h"

namespace a64 {
namespace {

std::string FpReg(const Disasm& d, unsigned n) {
  return VRegScalar(FpTypeLetter(d.Bits(23, 22)), n);
}

// True when the destination of a conversion is the FP register: SCVTF/UCVTF
// (opcode 01x) and FMOV general-to-FP (opcode 111).
bool IntToFp(const Disasm& d) {
  const unsigned opcode = d.Bits(18, 16);
  return opcode == 2 || opcode == 3 || opcode == 7;
}

// VFPExpandImm (ARM ARM J1): imm8 = a:b:c:d:efgh gives
// (-1)^a * (16 + efgh) / 16 * 2^(b ? cd - 3 : cd + 1).
double ExpandFpImm8(unsigned imm8) {
  const int cd = (imm8 >> 4) & 3;
  const int scale = ((imm8 >> 6) & 1) ? cd - 3 : cd + 1;
  double v = (16.0 + (imm8 & 15)) / 16.0;
  for (int i = 0; i < scale; ++i) v *= 2.0;
  for (int i = 0; i > scale; --i) v /= 2.0;
  return (imm8 & 0x80) ? -v : v;
}

}  // namespace

char FpTypeLetter(unsigned ftype) { return "sd?h"[ftype & 3]; }

void FmtFpFixed(Disasm& d) {
  const bool sf = d.Bit(31);
  const std::string fp = FpReg(d, d.Bit(20) ? d.Bits(9, 5) : d.Bits(4, 0));
  const std::string gp = GpReg(sf, d.Bit(20) ? d.Bits(4, 0) : d.Bits(9, 5));
  d.Operand(d.Bit(20) ? gp : fp);
  d.Operand(d.Bit(20) ? fp : gp);
  d.Operand(ImmDec(64 - d.Bits(15, 10)));
}

void FmtFpInt(Disasm& d) {
  const bool sf = d.Bit(31);
  if (IntToFp(d)) {
    d.Operand(FpReg(d, d.Bits(4, 0)));
    d.Operand(GpReg(sf, d.Bits(9, 5)));
  } else {
    d.Operand(GpReg(sf, d.Bits(4, 0)));
    d.Operand(FpReg(d, d.Bits(9, 5)));
  }
}

void FmtFpMovTop(Disasm& d) {
  if (d.Bit(16)) {
    d.Operand(VRegArr(d.Bits(4, 0), "d") + "[1]");
    d.Operand(XReg(d.Bits(9, 5)));
  } else {
    d.Operand(XReg(d.Bits(4, 0)));
    d.Operand(VRegArr(d.Bits(9, 5), "d") + "[1]");
  }
}

void FmtFpRR(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(4, 0)));
  d.Operand(FpReg(d, d.Bits(9, 5)));
}

void FmtFpCvt(Disasm& d) {
  d.Operand(VRegScalar(FpTypeLetter(d.Bits(16, 15)), d.Bits(4, 0)));
  d.Operand(FpReg(d, d.Bits(9, 5)));
}

void FmtFpCmp(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(9, 5)));
  d.Operand(FpReg(d, d.Bits(20, 16)));
}

void FmtFpCmpZero(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(9, 5)));
  d.Operand("#0.0");
}

void FmtFpImm(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(4, 0)));
  char buf[48];
  std::snprintf(buf, sizeof buf, "#%.8f", ExpandFpImm8(d.Bits(20, 13)));
  d.Operand(buf);
}

void FmtFpCcmp(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(9, 5)));
  d.Operand(FpReg(d, d.Bits(20, 16)));
  d.Operand(ImmDec(d.Bits(3, 0)));
  d.Operand(CondName(d.Bits(15, 12)));
}

void FmtFpRRR(Disasm& d) {
  d.Operand(FpReg(d, d.Bits(4, 0)));
  d.Operand(FpReg(d, d.Bits(9, 5)));
  d.Operand(FpReg(d, d.Bits(20, 16)));
}

void FmtFpCsel(Disasm& d) {
  FmtFpRRR(d);
  d.Operand(CondName(d.Bits(15, 12)));
}

void FmtFpRRRR(Disasm& d) {
  FmtFpRRR(d);
  d.Operand(FpReg(d, d.Bits(14, 10)));
}

}  // namespace a64
